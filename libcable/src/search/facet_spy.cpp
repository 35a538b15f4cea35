#include "search/facet_spy.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "search/match_every.hpp"
#include "store/schema.hpp"
#include "store/shard_threads.hpp"

namespace cable::internal {

void FacetSpy::operator()(const Xapian::Document& doc, double) {
  if (const auto cable = map_.cable_of(shard_, doc.get_docid(), hint_)) cache_.see(*cable, doc);
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

// Counts the union of the posting lists of `terms` on `db`, shard `k`, into
// `cache`, walking the lists themselves: a Xapian match with a spy makes a
// Xapian::Document for every match, over a million for a common word.
Xapian::doccount count_union(const Xapian::Database& db, std::size_t k,
                             const std::vector<std::string>& terms, const CableMap& map,
                             FacetCache& cache) {
  std::vector<Xapian::PostingIterator> at, end;
  for (const std::string& t : terms) {
    at.push_back(db.postlist_begin(t));
    end.push_back(db.postlist_end(t));
  }
  Xapian::doccount documents = 0;
  std::uint32_t hint = 0;
  for (;;) {
    Xapian::docid next = 0;
    for (std::size_t i = 0; i < at.size(); ++i) {
      if (at[i] != end[i] && (next == 0 || *at[i] < next)) next = *at[i];
    }
    if (next == 0) return documents;
    ++documents;
    for (std::size_t i = 0; i < at.size(); ++i) {
      if (at[i] != end[i] && *at[i] == next) ++at[i];
    }
    if (const auto cable = map.cable_of(k, next, hint)) cache.see(*cable, db, next);
  }
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
// posting lists merged, leaping past each cable once it is counted; returns
// how many. The cables' cable documents are what a match over whole cables
// would have shown a spy.
Xapian::doccount count_cables_of_union(const Xapian::Database& db, std::size_t k,
                                       const std::vector<std::string>& terms, const CableMap& map,
                                       FacetCache& cache) {
  std::vector<Xapian::PostingIterator> at, end;
  for (const std::string& t : terms) {
    at.push_back(db.postlist_begin(t));
    end.push_back(db.postlist_end(t));
  }
  Xapian::doccount cables = 0;
  std::uint32_t hint = 0;
  for (;;) {
    Xapian::docid next = 0;
    for (std::size_t i = 0; i < at.size(); ++i) {
      if (at[i] != end[i] && (next == 0 || *at[i] < next)) next = *at[i];
    }
    if (next == 0) return cables;
    Xapian::docid past = next + 1;  // before the first cable: that document alone
    if (const auto cable = map.cable_of(k, next, hint)) {
      ++cables;
      const Xapian::docid first = map.cable_document(k, *cable);
      cache.see(*cable, db, first);
      past =
          *cable + 1 < map.cables(k) ? map.cable_document(k, *cable + 1) : db.get_lastdocid() + 1;
    }
    for (std::size_t i = 0; i < at.size(); ++i) {
      if (at[i] != end[i] && *at[i] < past) at[i].skip_to(past);
    }
  }
}

}  // namespace

Counted count_matches(const std::vector<Xapian::Database>& shards, const Xapian::Query& q,
                      const CableMap& map, std::vector<FacetCache>& caches, const CountOptions& o) {
  std::vector<std::string> terms;
  const bool a_union = terms_of_union(q, terms);
  std::vector<std::string> words;
  const bool words_union =
      !a_union && o.cable_words && terms_of_union(*o.cable_words, words) && indexed_terms(words);
  const std::string serialised =
      o.threads && !a_union && !words_union ? q.serialise() : std::string();
  std::vector<Xapian::doccount> documents(shards.size());
  for_each_shard(shards.size(), o.threads, [&](std::size_t k) {
    if (a_union) {
      documents[k] = count_union(shards[k], k, terms, map, caches[k]);
      return;
    }
    if (words_union) {
      documents[k] = count_cables_of_union(shards[k], k, words, map, caches[k]);
      return;
    }
    const Xapian::Query own = own_query(q, serialised, o.threads, k, o.registry);
    if (o.cables_only) {
      documents[k] = match_every(shards[k], own, nullptr);
      return;
    }
    FacetSpy spy(map, k, caches[k]);
    documents[k] = match_every(shards[k], own, &spy);
  });
  Counted c;
  for (std::size_t k = 0; k < shards.size(); ++k) {
    c.documents += documents[k];
    c.cables += o.cables_only && !words_union ? documents[k] : caches[k].cables_seen();
  }
  return c;
}

}  // namespace cable::internal
