#include "search/compile.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <utility>

#include "analysis/folding.hpp"
#include "cable/error.hpp"
#include "cable/tags.hpp"
#include "model/classification.hpp"
#include "query/dates.hpp"
#include "search/cables_with.hpp"
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

// A weight scale is the compiler's filter, always by 0: over_cables()
// (search/cable_words) takes every OP_SCALE_WEIGHT for one, as Xapian 1.4
// cannot tell it the factor.
Q filter(const std::string& term) { return Q(Q::OP_SCALE_WEIGHT, Q(term), 0.0); }

Q all_of(std::vector<Q>& parts) {
  return parts.size() == 1 ? parts.front() : Q(Q::OP_AND, parts.begin(), parts.end());
}

// Folded, runs of white space made one space: "Secret // NoForn" -> "secret // noforn".
std::string folded_value(std::string_view v) { return text::fold_spaces(internal::fold(v)); }

std::string upper_no_spaces(std::string_view v) { return text::upper(text::without_spaces(v)); }

class Compiler {
 public:
  // Over whole cables when `cables` is not null (the map CablesWith needs),
  // else over documents. `record`, when not null, is where the CablesWith
  // record what their phrases match.
  Compiler(const internal::Analyzer& analyzer, const CableMap* cables, const Glossary& glossary,
           const Xapian::Database* index, std::shared_ptr<PositionalMatches> record = nullptr)
      : a_(analyzer),
        cables_(cables),
        glossary_(glossary),
        index_(index),
        record_(std::move(record)) {}

  CompiledQuery run(const QueryNode& n) {
    std::optional<Q> q = build(n);
    if (!q) throw QueryError(n.position, "the query has no word that can be searched");
    return CompiledQuery{
        std::move(*q),      Q(),    weighted_, parts_, std::move(words_), std::move(wildcards_),
        std::move(values_), record_};
  }

 private:
  // The prefix of free-text words: none in a document, kCableWord over a cable.
  std::string_view text_prefix() const { return cables_ ? schema::kCableWord : ""; }

  // A phrase or NEAR of the exact `words`: as it is over documents; over
  // cables, the words' cable-level terms filtered by the cables in which
  // it holds (search/cables_with.hpp).
  Q positional(Q q, const std::vector<std::string>& words) {
    if (!cables_) return q;
    std::vector<Q> terms;
    for (const std::string& w : words) terms.emplace_back(schema::term(schema::kCableWord, w));
    return Q(Q::OP_FILTER, Q(Q::OP_AND, terms.begin(), terms.end()),
             Q((new CablesWith(cables_, std::move(q), std::nullopt, record_))->release()));
  }

  // Exact terms of `text` with `prefix` ("" for free text); stemmed when
  // `stem` and one word.
  std::optional<Q> words(std::string_view text, std::string_view prefix, bool stem) {
    const std::vector<std::string> w = a_.words(text);
    if (w.empty()) return std::nullopt;
    const bool free_text = prefix.empty();
    if (w.size() == 1) {
      const std::string_view p = free_text ? text_prefix() : prefix;
      if (!stem) return Q(schema::term(p, w.front()));
      // Over documents, which rank the best paragraph, the word as typed
      // weighs more; over cables it would read one more posting list per
      // word for little (tests/ranking/known_item.py).
      return a_.stemmed(w.front(), p,
                        cables_ ? Analyzer::Forms::kStem : Analyzer::Forms::kExactWeighsMore);
    }
    std::vector<Q> terms;
    for (const std::string& t : w) terms.emplace_back(schema::term(prefix, t));
    Q phrase(Q::OP_PHRASE, terms.begin(), terms.end(), static_cast<Xapian::termcount>(w.size()));
    return free_text ? positional(std::move(phrase), w) : phrase;
  }

  // A filter on `term`, one value of field `n` that may be suggested
  // another when it is in no document.
  Q value(const QueryNode& n, std::string term) {
    values_.push_back({n.field, n.text, n.position, n.quoted, {term}});
    return filter(term);
  }

