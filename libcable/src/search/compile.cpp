#include "search/compile.hpp"

#include <fmt/format.h>

#include <optional>

#include "analysis/folding.hpp"
#include "cable/error.hpp"
#include "query/dates.hpp"
#include "store/schema.hpp"
#include "util/text.hpp"

namespace cable::internal {
namespace {

using internal::Field;
using internal::NodeKind;
using internal::QueryNode;
using query::cover;
using query::DateCover;
using Q = Xapian::Query;

Q filter(const std::string& term) { return Q(Q::OP_SCALE_WEIGHT, Q(term), 0.0); }

Q all_of(std::vector<Q>& parts) {
  return parts.size() == 1 ? parts.front() : Q(Q::OP_AND, parts.begin(), parts.end());
}

// Folded, runs of white space made one space: "Secret // NoForn" -> "secret // noforn".
std::string folded_value(std::string_view v) { return text::fold_spaces(internal::fold(v)); }

std::string upper_no_spaces(std::string_view v) { return text::upper(text::without_spaces(v)); }

class Compiler {
 public:
  explicit Compiler(const internal::Analyzer& analyzer) : a_(analyzer) {}

  CompiledQuery run(const QueryNode& n) {
    std::optional<Q> q = build(n);
    if (!q) throw QueryError(n.position, "the query has no word that can be searched");
    return CompiledQuery{std::move(*q), weighted_, std::move(words_), std::move(wildcards_)};
  }

 private:
  // Exact terms of `text` with `prefix`; stemmed when `stem` and one word.
  std::optional<Q> words(std::string_view text, std::string_view prefix, bool stem) {
    const std::vector<std::string> w = a_.words(text);
    if (w.empty()) return std::nullopt;
    if (w.size() == 1) {
      return stem ? a_.stemmed(w.front(), prefix) : Q(schema::term(prefix, w.front()));
    }
    std::vector<Q> terms;
    for (const std::string& t : w) terms.emplace_back(schema::term(prefix, t));
    return Q(Q::OP_PHRASE, terms.begin(), terms.end(), static_cast<Xapian::termcount>(w.size()));
  }

  std::optional<Q> field(const QueryNode& n) {
    switch (n.field) {
      case Field::kTag:  // a code, or a phrase: "IRAQI FREEDOM"
        return filter(schema::term(schema::kTag, text::upper(text::fold_spaces(n.text))));
      case Field::kCaption:
        return filter(schema::term(schema::kCaption, upper_no_spaces(n.text)));
      case Field::kPrecedence:
        return filter(schema::term(schema::kPrecedence, upper_no_spaces(n.text)));
      case Field::kPerson:
        return filter(schema::term(schema::kPerson, text::upper(text::fold_spaces(n.text))));
      case Field::kId: {
        const std::string id = upper_no_spaces(n.text);
        return Q(Q::OP_OR, filter(schema::term(schema::kId, id)),
                 filter(schema::term(schema::kPublishedId, id)));
      }
      case Field::kCites:
        return filter(schema::term(schema::kCites, upper_no_spaces(n.text)));
      case Field::kClass:
        return filter(schema::term(schema::kClass, folded_value(n.text)));
      case Field::kMarking:
        return filter(schema::term(schema::kMarking, folded_value(n.text)));
      case Field::kOrigin: {
        std::vector<Q> parts;
        for (const std::string& w : a_.words(n.text))
          parts.push_back(filter(schema::term(schema::kOrigin, w)));
        if (parts.empty()) throw QueryError(n.position, "origin: needs a word");
        return all_of(parts);
      }
      case Field::kSubject: {
        if (n.quoted) return words(n.text, schema::kSubject, false);
        std::vector<Q> parts;
        for (std::string_view w : text::split_words(n.text)) {
          if (auto q = words(w, schema::kSubject, true)) parts.push_back(std::move(*q));
        }
        if (parts.empty()) return std::nullopt;
        return all_of(parts);
      }
    }
    return std::nullopt;
  }

  // A side of NEAR: exact words only, as positions are kept for those alone.
  Q near_side(const QueryNode& n) {
    if (n.kind != NodeKind::kWord && n.kind != NodeKind::kPhrase) {
      throw QueryError(n.position, "NEAR needs single words on each side");
    }
    const std::vector<std::string> w = a_.words(n.text);
    if (w.size() != 1) {
      throw QueryError(n.position,
                       "NEAR needs single words on each side (no phrase, no "
                       "punctuation only)");
    }
    return Q(w.front());
  }

