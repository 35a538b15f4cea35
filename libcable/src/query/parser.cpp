#include "query/parser.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <unicode/utf8.h>

#include "cable/error.hpp"
#include "query/dates.hpp"
#include "query/lexer.hpp"
#include "util/text.hpp"

namespace cable::internal::query {
namespace {

using internal::Field;
using internal::NodeKind;
using internal::NodePtr;
using internal::QueryNode;

constexpr std::size_t kMaxDepth = kMaxQueryDepth;

struct FieldName {
  std::string_view name;
  std::optional<Field> field;  // nullopt: date
};

constexpr std::array<FieldName, 13> kFields = {{
    {"tag", Field::kTag},
    {"origin", Field::kOrigin},
    {"class", Field::kClass},
    {"classification", Field::kClass},
    {"caption", Field::kCaption},
    {"id", Field::kId},
    {"ref", Field::kCites},
    {"subject", Field::kSubject},
    {"marking", Field::kMarking},
    {"person", Field::kPerson},
    {"precedence", Field::kPrecedence},
    {"date", std::nullopt},
    {"tags", Field::kTag},
}};

// "tag, origin, …": every field once, without the other names some have.
std::string field_names() {
  std::string out;
  for (auto f = kFields.begin(); f != kFields.end(); ++f) {
    const bool alias = f->field && std::any_of(kFields.begin(), f, [&](const FieldName& before) {
                         return before.field == f->field;
                       });
    if (!alias) out += (out.empty() ? "" : ", ") + std::string(f->name);
  }
  return out;
}

NodePtr node(QueryNode n) { return std::make_shared<const QueryNode>(std::move(n)); }

NodePtr negate(NodePtr inner, std::size_t pos) {
  QueryNode n;
  n.kind = NodeKind::kNot;
  n.position = pos;
  n.children.push_back(std::move(inner));
  return node(std::move(n));
}

class Parser {
 public:
  explicit Parser(std::vector<Token> tokens) : t_(std::move(tokens)) {}

  NodePtr run() {
    if (t_.front().kind == Tok::kEnd) throw QueryError(0, "the query is empty");
    NodePtr n = or_expr();
    if (peek().kind == Tok::kClose) throw QueryError(peek().pos, "this ')' has no '(' before it");
    if (peek().kind != Tok::kEnd) throw QueryError(peek().pos, "unexpected here");
    return n;
  }

 private:
  const Token& peek() const { return t_[k_]; }
  const Token& take() { return t_[k_++]; }

  static bool starts_operand(Tok k) {
    return k == Tok::kWord || k == Tok::kPhrase || k == Tok::kField || k == Tok::kOpen ||
           k == Tok::kNot;
  }

  void expect_operand(std::string_view after, std::size_t at) {
    if (!starts_operand(peek().kind)) {
      throw QueryError(peek().kind == Tok::kEnd ? at : peek().pos,
                       fmt::format("{} needs a term after it", after));
    }
  }

  NodePtr or_expr() {
    if (++depth_ > kMaxDepth) throw QueryError(peek().pos, "the query nests too deeply");
    std::vector<NodePtr> parts{and_expr()};
    while (peek().kind == Tok::kOr) {
      const Token& op = take();
      expect_operand("OR", op.pos);
      parts.push_back(and_expr());
    }
    --depth_;
    if (parts.size() == 1) return parts.front();
    QueryNode n;
    n.kind = NodeKind::kOr;
    n.children = std::move(parts);
    return node(std::move(n));
  }

  NodePtr and_expr() {
    if (!starts_operand(peek().kind)) {
      if (peek().kind == Tok::kEnd) throw QueryError(peek().pos, "a term is missing here");
      if (peek().kind == Tok::kClose) throw QueryError(peek().pos, "nothing before this ')'");
      throw QueryError(peek().pos, "this operator needs a term before it");
    }
    std::vector<NodePtr> parts{unary()};
    for (;;) {
      if (peek().kind == Tok::kAnd) {
        const Token& op = take();
        expect_operand("AND", op.pos);
        parts.push_back(unary());
      } else if (starts_operand(peek().kind)) {
        parts.push_back(unary());
      } else {
        break;
      }
    }
    if (parts.size() == 1) return parts.front();
    QueryNode n;
    n.kind = NodeKind::kAnd;
    n.children = std::move(parts);
    return node(std::move(n));
  }

  NodePtr unary() {
    if (peek().kind == Tok::kNot) {
      const Token& op = take();
      expect_operand("NOT", op.pos);
      if (++depth_ > kMaxDepth) throw QueryError(op.pos, "the query nests too deeply");
      NodePtr n = negate(unary(), op.pos);
      --depth_;
      return n;
    }
    return near_expr();
  }

