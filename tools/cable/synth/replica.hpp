// Copies of real cables for `cable synth --copies`: the seed cables
// themselves, paragraph for paragraph, written again under new IDs, with a
// vocabulary that grows as real text's does. Plain copies would keep the
// seeds' vocabulary however large the corpus, which no real archive does
// (and which flatters an index: no new terms, the same posting lists grown
// longer). Heaps' law has an archive of n words hold about K·n^β distinct
// words; English text gives β near 0.5. So copy k (k ≥ 1) renames a share
// of the seeds' rare words, each to a form of its own in that copy
// (`ouattara` → `ouattaraqb`), such that c copies hold the seeds' vocabulary
// times c^0.5. Common words (in more than kCommonParagraphs paragraphs) stay
// as they are, as they do in any new text. Copy 0 is the seed itself, under
// its own ID. Pure: any copy can be made again, in any order, from any
// thread.
#ifndef CABLE_TOOLS_SYNTH_REPLICA_HPP_
#define CABLE_TOOLS_SYNTH_REPLICA_HPP_

#include <cstdint>
#include <string>
#include <unordered_set>
#include <vector>

#include "cable/record.hpp"
#include "synth/model.hpp"

namespace cable::tool::synth {

class Replicas {
 public:
  // Heaps' exponent the copies follow.
  static constexpr double kHeapsBeta = 0.5;
  // A word of more seed paragraphs than this is common and never renamed.
  static constexpr std::size_t kCommonParagraphs = 20;
  // Copy k's serials are k × kSerials + the seed's.
  static constexpr std::uint64_t kSerials = 1'000'000;

  // Learns the seeds' vocabulary: which words are rare enough to rename.
  explicit Replicas(const std::vector<Cable>& seeds);

  // Copy `copy` of `seed`. Its ID is the seed's for copy 0, else the seed's
  // year and origin with the serial `copy` × kSerials + the seed's
  // ("06PARIS741" → "06PARIS2000741" in copy 2). Returns false, making
  // nothing, for a seed without paragraphs, with an ID of another shape or a
  // serial of kSerials or more, or with a date that is not ISO 8601.
  bool make(const Cable& seed, std::uint64_t copy, Synthetic* out) const;
  // The ID the cable `id` has in copy `copy` (as make() gives it); `id`
  // itself in copy 0 or when it has another shape. A copy's references cite
  // the same copy of each cited cable.
  static std::string id_in_copy(const std::string& id, std::uint64_t copy);

  // The distinct words (folded to lower case) the seeds hold, and the number
  // `copies` copies hold: each word renamed in a copy is a word of its own.
  std::size_t seed_vocabulary() const { return vocabulary_; }
  std::size_t vocabulary(std::uint64_t copies) const;

  // Whether `word` (lower case) is renamed in copy `copy`.
  bool renamed(const std::string& word, std::uint64_t copy) const;

 private:
  // The share of the rare words renamed in copy `copy`, so that the
  // vocabulary after it is the seeds' times (copy + 1)^β.
  double share(std::uint64_t copy) const;
  // renamed() with share(copy) worked out once by the caller.
  bool renamed(const std::string& word, std::uint64_t copy, double share) const;
  std::string rename(const std::string& text, std::uint64_t copy) const;

  std::unordered_set<std::string> rare_;
  std::size_t vocabulary_ = 0;
};

}  // namespace cable::tool::synth

#endif  // CABLE_TOOLS_SYNTH_REPLICA_HPP_