  Q wildcard(const QueryNode& n) {
    const std::string prefix = internal::fold(n.text);
    wildcards_.push_back({prefix, n.position});
    return Q(Q::OP_WILDCARD, prefix, kMaxWildcardExpansion, Q::WILDCARD_LIMIT_ERROR);
  }

  // What `n` excludes (NOT, AND's negative parts) gives the query no weight.
  std::optional<Q> excluded(const QueryNode& n) {
    const bool before = weighted_;
    std::optional<Q> q = build(n);
    weighted_ = before;
    return q;
  }

  std::optional<Q> build(const QueryNode& n) {
    // Filters weigh nothing (filter(), date ranges): every other node may.
    if (!(n.kind == NodeKind::kField && n.field != Field::kSubject) &&
        n.kind != NodeKind::kDateRange && n.kind != NodeKind::kNot && n.kind != NodeKind::kAnd &&
        n.kind != NodeKind::kOr) {
      weighted_ = true;
    }
    switch (n.kind) {
      case NodeKind::kAll:
        return Q::MatchAll;
      case NodeKind::kWord:
        words_.push_back({n.text, n.position});
        return words(n.text, "", true);
      case NodeKind::kPhrase:
        return words(n.text, "", false);
      case NodeKind::kWildcard:
        return wildcard(n);
      case NodeKind::kField:
        return field(n);
      case NodeKind::kDateRange: {
        // An OR of year, month and day terms: a boolean posting list is far
        // cheaper to intersect than a value range is to check per document.
        const DateCover c = cover(n.text, n.upper);
        std::vector<Q> terms;
        for (const std::string& y : c.years) terms.emplace_back(schema::term(schema::kYear, y));
        for (const std::string& m : c.months) terms.emplace_back(schema::term(schema::kMonth, m));
        for (const std::string& d : c.days) terms.emplace_back(schema::term(schema::kDay, d));
        return Q(Q::OP_SCALE_WEIGHT, Q(Q::OP_OR, terms.begin(), terms.end()), 0.0);
      }
      case NodeKind::kNear: {
        std::vector<Q> sides;
        for (const auto& c : n.children) sides.push_back(near_side(*c));
        return Q(Q::OP_NEAR, sides.begin(), sides.end(), n.distance);
      }
      case NodeKind::kNot: {
        std::optional<Q> inner = excluded(*n.children.front());
        if (!inner) return std::nullopt;
        return Q(Q::OP_AND_NOT, Q::MatchAll, *inner);
      }
      case NodeKind::kOr: {
        std::vector<Q> parts;
        for (const auto& c : n.children) {
          if (auto q = build(*c)) parts.push_back(std::move(*q));
        }
        if (parts.empty()) return std::nullopt;
        return parts.size() == 1 ? parts.front() : Q(Q::OP_OR, parts.begin(), parts.end());
      }
      case NodeKind::kAnd: {
        std::vector<Q> pos;
        std::vector<Q> neg;
        for (const auto& c : n.children) {
          const bool negative = c->kind == NodeKind::kNot;
          if (auto q = negative ? excluded(*c->children.front()) : build(*c)) {
            (negative ? neg : pos).push_back(std::move(*q));
          }
        }
        if (pos.empty() && neg.empty()) return std::nullopt;
        Q positive = pos.empty() ? Q::MatchAll : all_of(pos);
        if (neg.empty()) return positive;
        return Q(Q::OP_AND_NOT, positive, Q(Q::OP_OR, neg.begin(), neg.end()));
      }
    }
    return std::nullopt;
  }

  const internal::Analyzer& a_;
  bool weighted_ = false;
  std::vector<Located> words_;
  std::vector<Located> wildcards_;
};

}  // namespace

CompiledQuery compile(const internal::QueryNode& node, const internal::Analyzer& analyzer) {
  try {
    return Compiler(analyzer).run(node);
  } catch (const Xapian::Error& e) {
    // Anything Xapian refuses to build is a query we should have refused.
    throw QueryError(node.position, "this query cannot be run: " + e.get_msg());
  }
}

}  // namespace cable::internal
