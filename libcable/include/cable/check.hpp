// libcable — checking an index.
//
// check_index() tells whether an index is sound: what Xapian's own check
// (xapian-check) says of every shard, then libcable's invariants, which hold
// after any crash because a cable is written in one Xapian transaction:
// every cable is whole (its cable document and paragraphs 1…n, nothing
// missing, nothing twice), lives in the one shard its ID belongs to, and has
// its record and hash (what Searcher::cable() and the unchanged-input check
// read); every document's record reads (the shards' record dictionaries,
// where they have one, are the same); facet values (what facet counts read)
// are on cable documents only, each those of its cable's record.
//
//   cable::CheckReport r = cable::check_index("cables.db");
//   if (!r.ok()) for (const auto& p : r.problems) std::cerr << p << "\n";
//
// Thread safety: check_index() is reentrant; it opens the index itself.
//
// Copyright (C) 2026 The libcable authors. SPDX-License-Identifier: GPL-2.0-or-later
#ifndef CABLE_CHECK_HPP_
#define CABLE_CHECK_HPP_

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "cable/error.hpp"
#include "cable/export.hpp"

namespace cable {

/// What check_index() found.
struct CheckReport {
  std::size_t shards = 0;           ///< Shard databases checked.
  std::uint64_t cables = 0;         ///< Cables in the index.
  std::uint64_t documents = 0;      ///< Documents: one per cable and one per paragraph.
  std::uint64_t xapian_errors = 0;  ///< Errors Xapian's check found, over all shards.
  /// One line per problem, naming the shard and, where there is one, the
  /// cable: "cables.db/shard-1: 09PARIS268: paragraph 3 is missing".
  std::vector<std::string> problems;
  /// What could not be checked, one line each (Xapian's check cannot run on
  /// read-only media): not a problem of the index.
  std::vector<std::string> unchecked;
  /// Paragraph documents per cable ID, for every cable found.
  std::map<std::string, std::uint32_t> paragraphs;

  /// True when nothing is wrong.
  bool ok() const { return problems.empty(); }
};

/// Checks the index in `dir`; see the top of this header for what is checked.
/// Problems are reported, not thrown, so that one call lists them all. Run it
/// when no writer is at work: Xapian's check reads the files as they are, and
/// a commit meanwhile shows as damage. Cost: reads every table of every shard
/// once, about as long as copying the index.
/// @throws Error kIndexMissing when `dir` holds no index, kIndexVersion when
///   its schema is not this library's.
CABLE_EXPORT CheckReport check_index(const std::filesystem::path& dir);

}  // namespace cable

#endif  // CABLE_CHECK_HPP_
