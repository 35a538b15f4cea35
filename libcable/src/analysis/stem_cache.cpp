#include "analysis/stem_cache.hpp"

#include <bit>
#include <functional>

namespace cable::internal {

StemCache::StemCache(std::size_t slots) : mask_(std::bit_ceil(slots) - 1) {}

const std::string& StemCache::stem(const std::string& word) {
  if (slots_.empty()) slots_.resize(mask_ + 1);
  Slot& slot = slots_[std::hash<std::string>{}(word)&mask_];
  if (!slot.filled || slot.word != word) {
    slot.word = word;
    slot.stem = english_(word);
    slot.filled = true;
  }
  return slot.stem;
}

}  // namespace cable::internal
