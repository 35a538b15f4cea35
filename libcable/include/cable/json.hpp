// libcable — the JSON form of a cable.
//
// One JSON object per cable, on one line, the form `cable parse --json` and
// `cable show --json` print (fields listed in docs/cli.md). Reading it back
// gives the same Cable, except the raw and whole text, which JSON omits.
//
// Thread safety: both functions are reentrant.
//
// Copyright (C) 2026 The libcable authors. SPDX-License-Identifier: GPL-2.0-or-later
#ifndef CABLE_JSON_HPP_
#define CABLE_JSON_HPP_

#include <string>
#include <string_view>

#include "cable/export.hpp"
#include "cable/record.hpp"

namespace cable {

/// The cable as one line of JSON (valid UTF-8; invalid bytes, which a parsed
/// cable never has, would become U+FFFD). Cost: linear in the cable's size.
CABLE_EXPORT std::string to_json(const Cable& cable);

/// Reads to_json() output back. Fields it lacks keep their defaults.
/// @throws cable::Error kMalformed naming `source_name` when `json` is not a
///   JSON object of that form.
CABLE_EXPORT Cable cable_from_json(std::string_view json, std::string_view source_name = "<json>");

}  // namespace cable

#endif  // CABLE_JSON_HPP_
