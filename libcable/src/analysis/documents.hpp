// A parsed cable turned into the Xapian documents of store/schema.hpp.
#ifndef CABLE_SRC_ANALYSIS_DOCUMENTS_HPP_
#define CABLE_SRC_ANALYSIS_DOCUMENTS_HPP_

#include <xapian.h>

#include <string>
#include <vector>

#include "analysis/analyzer.hpp"
#include "cable/record.hpp"
#include "store/record_codec.hpp"

namespace cable::internal {

struct CableDocuments {
  std::vector<Xapian::Document> docs;  // the cable document, then one per paragraph
  std::size_t paragraphs = 0;          // paragraph documents among `docs`
};

// The hash of everything parsed from `cable` but where it was read from
// (Cable::source), 16 hex digits: a cable whose hash the index holds is
// unchanged, even read from a moved file or another row of cables.csv.
// Cost: linear in its text.
std::string content_hash(const Cable& cable);

// The records of `cable`'s documents (store/stored.hpp), in their order: its
// cable document's, then each paragraph's. Cost: a copy of its text.
std::vector<std::string> records_of(const Cable& cable);

// Builds every document of `cable`, its records packed by `codec`. Cost:
// linear in its text.
CableDocuments make_documents(const Cable& cable, Analyzer& analyzer, const RecordCodec& codec);

}  // namespace cable::internal

#endif  // CABLE_SRC_ANALYSIS_DOCUMENTS_HPP_
