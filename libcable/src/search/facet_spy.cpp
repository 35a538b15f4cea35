#include "search/facet_spy.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "search/match_every.hpp"
#include "search/term_stats.hpp"
#include "store/schema.hpp"
#include "store/shard_threads.hpp"

namespace cable::internal {

void FacetSpy::operator()(const Xapian::Document& doc, double) {
  if (const std::uint32_t cable = map_.cable_of(shard_, doc.get_docid(), hint_);
      cable != CableMap::kNoCable) {
    cache_.see(cable, db_, map_.cable_document(shard_, cable));
  }
}

namespace {

// The terms of `q` when it is one term or an OR of terms (a word and its
// stem): its matches are the union of their posting lists.
bool terms_of_union(const Xapian::Query& q, std::vector<std::string>& terms) {
  switch (q.get_type()) {
    case Xapian::Query::LEAF_TERM:
      terms.push_back(*q.get_terms_begin());
      return true;
    case Xapian::Query::OP_OR:
      for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) {
        if (!terms_of_union(q.get_subquery(i), terms)) return false;
      }
      return true;
    default:
      return false;
  }
}

// The union of the posting lists of some terms of one database, walked by
// the lists themselves: a Xapian match with a spy makes a Xapian::Document
// for every match, over a million for a common word.
class Union {
 public:
  Union(const Xapian::Database& db, const std::vector<std::string>& terms) {
    for (const std::string& t : terms) {
      at_.push_back(db.postlist_begin(t));
      end_.push_back(db.postlist_end(t));
    }
  }

  // The first document at or past `from` that any of the terms is in; 0
  // past the last.
  Xapian::docid next(Xapian::docid from) {
    Xapian::docid least = 0;
    for (std::size_t i = 0; i < at_.size(); ++i) {
      if (at_[i] != end_[i] && *at_[i] < from) at_[i].skip_to(from);
      if (at_[i] != end_[i] && (least == 0 || *at_[i] < least)) least = *at_[i];
    }
    return least;
  }

 private:
  std::vector<Xapian::PostingIterator> at_, end_;
};

// Counts the documents of the union of `terms` on `db`, shard `k`, and
// their cables into `cache`; returns how many documents.
Xapian::doccount count_union(const Xapian::Database& db, std::size_t k,
                             const std::vector<std::string>& terms, const CableMap& map,
                             FacetCache& cache) {
  Union u(db, terms);
  Xapian::doccount documents = 0;
  std::uint32_t hint = 0;
  for (Xapian::docid d = u.next(1); d != 0; d = u.next(d + 1)) {
    ++documents;
    if (const std::uint32_t cable = map.cable_of(k, d, hint); cable != CableMap::kNoCable) {
      cache.see(cable, db, map.cable_document(k, cable));
    }
  }
  return documents;
}

// Whether every one of `terms` is a kCableWord term; if so, each becomes
// the term of the index it stands for.
bool indexed_terms(std::vector<std::string>& terms) {
  for (std::string& t : terms) {
    std::optional<std::string> indexed = schema::indexed_term(t);
    if (!indexed) return false;
    t = std::move(*indexed);
  }
  return !terms.empty();
}

// Counts the cables of shard `k` in which any of `terms` is, from their
// posting lists merged, leaping past each cable once it is counted, into
// `cache` unless `cables_only`; returns how many. They are the cable
// documents a match over whole cables would have shown a spy.
Xapian::doccount count_cables_of_union(const Xapian::Database& db, std::size_t k,
                                       const std::vector<std::string>& terms, const CableMap& map,
                                       FacetCache& cache, bool cables_only) {
  Union u(db, terms);
  Xapian::doccount cables = 0;
  std::uint32_t hint = 0;
  for (Xapian::docid d = u.next(1); d != 0;) {
    const std::uint32_t cable = map.cable_of(k, d, hint);
    if (cable == CableMap::kNoCable) {  // before the first cable: that document alone
      d = u.next(d + 1);
      continue;
    }
    ++cables;
    if (!cables_only) cache.see(cable, db, map.cable_document(k, cable));
    d = u.next(cable + 1 < map.cables(k) ? map.cable_document(k, cable + 1)
                                         : db.get_lastdocid() + 1);
  }
  return cables;
}

// How count_matches() walks the matches of a query: the postings of `terms`
// (a union of terms), or over whole cables those of `words`, or else (both
// empty) a Xapian match.
struct Walk {
  std::vector<std::string> terms;
  std::vector<std::string> words;
};

Walk walk_of(const Xapian::Query& q, const Xapian::Query* cable_words) {
  Walk w;
  if (terms_of_union(q, w.terms)) return w;
  w.terms.clear();
  if (!cable_words || !terms_of_union(*cable_words, w.words) || !indexed_terms(w.words)) {
    w.words.clear();
  }
  return w;
}

}  // namespace

bool counted_from_postings(const Xapian::Query& q, const Xapian::Query* cable_words) {
  const Walk w = walk_of(q, cable_words);
  return !w.terms.empty() || !w.words.empty();
}

Counted count_matches(const std::vector<Xapian::Database>& shards, const Xapian::Query& q,
                      const CableMap& map, std::vector<FacetCache>& caches, const CountOptions& o) {
  const Walk walk = walk_of(q, o.cable_words);
  const std::vector<std::string>& terms = walk.terms;
  const std::vector<std::string>& words = walk.words;
  const bool a_union = !terms.empty();
  const bool words_union = !words.empty();
  // A word's cables, when counted before.
  const bool kept = words_union && o.cables_only && o.stats;
  if (kept) {
    if (const std::vector<Xapian::doccount>* cables = o.stats->cables_of_any(shards, words)) {
      Counted c;
      for (const Xapian::doccount n : *cables) c.documents += n;
      c.cables = c.documents;
      return c;
    }
  }
  const std::string serialised =
      o.threads && !a_union && !words_union ? q.serialise() : std::string();
  std::vector<Xapian::doccount> documents(shards.size());
  for_each_shard(shards.size(), o.threads, [&](std::size_t k) {
    if (a_union) {
      documents[k] = count_union(shards[k], k, terms, map, caches[k]);
      return;
    }
    if (words_union) {
      documents[k] = count_cables_of_union(shards[k], k, words, map, caches[k], o.cables_only);
      return;
    }
    const Xapian::Query own = own_query(q, serialised, o.threads, k, o.registry);
    if (o.cables_only) {
      documents[k] = match_every(shards[k], own, nullptr);
      return;
    }
    FacetSpy spy(shards[k], map, k, caches[k]);
    documents[k] = match_every(shards[k], own, &spy);
  });
  Counted c;
  for (std::size_t k = 0; k < shards.size(); ++k) {
    c.documents += documents[k];
    c.cables += o.cables_only ? documents[k] : caches[k].cables_seen();
  }
  if (kept) o.stats->keep_cables_of_any(shards, words, std::move(documents));
  return c;
}

}  // namespace cable::internal
