// Removal of the artefacts of paging: page headers ("PARIS 00000268  002 OF 008",
// "PAGE 02 ROME 03067 211833Z", also in the middle of a line) and repeated
// section lines ("C O N F I D E N T I A L SECTION 02 OF 03 CAPE TOWN 00097").
// Rules and examples: docs/normalization.md, "Page headers and section lines".
#ifndef CABLE_SRC_NORMALIZE_PAGE_HEADERS_HPP_
#define CABLE_SRC_NORMALIZE_PAGE_HEADERS_HPP_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "util/cable_id.hpp"

namespace cable::internal::normalize {

class PageHeaderRemover {
 public:
  // `cable_id` ("09PARIS268") lets the remover find headers inside a line by
  // their serial number and origin; without a valid ID only whole lines go.
  explicit PageHeaderRemover(std::string_view cable_id);

  // Removes every page header and section line from `lines`, with the blank
  // lines a page break brings (one before, two after); a blank line beyond
  // those is a real paragraph break and stays. Returns how many were removed.
  std::size_t apply(std::vector<std::string>& lines) const;

  // True when the whole line is a page header.
  bool is_header_line(std::string_view line) const;
  // True when the whole line is a section line (banner + SECTION NN OF NN).
  static bool is_section_line(std::string_view line);
  // The [begin, end) byte span of a page header of this cable inside `line`.
  std::optional<std::pair<std::size_t, std::size_t>> find_inline(std::string_view line) const;

 private:
  std::optional<CableIdParts> id_;
};

}  // namespace cable::internal::normalize

#endif  // CABLE_SRC_NORMALIZE_PAGE_HEADERS_HPP_
