#include "write/spelling.hpp"

#include <cstdint>
#include <utility>
#include <vector>

#include "util/text.hpp"

namespace cable::internal {

void GatheredWords::gather(const Xapian::Document& doc) {
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
    const std::string& term = *t;
    if (!term.empty() && !text::is_upper(term[0])) words_[term] += t.get_wdf();
  }
}

void GatheredWords::write_to(Xapian::WritableDatabase& db, bool all) {
  if (!all && words_.size() <= kMaxGatheredWords) return;
  for (const auto& [word, freq] : words_) db.add_spelling(word, freq);
  words_.clear();
}

void sync_spelling(Xapian::WritableDatabase& db) {
  std::vector<std::pair<std::string, std::int64_t>> changes;  // word, frequency to add
  Xapian::TermIterator known = db.spellings_begin();
  const Xapian::TermIterator known_end = db.spellings_end();
  const auto drop_known_before = [&](const std::string* word) {
    for (; known != known_end && (!word || *known < *word); ++known) {
      changes.emplace_back(*known, -std::int64_t{known.get_termfreq()});
    }
  };
  const Xapian::TermIterator end = db.allterms_end();
  for (Xapian::TermIterator t = db.allterms_begin(); t != end;) {
    const std::string word = *t;
    if (text::is_upper(word[0])) {
      t.skip_to("[");  // past every term with a prefix ('A' to 'Z')
      continue;
    }
    drop_known_before(&word);
    std::int64_t change = db.get_collection_freq(word);
    if (known != known_end && *known == word) {
      change -= known.get_termfreq();
      ++known;
    }
    if (change != 0) changes.emplace_back(word, change);
    ++t;
  }
  drop_known_before(nullptr);
  for (const auto& [word, change] : changes) {
    if (change > 0) {
      db.add_spelling(word, static_cast<Xapian::termcount>(change));
    } else {
      db.remove_spelling(word, static_cast<Xapian::termcount>(-change));
    }
  }
}

}  // namespace cable::internal
