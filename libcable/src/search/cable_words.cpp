#include "search/cable_words.hpp"

#include <algorithm>
#include <cstring>
#include <vector>

#include "search/compile.hpp"
#include "search/term_stats.hpp"
#include "store/schema.hpp"

namespace cable::internal {
namespace {

using Q = Xapian::Query;

constexpr std::size_t kStatsBytes = 2 * sizeof(double);

class Rewriter {
 public:
  explicit Rewriter(const CableWordsContext& c) : c_(c) {
    // From the map, which has read each shard's cable documents: no lookup.
    for (std::size_t k = 0; k < c.map->shards(); ++k) {
      cables_ += static_cast<Xapian::doccount>(c.map->cables(k));
    }
    // Every document belongs to a cable: the cables' lengths add up to the index's.
    average_ = cables_ > 0 ? static_cast<double>(c.whole->get_total_length()) / cables_ : 0;
  }

  Q rewritten(const Q& q) {
    switch (q.get_type()) {
      case Q::LEAF_TERM:
        return leaf(q);
      case Q::OP_FILTER:
        return filter(q);
      case Q::OP_AND:
      case Q::OP_OR:
      case Q::OP_AND_NOT:
      case Q::OP_XOR:
      case Q::OP_AND_MAYBE:
      case Q::OP_SYNONYM:
      case Q::OP_MAX:
        return each_part(q, [this](const Q& part) { return rewritten(part); });
      case Q::OP_SCALE_WEIGHT:
        // The compiler scales by 0 alone, to filter by boolean terms.
        return c_.filters ? Q(Q::OP_SCALE_WEIGHT, filtered(q.get_subquery(0)), 0.0) : q;
      default:
        // The compiler puts no kCableWord term under anything else: a
        // phrase is a CablesWith.
        return q;
    }
  }

 private:
  // `q`, an operator without parameters, over its parts rewritten by `f`.
  template <typename F>
  static Q each_part(const Q& q, F f) {
    std::vector<Q> parts;
    for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) parts.push_back(f(q.get_subquery(i)));
    return Q(q.get_type(), parts.begin(), parts.end());
  }

  Q leaf(const Q& q) {
    const std::string t = *q.get_terms_begin();
    if (const std::optional<std::string> prefix = schema::cable_wildcard(t)) {
      return wildcard(*prefix);
    }
    const std::optional<std::string> indexed = schema::indexed_term(t);
    if (!indexed) return q;
    const TermCounts* counts = c_.terms ? c_.terms->find(t) : nullptr;
    if (counts && counts->cables.size() == c_.map->shards()) {
      return source(*indexed, counts->cables_total, counts->cables, counts->kept);
    }
    return source(*indexed, counts ? counts->total : c_.whole->get_termfreq(*indexed), {},
                  counts ? counts->kept : std::vector<std::shared_ptr<const KeptPostings>>{});
  }

  // `q`, an OP_FILTER, rewritten; without the filter to cable documents
  // that compile() adds when the rest matches nothing else now (its fields
  // as CableFilters): the kind's postings are a tenth of the index's.
  Q filter(const Q& q) {
    const std::string kind = schema::term(schema::kKind, schema::kKindCable);
    std::vector<Q> parts;
    bool to_cables = false;
    for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) {
      const Q part = q.get_subquery(i);
      if (i > 0 && part.get_type() == Q::LEAF_TERM && *part.get_terms_begin() == kind) {
        to_cables = true;
        continue;
      }
      parts.push_back(rewritten(part));
    }
    if (to_cables && !std::any_of(parts.begin(), parts.end(), cable_documents_only)) {
      parts.emplace_back(kind);
    }
    return parts.size() == 1 ? parts.front() : Q(Q::OP_FILTER, parts.begin(), parts.end());
  }

  // A filter's terms as CableFilters (search/cable_filter).
  Q filtered(const Q& q) {
    switch (q.get_type()) {
      case Q::LEAF_TERM: {
        const std::string t = *q.get_terms_begin();
        c_.filters->prepare(t, *c_.shards, *c_.map);
        return Q((new CableFilter(c_.filters, c_.map, t))->release());
      }
      case Q::OP_AND:
      case Q::OP_OR:
      case Q::OP_AND_NOT:
      case Q::OP_FILTER:
      case Q::OP_SYNONYM:
        return each_part(q, [this](const Q& part) { return filtered(part); });
      default:  // nothing the compiler makes: left to Xapian, and the kind filter stays
        return q;
    }
  }

