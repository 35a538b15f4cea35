#include "query/lexer.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "cable/error.hpp"
#include "util/text.hpp"

namespace cable::internal::query {
namespace {

bool is_break(char c) { return text::is_space(c) || c == '\n' || c == '(' || c == ')' || c == '"'; }

class Lexer {
 public:
  explicit Lexer(std::string_view s) : s_(s) {}

  std::vector<Token> run() {
    std::vector<Token> out;
    for (;;) {
      while (i_ < s_.size() && (text::is_space(s_[i_]) || s_[i_] == '\n')) ++i_;
      if (i_ >= s_.size()) break;
      out.push_back(next());
    }
    Token end;
    end.kind = Tok::kEnd;
    end.pos = s_.size();
    out.push_back(end);
    return out;
  }

 private:
  Token next() {
    Token t;
    t.pos = i_;
    if (s_[i_] == '-' && i_ + 1 < s_.size() && !text::is_space(s_[i_ + 1]) && s_[i_ + 1] != '\n' &&
        s_[i_ + 1] != ')') {
      ++i_;
      if (s_[i_] == '-') throw QueryError(i_, "one '-' excludes a term; this is a second");
      Token inner = next();
      inner.negated = true;
      inner.pos = t.pos;
      return inner;
    }
    if (s_[i_] == '(') {
      ++i_;
      t.kind = Tok::kOpen;
      return t;
    }
    if (s_[i_] == ')') {
      ++i_;
      t.kind = Tok::kClose;
      return t;
    }
    if (s_[i_] == '"') {
      t.kind = Tok::kPhrase;
      t.text = quoted();
      return t;
    }
    const std::size_t b = i_;
    while (i_ < s_.size() && !is_break(s_[i_])) ++i_;
    const std::string_view word = s_.substr(b, i_ - b);
    t.kind = Tok::kWord;
    if (word == "AND") t.kind = Tok::kAnd;
    if (word == "OR") t.kind = Tok::kOr;
    if (word == "NOT") t.kind = Tok::kNot;
    if (word == "NEAR" || word.starts_with("NEAR/")) return near(t, word);
    if (t.kind != Tok::kWord) return t;
    const std::size_t colon = word.find(':');
    if (colon != std::string_view::npos && colon > 0 &&
        std::all_of(word.begin(), word.begin() + static_cast<std::ptrdiff_t>(colon),
                    [](char c) { return text::is_alpha(c); })) {
      t.kind = Tok::kField;
      t.name = text::lower(word.substr(0, colon));
      t.value_pos = b + colon + 1;
      t.text = std::string(word.substr(colon + 1));
      if (t.text.empty() && i_ < s_.size() && s_[i_] == '"') {
        t.quoted = true;
        t.text = quoted();
      }
      return t;
    }
    t.text = std::string(word);
    return t;
  }

  // Reads "…" from the opening quote at i_.
  std::string quoted() {
    const std::size_t open = i_++;
    const std::size_t close = s_.find('"', i_);
    if (close == std::string_view::npos) {
      throw QueryError(open, "this quote is never closed");
    }
    std::string out(s_.substr(i_, close - i_));
    i_ = close + 1;
    return out;
  }

  Token near(Token t, std::string_view word) {
    t.kind = Tok::kNear;
    if (word == "NEAR") return t;
    const std::string_view n = word.substr(5);
    unsigned d = 0;
    const bool ok = !n.empty() && n.size() <= 4 && std::all_of(n.begin(), n.end(), text::is_digit);
    if (ok) {
      for (char c : n) d = d * 10 + static_cast<unsigned>(c - '0');
    }
    if (!ok || d == 0 || d > kMaxNear) {
      throw QueryError(t.pos + 5, fmt::format("NEAR/ needs a distance from 1 to {}", kMaxNear));
    }
    t.distance = d;
    return t;
  }

  std::string_view s_;
  std::size_t i_ = 0;
};

}  // namespace

std::vector<Token> lex(std::string_view text) { return Lexer(text).run(); }

}  // namespace cable::internal::query
