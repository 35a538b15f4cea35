// The parsed form of a cable::Query: a small tree the parser and the builder
// make and the compiler (search/compile) turns into a Xapian query.
#ifndef CABLE_SRC_QUERY_QUERY_NODE_HPP_
#define CABLE_SRC_QUERY_QUERY_NODE_HPP_

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "cable/query.hpp"

namespace cable::internal {

enum class NodeKind {
  kAll,        // every document
  kWord,       // one word as typed, stemmed when searched
  kPhrase,     // exact words in order
  kWildcard,   // words starting with `text`
  kNear,       // children within `distance` words
  kField,      // a field with a value (`field`, `text`; `quoted` for "…")
  kDateRange,  // `text`..`upper`, each "YYYY[-MM[-DD]]" or "" (open)
  kAnd,
  kOr,
  kNot,  // one child
};

enum class Field {
  kTag,
  kOrigin,
  kClass,
  kCaption,
  kId,
  kCites,
  kSubject,
  kMarking,
  kPerson,
  kPrecedence
};

// The query-language name of a field: "tag", "origin", "class", …
const char* field_name(Field field);

struct QueryNode {
  NodeKind kind = NodeKind::kAll;
  std::string text;
  std::string upper;
  Field field = Field::kTag;
  bool quoted = false;
  unsigned distance = 10;
  std::size_t position = 0;  // byte offset in the query text, for errors found later
  std::vector<std::shared_ptr<const QueryNode>> children;
};

using NodePtr = std::shared_ptr<const QueryNode>;

// The parsed form behind a cable::Query, and a Query from one: the public
// header keeps both private, for the query builders and the search layer.
struct QueryAccess {
  static const QueryNode& node(const Query& q) { return *q.node_; }
  static Query query(NodePtr node) { return Query(std::move(node)); }
};

}  // namespace cable::internal

#endif  // CABLE_SRC_QUERY_QUERY_NODE_HPP_
