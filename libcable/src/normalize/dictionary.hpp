// The English word list (Debian's wamerican, embedded at build time) that the
// hyphenation rule consults.
#ifndef CABLE_SRC_NORMALIZE_DICTIONARY_HPP_
#define CABLE_SRC_NORMALIZE_DICTIONARY_HPP_

#include <string_view>
#include <unordered_set>

namespace cable::internal::normalize {

class Dictionary {
 public:
  // The embedded list, built on first use (thread-safe). About 75,000 words.
  static const Dictionary& english();

  // True when `word` (any ASCII case) is in the list.
  bool contains(std::string_view word) const;

 private:
  Dictionary();
  std::unordered_set<std::string_view> words_;
};

}  // namespace cable::internal::normalize

#endif  // CABLE_SRC_NORMALIZE_DICTIONARY_HPP_
