#include "normalize/dictionary.hpp"

#include <string>

#include "util/text.hpp"

namespace cable::internal::normalize {

// Defined in the generated wordlist.cpp: lower-case ASCII words, one per line.
extern const char* const kEnglishWords;

Dictionary::Dictionary() {
  const std::string_view all(kEnglishWords);
  words_.reserve(80000);
  for (std::string_view w : text::split_lines(all)) {
    if (!w.empty()) words_.insert(w);
  }
}

const Dictionary& Dictionary::english() {
  static const Dictionary dictionary;
  return dictionary;
}

bool Dictionary::contains(std::string_view word) const {
  if (word.empty() || word.size() > 40) return false;
  char buf[40];
  for (std::size_t i = 0; i < word.size(); ++i) buf[i] = text::to_lower(word[i]);
  return words_.contains(std::string_view(buf, word.size()));
}

}  // namespace cable::internal::normalize
