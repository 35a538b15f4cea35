// The query language (docs/query-language.md) parsed into a QueryNode tree.
//
// Hand-written rather than Xapian::QueryParser: that parser reports no error
// positions, reads an unknown "field:" as words and recovers from unbalanced
// quotes silently, while a malformed query here must fail with its position.
#ifndef CABLE_SRC_QUERY_PARSER_HPP_
#define CABLE_SRC_QUERY_PARSER_HPP_

#include <cstddef>
#include <string_view>

#include "query/query_node.hpp"

namespace cable::internal::query {

// Parses `text`. @throws QueryError with the byte position of the fault.
NodePtr parse(std::string_view text);

// A date range node from two ends ("YYYY[-MM[-DD]]" or "" for open); errors
// are reported at `position` plus the offset of the fault.
NodePtr date_range_node(std::string_view from, std::string_view to, std::size_t position);

}  // namespace cable::internal::query

#endif  // CABLE_SRC_QUERY_PARSER_HPP_
