// The facets, each defined once: its Facet, its name (that of its query
// field too, where it has one), its letter in a document's facet lines
// (schema kSlotFacets) and how its values come from a Cable. Adding a facet
// is a line here, its value in the parse, its term and query field where it
// has one (docs/architecture.md, "How to add a facet").
#ifndef CABLE_SRC_STORE_FACETS_HPP_
#define CABLE_SRC_STORE_FACETS_HPP_

#include <functional>
#include <span>
#include <string>
#include <string_view>

#include "cable/record.hpp"
#include "cable/search.hpp"

namespace cable::internal {

struct FacetSpec {
  Facet facet;
  std::string_view name;
  char letter;
  // Gives each value of the facet in `c` to `add`, as facet counts show it.
  void (*values)(const Cable& c, const std::function<void(std::string_view)>& add);
};

// Every facet, in the order of Facet.
std::span<const FacetSpec> facet_specs();
// The spec of `facet`.
const FacetSpec& facet_spec(Facet facet);
// The spec whose letter is `letter`, or nullptr.
const FacetSpec* facet_spec_of_letter(char letter);

// The facet lines of kSlotFacets for `c` (see schema.hpp): "<letter>:<value>\n"
// for each value of each facet, in the order of facet_specs(). Cost: linear
// in the values.
std::string facet_lines(const Cable& c);

}  // namespace cable::internal

#endif  // CABLE_SRC_STORE_FACETS_HPP_
