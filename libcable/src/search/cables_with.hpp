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
// threads each get their own copy.
// Local-only: a remote shard has no CableMap (docs/architecture.md).
#ifndef CABLE_SRC_SEARCH_CABLES_WITH_HPP_
#define CABLE_SRC_SEARCH_CABLES_WITH_HPP_

#include <xapian.h>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "search/cable_map.hpp"

namespace cable::internal {

class CablesWith : public Xapian::PostingSource {
 public:
  // `map` must be built for the shards the search runs on and outlive every
  // copy; `positional` is matched without weights. With `only`, the phrase
  // is matched on that shard alone and nothing is found in the others: for
  // the thread of a search that keeps shard `only`'s documents alone
  // (top_hits_through_whole), which would otherwise match the phrase on
  // every shard, as each of the other threads does.
  CablesWith(const CableMap* map, Xapian::Query positional,
             std::optional<std::size_t> only = std::nullopt)
      : map_(map), positional_(std::move(positional)), only_(only) {}

  CablesWith* clone() const override { return new CablesWith(map_, positional_, only_); }
  std::string name() const override { return "cable.CablesWith"; }
  std::string serialise() const override { return positional_.serialise(); }
  CablesWith* unserialise_with_registry(const std::string& serialised,
                                        const Xapian::Registry& registry) const override;

  // Matches the phrase on `sub`: the cost of the phrase's own match, plus a
  // CableMap lookup per matching document. @throws Xapian::Error.
  void init(const Xapian::Database& sub) override;

  Xapian::doccount get_termfreq_min() const override { return count(); }
  Xapian::doccount get_termfreq_est() const override { return count(); }
  Xapian::doccount get_termfreq_max() const override { return count(); }

  void next(double) override { ++at_; }
  void skip_to(Xapian::docid did, double) override;
  bool at_end() const override { return at_ >= cables_.size(); }
  Xapian::docid get_docid() const override { return cables_[at_]; }

  std::string get_description() const override;

 private:
  Xapian::doccount count() const { return static_cast<Xapian::doccount>(cables_.size()); }

  const CableMap* map_;
  Xapian::Query positional_;
  std::optional<std::size_t> only_;
  std::vector<Xapian::docid> cables_;  // the sub-database's cable documents, ascending
  std::size_t at_ = 0;                 // in cables_; started at -1 by init()
};

}  // namespace cable::internal

#endif  // CABLE_SRC_SEARCH_CABLES_WITH_HPP_