  // A tag as written, and when neither the glossary nor the index knows
  // such a code, the codes whose meaning it names: `tag:libya` finds LY. A
  // meaning named whole wins over those holding its words: `tag:security`
  // is ASEC alone.
  Q tag(const QueryNode& n) {
    const std::string code = text::upper(text::fold_spaces(n.text));
    LocatedValue v{n.field, n.text, n.position, n.quoted, {schema::term(schema::kTag, code)}};
    if (!glossary_.find(code) && !(index_ && index_->term_exists(v.terms.front()))) {
      const std::vector<TagInfo> named = glossary_.matching(n.text);
      const std::string whole = folded_value(n.text);
      const bool exact = std::any_of(named.begin(), named.end(), [&](const TagInfo& t) {
        return folded_value(t.name) == whole;
      });
      for (const TagInfo& t : named) {
        if (!exact || folded_value(t.name) == whole) {
          v.terms.push_back(schema::term(schema::kTag, t.code));
        }
      }
    }
    std::vector<Q> parts;
    for (const std::string& t : v.terms) parts.push_back(filter(t));
    v.any = true;
    values_.push_back(std::move(v));
    return parts.size() == 1 ? parts.front() : Q(Q::OP_OR, parts.begin(), parts.end());
  }

  std::optional<Q> field(const QueryNode& n) {
    switch (n.field) {
      case Field::kTag:  // a code, or a phrase: "IRAQI FREEDOM"
        return tag(n);
      case Field::kCaption:
        return value(n, schema::term(schema::kCaption, upper_no_spaces(n.text)));
      case Field::kPrecedence:
        return value(n, schema::term(schema::kPrecedence, upper_no_spaces(n.text)));
      case Field::kPerson:
        return value(n, schema::term(schema::kPerson, text::upper(text::fold_spaces(n.text))));
      case Field::kId: {
        const std::string id = upper_no_spaces(n.text);
        return Q(Q::OP_OR, filter(schema::term(schema::kId, id)),
                 filter(schema::term(schema::kPublishedId, id)));
      }
      case Field::kCites:
        return filter(schema::term(schema::kCites, upper_no_spaces(n.text)));
      case Field::kClass: {
        const auto value = class_query_value(n.text);
        // A classification as a damaged cable wrote it, which the index holds.
        const std::string written =
            schema::term(schema::kClass, text::lower(text::fold_spaces(text::trim(n.text))));
        if (!value && index_ && index_->term_exists(written)) return filter(written);
        if (!value) {
          // The value alone: the field may have been typed `classification:`.
          throw QueryError(n.position, fmt::format("\"{}\" is no classification: write {}", n.text,
                                                   class_query_values()));
        }
        return filter(schema::term(schema::kClass, *value));
      }
      case Field::kMarking:
        return value(n, schema::term(schema::kMarking, folded_value(n.text)));
      case Field::kOrigin: {
        LocatedValue v{n.field, n.text, n.position, n.quoted, {}};
        std::vector<Q> parts;
        for (const std::string& w : a_.words(n.text)) {
          v.terms.push_back(schema::term(schema::kOrigin, w));
          parts.push_back(filter(v.terms.back()));
        }
        if (parts.empty()) throw QueryError(n.position, "origin: needs a word");
        values_.push_back(std::move(v));
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
  std::string near_side(const QueryNode& n) {
    if (n.kind != NodeKind::kWord && n.kind != NodeKind::kPhrase) {
      throw QueryError(n.position, "NEAR needs single words on each side");
    }
    const std::vector<std::string> w = a_.words(n.text);
    if (w.size() != 1) {
      throw QueryError(n.position,
                       "NEAR needs single words on each side (no phrase, no "
                       "punctuation only)");
    }
    return w.front();
  }

  Q wildcard(const QueryNode& n) {
    // As the index reads words: "united_k*" would stand for no word.
    const std::string prefix = separate_words(internal::fold(n.text));
    if (prefix.find(' ') != std::string::npos) {
      throw QueryError(n.position,
                       fmt::format("{}* is more than one word: a wildcard stands for one", n.text));
    }
    wildcards_.push_back({prefix, n.position});
    // Over cables, one term that search/cable_words expands.
    if (cables_) return Q(schema::term(schema::kCableWord, prefix + schema::kWildcard));
    return Q(Q::OP_WILDCARD, prefix, kMaxWildcardExpansion, Q::WILDCARD_LIMIT_ERROR);
  }

  // What `n` excludes (NOT, AND's negative parts) gives the query no weight.
  std::optional<Q> excluded(const QueryNode& n) {
    const bool before = weighted_;
    const std::size_t parts = parts_;
    std::optional<Q> q = build(n);
    weighted_ = before;
    parts_ = parts;
    return q;
  }

  std::optional<Q> build(const QueryNode& n) {
    // Filters weigh nothing (filter(), date ranges): every other node may.
    if (!(n.kind == NodeKind::kField && n.field != Field::kSubject) &&
        n.kind != NodeKind::kDateRange && n.kind != NodeKind::kNot && n.kind != NodeKind::kAnd &&
        n.kind != NodeKind::kOr) {
      weighted_ = true;
    }
    if (n.kind == NodeKind::kWord || n.kind == NodeKind::kPhrase || n.kind == NodeKind::kNear ||
        n.kind == NodeKind::kWildcard) {
      ++parts_;
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
        std::vector<std::string> sides;
        for (const auto& c : n.children) sides.push_back(near_side(*c));
        return positional(Q(Q::OP_NEAR, sides.begin(), sides.end(), n.distance), sides);
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
  const CableMap* cables_;
  const Glossary& glossary_;
  const Xapian::Database* index_;
  std::shared_ptr<PositionalMatches> record_;
  bool weighted_ = false;
  std::size_t parts_ = 0;
  std::vector<Located> words_;
  std::vector<Located> wildcards_;
  std::vector<LocatedValue> values_;
};

}  // namespace

bool cable_documents_only(const Q& q) {
  const std::size_t n = q.get_num_subqueries();
  switch (q.get_type()) {
    case Q::LEAF_TERM: {
      const std::string term = *q.get_terms_begin();
      std::string_view t = term;
      if (t.substr(0, schema::kStemmed.size()) == schema::kStemmed) {
        t.remove_prefix(schema::kStemmed.size());
      }
      return t.substr(0, schema::kCableWord.size()) == schema::kCableWord;
    }
    case Q::LEAF_POSTING_SOURCE:  // CablesWith, CableWords, CableFilter
      return true;
    case Q::OP_AND:
    case Q::OP_FILTER:
      for (std::size_t i = 0; i < n; ++i) {
        if (cable_documents_only(q.get_subquery(i))) return true;
      }
      return false;
    case Q::OP_OR:
    case Q::OP_MAX:  // a wildcard's CableWords
    case Q::OP_SYNONYM:
      for (std::size_t i = 0; i < n; ++i) {
        if (!cable_documents_only(q.get_subquery(i))) return false;
      }
      return n > 0;
    case Q::OP_AND_NOT:
    case Q::OP_AND_MAYBE:
    case Q::OP_SCALE_WEIGHT:
      return n > 0 && cable_documents_only(q.get_subquery(0));
    default:  // MatchAll, a paragraph-level wildcard
      return false;
  }
}

CompiledQuery compile(const internal::QueryNode& node, const internal::Analyzer& analyzer,
                      const CableMap& cables, const Glossary& glossary,
                      const Xapian::Database* index) {
  try {
    CompiledQuery out = Compiler(analyzer, nullptr, glossary, index).run(node);
    out.positional = std::make_shared<PositionalMatches>(&cables);
    out.cables = Compiler(analyzer, &cables, glossary, index, out.positional).run(node).query;
    if (!cable_documents_only(out.cables)) {
      out.cables = Q(Q::OP_FILTER, out.cables, Q(schema::term(schema::kKind, schema::kKindCable)));
    }
    return out;
  } catch (const Xapian::Error& e) {
    // Anything Xapian refuses to build is a query we should have refused.
    throw QueryError(node.position, "this query cannot be run: " + e.get_msg());
  }
}

}  // namespace cable::internal