  NodePtr near_expr() {
    NodePtr left = primary();
    while (peek().kind == Tok::kNear) {
      const Token op = take();
      if (peek().kind != Tok::kWord && peek().kind != Tok::kPhrase) {
        throw QueryError(peek().kind == Tok::kEnd ? op.pos : peek().pos,
                         "NEAR needs a word or a phrase on each side");
      }
      NodePtr right = primary();
      for (const NodePtr* side : {&left, &right}) {
        const NodeKind k = (*side)->kind;
        if (k == NodeKind::kWildcard) {
          throw QueryError((*side)->position,
                           "NEAR cannot take a wildcard (Xapian has no "
                           "positions for the words it stands for)");
        }
        if (k != NodeKind::kWord && k != NodeKind::kPhrase && k != NodeKind::kNear) {
          throw QueryError(op.pos, "NEAR needs a word or a phrase on each side");
        }
      }
      QueryNode n;
      n.kind = NodeKind::kNear;
      n.distance = op.distance;
      n.position = op.pos;
      if (left->kind == NodeKind::kNear && left->distance == op.distance) {
        n.children = left->children;
      } else {
        n.children.push_back(left);
      }
      n.children.push_back(right);
      left = node(std::move(n));
    }
    return left;
  }

  NodePtr primary() {
    const Token tok = take();
    NodePtr out;
    switch (tok.kind) {
      case Tok::kOpen: {
        if (peek().kind == Tok::kClose) throw QueryError(tok.pos, "these parentheses are empty");
        out = or_expr();
        if (peek().kind != Tok::kClose) throw QueryError(tok.pos, "this '(' is never closed");
        take();
        break;
      }
      case Tok::kPhrase: {
        if (text::trim(tok.text).empty()) throw QueryError(tok.pos, "this phrase is empty");
        QueryNode n;
        n.kind = NodeKind::kPhrase;
        n.text = tok.text;
        n.position = tok.pos;
        out = node(std::move(n));
        break;
      }
      case Tok::kWord:
        out = word(tok);
        break;
      case Tok::kField:
        out = field(tok);
        break;
      default:
        throw QueryError(tok.pos, "a term is missing here");
    }
    return tok.negated ? negate(out, tok.pos) : out;
  }

  NodePtr word(const Token& tok) {
    refuse_comparison(tok);
    const std::size_t star = tok.text.find('*');
    if (star != std::string::npos && star + 1 < tok.text.size()) {
      throw QueryError(text_pos(tok) + star,
                       "a '*' may only end a word (qadh*), not stand inside it: Xapian "
                       "expands words by their beginning");
    }
    QueryNode n;
    n.position = tok.pos;
    if (tok.text.ends_with('*')) {
      n.kind = NodeKind::kWildcard;
      n.text = tok.text.substr(0, tok.text.size() - 1);
      if (n.text.empty() || n.text.find('*') != std::string::npos) {
        throw QueryError(tok.pos, "a wildcard needs at least one letter before its '*'");
      }
    } else {
      n.kind = NodeKind::kWord;
      n.text = tok.text;
    }
    return node(std::move(n));
  }

  NodePtr field(const Token& tok) {
    const auto it = std::find_if(kFields.begin(), kFields.end(),
                                 [&](const FieldName& f) { return f.name == tok.name; });
    if (it == kFields.end()) {
      throw QueryError(tok.pos,
                       fmt::format("unknown field '{}' (fields: {})", tok.name, field_names()));
    }
    if (text::trim(tok.text).empty()) {
      throw QueryError(tok.value_pos, fmt::format("the field {}: has no value", tok.name));
    }
    if (!it->field) return date(tok);
    QueryNode n;
    n.kind = NodeKind::kField;
    n.field = *it->field;
    n.text = std::string(text::trim(tok.text));
    n.quoted = tok.quoted;
    n.position = tok.value_pos;
    return node(std::move(n));
  }

  // Where a word's text starts: after its '-', when it has one.
  static std::size_t text_pos(const Token& tok) { return tok.pos + (tok.negated ? 1 : 0); }

  // `date>2009`, `date<=2009-05`, `tag=KTIP`: a field written with a
  // comparison, which the language does not have; the lexer reads it as one
  // word, which would silently match nothing.
  static void refuse_comparison(const Token& tok) {
    const std::string_view w = tok.text;
    const std::size_t op = w.find_first_of("<>=");
    if (op == std::string_view::npos || op == 0) return;
    const std::string name = text::lower(w.substr(0, op));
    const auto it = std::find_if(kFields.begin(), kFields.end(),
                                 [&](const FieldName& f) { return f.name == name; });
    if (it == kFields.end()) return;
    refuse_operator(w.substr(op), text_pos(tok) + op, name, it->field.has_value());
  }