  // `termfreq`: the cables, or the documents, that hold the term; more than
  // every cable (documents, or removed ones an in-memory database's list of
  // terms counts) counts as every cable.
  Q source(std::string term, Xapian::doccount termfreq, std::vector<Xapian::doccount> cables,
           std::vector<std::shared_ptr<const KeptPostings>> kept = {}) {
    const Bm25Stats stats = bm25_stats(cables_, std::min(termfreq, cables_), average_);
    return Q((new CableWords(c_.map, c_.lengths, std::move(term), stats, std::move(cables),
                             std::move(kept)))
                 ->release());
  }

  Q wildcard(const std::string& prefix) {
    std::vector<Q> words;
    const Xapian::Database& db = *c_.whole;
    for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
      if (words.size() == kMaxWildcardExpansion) {
        throw Xapian::WildcardError("the wildcard " + prefix + "* stands for too many words");
      }
      words.push_back(source(*t, t.get_termfreq(), {}));
    }
    // A cable weighs as its best word, not the sum of up to
    // kMaxWildcardExpansion: a wildcard is one word of the query.
    return Q(Q::OP_MAX, words.begin(), words.end());
  }

  const CableWordsContext& c_;
  Xapian::doccount cables_ = 0;  // in the index
  double average_ = 0;           // length of a cable
};

}  // namespace

// The statistics, the number of shards with cable counts (its top bit set
// when the source has lengths) and the counts (each a 4-byte doccount),
// then the term; in this machine's byte order, as only the threads of one
// search read it.
constexpr std::uint32_t kHasLengths = std::uint32_t{1} << 31;

std::string CableWords::serialise() const {
  const auto counted = static_cast<std::uint32_t>(cables_.size());
  const std::uint32_t head = counted | (lengths_ ? kHasLengths : 0);
  std::string out(kStatsBytes + sizeof head + counted * sizeof(Xapian::doccount), '\0');
  char* at = out.data();
  std::memcpy(at, &stats_.termweight, sizeof(double));
  std::memcpy(at + sizeof(double), &stats_.len_factor, sizeof(double));
  std::memcpy(at + kStatsBytes, &head, sizeof head);
  if (counted > 0) {
    std::memcpy(at + kStatsBytes + sizeof head, cables_.data(), counted * sizeof(Xapian::doccount));
  }
  return out + term_;
}

CableWords* CableWords::unserialise_with_registry(const std::string& serialised,
                                                  const Xapian::Registry&) const {
  std::uint32_t head = 0;
  if (serialised.size() >= kStatsBytes + sizeof head) {
    std::memcpy(&head, serialised.data() + kStatsBytes, sizeof head);
  }
  const std::uint32_t shards = head & ~kHasLengths;
  const std::size_t counts = kStatsBytes + sizeof head;
  if (serialised.size() < counts ||
      (serialised.size() - counts) / sizeof(Xapian::doccount) < shards) {
    throw Xapian::SerialisationError("CableWords: too short to hold its statistics");
  }
  Bm25Stats stats;
  std::memcpy(&stats.termweight, serialised.data(), sizeof(double));
  std::memcpy(&stats.len_factor, serialised.data() + sizeof(double), sizeof(double));
  std::vector<Xapian::doccount> cables(shards);
  if (shards > 0) {
    std::memcpy(cables.data(), serialised.data() + counts, shards * sizeof(Xapian::doccount));
  }
  std::string term = serialised.substr(counts + shards * sizeof(Xapian::doccount));
  std::vector<std::shared_ptr<const KeptPostings>> kept;
  if (const TermCounts* known = terms_ ? terms_->find(term) : nullptr) kept = known->kept;
  return new CableWords(map_, (head & kHasLengths) != 0 ? lengths_ : nullptr, std::move(term),
                        stats, std::move(cables), std::move(kept), terms_);
}

void CableWords::init(const Xapian::Database& sub) {
  shard_ = map_->shard_or_throw(sub);
  sub_ = sub;
  // The searcher builds its DocLengths for the shards of its CableMap,
  // which number them alike.
  shard_lengths_ = lengths_ ? lengths_->of(shard_) : nullptr;
  cable_lengths_ = lengths_ ? lengths_->cables_of(shard_) : nullptr;
  const std::shared_ptr<const KeptPostings> kept = shard_ < kept_.size() ? kept_[shard_] : nullptr;
  kept_used_ = usable(kept, sub);
  if (kept_used_) {
    list_.open(sub, kept);
  } else {
    xapian_.open(sub, term_);
  }
  if (shard_ < cables_.size()) {
    // Counted when the term was learnt (search/term_stats): no lookup here.
    least_ = estimate_ = cables_[shard_];
  } else {
    estimate_ = std::min<Xapian::doccount>(sub.get_termfreq(term_),
                                           static_cast<Xapian::doccount>(map_->cables(shard_)));
    least_ = std::min<Xapian::doccount>(1, estimate_);
  }
  last_ = sub.get_lastdocid();
  cable_ = 0;
  next_ = 0;
  hint_ = 0;
  started_ = false;
  done_ = false;
  walked_ = false;
  set_maxweight(estimate_ > 0 ? stats_.termweight : 0);
}

