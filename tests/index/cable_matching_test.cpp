// Matching over whole cables (Grouping::kCable, the default): the query
// holds over the cable, phrases and NEAR inside one paragraph, and each hit
// names the paragraph that best answers; against Grouping::kParagraph.
// In memory, and on disk in one and two shards.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "cable/search.hpp"
#include "cable/writer.hpp"
#include "support/test_support.hpp"

namespace cable {
namespace {

using test::make_cable;
using test::TempDir;

class CableMatchingTest : public ::testing::TestWithParam<int> {
 protected:
  Searcher build() {
    WriterOptions o;
    o.shards = static_cast<std::size_t>(GetParam());
    writer_ = std::make_unique<Writer>(GetParam() > 0 ? Writer::open(dir_.path() / "db", o)
                                                      : Writer::in_memory());
    writer_->add(make_cable("09ATLANTIS1", "2009-01-01", {"PREL"},
                            {"The harbour master spoke of fishing.", "Quotas were not discussed.",
                             "Fishing quotas, at last, and the harbour."},
                            "HARBOUR TALKS"));
    writer_->add(make_cable("09ATLANTIS2", "2009-01-02", {"EFIS"},
                            {"Fishing boats left the harbour.", "Nothing about quotas here."}));
    writer_->add(make_cable("09ATLANTIS3", "2009-01-03", {"EFIS"},
                            {"Fishing boats came back.", "The minister left."}));
    writer_->commit();
    return writer_->searcher();
  }

  static std::set<std::string> cables(const Results& r) {
    std::set<std::string> out;
    for (const Hit& h : r.hits) out.insert(h.cable);
    return out;
  }