  // Refuses `rest`, which starts with '<', '>' or '=', at `at`.
  [[noreturn]] static void refuse_operator(std::string_view rest, std::size_t at,
                                           std::string_view name, bool is_field) {
    const std::size_t end = std::min(rest.find_first_not_of("<>="), rest.size());
    const std::string_view op = rest.substr(0, end);
    const std::string_view value = rest.substr(end);
    if (!is_field) {
      const std::string v = value.empty() ? std::string("2009") : std::string(value);
      throw QueryError(at, fmt::format("dates take ranges, not '{}': write date:{}.. (from {} "
                                       "on), date:..{} (up to its end) or date:{}",
                                       op, v, v, v, v));
    }
    throw QueryError(at, fmt::format("a field takes ':', not '{}': write {}:{}", op, name,
                                     value.empty() ? "VALUE" : value));
  }

  NodePtr date(const Token& tok) {
    const std::string_view v = tok.text;
    if (v.find_first_of("<>=") == 0) refuse_operator(v, tok.value_pos, "date", false);
    const std::size_t dots = v.find("..");
    if (dots == std::string_view::npos) return date_range_node(v, v, tok.value_pos);
    if (v.substr(dots + 2).find("..") != std::string_view::npos) {
      throw QueryError(tok.value_pos + dots + 2, "a date range has one '..'");
    }
    const std::string_view from = v.substr(0, dots);
    const std::string_view to = v.substr(dots + 2);
    if (from.empty() && to.empty()) {
      throw QueryError(tok.value_pos, "a date range needs at least one end");
    }
    return date_range_node(from, to, tok.value_pos);
  }

  std::vector<Token> t_;
  std::size_t k_ = 0;
  std::size_t depth_ = 0;
};

}  // namespace

NodePtr date_range_node(std::string_view from, std::string_view to, std::size_t position) {
  const auto check = [&](std::string_view d, std::size_t at) {
    if (d.empty()) return;
    if (const auto fault = date_fault(d)) {
      throw QueryError(at + *fault,
                       fmt::format("bad date '{}': write YYYY, YYYY-MM or YYYY-MM-DD", d));
    }
  };
  const bool range = from.data() != to.data() || from.size() != to.size();
  check(from, position);
  check(to, range ? position + from.size() + 2 : position);
  if (from.empty() && to.empty()) throw QueryError(position, "a date range needs at least one end");
  if (!from.empty() && !to.empty() && range_low(from) > range_high(to)) {
    throw QueryError(position, fmt::format("the date range {}..{} is empty: it ends before it "
                                           "starts",
                                           from, to));
  }
  QueryNode n;
  n.kind = NodeKind::kDateRange;
  n.text = std::string(from);
  n.upper = std::string(to);
  n.position = position;
  return std::make_shared<const QueryNode>(std::move(n));
}

namespace {

// Refuses what no query needs and a hostile one could use: more than
// kMaxQueryBytes, control characters, bytes that are not UTF-8.
void check_text(std::string_view text) {
  if (text.size() > kMaxQueryBytes) {
    throw QueryError(kMaxQueryBytes,
                     fmt::format("a query may be at most {} bytes long", kMaxQueryBytes));
  }
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto length = static_cast<std::int32_t>(text.size());
  for (std::int32_t i = 0; i < length;) {
    const std::int32_t at = i;
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) throw QueryError(static_cast<std::size_t>(at), "this is not UTF-8");
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
      throw QueryError(static_cast<std::size_t>(at),
                       fmt::format("a control character (U+{:04X}) has no place in a query",
                                   static_cast<unsigned>(c)));
    }
  }
}

// Refuses a query of more than kMaxQueryTerms words, at the first one too many.
void check_terms(const std::vector<Token>& tokens) {
  std::size_t terms = 0;
  for (const Token& t : tokens) {
    if (t.kind == Tok::kPhrase) {
      terms += text::split_words(t.text).size();
    } else if (t.kind == Tok::kWord || t.kind == Tok::kField) {
      ++terms;
    }
    if (terms > kMaxQueryTerms) {
      throw QueryError(t.pos, fmt::format("a query may have at most {} terms", kMaxQueryTerms));
    }
  }
}

}  // namespace

NodePtr parse(std::string_view text) {
  check_text(text);
  std::vector<Token> tokens = lex(text);
  check_terms(tokens);
  return Parser(std::move(tokens)).run();
}

}  // namespace cable::internal::query
