// Spelling data ("did you mean"): each word (a term without prefix) with its
// frequency in the index, which Xapian's spelling suggestions read.
//
// Cables added one by one have their words gathered and written once per
// word at a commit. A bulk run gathers nothing: at its end, sync_spelling()
// makes the spelling data what the committed index holds, in one walk over
// its words, which is cheaper than a hash per word of every document
// (docs/benchmarks.md). Xapian's TermGenerator can add spelling data word by
// word as it indexes, which is slower still.
#ifndef CABLE_SRC_WRITE_SPELLING_HPP_
#define CABLE_SRC_WRITE_SPELLING_HPP_

#include <xapian.h>

#include <cstddef>
#include <string>
#include <unordered_map>

namespace cable::internal {

// Words held in memory before they are written (about 100 MB).
inline constexpr std::size_t kMaxGatheredWords = 1'000'000;

// The words of documents added one by one, until they are written.
// Not thread-safe; one per shard.
class GatheredWords {
 public:
  // Counts every word of `doc` (its within-document frequencies).
  void gather(const Xapian::Document& doc);
  // Adds what was gathered to `db`'s spelling data and forgets it, when
  // `all` or when more than kMaxGatheredWords are held; else keeps it for a
  // later commit. @throws Xapian::Error.
  void write_to(Xapian::WritableDatabase& db, bool all);
  bool empty() const { return words_.empty(); }

 private:
  std::unordered_map<std::string, Xapian::termcount> words_;
};

// Makes `db`'s spelling data (uncommitted) what its committed words are: each
// word with its collection frequency, and no word it no longer has. Cost: one
// walk over its words and its spelling words, a frequency lookup per word;
// memory for the words whose frequency changed. @throws Xapian::Error.
void sync_spelling(Xapian::WritableDatabase& db);

}  // namespace cable::internal

#endif  // CABLE_SRC_WRITE_SPELLING_HPP_