template <typename Cursor>
void CableWords::next_in(Cursor& c, double min_wt) {
  if (started_ && !walked_ && !c.at_end()) c.skip_to(next_);
  started_ = true;
  walked_ = false;
  settle(c, 0);
  pass_lighter(c, min_wt);
}

template <typename Cursor>
void CableWords::skip_in(Cursor& c, Xapian::docid did, double min_wt) {
  if (started_ && (done_ || cable_ >= did)) return;
  started_ = true;
  walked_ = false;
  if (!c.at_end() && c.docid() < did) c.skip_to(did);
  settle(c, did);
  pass_lighter(c, min_wt);
}

template <typename Cursor>
void CableWords::pass_lighter(Cursor& c, double min_wt) {
  if (min_wt <= 0) return;
  // weight_in() leaves `c` at the next cable's postings, where settle()
  // starts.
  while (!done_ && weight_in(c) < min_wt) {
    walked_ = false;
    settle(c, 0);
  }
}

template <typename Cursor>
void CableWords::settle(Cursor& c, Xapian::docid from) {
  while (!c.at_end()) {
    const std::uint32_t number = map_->cable_of(shard_, c.docid(), hint_);
    if (number == CableMap::kNoCable) {  // before the first cable: no cable has it
      c.next();
      continue;
    }
    const Xapian::docid first = map_->cable_document(shard_, number);
    next_ =
        number + 1 < map_->cables(shard_) ? map_->cable_document(shard_, number + 1) : last_ + 1;
    if (first >= from) {
      cable_ = first;
      number_ = number;
      return;
    }
    c.skip_to(next_);
  }
  done_ = true;
}

template <typename Cursor>
double CableWords::weight_in(Cursor& c) const {
  if (walked_) return weight_;
  const Xapian::termcount wdf = wdf_before(c, next_);
  walked_ = true;
  double length = 0;
  if (cable_lengths_ && number_ < cable_lengths_->size()) {
    length = static_cast<double>((*cable_lengths_)[number_]);
  } else if (shard_lengths_) {
    const Xapian::docid to =
        std::min<Xapian::docid>(next_, static_cast<Xapian::docid>(shard_lengths_->size()));
    for (Xapian::docid d = cable_; d < to; ++d) length += (*shard_lengths_)[d];
  } else {
    // Xapian's list of every document's length skips the numbers no
    // document has (a cable removed).
    Xapian::PostingIterator d = sub_.postlist_begin("");
    const Xapian::PostingIterator end = sub_.postlist_end("");
    d.skip_to(cable_);
    for (; d != end && *d < next_; ++d) length += d.get_doclength();
  }
  weight_ = bm25_sumpart(stats_, wdf, length);
  return weight_;
}

void CableWords::next(double min_wt) {
  if (kept_used_) {
    next_in(list_, min_wt);
  } else {
    next_in(xapian_, min_wt);
  }
}

void CableWords::skip_to(Xapian::docid did, double min_wt) {
  if (kept_used_) {
    skip_in(list_, did, min_wt);
  } else {
    skip_in(xapian_, did, min_wt);
  }
}

double CableWords::get_weight() const { return kept_used_ ? weight_in(list_) : weight_in(xapian_); }

Xapian::Query over_cables(const Xapian::Query& q, const CableWordsContext& c) {
  return Rewriter(c).rewritten(q);
}

std::vector<std::uint32_t> cables_holding(const CableMap& map, const Xapian::Database& shard,
                                          const std::string& term,
                                          std::shared_ptr<const KeptPostings> kept) {
  const std::size_t k = map.shard_or_throw(shard);
  // CableWords finds a shard's list by the shard's number.
  std::vector<std::shared_ptr<const KeptPostings>> lists(k + 1);
  lists[k] = std::move(kept);
  CableWords walk(&map, nullptr, term, {}, {}, std::move(lists));
  walk.init(shard);
  std::vector<std::uint32_t> cables;
  std::uint32_t hint = 0;
  for (walk.next(0); !walk.at_end(); walk.next(0)) {
    cables.push_back(map.cable_of(k, walk.get_docid(), hint));
  }
  return cables;
}

}  // namespace cable::internal
