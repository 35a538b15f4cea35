#include "synth/replica.hpp"

#include <fmt/format.h>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <optional>
#include <string_view>
#include <unordered_map>

namespace cable::tool::synth {
namespace {

// A word is a run of letters (ICU's u_isalpha: "Élysée" is one word, "“Ouattara”"
// the word inside its quotes), of at least kMinLetters of them.
constexpr int kMinLetters = 3;

// Calls `word(begin, end)`, byte offsets, for each word of `text`.
template <typename F>
void for_each_word(const std::string& text, F word) {
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto n = static_cast<std::int32_t>(text.size());
  std::int32_t i = 0, begin = -1;
  int letters = 0;
  while (i < n) {
    const std::int32_t at = i;
    UChar32 c = 0;
    U8_NEXT(bytes, i, n, c);
    if (c >= 0 && u_isalpha(c)) {
      if (begin < 0) begin = at, letters = 0;
      ++letters;
      continue;
    }
    if (begin >= 0 && letters >= kMinLetters) word(std::size_t(begin), std::size_t(at));
    begin = -1;
  }
  if (begin >= 0 && letters >= kMinLetters) word(std::size_t(begin), std::size_t(n));
}

// `w` in lower case, letter by letter (ICU's u_tolower).
std::string lower(std::string_view w) {
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(w.data());
  const auto n = static_cast<std::int32_t>(w.size());
  std::string out;
  out.reserve(w.size());
  for (std::int32_t i = 0; i < n;) {
    UChar32 c = 0;
    U8_NEXT(bytes, i, n, c);
    if (c < 0) continue;
    char buf[U8_MAX_LENGTH];
    std::int32_t len = 0;
    U8_APPEND_UNSAFE(buf, len, u_tolower(c));
    out.append(buf, static_cast<std::size_t>(len));
  }
  return out;
}

// Whether the last letter of `text[0, end)` is upper case.
bool ends_upper(const std::string& text, std::size_t end) {
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
  auto i = static_cast<std::int32_t>(end);
  UChar32 c = 0;
  U8_PREV(bytes, 0, i, c);
  return c >= 0 && u_isupper(c);
}

// A whole decimal number, or nothing.
std::optional<std::uint64_t> number_in(std::string_view digits) {
  std::uint64_t v = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), v);
  if (ec != std::errc() || end != digits.data() + digits.size() || digits.empty()) return {};
  return v;
}

// FNV-1a over the word and the copy: the same choice on every machine.
std::uint64_t hash(const std::string& word, std::uint64_t copy) {
  std::uint64_t h = 0xcbf29ce484222325ull;
  const auto mix = [&h](unsigned char b) { h = (h ^ b) * 0x100000001b3ull; };
  for (const char c : word) mix(static_cast<unsigned char>(c));
  for (int i = 0; i < 8; ++i) mix(static_cast<unsigned char>(copy >> (8 * i)));
  return h;
}

// "q" then `copy` in base 26 ("qb" for 1, "qba" for 26): letters, so the
// renamed word stays one word to every tokenizer.
std::string suffix(std::uint64_t copy, bool upper) {
  std::string digits;
  do {
    digits += static_cast<char>('a' + copy % 26);
    copy /= 26;
  } while (copy > 0);
  std::reverse(digits.begin(), digits.end());
  std::string s = "q" + digits;
  if (upper) {
    for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return s;
}

// The fields of "2009-02-20T18:11" or "2009-02-20"; false for another shape.
bool split_date(std::string_view date, Synthetic* s) {
  const auto field = [&](std::size_t at, std::size_t size, int* out) {
    const std::optional<std::uint64_t> v = number_in(date.substr(at, size));
    if (v) *out = static_cast<int>(*v);
    return v.has_value();
  };
  if (date.size() < 10 || !field(0, 4, &s->year) || !field(5, 2, &s->month) ||
      !field(8, 2, &s->day))
    return false;
  return date.size() < 16 || (field(11, 2, &s->hour) && field(14, 2, &s->minute));
}

}  // namespace

