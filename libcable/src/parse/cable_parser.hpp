// From what a reader extracted to a parsed, normalized cable: the pipeline
// repair encoding -> strip page artefacts -> parse header and preamble ->
// cut paragraphs -> unwrap and repair their text.
#ifndef CABLE_SRC_PARSE_CABLE_PARSER_HPP_
#define CABLE_SRC_PARSE_CABLE_PARSER_HPP_

#include "cable/record.hpp"
#include "model/raw_cable.hpp"

namespace cable::internal {

// Never throws for odd content: what it cannot make sense of goes to
// Cable::warnings. Cost: linear in the size of the cable.
Cable parse_raw(RawCable&& raw);

}  // namespace cable::internal

#endif  // CABLE_SRC_PARSE_CABLE_PARSER_HPP_
