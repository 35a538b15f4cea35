#include "search/bm25.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "search/kept_postings.hpp"

namespace cable::internal {
namespace {

using Q = Xapian::Query;

// Xapian::BM25Weight's default parameters (k2 is 0: no extra per document).
constexpr double kK1 = 1;
constexpr double kK3 = 1;
constexpr double kB = 0.5;
constexpr double kMinNormLen = 0.5;

}  // namespace

Bm25Stats bm25_stats(double documents, double termfreq, double average_length) {
  const double tf = termfreq;
  double tw = (documents - tf + 0.5) / (tf + 0.5);
  // Xapian's remedy for the negative weights the formula gives a term in
  // more than half of the documents.
  if (tw < 2) tw = tw * 0.5 + 1;
  Bm25Stats s;
  s.termweight = std::log(tw) * 1.0;
  constexpr double kWqf = 1;
  s.termweight *= (kK3 + 1) * kWqf / (kK3 + kWqf);
  s.termweight *= (kK1 + 1);
  s.len_factor = average_length != 0 ? 1 / average_length : 0;
  return s;
}

double bm25_sumpart(const Bm25Stats& s, double wdf, double length) {
  const double normlen = std::max(length * s.len_factor, kMinNormLen);
  const double denom = kK1 * (normlen * kB + (1 - kB)) + wdf;
  return s.termweight * (wdf / denom);
}

namespace {

Bm25Stats stats_of(const Xapian::Database& whole, Xapian::doccount termfreq) {
  return bm25_stats(whole.get_doccount(), termfreq, whole.get_avlength());
}

// A term's postings in one shard, each weighed with BM25 and the length
// DocLengths gives (Xapian's own when it does not know one).
class Bm25Term : public Xapian::PostingSource {
 public:
  // `counts`, when not null, are the term's as TermStats learnt them.
  Bm25Term(std::string term, const Bm25Stats& stats, const DocLengths& lengths,
           const TermCounts* counts)
      : term_(std::move(term)), stats_(stats), all_lengths_(lengths), counts_(counts) {}

  Xapian::PostingSource* clone() const override {
    return new Bm25Term(term_, stats_, all_lengths_, counts_);
  }

  void init(const Xapian::Database& sub) override {
    const std::optional<std::size_t> shard = all_lengths_.shard_of(sub);
    lengths_ = shard ? all_lengths_.of(*shard) : nullptr;
    const bool known = shard && counts_ && *shard < counts_->termfreq.size();
    postings_.open(sub, term_,
                   known && *shard < counts_->kept.size() ? counts_->kept[*shard] : nullptr);
    started_ = false;
    termfreq_ = known ? counts_->termfreq[*shard] : sub.get_termfreq(term_);
    // As Xapian::BM25Weight::get_maxpart(): at the largest wdf and the
    // shortest length a document with it can have.
    const Xapian::termcount wdf_max =
        known ? counts_->wdf_bound[*shard] : sub.get_wdf_upper_bound(term_);
    const double normlen_lb = std::max(
        std::max(wdf_max, sub.get_doclength_lower_bound()) * stats_.len_factor, kMinNormLen);
    const double denom = kK1 * (normlen_lb * kB + (1 - kB)) + wdf_max;
    set_maxweight(wdf_max == 0 ? 0 : stats_.termweight * (wdf_max / denom));
  }

  Xapian::doccount get_termfreq_min() const override { return termfreq_; }
  Xapian::doccount get_termfreq_est() const override { return termfreq_; }
  Xapian::doccount get_termfreq_max() const override { return termfreq_; }

  void next(double min_wt) override {
    if (started_) postings_.next();
    started_ = true;
    settle(min_wt);
  }
  // No skipping by weight here: in an AND, walking postings one by one would
  // undo the leaps the other lists allow (docs/benchmarks.md).
  void skip_to(Xapian::docid did, double) override {
    started_ = true;
    postings_.skip_to(did);
    weighed_ = false;
  }
  bool at_end() const override { return postings_.at_end(); }
  Xapian::docid get_docid() const override { return postings_.docid(); }

  double get_weight() const override { return weighed_ ? weight_ : weigh(); }