Replicas::Replicas(const std::vector<Cable>& seeds) {
  std::unordered_map<std::string, std::size_t> paragraphs_with;
  const auto learn = [&](const std::string& text) {
    std::unordered_set<std::string> seen;
    for_each_word(text,
                  [&](std::size_t b, std::size_t e) { seen.insert(lower(text.substr(b, e - b))); });
    for (const std::string& w : seen) ++paragraphs_with[w];
  };
  for (const Cable& c : seeds) {
    learn(c.subject);
    for (const Paragraph& p : c.paragraphs) learn(p.text);
  }
  vocabulary_ = paragraphs_with.size();
  for (const auto& [word, n] : paragraphs_with) {
    if (n <= kCommonParagraphs) rare_.insert(word);
  }
}

double Replicas::share(std::uint64_t copy) const {
  if (copy == 0 || rare_.empty()) return 0;
  const double k = static_cast<double>(copy);
  const double fresh =
      static_cast<double>(vocabulary_) * (std::pow(k + 1, kHeapsBeta) - std::pow(k, kHeapsBeta));
  return std::min(1.0, fresh / static_cast<double>(rare_.size()));
}

bool Replicas::renamed(const std::string& word, std::uint64_t copy) const {
  return renamed(word, copy, share(copy));
}

bool Replicas::renamed(const std::string& word, std::uint64_t copy, double share) const {
  if (copy == 0 || !rare_.contains(word)) return false;
  // The top 53 bits as a fraction in [0, 1).
  return static_cast<double>(hash(word, copy) >> 11) * 0x1.0p-53 < share;
}

std::size_t Replicas::vocabulary(std::uint64_t copies) const {
  std::size_t n = vocabulary_;
  for (std::uint64_t k = 1; k < copies; ++k) {
    const double of_k = share(k);
    n += static_cast<std::size_t>(std::count_if(
        rare_.begin(), rare_.end(), [&](const std::string& w) { return renamed(w, k, of_k); }));
  }
  return n;
}

std::string Replicas::rename(const std::string& text, std::uint64_t copy) const {
  if (copy == 0) return text;
  const double of_copy = share(copy);
  std::string out;
  out.reserve(text.size() + text.size() / 16);
  std::size_t done = 0;
  for_each_word(text, [&](std::size_t b, std::size_t e) {
    if (!renamed(lower(std::string_view(text).substr(b, e - b)), copy, of_copy)) return;
    out.append(text, done, e - done);
    out += suffix(copy, ends_upper(text, e));
    done = e;
  });
  out.append(text, done, std::string::npos);
  return out;
}

std::string Replicas::id_in_copy(const std::string& id, std::uint64_t copy) {
  const std::optional<IdParts> parts = split_id(id);
  if (copy == 0 || !parts || parts->serial >= kSerials) return id;
  return fmt::format("{}{}{}", parts->year, parts->origin, copy * kSerials + parts->serial);
}

bool Replicas::make(const Cable& seed, std::uint64_t copy, Synthetic* out) const {
  // A serial of kSerials or more would collide across copies (1 × 1,000,000
  // + 5 and 0 × 1,000,000 + 1,000,005).
  const std::optional<IdParts> id = split_id(seed.id);
  Synthetic s;
  if (seed.paragraphs.empty() || !id || id->serial >= kSerials || !split_date(seed.date, &s))
    return false;
  const std::string& code = id->origin;
  s.id = id_in_copy(seed.id, copy);
  s.origin_code = code;
  s.subject = rename(seed.subject, copy);
  s.classification = seed.classification.empty() ? "UNCLASSIFIED" : seed.classification;
  s.origin = seed.origin;
  s.from = seed.from.empty() ? "AMEMBASSY " + code : seed.from;
  s.captions = seed.captions;
  s.tags = seed.tags;
  // A copy cites the same copy of each cited cable, so that the copies'
  // references are the seeds' graph again, not all of them copy 0's cables.
  for (const Reference& r : seed.references) {
    if (!r.id.empty()) s.references.push_back(id_in_copy(r.id, copy));
  }
  for (std::size_t k = 0; k < seed.paragraphs.size(); ++k) {
    Paragraph p = seed.paragraphs[k];
    p.number = std::to_string(k + 1);
    p.text = rename(p.text, copy);
    p.items.clear();
    s.paragraphs.push_back(std::move(p));
  }
  s.signature = seed.signature.empty() ? "SMITH" : seed.signature;
  *out = std::move(s);
  return true;
}

}  // namespace cable::tool::synth
