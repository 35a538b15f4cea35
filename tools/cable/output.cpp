#include "output.hpp"

#include <fmt/format.h>

#include <optional>

#include "cable/json.hpp"

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

nlohmann::ordered_json results_json(const Results& r) {
  using nlohmann::ordered_json;
  ordered_json hits = ordered_json::array();
  for (const Hit& h : r.hits) {
    hits.push_back({{"cable", h.cable},
                    {"paragraph", h.paragraph},
                    {"marking", h.marking},
                    {"date", h.date},
                    {"subject", h.subject},
                    {"origin", h.origin},
                    {"classification", h.classification},
                    {"snippet", h.snippet},
                    {"score", h.score},
                    {"other_matches", h.other_matches}});
  }
  ordered_json facets = ordered_json::object();
  for (const auto& [facet, counts] : r.facets) {
    facets[facet_name(facet)] = facet_json(facet, counts);
  }
  return ordered_json{
      {"total", r.total},
      {"total_exact", r.total_exact},
      {"hits", hits},
      {"facets", facets},
      {"suggestion", r.suggestion.empty() ? ordered_json() : ordered_json(r.suggestion)}};
}

nlohmann::ordered_json cable_json(const Cable& c, const Glossary& glossary) {
  auto out = nlohmann::ordered_json::parse(to_json(c));
  nlohmann::ordered_json names = nlohmann::ordered_json::object();
  for (const std::string& t : c.tags) {
    const std::optional<TagInfo> info = glossary.find(t);
    names[t] = info ? nlohmann::ordered_json(info->name) : nlohmann::ordered_json();
  }
  out["tag_names"] = names;
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
