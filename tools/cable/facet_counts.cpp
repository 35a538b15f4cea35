#include "facet_counts.hpp"

#include <fmt/format.h>

namespace cable::tool {

nlohmann::ordered_json facet_json(Facet facet, const std::vector<FacetCount>& counts) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const FacetCount& c : counts) {
    nlohmann::ordered_json value = {{"value", c.value}};
    if (facet == Facet::kTag) {
      value["name"] = c.name.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(c.name);
    }
    value["count"] = c.count;
    out.push_back(std::move(value));
  }
  return out;
}

std::string facet_line(const std::vector<FacetCount>& counts) {
  std::string out;
  for (const FacetCount& c : counts) {
    if (!out.empty()) out += ", ";
    out += c.name.empty() ? fmt::format("{} {}", c.value, c.count)
                          : fmt::format("{} ({}) {}", c.value, c.name, c.count);
  }
  return out.empty() ? "-" : out;
}

}  // namespace cable::tool