 private:
  // This posting's BM25 weight.
  double weigh() const {
    const Xapian::docid did = postings_.docid();
    Xapian::termcount length = 0;
    if (lengths_ && did < lengths_->size()) length = (*lengths_)[did];
    if (length == 0) length = postings_.doclength();
    return bm25_sumpart(stats_, postings_.wdf(), length);
  }

  // Moves on past the postings that weigh less than `min_wt`, which the
  // match needs at least and would reject (Xapian passes it for this):
  // skipping them here spares the matcher's layers of calls per posting,
  // most of a common word's top 10 once its tenth best weight is high. The
  // hits, their order and their weights are the same.
  void settle(double min_wt) {
    weighed_ = min_wt > 0;
    if (!weighed_) return;
    for (; !postings_.at_end(); postings_.next()) {
      weight_ = weigh();
      if (weight_ >= min_wt) return;
    }
  }

  std::string term_;
  Bm25Stats stats_;
  const DocLengths& all_lengths_;
  const TermCounts* counts_;
  const std::vector<Xapian::termcount>* lengths_ = nullptr;  // this shard's
  PostingCursor postings_;  // the term's, kept (TermCounts::kept) or Xapian's
  bool started_ = false;    // whether next() or skip_to() moved to the first posting
  Xapian::doccount termfreq_ = 0;
  bool weighed_ = false;  // whether weight_ holds this posting's weight
  double weight_ = 0;
};

class Rewriter {
 public:
  Rewriter(const Xapian::Database& whole, const DocLengths& lengths, const TermStats* terms,
           const PositionalMatches* matched)
      : whole_(whole), lengths_(lengths), terms_(terms), matched_(matched) {}

  Q weighted(const Q& q) {
    const std::size_t n = q.get_num_subqueries();
    switch (q.get_type()) {
      case Q::LEAF_TERM:
        return term(q);
      case Q::OP_AND:
      case Q::OP_OR:
      case Q::OP_AND_MAYBE:
        return rebuilt(q, n);
      case Q::OP_AND_NOT:
      case Q::OP_FILTER:
        return rebuilt(q, std::min<std::size_t>(n, 1));
      case Q::OP_PHRASE:
      case Q::OP_NEAR:
        return phrase(q, n);
      default:
        return q;
    }
  }

 private:
  Q term(const Q& leaf) {
    const std::string t = *leaf.get_terms_begin();
    const TermCounts* counts = terms_ ? terms_->find(t) : nullptr;
    const Xapian::doccount termfreq = counts ? counts->total : whole_.get_termfreq(t);
    // A term no document has matches nothing either way.
    if (termfreq == 0) return leaf;
    return Q((new Bm25Term(t, stats_of(whole_, termfreq), lengths_, counts))->release());
  }

  // `q` with its first `weighted` subqueries rewritten, the rest as they are.
  Q rebuilt(const Q& q, std::size_t weighted) {
    std::vector<Q> parts;
    for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) {
      parts.push_back(i < weighted ? this->weighted(q.get_subquery(i)) : q.get_subquery(i));
    }
    return Q(q.get_type(), parts.begin(), parts.end());
  }

  // A phrase weighs the sum of its words' weights: the words weighed here,
  // filtered by the phrase as it is (which then needs no lengths), or by the
  // documents it was recorded to match.
  Q phrase(const Q& q, std::size_t n) {
    std::vector<Q> words;
    for (std::size_t i = 0; i < n; ++i) {
      const Q word = q.get_subquery(i);
      if (word.get_type() != Q::LEAF_TERM) return q;
      words.push_back(term(word));
    }
    std::optional<Q> recorded = matched_ ? matched_->filter(q) : std::nullopt;
    return Q(Q::OP_FILTER, Q(Q::OP_AND, words.begin(), words.end()), recorded ? *recorded : q);
  }

  const Xapian::Database& whole_;
  const DocLengths& lengths_;
  const TermStats* terms_;
  const PositionalMatches* matched_;
};

}  // namespace

Xapian::Query with_lengths(const Xapian::Query& q, const Xapian::Database& whole,
                           const DocLengths& lengths, const TermStats* terms,
                           const PositionalMatches* matched) {
  return Rewriter(whole, lengths, terms, matched).weighted(q);
}

}  // namespace cable::internal
