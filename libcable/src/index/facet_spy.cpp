#include "index/facet_spy.hpp"

#include <algorithm>
#include <string_view>

#include "index/schema.hpp"

namespace cable::index {
namespace {

int slot_of(char letter) {
  switch (letter) {
    case schema::kFacetTag:
      return static_cast<int>(Facet::kTag);
    case schema::kFacetOrigin:
      return static_cast<int>(Facet::kOrigin);
    case schema::kFacetClass:
      return static_cast<int>(Facet::kClassification);
    case schema::kFacetYear:
      return static_cast<int>(Facet::kYear);
    case schema::kFacetMonth:
      return static_cast<int>(Facet::kMonth);
    case schema::kFacetCaption:
      return static_cast<int>(Facet::kCaption);
    default:
      return -1;
  }
}

}  // namespace

void FacetSpy::operator()(const Xapian::Document& doc, double) {
  if (!seen_.insert(doc.get_value(schema::kSlotCable)).second) return;
  const std::string lines = doc.get_value(schema::kSlotFacets);
  std::string_view rest = lines;
  while (!rest.empty()) {
    const std::size_t nl = rest.find('\n');
    const std::string_view line = rest.substr(0, nl);
    rest.remove_prefix(nl == std::string_view::npos ? rest.size() : nl + 1);
    if (line.size() < 3 || line[1] != ':') continue;
    const int slot = slot_of(line[0]);
    if (slot >= 0) ++counts_[static_cast<std::size_t>(slot)][std::string(line.substr(2))];
  }
}

std::vector<FacetCount> FacetSpy::top(Facet facet, std::size_t limit) const {
  const auto& counts = counts_[static_cast<std::size_t>(facet)];
  std::vector<FacetCount> out;
  out.reserve(counts.size());
  for (const auto& [value, count] : counts) out.push_back({value, count});
  std::sort(out.begin(), out.end(), [](const FacetCount& a, const FacetCount& b) {
    return a.count != b.count ? a.count > b.count : a.value < b.value;
  });
  if (limit > 0 && out.size() > limit) out.resize(limit);
  return out;
}

}  // namespace cable::index
