// The query language's tokens: words, phrases, fields, parentheses and
// operators, each with its byte position for errors (docs/query-language.md).
#ifndef CABLE_SRC_QUERY_LEXER_HPP_
#define CABLE_SRC_QUERY_LEXER_HPP_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace cable::internal::query {

inline constexpr unsigned kDefaultNear = 10;  // words, for NEAR without a distance
inline constexpr unsigned kMaxNear = 1000;

enum class Tok { kWord, kPhrase, kField, kOpen, kClose, kAnd, kOr, kNot, kNear, kEnd };

struct Token {
  Tok kind = Tok::kEnd;
  std::size_t pos = 0;
  std::string text;           // word, phrase, or the field's value
  std::string name;           // field name, lower case
  std::size_t value_pos = 0;  // field value's position
  bool quoted = false;        // field value was "…"
  bool negated = false;       // written with a leading '-'
  unsigned distance = kDefaultNear;
};

// The tokens of `text`, ending with one of kind kEnd at its length.
// @throws cable::QueryError at a quote never closed, a second '-', or a
// NEAR/ without a distance from 1 to kMaxNear. Cost: linear in `text`.
std::vector<Token> lex(std::string_view text);

}  // namespace cable::internal::query

#endif  // CABLE_SRC_QUERY_LEXER_HPP_
