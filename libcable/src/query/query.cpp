#include "cable/query.hpp"

#include <utility>

#include "query/dates.hpp"
#include "query/parser.hpp"
#include "query/query_node.hpp"
#include "util/text.hpp"

namespace cable {
namespace internal {

const char* field_name(Field field) {
  switch (field) {
    case Field::kTag:
      return "tag";
    case Field::kOrigin:
      return "origin";
    case Field::kClass:
      return "class";
    case Field::kCaption:
      return "caption";
    case Field::kId:
      return "id";
    case Field::kCites:
      return "ref";
    case Field::kSubject:
      return "subject";
    case Field::kMarking:
      return "marking";
    case Field::kPerson:
      return "person";
    case Field::kPrecedence:
      return "precedence";
  }
  return "?";
}

}  // namespace internal

namespace {

using internal::Field;
using internal::NodeKind;
using internal::NodePtr;
using internal::QueryAccess;
using internal::QueryNode;
namespace text = internal::text;

Query make(QueryNode node) {
  return QueryAccess::query(std::make_shared<const QueryNode>(std::move(node)));
}

Query field(Field f, std::string_view value) {
  QueryNode n;
  n.kind = NodeKind::kField;
  n.field = f;
  n.text = std::string(text::trim(value));
  if (n.text.empty()) {
    throw QueryError(0, std::string("field ") + internal::field_name(f) + " needs a value");
  }
  return make(std::move(n));
}

Query combine(NodeKind kind, const Query& a, const Query& b) {
  QueryNode n;
  n.kind = kind;
  // Flatten (a AND b) AND c into one AND of three.
  for (const Query* q : {&a, &b}) {
    if (QueryAccess::node(*q).kind == kind) {
      n.children.insert(n.children.end(), QueryAccess::node(*q).children.begin(),
                        QueryAccess::node(*q).children.end());
    } else {
      n.children.push_back(std::make_shared<const QueryNode>(QueryAccess::node(*q)));
    }
  }
  return make(std::move(n));
}

void describe(const QueryNode& n, std::string& out) {
  const auto quoted = [&](const std::string& s) {
    out += '"';
    for (char c : s) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    out += '"';
  };
  switch (n.kind) {
    case NodeKind::kAll:
      out += "(ALL)";
      return;
    case NodeKind::kWord:
      out += "(word ";
      quoted(n.text);
      break;
    case NodeKind::kPhrase:
      out += "(phrase ";
      quoted(n.text);
      break;
    case NodeKind::kWildcard:
      out += "(wildcard ";
      quoted(n.text);
      break;
    case NodeKind::kField:
      out += "(";
      out += internal::field_name(n.field);
      out += n.quoted ? " phrase " : " ";
      quoted(n.text);
      break;
    case NodeKind::kDateRange:
      out += "(date ";
      quoted(n.text);
      out += ' ';
      quoted(n.upper);
      break;
    case NodeKind::kNear:
      out += "(NEAR/" + std::to_string(n.distance);
      break;
    case NodeKind::kAnd:
      out += "(AND";
      break;
    case NodeKind::kOr:
      out += "(OR";
      break;
    case NodeKind::kNot:
      out += "(NOT";
      break;
  }
  for (const NodePtr& c : n.children) {
    out += ' ';
    describe(*c, out);
  }
  out += ')';
}

Query words(NodeKind kind, std::string_view text_in, std::string_view what) {
  if (text::trim(text_in).empty()) throw QueryError(0, std::string(what) + " needs words");
  QueryNode n;
  n.kind = kind;
  n.text = std::string(text::trim(text_in));
  return make(std::move(n));
}

}  // namespace

Query::Query(std::shared_ptr<const internal::QueryNode> node) : node_(std::move(node)) {}

Query Query::parse(std::string_view text) {
  return internal::QueryAccess::query(internal::query::parse(text));
}

Query Query::text(std::string_view words_in) {
  std::optional<Query> q;
  for (std::string_view w : text::split_words(words_in)) {
    Query one = words(NodeKind::kWord, w, "text");
    q = q ? (*q && one) : one;
  }
  if (!q) throw QueryError(0, "text needs words");
  return *q;
}

Query Query::phrase(std::string_view words_in) {
  return words(NodeKind::kPhrase, words_in, "phrase");
}

Query Query::wildcard(std::string_view prefix) {
  return words(NodeKind::kWildcard, prefix, "wildcard");
}

Query Query::near(const Query& a, const Query& b, unsigned distance) {
  QueryNode n;
  n.kind = NodeKind::kNear;
  n.distance = distance;
  n.children = {std::make_shared<const QueryNode>(QueryAccess::node(a)),
                std::make_shared<const QueryNode>(QueryAccess::node(b))};
  return make(std::move(n));
}

Query Query::tag(std::string_view v) { return field(Field::kTag, v); }
Query Query::origin(std::string_view v) { return field(Field::kOrigin, v); }
Query Query::classification(std::string_view v) { return field(Field::kClass, v); }
Query Query::caption(std::string_view v) { return field(Field::kCaption, v); }
Query Query::person(std::string_view v) { return field(Field::kPerson, v); }
Query Query::precedence(std::string_view v) { return field(Field::kPrecedence, v); }
Query Query::id(std::string_view v) { return field(Field::kId, v); }
Query Query::cites(std::string_view v) { return field(Field::kCites, v); }
Query Query::subject(std::string_view v) { return field(Field::kSubject, v); }
Query Query::marking(std::string_view v) { return field(Field::kMarking, v); }

Query Query::date_range(std::string_view from, std::string_view to) {
  return internal::QueryAccess::query(internal::query::date_range_node(from, to, 0));
}

Query Query::all() { return make(QueryNode{}); }

Query operator&&(const Query& a, const Query& b) { return combine(NodeKind::kAnd, a, b); }
Query operator||(const Query& a, const Query& b) { return combine(NodeKind::kOr, a, b); }
Query operator!(const Query& a) {
  QueryNode n;
  n.kind = NodeKind::kNot;
  n.children = {std::make_shared<const QueryNode>(QueryAccess::node(a))};
  return make(std::move(n));
}

std::string Query::describe() const {
  std::string out;
  cable::describe(*node_, out);
  return out;
}

}  // namespace cable
