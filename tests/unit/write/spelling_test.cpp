// write/spelling: words gathered from documents are written at a commit, and
// syncing makes the spelling data the committed words, with their
// frequencies, and nothing else.
#include "write/spelling.hpp"

#include <gtest/gtest.h>
#include <xapian.h>

#include <map>
#include <string>

#include "support/test_support.hpp"

namespace cable::internal {
namespace {

std::map<std::string, Xapian::doccount> spellings(const Xapian::Database& db) {
  std::map<std::string, Xapian::doccount> out;
  for (auto s = db.spellings_begin(); s != db.spellings_end(); ++s) out[*s] = s.get_termfreq();
  return out;
}

Xapian::Document doc(std::initializer_list<std::pair<const char*, Xapian::termcount>> terms) {
  Xapian::Document d;
  for (const auto& [term, wdf] : terms) d.add_term(term, wdf);
  return d;
}

TEST(SpellingTest, GatheredWordsAreWrittenWithoutPrefixedTerms) {
  test::TempDir dir;
  Xapian::WritableDatabase db((dir.path() / "db").string(), Xapian::DB_CREATE);
  GatheredWords words;
  words.gather(doc({{"fishing", 2}, {"XTKTIP", 1}}));
  words.gather(doc({{"fishing", 1}, {"quota", 1}}));
  words.write_to(db, false);  // few words: kept for a later commit
  EXPECT_FALSE(words.empty());
  EXPECT_TRUE(spellings(db).empty());
  words.write_to(db, true);
  EXPECT_TRUE(words.empty());
  db.commit();
  EXPECT_EQ(spellings(db), (std::map<std::string, Xapian::doccount>{{"fishing", 3}, {"quota", 1}}));
}

TEST(SpellingTest, SyncMakesTheSpellingDataTheCommittedWords) {
  test::TempDir dir;
  Xapian::WritableDatabase db((dir.path() / "db").string(), Xapian::DB_CREATE);
  db.add_document(doc({{"fishing", 2}, {"XTKTIP", 1}, {"quota", 1}}));
  db.add_spelling("fishing", 1);  // too few
  db.add_spelling("gone", 4);     // no longer in the index
  db.commit();
  sync_spelling(db);
  db.commit();
  EXPECT_EQ(spellings(db), (std::map<std::string, Xapian::doccount>{{"fishing", 2}, {"quota", 1}}));
  sync_spelling(db);  // nothing left to change
  db.commit();
  EXPECT_EQ(spellings(db), (std::map<std::string, Xapian::doccount>{{"fishing", 2}, {"quota", 1}}));
}

}  // namespace
}  // namespace cable::internal
