#include "store/facets.hpp"

#include <array>
#include <string>

#include "store/schema.hpp"

namespace cable::internal {
namespace {

using Add = std::function<void(std::string_view)>;

void each(const std::vector<std::string>& values, const Add& add) {
  for (const std::string& v : values) add(v);
}

void one(const std::string& value, const Add& add) {
  if (!value.empty()) add(value);
}

void date_prefix(const Cable& c, std::size_t length, const Add& add) {
  if (c.date.size() >= length) add(std::string_view(c.date).substr(0, length));
}

constexpr std::array<FacetSpec, 8> kFacets = {{
    {Facet::kTag, "tag", schema::kFacetTag, [](const Cable& c, const Add& a) { each(c.tags, a); }},
    {Facet::kOrigin, "origin", schema::kFacetOrigin,
     [](const Cable& c, const Add& a) { one(c.origin, a); }},
    {Facet::kClassification, "class", schema::kFacetClass,
     [](const Cable& c, const Add& a) { one(c.classification, a); }},
    {Facet::kYear, "year", schema::kFacetYear,
     [](const Cable& c, const Add& a) { date_prefix(c, 4, a); }},
    {Facet::kMonth, "month", schema::kFacetMonth,
     [](const Cable& c, const Add& a) { date_prefix(c, 7, a); }},
    {Facet::kCaption, "caption", schema::kFacetCaption,
     [](const Cable& c, const Add& a) { each(c.captions, a); }},
    {Facet::kPerson, "person", schema::kFacetPerson,
     [](const Cable& c, const Add& a) { each(c.persons, a); }},
    {Facet::kPrecedence, "precedence", schema::kFacetPrecedence,
     [](const Cable& c, const Add& a) { one(c.precedence, a); }},
}};

constexpr bool in_enum_order() {
  for (std::size_t i = 0; i < kFacets.size(); ++i) {
    if (static_cast<std::size_t>(kFacets[i].facet) != i) return false;
  }
  return true;
}
static_assert(in_enum_order(), "kFacets lists the facets in the order of cable::Facet");

constexpr std::array<Facet, kFacets.size()> kAll = [] {
  std::array<Facet, kFacets.size()> all{};
  for (std::size_t i = 0; i < kFacets.size(); ++i) all[i] = kFacets[i].facet;
  return all;
}();

}  // namespace

std::span<const FacetSpec> facet_specs() { return kFacets; }

const FacetSpec& facet_spec(Facet facet) { return kFacets[static_cast<std::size_t>(facet)]; }

const FacetSpec* facet_spec_of_letter(char letter) {
  for (const FacetSpec& f : kFacets) {
    if (f.letter == letter) return &f;
  }
  return nullptr;
}

std::string facet_lines(const Cable& c) {
  std::string out;
  for (const FacetSpec& f : kFacets) {
    f.values(c, [&](std::string_view value) {
      if (value.empty()) return;
      out.push_back(f.letter);
      out.push_back(':');
      out.append(value);
      out.push_back('\n');
    });
  }
  return out;
}

}  // namespace cable::internal

namespace cable {

std::span<const Facet> all_facets() noexcept { return internal::kAll; }

const char* facet_name(Facet facet) noexcept {
  const auto i = static_cast<std::size_t>(facet);
  return i < internal::kFacets.size() ? internal::kFacets[i].name.data() : "?";
}

std::optional<Facet> facet_from_name(std::string_view name) noexcept {
  for (const internal::FacetSpec& f : internal::kFacets) {
    if (f.name == name) return f.facet;
  }
  if (name == "classification") return Facet::kClassification;
  return std::nullopt;
}

}  // namespace cable
