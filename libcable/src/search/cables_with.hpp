// The cable documents of the cables in which a positional query (a phrase,
// NEAR) holds inside one document: inside one paragraph, or inside the
// subject. A query over whole cables (search/compile) matches cable
// documents, its words through search/cable_words; a phrase becomes its
// words there, filtered by this posting source, which runs the phrase
// itself on the paragraphs.
//
// A Xapian::PostingSource: init() matches the phrase on the sub-database
// it is given (a shard) and maps every matching document to its cable
// document by CableMap. It serialises as its phrase, and unserialises
// through a Xapian::Registry whose prototype (SearcherState::registry)
// holds the CableMap (and the shard of `only`, below), so a search's
// threads each get their own copy. The documents the phrase matched go to
// the search's record (search/positional_matches), when it has one.
// Local-only: a remote shard has no CableMap (docs/architecture.md).
#ifndef CABLE_SRC_SEARCH_CABLES_WITH_HPP_
#define CABLE_SRC_SEARCH_CABLES_WITH_HPP_

#include <xapian.h>

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "search/cable_map.hpp"
#include "search/list_source.hpp"
#include "search/positional_matches.hpp"

namespace cable::internal {

class CablesWith : public ListSource {
 public:
  // `map` must be built for the shards the search runs on and outlive every
  // copy; `positional` is matched without weights. With `only`, the phrase
  // is matched on that shard alone and nothing is found in the others: for
  // the thread of a search that keeps shard `only`'s documents alone
  // (top_hits_through_whole), which would otherwise match the phrase on
  // every shard, as each of the other threads does. With `record`, the
  // documents matched in each shard are recorded there; an unserialised
  // copy records nothing.
  CablesWith(const CableMap* map, Xapian::Query positional,
             std::optional<std::size_t> only = std::nullopt,
             std::shared_ptr<PositionalMatches> record = nullptr)
      : map_(map), positional_(std::move(positional)), only_(only), record_(std::move(record)) {}

  CablesWith* clone() const override { return new CablesWith(map_, positional_, only_, record_); }
  std::string name() const override { return "cable.CablesWith"; }
  std::string serialise() const override { return positional_.serialise(); }
  CablesWith* unserialise_with_registry(const std::string& serialised,
                                        const Xapian::Registry& registry) const override;

  // Matches the phrase on `sub`: the cost of the phrase's own match, plus a
  // CableMap lookup per matching document. @throws Xapian::Error.
  void init(const Xapian::Database& sub) override;

  std::string get_description() const override;

 private:
  const CableMap* map_;
  Xapian::Query positional_;
  std::optional<std::size_t> only_;
  std::shared_ptr<PositionalMatches> record_;
  std::vector<Xapian::docid> cables_;  // the sub-database's cable documents, ascending
};

}  // namespace cable::internal

#endif  // CABLE_SRC_SEARCH_CABLES_WITH_HPP_
