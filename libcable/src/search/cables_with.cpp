#include "search/cables_with.hpp"

#include <algorithm>
#include <limits>

#include "search/match_every.hpp"

namespace cable::internal {
namespace {

// Collects the IDs of every matching document.
class Collect : public Xapian::MatchSpy {
 public:
  explicit Collect(std::vector<Xapian::docid>& out) : out_(out) {}
  void operator()(const Xapian::Document& doc, double) override { out_.push_back(doc.get_docid()); }

 private:
  std::vector<Xapian::docid>& out_;
};

}  // namespace

CablesWith* CablesWith::unserialise_with_registry(const std::string& serialised,
                                                  const Xapian::Registry& registry) const {
  return new CablesWith(map_, Xapian::Query::unserialise(serialised, registry), only_);
}

void CablesWith::init(const Xapian::Database& sub) {
  cables_.clear();
  at_ = std::numeric_limits<std::size_t>::max();  // next() moves to the first
  const std::size_t k = map_->shard_or_throw(sub);
  if (only_ && *only_ != k) return;
  std::vector<Xapian::docid> matched;
  Collect collect(matched);
  match_every(sub, positional_, &collect);
  std::sort(matched.begin(), matched.end());
  std::uint32_t hint = 0;
  for (Xapian::docid d : matched) {
    const std::uint32_t cable = map_->cable_of(k, d, hint);
    if (cable == CableMap::kNoCable) continue;
    const Xapian::docid first = map_->cable_document(k, cable);
    if (cables_.empty() || cables_.back() != first) cables_.push_back(first);
  }
}

void CablesWith::skip_to(Xapian::docid did, double) {
  if (at_ == std::numeric_limits<std::size_t>::max()) at_ = 0;
  const auto from = cables_.begin() + static_cast<std::ptrdiff_t>(std::min(at_, cables_.size()));
  at_ = static_cast<std::size_t>(std::lower_bound(from, cables_.end(), did) - cables_.begin());
}

std::string CablesWith::get_description() const {
  return "CablesWith(" + positional_.get_description() + ")";
}

}  // namespace cable::internal