  TempDir dir_;
  std::unique_ptr<Writer> writer_;
};

TEST_P(CableMatchingTest, WordsMatchAnywhereInTheCable) {
  const Searcher s = build();
  // "boats" and "quotas" are in different paragraphs of 09ATLANTIS2.
  EXPECT_EQ(cables(s.search("boats quotas")), std::set<std::string>{"09ATLANTIS2"});
  SearchOptions paragraphs;
  paragraphs.grouping = Grouping::kParagraph;
  EXPECT_EQ(s.search("boats quotas", paragraphs).total, 0u);
  // Excluded words are excluded from the whole cable.
  EXPECT_EQ(cables(s.search("boats -quotas")), std::set<std::string>{"09ATLANTIS3"});
  EXPECT_EQ(s.search("boats -quotas", paragraphs).total, 2u);  // 09ATLANTIS2's first too
  // Fields apply to the cable; the subject is part of it.
  EXPECT_EQ(cables(s.search("talks quotas")), std::set<std::string>{"09ATLANTIS1"});
  EXPECT_EQ(cables(s.search("tag:EFIS minister")), std::set<std::string>{"09ATLANTIS3"});
  EXPECT_EQ(s.search("marking:c quotas").total, 2u);
  EXPECT_EQ(s.search("fishing").total, 3u);
}

TEST_P(CableMatchingTest, PhrasesAndNearHoldInsideOneParagraph) {
  const Searcher s = build();
  EXPECT_EQ(cables(s.search("\"fishing quotas\"")), std::set<std::string>{"09ATLANTIS1"});
  // Both words in 09ATLANTIS2, in different paragraphs: not a phrase.
  EXPECT_EQ(cables(s.search("\"boats quotas\"")), std::set<std::string>{});
  EXPECT_EQ(cables(s.search("boats NEAR/10 quotas")), std::set<std::string>{});
  EXPECT_EQ(cables(s.search("fishing NEAR/5 harbour")),
            (std::set<std::string>{"09ATLANTIS1", "09ATLANTIS2"}));
  EXPECT_EQ(cables(s.search("quotas NEAR/8 harbour")), std::set<std::string>{"09ATLANTIS1"});
  // A phrase with a word elsewhere in the cable.
  EXPECT_EQ(cables(s.search("\"fishing boats\" quotas")), std::set<std::string>{"09ATLANTIS2"});
  EXPECT_EQ(cables(s.search("\"harbour talks\"")), std::set<std::string>{"09ATLANTIS1"});
}

TEST_P(CableMatchingTest, AHitNamesTheParagraphThatBestAnswers) {
  const Searcher s = build();
  // Fishing and quotas together in ¶3 only; fishing alone in ¶1.
  const Results both = s.search("fishing quotas tag:PREL");
  ASSERT_EQ(both.hits.size(), 1u);
  EXPECT_EQ(both.hits.front().paragraph, "3");
  EXPECT_EQ(both.hits.front().other_matches, 0u);
  EXPECT_NE(both.hits.front().snippet.find("quotas</b>"), std::string::npos)
      << both.hits.front().snippet;
  // Spread over two paragraphs: the one with the rarer word ("boats" is in
  // two paragraphs, "quotas" in three).
  const Results spread = s.search("boats quotas");
  ASSERT_EQ(spread.hits.size(), 1u);
  EXPECT_EQ(spread.hits.front().paragraph, "1");
  // Two paragraphs hold the whole query: the best, and one other.
  const Results harbour = s.search("harbour tag:PREL");
  ASSERT_EQ(harbour.hits.size(), 1u);
  EXPECT_EQ(harbour.hits.front().other_matches, 2u);  // ¶1, ¶3 and the subject
  // Words of the subject alone: the cable, shown by its subject.
  const Results subject = s.search("subject:talks");
  ASSERT_EQ(subject.hits.size(), 1u);
  EXPECT_EQ(subject.hits.front().order, 0u);
  EXPECT_EQ(subject.hits.front().other_matches, 0u);
  // Filters alone: the cable, shown by its subject.
  const Results tag = s.search("tag:PREL");
  ASSERT_EQ(tag.hits.size(), 1u);
  EXPECT_EQ(tag.hits.front().order, 0u);
}

// A field selects every document of its cables, and none of a cable
// replaced since, whose documents were removed: the best paragraph's other
// matches are the cable's own.
TEST_P(CableMatchingTest, AFieldMatchesNoDocumentOfACableReplacedSince) {
  Searcher s = build();
  writer_->add(make_cable("09ATLANTIS2", "2009-01-02", {"EFIS"},
                          {"Fishing boats left the port.", "Nothing here."}));
  writer_->commit();
  s = writer_->searcher();
  for (const char* q : {"quotas OR tag:PREL", "tag:PREL OR quotas", "harbour OR date:2009-01-01"}) {
    const Results r = s.search(q);
    ASSERT_EQ(r.hits.size(), 1u) << q;
    EXPECT_EQ(r.hits.front().cable, "09ATLANTIS1") << q;
    EXPECT_EQ(r.hits.front().other_matches, 3u) << q;  // its three other documents
  }
  SearchOptions paragraphs;
  paragraphs.grouping = Grouping::kParagraph;
  EXPECT_EQ(s.search("tag:EFIS", paragraphs).total, 4u);
}

// A phrase's best paragraph holds it as a phrase, even beside one that holds
// its words more often apart; NEAR's too. The search matches the phrase
// once (search/positional_matches.hpp): the best paragraphs are filtered by
// what it matched.
TEST_P(CableMatchingTest, APhrasesBestParagraphHoldsThePhrase) {
  build();
  writer_->add(make_cable("09ATLANTIS4", "2009-01-04", {"EFIS"},
                          {"Quotas for fishing and fishing for quotas, quotas for fishing.",
                           "The harbour and its fishing quotas.", "Fishing, then quotas."}));
  writer_->commit();
  const Searcher s = writer_->searcher();
  const Results phrase = s.search("\"fishing quotas\" tag:EFIS");
  ASSERT_EQ(phrase.hits.size(), 1u);
  EXPECT_EQ(phrase.hits.front().paragraph, "2");
  EXPECT_EQ(phrase.hits.front().other_matches, 0u);
  const Results near = s.search("quotas NEAR/2 fishing tag:EFIS");
  ASSERT_EQ(near.hits.size(), 1u);
  EXPECT_EQ(near.hits.front().paragraph, "2");
  EXPECT_EQ(near.hits.front().other_matches, 0u);
  // With a word of another paragraph: the phrase's paragraph still.
  const Results worded = s.search("\"fishing quotas\" harbour");
  ASSERT_EQ(worded.hits.size(), 2u);
  for (const Hit& h : worded.hits) {
    EXPECT_EQ(h.paragraph, h.cable == "09ATLANTIS1" ? "3" : "2") << h.cable;
  }
}

std::vector<std::string> cables_of(const Results& r) {
  std::vector<std::string> out;
  for (const Hit& h : r.hits) out.push_back(h.cable);
  return out;
}

// The cables of `query`'s `total` hits, read page by page, `size` a page;
// every page's total must be `total`.
std::vector<std::string> pages_of(const Searcher& s, const std::string& query, std::size_t size,
                                  std::size_t total) {
  std::vector<std::string> out;
  for (std::size_t offset = 0; offset < total; offset += size) {
    SearchOptions page;
    page.limit = size;
    page.offset = offset;
    const Results r = s.search(query, page);
    EXPECT_EQ(r.total, total) << "offset " << offset;
    for (const Hit& h : r.hits) out.push_back(h.cable);
  }
  return out;
}

// A cable with one paragraph that holds every word ranks above one whose
// words are spread, however often (search/rescore.hpp); every page of the
// query agrees with that order.
TEST_P(CableMatchingTest, OneParagraphWithEveryWordRanksAboveSpreadWords) {
  build();
  writer_->add(make_cable("09ATLANTIS10", "2009-02-01", {"EFIS"},
                          {"Sardines, sardines and more sardines were landed.",
                           "Tuna prices rose; tuna stocks fell; tuna boats stayed in."}));
  writer_->add(make_cable("09ATLANTIS11", "2009-02-02", {"EFIS"},
                          {"Sardines and tuna were landed together.", "The minister left."}));
  writer_->add(
      make_cable("09ATLANTIS12", "2009-02-03", {"EFIS"}, {"Tuna, tuna, tuna.", "Sardines."}));
  writer_->commit();
  const Searcher s = writer_->searcher();
  SearchOptions all;
  all.limit = 10;
  const Results r = s.search("sardines tuna", all);
  ASSERT_EQ(r.hits.size(), 3u);
  EXPECT_EQ(r.hits[0].cable, "09ATLANTIS11");
  EXPECT_EQ(r.hits[0].paragraph, "1");
  EXPECT_GT(r.hits[0].score, r.hits[1].score);
  EXPECT_EQ(pages_of(s, "sardines tuna", 1, r.hits.size()), cables_of(r));
}

// A tag may be named by its meaning in the glossary (issue #24); a code is
// itself.
TEST_P(CableMatchingTest, ATagIsFoundByItsMeaning) {
  const Searcher s = build();
  EXPECT_EQ(cables(s.search("tag:\"fisheries and marine resources\"")),
            (std::set<std::string>{"09ATLANTIS2", "09ATLANTIS3"}));
  EXPECT_EQ(s.search("tag:fisheries").total, 2u);
  EXPECT_EQ(cables(s.search("tag:\"political relations\"")), std::set<std::string>{"09ATLANTIS1"});
  EXPECT_EQ(s.search("tag:efis").total, 2u);
  EXPECT_EQ(s.search("tag:libya").total, 0u);
  EXPECT_EQ(s.search("tag:libya").suggestion, "");
  SearchOptions mine;
  mine.glossary = Glossary::builtin();
  EXPECT_EQ(s.search("tag:fisheries -tag:\"external political relations\"", mine).total, 2u);
  // A code the index has is itself, though it is a word of meanings.
  writer_->add(make_cable("09ATLANTIS30", "2009-04-01", {"FISHERIES"}, {"Nets."}));
  writer_->commit();
  EXPECT_EQ(cables(writer_->searcher().search("tag:fisheries")),
            std::set<std::string>{"09ATLANTIS30"});
}

// class: is a closed set, but for a classification as a damaged cable wrote
// it, which the index holds.
TEST_P(CableMatchingTest, AClassificationTheIndexHoldsIsFoundAsWritten) {
  build();
  Cable odd = make_cable("09ATLANTIS40", "2009-05-01", {"PREL"}, {"Quotas again."});
  odd.classification = "RESTRICTED";
  writer_->add(std::move(odd));
  writer_->commit();
  const Searcher s = writer_->searcher();
  EXPECT_EQ(cables(s.search("class:restricted")), std::set<std::string>{"09ATLANTIS40"});
  EXPECT_EQ(s.search("class:confidential").total, 3u);
  EXPECT_THROW(s.search("class:secert"), QueryError);
}

// A reader types the words they remember: the paragraph that holds them as
// typed ranks above one holding other words of the same stems.
TEST_P(CableMatchingTest, WordsAsTypedRankAboveOtherWordsOfTheirStem) {
  build();
  writer_->add(make_cable("09ATLANTIS20", "2009-03-01", {"EFIS"},
                          {"Engage, care: tuna.", "The minister left."}));
  writer_->add(make_cable("09ATLANTIS21", "2009-03-02", {"EFIS"},
                          {"Careful engaging on tuna, they said.", "The minister left."}));
  writer_->commit();
  const Searcher s = writer_->searcher();
  const Results r = s.search("careful engaging tuna");
  ASSERT_EQ(r.hits.size(), 2u);
  EXPECT_EQ(r.hits[0].cable, "09ATLANTIS21");
  EXPECT_GT(r.hits[0].score, r.hits[1].score);
}

// Pages of every size and start, inside the window ranked again and past
// it, put together give the one long page.
TEST_P(CableMatchingTest, PagesAgreeAcrossTheWindowRankedAgain) {
  build();
  for (int k = 0; k < 60; ++k) {
    const std::string n = std::to_string(100 + k);
    // Some with both words in one paragraph, some spread, with counts that vary.
    std::vector<std::string> paragraphs =
        k % 3 == 0 ? std::vector<std::string>{"Sardines and tuna " + std::string(k % 7, '.')}
                   : std::vector<std::string>{std::string("Sardines ") + (k % 2 ? "sardines" : ""),
                                              "Tuna " + n};
    writer_->add(make_cable("09ATLANTIS" + n, "2009-03-01", {"EFIS"}, paragraphs));
  }
  writer_->commit();
  const Searcher s = writer_->searcher();
  SearchOptions all;
  all.limit = 100;
  const Results whole = s.search("sardines tuna", all);
  ASSERT_EQ(whole.hits.size(), 60u);
  // Counted from the words' sets of cables, the match passing over some.
  EXPECT_EQ(s.search("sardines tuna").total, 60u);
  SearchOptions past;
  past.offset = 45;
  EXPECT_EQ(s.search("sardines tuna", past).total, 60u);
  for (const std::size_t size : {1u, 7u, 10u, 45u}) {
    EXPECT_EQ(pages_of(s, "sardines tuna", size, whole.hits.size()), cables_of(whole))
        << "pages of " << size;
  }
}

INSTANTIATE_TEST_SUITE_P(Storage, CableMatchingTest, ::testing::Values(0, 1, 2),
                         [](const auto& info) {
                           return info.param == 0
                                      ? std::string("InMemory")
                                      : "OnDisk" + std::to_string(info.param) + "Shards";
                         });

}  // namespace
}  // namespace cable
