// Line-end hyphens: true hyphenation ("JURIS-" / "DICTION") loses its hyphen,
// a compound split at its hyphen ("al-" / "Qaida") keeps it.
// The rule, in order, is documented in docs/normalization.md, "Line-end hyphens".
#ifndef CABLE_SRC_NORMALIZE_HYPHENATION_HPP_
#define CABLE_SRC_NORMALIZE_HYPHENATION_HPP_

#include <string>
#include <string_view>
#include <unordered_set>

namespace cable::internal::normalize {

enum class HyphenJoin {
  kDrop,          // "JURIS-" + "DICTION" -> "JURISDICTION"
  kKeep,          // "al-" + "Qaida" -> "al-Qaida"
  kKeepAndSpace,  // "pro-" + "and anti-election" -> "pro- and anti-election"
};

// What the rest of the cable says about a word: the lower-case words and
// hyphenated compounds it uses away from line ends.
class HyphenEvidence {
 public:
  HyphenEvidence() = default;
  // Collects evidence from `text`, skipping words that end a line with a hyphen.
  explicit HyphenEvidence(std::string_view text);
  bool has(std::string_view lower_word) const { return words_.contains(std::string(lower_word)); }

 private:
  std::unordered_set<std::string> words_;
};

// Decides how to join `left` (the letters before a line-end hyphen) and
// `right` (the first word of the next line).
HyphenJoin decide_hyphen(std::string_view left, std::string_view right,
                         const HyphenEvidence& evidence);

}  // namespace cable::internal::normalize

#endif  // CABLE_SRC_NORMALIZE_HYPHENATION_HPP_
