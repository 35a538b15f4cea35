#include "search/cables_with.hpp"

#include <algorithm>

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
  start(&cables_);
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
  start(&cables_);
  if (record_) record_->record(positional_.serialise(), k, std::move(matched));
}

std::string CablesWith::get_description() const {
  return "CablesWith(" + positional_.get_description() + ")";
}

}  // namespace cable::internal
