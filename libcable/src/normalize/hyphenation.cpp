#include "normalize/hyphenation.hpp"

#include <algorithm>
#include <array>

#include "normalize/dictionary.hpp"
#include "util/text.hpp"

namespace cable::internal::normalize {
namespace {

// Prefixes that, before a hyphen, begin a compound rather than a broken word.
constexpr std::array<std::string_view, 17> kCompoundPrefixes = {
    "al",   "el",   "anti",  "pro", "non", "self", "ex",  "vice", "quasi",
    "well", "half", "cross", "all", "neo", "pan",  "mid", "co"};

constexpr std::array<std::string_view, 4> kSuspensionWords = {"and", "or", "nor", "to"};

bool has_lower(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return text::is_lower(c); });
}

}  // namespace

HyphenEvidence::HyphenEvidence(std::string_view body) {
  std::size_t i = 0;
  while (i < body.size()) {
    while (i < body.size() && !text::is_alpha(body[i])) ++i;
    const std::size_t b = i;
    while (i < body.size() && (text::is_alpha(body[i]) || body[i] == '-')) {
      if (body[i] == '-' && (i + 1 >= body.size() || !text::is_alpha(body[i + 1]))) break;
      ++i;
    }
    if (i > b) words_.insert(text::lower(body.substr(b, i - b)));
    if (i < body.size()) ++i;
  }
}

HyphenJoin decide_hyphen(std::string_view left, std::string_view right,
                         const HyphenEvidence& evidence) {
  if (left.empty() || right.empty() || !text::is_alpha(left.back()) ||
      !text::is_alpha(right.front())) {
    return HyphenJoin::kKeep;
  }
  const std::string lower_right = text::lower(right);
  if (std::find(kSuspensionWords.begin(), kSuspensionWords.end(), lower_right) !=
      kSuspensionWords.end()) {
    return HyphenJoin::kKeepAndSpace;
  }
  const std::string lower_left = text::lower(left);
  if (evidence.has(lower_left + "-" + lower_right)) return HyphenJoin::kKeep;
  if (evidence.has(lower_left + lower_right)) return HyphenJoin::kDrop;

  const Dictionary& dict = Dictionary::english();
  if (dict.contains(lower_left + lower_right)) return HyphenJoin::kDrop;
  if (std::find(kCompoundPrefixes.begin(), kCompoundPrefixes.end(), lower_left) !=
      kCompoundPrefixes.end()) {
    return HyphenJoin::kKeep;
  }
  if (text::is_upper(right.front()) && has_lower(left)) return HyphenJoin::kKeep;
  if (dict.contains(lower_left) && dict.contains(lower_right)) return HyphenJoin::kKeep;
  // Neither the cable nor the dictionary knows the word: all-caps telegrams
  // were hyphenated by hand at the margin, mixed-case ones were not.
  return (has_lower(left) || has_lower(right)) ? HyphenJoin::kKeep : HyphenJoin::kDrop;
}

}  // namespace cable::internal::normalize
