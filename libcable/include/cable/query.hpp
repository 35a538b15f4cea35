// libcable — queries.
//
// A Query says which paragraphs to find. Build one from the query language
// (docs/query-language.md), or with the builder for programs that should not
// assemble strings:
//
//   using cable::Query;
//   auto q = Query::text("forced labour") && Query::tag("KTIP") &&
//            Query::origin("paris") && Query::date_range("2008", "2008");
//   auto same = Query::parse("forced labour tag:KTIP origin:paris date:2008");
//
// Queries are immutable values, cheap to copy and safe to share between
// threads.
//
// Copyright (C) 2026 The libcable authors. SPDX-License-Identifier: GPL-2.0-or-later
#ifndef CABLE_QUERY_HPP_
#define CABLE_QUERY_HPP_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "cable/error.hpp"
#include "cable/export.hpp"

namespace cable {

namespace internal {
struct QueryNode;
struct QueryAccess;
}  // namespace internal

/// Limits of the query language: Query::parse() refuses a query beyond them
/// with a QueryError at the first byte or term too many. No real question
/// comes near them; they bound the work and memory a hostile query can ask.
inline constexpr std::size_t kMaxQueryBytes = 64 * 1024;  ///< Length in bytes.
inline constexpr std::size_t kMaxQueryTerms = 1000;       ///< Words, phrases' words and fields.
inline constexpr std::size_t kMaxQueryDepth = 100;        ///< Nested parentheses and NOTs.

/// A query: parsed from the query language or built with the functions
/// below and combined with `&&`, `||` and `!`. Immutable; cheap to copy.
class CABLE_EXPORT Query {
 public:
  /// Parses the query language. Field names, operators' operands and tag
  /// values are case-insensitive; words are folded (`Elysee` finds `Élysée`).
  /// @throws cable::QueryError naming the byte position and the problem:
  ///   unbalanced quotes or parentheses, an unknown field, a bad or empty date
  ///   range, an operator without an operand, an empty query, bytes that are
  ///   not UTF-8, a control character other than tab and line breaks, a
  ///   query beyond the limits above.
  /// Cost: linear in the length of `text`.
  static Query parse(std::string_view text);

  /// Every word of `words` (stemmed: `trafficking` also finds `trafficked`).
  /// @throws cable::QueryError when `words` holds no word.
  static Query text(std::string_view words);
  /// The exact words of `words`, in this order, adjacent.
  /// @throws cable::QueryError when `words` holds no word.
  static Query phrase(std::string_view words);
  /// Words starting with `prefix` (at most 1000 different words, else
  /// searching throws QueryError).
  static Query wildcard(std::string_view prefix);
  /// Both sides within `distance` words of each other, in any order. Each
  /// side must be a word, a phrase or a wildcard.
  static Query near(const Query& a, const Query& b, unsigned distance = 10);

  /// Cables with this TAGS entry ("KTIP", any case).
  static Query tag(std::string_view tag);
  /// Cables whose origin contains these words ("paris" finds "Embassy Paris").
  static Query origin(std::string_view words);
  /// Cables with this classification: "secret" finds SECRET and SECRET//NOFORN;
  /// "secret//noforn" only the latter.
  static Query classification(std::string_view classification);
  /// Cables with this caption ("SIPDIS", "NOFORN", …).
  static Query caption(std::string_view caption);
  /// Cables whose TAGS line names this person ("CLINTON, HILLARY"; case and
  /// runs of spaces ignored).
  static Query person(std::string_view person);
  /// Cables sent with this precedence ("IMMEDIATE", "PRIORITY", "ROUTINE",
  /// "FLASH"; any case).
  static Query precedence(std::string_view precedence);
  /// The cable with this ID ("09PARIS268").
  static Query id(std::string_view cable_id);
  /// Cables whose REF list cites this cable ID.
  static Query cites(std::string_view cable_id);
  /// Cables whose SUBJECT has these words (stemmed).
  static Query subject(std::string_view words);
  /// Paragraphs with this marking ("S/NF", "SBU", any case).
  static Query marking(std::string_view marking);
  /// Cables dated from `from` to `to`, both included. Each end is "YYYY",
  /// "YYYY-MM" or "YYYY-MM-DD"; an empty end is open.
  /// @throws cable::QueryError for a bad date or an empty range.
  static Query date_range(std::string_view from, std::string_view to);
  /// Every paragraph of every cable.
  static Query all();

  /// Both.
  friend CABLE_EXPORT Query operator&&(const Query& a, const Query& b);
  /// Either.
  friend CABLE_EXPORT Query operator||(const Query& a, const Query& b);
  /// Everything but `a` (`x && !y` is "x and not y").
  friend CABLE_EXPORT Query operator!(const Query& a);

  /// A canonical description, for logs and tests: `(AND (word "forced")
  /// (tag "KTIP"))`.
  std::string describe() const;

 private:
  friend struct internal::QueryAccess;  // the parsed form, for the search layer
  explicit Query(std::shared_ptr<const internal::QueryNode> node);
  std::shared_ptr<const internal::QueryNode> node_;
};

}  // namespace cable

#endif  // CABLE_QUERY_HPP_
