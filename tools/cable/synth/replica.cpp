#include "synth/replica.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <unordered_map>

namespace cable::tool::synth {
namespace {

// A word is a run of ASCII letters and non-ASCII bytes (so "Élysée" is one
// word, not "lys"), of at least kMinLetters bytes.
constexpr std::size_t kMinLetters = 3;

bool word_byte(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u >= 0x80 || std::isalpha(u);
}

// Calls `word(begin, end)` for each word of `text`.
template <typename F>
void for_each_word(const std::string& text, F word) {
  std::size_t i = 0;
  while (i < text.size()) {
    if (!word_byte(text[i])) {
      ++i;
      continue;
    }
    std::size_t e = i;
    while (e < text.size() && word_byte(text[e])) ++e;
    if (e - i >= kMinLetters) word(i, e);
    i = e;
  }
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
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

// "06PARIS741" -> {"06", "PARIS", 741}; false for another shape.
bool split_id(const std::string& id, std::string* year, std::string* code, std::uint64_t* number) {
  std::size_t e = 2;
  if (id.size() < 4 || !std::isdigit(static_cast<unsigned char>(id[0])) ||
      !std::isdigit(static_cast<unsigned char>(id[1])))
    return false;
  while (e < id.size() && std::isupper(static_cast<unsigned char>(id[e]))) ++e;
  if (e == 2 || e == id.size()) return false;
  for (std::size_t i = e; i < id.size(); ++i) {
    if (!std::isdigit(static_cast<unsigned char>(id[i]))) return false;
  }
  *year = id.substr(0, 2);
  *code = id.substr(2, e - 2);
  *number = std::stoull(id.substr(e));
  return true;
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
  if (copy == 0 || !rare_.contains(word)) return false;
  // The top 53 bits as a fraction in [0, 1).
  return static_cast<double>(hash(word, copy) >> 11) * 0x1.0p-53 < share(copy);
}

std::size_t Replicas::vocabulary(std::uint64_t copies) const {
  std::size_t n = vocabulary_;
  for (std::uint64_t k = 1; k < copies; ++k) {
    n += static_cast<std::size_t>(std::count_if(
        rare_.begin(), rare_.end(), [&](const std::string& w) { return renamed(w, k); }));
  }
  return n;
}

std::string Replicas::rename(const std::string& text, std::uint64_t copy) const {
  if (copy == 0) return text;
  std::string out;
  out.reserve(text.size() + text.size() / 16);
  std::size_t done = 0;
  for_each_word(text, [&](std::size_t b, std::size_t e) {
    if (!renamed(lower(text.substr(b, e - b)), copy)) return;
    out.append(text, done, e - done);
    out += suffix(copy, std::isupper(static_cast<unsigned char>(text[e - 1])) != 0);
    done = e;
  });
  out.append(text, done, std::string::npos);
  return out;
}

bool Replicas::make(const Cable& seed, std::uint64_t copy, Synthetic* out) const {
  std::string year, code;
  std::uint64_t number = 0;
  if (seed.paragraphs.empty() || seed.date.size() < 10 || !split_id(seed.id, &year, &code, &number))
    return false;
  Synthetic s;
  s.id = fmt::format("{}{}{}", year, code, copy * 1'000'000 + number);
  s.origin_code = code;
  s.subject = rename(seed.subject, copy);
  s.year = std::stoi(seed.date.substr(0, 4));
  s.month = std::stoi(seed.date.substr(5, 2));
  s.day = std::stoi(seed.date.substr(8, 2));
  if (seed.date.size() >= 16) {
    s.hour = std::stoi(seed.date.substr(11, 2));
    s.minute = std::stoi(seed.date.substr(14, 2));
  }
  s.classification = seed.classification.empty() ? "UNCLASSIFIED" : seed.classification;
  s.origin = seed.origin;
  s.from = seed.from.empty() ? "AMEMBASSY " + code : seed.from;
  s.captions = seed.captions;
  s.tags = seed.tags;
  for (const Reference& r : seed.references) {
    if (!r.id.empty()) s.references.push_back(r.id);
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
