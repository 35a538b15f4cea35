#include "search/term_stats.hpp"

#include <algorithm>
#include <utility>

#include "search/cable_words.hpp"
#include "store/schema.hpp"

namespace cable::internal {

void TermStats::learn(const std::vector<Xapian::Database>& shards, const Xapian::Query& q,
                      const CableMap* map, bool keep_postings) {
  if (versions_.changed(shards) || known_.size() + of_any_.size() > kMaxTerms ||
      set_bytes_ > kMaxSetBytes || kept_bytes_ > kMaxKeptBytes) {
    known_.clear();
    of_any_.clear();
    set_bytes_ = 0;
    kept_bytes_ = 0;
    versions_.record(shards);
  }
  for (auto t = q.get_unique_terms_begin(); t != q.get_unique_terms_end(); ++t) {
    if (known_.count(*t) > 0) continue;
    // A kCableWord term by the term of the index it stands for.
    const std::optional<std::string> indexed = schema::indexed_term(*t);
    const std::string& term = indexed ? *indexed : *t;
    // The lists of the term of the index, when a search of it kept them.
    const TermCounts* as_indexed = indexed ? find(term) : nullptr;
    const bool reuse = as_indexed && as_indexed->kept.size() == shards.size();
    TermCounts c;
    for (std::size_t k = 0; k < shards.size(); ++k) {
      const Xapian::Database& shard = shards[k];
      // The same key twice in a row: the second lookup reads no block.
      c.termfreq.push_back(shard.get_termfreq(term));
      c.wdf_bound.push_back(shard.get_wdf_upper_bound(term));
      c.total += c.termfreq.back();
      if (reuse) {
        c.kept.push_back(as_indexed->kept[k]);
      } else if (keep_postings && schema::free_text(term)) {
        // Words and stems alone: the sources of words walk their postings
        // (search/cable_words, search/bm25); filters walk lists of their
        // own (search/cable_filter).
        std::shared_ptr<const KeptPostings> kept;
        if (c.termfreq.back() > 0 && c.termfreq.back() <= kKeepPostingsUpTo) {
          kept = KeptPostings::read(shard, term);
          kept_bytes_ += kept->bytes();
        }
        c.kept.push_back(std::move(kept));
      }
      if (indexed && map) {
        std::vector<std::uint32_t> cables;
        if (c.termfreq.back() > 0) {
          cables = cables_holding(*map, shard, term, k < c.kept.size() ? c.kept[k] : nullptr);
        }
        c.cables.push_back(static_cast<Xapian::doccount>(cables.size()));
        c.cables_total += c.cables.back();
        if (set_bytes_ <= kMaxSetBytes) {
          c.sets.emplace_back(std::move(cables), map->cables(k));
          set_bytes_ += c.sets.back().bytes();
        }
      }
    }
    // The term of the index it stands for has the same counts, without the
    // cables: the search for the best paragraphs (search/bm25) asks for them.
    if (indexed) {
      known_.try_emplace(term, TermCounts{c.total, c.termfreq, c.wdf_bound, {}, 0, {}, c.kept});
    }
    known_.emplace(*t, std::move(c));
  }
}

const TermCounts* TermStats::find(const std::string& term) const {
  const auto it = known_.find(term);
  return it == known_.end() ? nullptr : &it->second;
}

std::string TermStats::key_of(std::vector<std::string> terms) {
  std::sort(terms.begin(), terms.end());
  std::string key;
  for (const std::string& t : terms) {
    key += t;
    key += '\0';
  }
  return key;
}

const std::vector<Xapian::doccount>* TermStats::cables_of_any(
    const std::vector<Xapian::Database>& shards, const std::vector<std::string>& terms) const {
  if (versions_.changed(shards)) return nullptr;
  const auto it = of_any_.find(key_of(terms));
  return it == of_any_.end() ? nullptr : &it->second;
}

void TermStats::keep_cables_of_any(const std::vector<Xapian::Database>& shards,
                                   const std::vector<std::string>& terms,
                                   std::vector<Xapian::doccount> cables) {
  if (versions_.changed(shards) || cables.size() != shards.size()) return;
  of_any_.insert_or_assign(key_of(terms), std::move(cables));
}

}  // namespace cable::internal
