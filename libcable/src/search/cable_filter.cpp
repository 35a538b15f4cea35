#include "search/cable_filter.hpp"

#include <algorithm>
#include <cstdint>

#include "store/schema.hpp"

namespace cable::internal {
namespace {

// What a held term costs beside its lists: its key and the map's node.
constexpr std::size_t kOverhead = 64;

// The cable documents of `shard` (as `map` numbers them) that hold `term`,
// into `documents`, and their cables' numbers, into `cables`.
void cable_documents_holding(const Xapian::Database& shard, std::size_t k, const std::string& term,
                             const CableMap& map, std::vector<Xapian::docid>& documents,
                             std::vector<std::uint32_t>& cables) {
  std::uint32_t hint = 0;
  Xapian::PostingIterator p = shard.postlist_begin(term);
  const Xapian::PostingIterator end = shard.postlist_end(term);
  while (p != end) {
    const Xapian::docid d = *p;
    const std::uint32_t c = map.cable_of(k, d, hint);
    if (c == CableMap::kNoCable) {  // before the first cable
      ++p;
      continue;
    }
    // A cable whose first posting is a paragraph's has a cable document
    // without the term, which a filter over cable documents does not match.
    if (map.cable_document(k, c) == d) {
      documents.push_back(d);
      cables.push_back(c);
    }
    if (c + 1 >= map.cables(k)) break;
    p.skip_to(map.cable_document(k, c + 1));
  }
  documents.shrink_to_fit();  // kept: what FilterLists counts is what it holds
}

}  // namespace

void FilterLists::begin(const std::vector<Xapian::Database>& shards) {
  if (!versions_.changed(shards) && bytes_ <= kBytes) return;
  lists_.clear();
  bytes_ = 0;
  versions_.record(shards);
}

void FilterLists::prepare(const std::string& term, const std::vector<Xapian::Database>& shards,
                          const CableMap& map) {
  if (lists_.count(term) != 0) return;
  Lists lists;
  std::size_t bytes = term.size() + kOverhead;
  for (std::size_t k = 0; k < shards.size(); ++k) {
    std::vector<Xapian::docid>& documents = lists.documents.emplace_back();
    std::vector<std::uint32_t> cables;
    cable_documents_holding(shards[k], k, term, map, documents, cables);
    const CableSet& set = lists.sets.emplace_back(std::move(cables), map.cables(k));
    bytes += documents.size() * sizeof(Xapian::docid) + set.bytes();
  }
  lists_.emplace(term, std::move(lists));
  bytes_ += bytes;
}

const std::vector<Xapian::docid>* FilterLists::find(const std::string& term,
                                                    std::size_t shard) const {
  const auto it = lists_.find(term);
  return it == lists_.end() || shard >= it->second.documents.size() ? nullptr
                                                                    : &it->second.documents[shard];
}

const CableSet* FilterLists::set(const std::string& term, std::size_t shard) const {
  const auto it = lists_.find(term);
  return it == lists_.end() || shard >= it->second.sets.size() ? nullptr : &it->second.sets[shard];
}

void CableFilter::init(const Xapian::Database& sub) {
  const std::vector<Xapian::docid>* list = lists_->find(term_, map_->shard_or_throw(sub));
  if (!list) throw Xapian::InvalidOperationError("CableFilter: " + term_ + " was not prepared");
  start(list);
}

void DocumentFilter::init(const Xapian::Database& sub) {
  shard_ = map_->shard_or_throw(sub);
  cables_ = lists_->find(term_, shard_);
  if (!cables_) {
    throw Xapian::InvalidOperationError("DocumentFilter: " + term_ + " was not prepared");
  }
  const auto listed = static_cast<Xapian::doccount>(cables_->size());
  const std::size_t in_shard = map_->cables(shard_);
  least_ = listed;
  most_ = std::max(listed, sub.get_doccount());
  estimate_ = in_shard == 0 ? listed
                            : static_cast<Xapian::doccount>(std::min<std::uint64_t>(
                                  most_, std::uint64_t{listed} * sub.get_doccount() / in_shard));
  at_ = 0;
  doc_ = 0;
  end_ = 0;
  hint_ = 0;
  started_ = false;
  done_ = false;
}

void DocumentFilter::enter(std::size_t i) {
  at_ = i;
  if (i >= cables_->size()) {
    done_ = true;
    return;
  }
  doc_ = (*cables_)[i];
  end_ = map_->cable_end(shard_, map_->cable_of(shard_, doc_, hint_));
}

void DocumentFilter::next(double) {
  if (!started_) {
    started_ = true;
    enter(0);
  } else if (++doc_ >= end_) {
    enter(at_ + 1);
  }
}

void DocumentFilter::skip_to(Xapian::docid did, double) {
  if (!started_) {
    started_ = true;
    enter(0);
  }
  if (done_ || did <= doc_) return;
  if (did < end_) {
    doc_ = did;
    return;
  }
  // `did`'s cable, when `did` is one of its documents, else the first
  // listed after it: a removed document's, or one past the shard's last,
  // belongs to none.
  const std::uint32_t cable = map_->cable_of(shard_, did, hint_);
  Xapian::docid first = 0;  // the first cable document that may be listed
  bool inside = false;
  if (cable != CableMap::kNoCable) {
    inside = did < map_->cable_end(shard_, cable);
    first = map_->cable_document(shard_, cable) + (inside ? 0 : 1);
  }
  enter(gallop_to(*cables_, at_, first));
  if (!done_ && inside && doc_ == first) doc_ = did;
}

namespace {

using Q = Xapian::Query;

class DocumentRewriter {
 public:
  DocumentRewriter(FilterLists& lists, const std::vector<Xapian::Database>& shards,
                   const CableMap& map)
      : lists_(lists), shards_(shards), map_(map) {}

  Q rewritten(const Q& q) {
    switch (q.get_type()) {
      case Q::LEAF_TERM: {
        const std::string t = *q.get_terms_begin();
        if (!schema::on_cable_document_only(t)) return q;
        lists_.prepare(t, shards_, map_);
        return Q((new DocumentFilter(&lists_, &map_, t))->release());
      }
      case Q::OP_AND:
      case Q::OP_OR:
      case Q::OP_AND_NOT:
      case Q::OP_XOR:
      case Q::OP_AND_MAYBE:
      case Q::OP_FILTER:
      case Q::OP_SYNONYM:
      case Q::OP_MAX: {
        std::vector<Q> parts;
        for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) {
          parts.push_back(rewritten(q.get_subquery(i)));
        }
        return Q(q.get_type(), parts.begin(), parts.end());
      }
      case Q::OP_SCALE_WEIGHT:
        // The compiler scales by 0 alone, to filter by boolean terms.
        return Q(Q::OP_SCALE_WEIGHT, rewritten(q.get_subquery(0)), 0.0);
      default:  // phrases, NEAR, wildcards, MatchAll: left as they are
        return q;
    }
  }

 private:
  FilterLists& lists_;
  const std::vector<Xapian::Database>& shards_;
  const CableMap& map_;
};

}  // namespace

Q over_documents(const Q& q, FilterLists& lists, const std::vector<Xapian::Database>& shards,
                 const CableMap& map) {
  return DocumentRewriter(lists, shards, map).rewritten(q);
}

}  // namespace cable::internal
