// search/snippet: which words are highlighted, which passage is chosen, and
// that the text around them is escaped and never cut inside a character.
#include "search/snippet.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "analysis/analyzer.hpp"
#include "cable/reader.hpp"

namespace cable::internal {
namespace {

std::string snip(const Xapian::Query& q, std::string_view text, std::size_t length = 240,
                 std::vector<std::string> wildcards = {}) {
  SnippetMaker m(q, std::move(wildcards));
  return m.make(text, length, "[", "]");
}

TEST(SnippetTest, ExactWordsAndStemsAreHighlightedWhateverTheirCase) {
  const Xapian::Query q(Xapian::Query::OP_OR, Xapian::Query("traffick"),
                        Xapian::Query("Ztraffick"));
  EXPECT_EQ(snip(q, "Trafficking and trafficked persons; no trade."),
            "[Trafficking] and [trafficked] persons; no trade.");
}

TEST(SnippetTest, AccentedWordsAreFoldedLikeTheIndex) {
  EXPECT_EQ(snip(Xapian::Query("elysee"), "At the Élysée, ELYSEE staff met."),
            "At the [Élysée], [ELYSEE] staff met.");
}

// Bytes that cannot start a matching word are passed over; a matching
// initial inside a word, after an ASCII or a multi-byte letter or a
// combining mark, starts no word of its own. (A word that starts with a
// combining mark folds to the word without it.)
TEST(SnippetTest, OnlyWholeWordsMatchWhateverComesBeforeTheirInitial) {
  const Xapian::Query q("darko");
  EXPECT_EQ(snip(q,
                 "darko xdarko \u00e9darko \u0301darko a\u0301darko darkoé (darko) "
                 "\u201cdarko\u201d \u00e9 darko"),
            "[darko] xdarko \u00e9darko [\u0301darko] a\u0301darko darkoé ([darko]) "
            "\u201c[darko]\u201d \u00e9 [darko]");
}

// Words shorter than every query word, stem and wildcard are ruled out by
// their length: a word as short as the shortest still matches.
TEST(SnippetTest, WordsAsShortAsTheShortestQueryWordStillMatch) {
  const Xapian::Query q(Xapian::Query::OP_OR, Xapian::Query("Zcri"), Xapian::Query("Zinclud"));
  EXPECT_EQ(snip(q, "I cry, it cries; crib is included in it."),
            "I [cry], it [cries]; crib is [included] in it.");
  EXPECT_EQ(snip(Xapian::Query("it"), "It is in it."), "[It] is in [it].");
  EXPECT_EQ(snip(Xapian::Query("zzzz"), "ab, abc, a", 240, {"ab"}), "[ab], [abc], a");
  // Only an ASCII word is ruled out by its length: "և" (2 bytes) folds to
  // "եւ" (4).
  EXPECT_EQ(snip(Xapian::Query("\u0565\u0582"), "\u0587 x"), "[\u0587] x");
}

// Words are ruled out by their first letter before any lookup: every kind of
// first character must still reach the words that match.
TEST(SnippetTest, WordsOfEveryInitialAreFound) {
  const std::vector<Xapian::Query> words{Xapian::Query("1975"), Xapian::Query("zone"),
                                         Xapian::Query("Zquota")};
  const Xapian::Query q(Xapian::Query::OP_OR, words.begin(), words.end());
  EXPECT_EQ(snip(q, "In 1975 the ZONE and Zones; QUOTAS, not 1976 or zoned."),
            "In [1975] the [ZONE] and Zones; [QUOTAS], not 1976 or zoned.");
  EXPECT_EQ(snip(Xapian::Query("zurich"), "Zürich and ZURICH."), "[Zürich] and [ZURICH].");
  EXPECT_EQ(snip(Xapian::Query("1975"), "1975s"), "1975s");
}

// Then by their first two letters, whatever their case: those of a query
// word, a stem or a wildcard (any second letter after a one-letter one).
TEST(SnippetTest, WordsAreRuledOutByTheirFirstTwoLetters) {
  const Xapian::Query q(Xapian::Query::OP_OR, Xapian::Query("Zarm"), Xapian::Query("financial"));
  EXPECT_EQ(snip(q, "Arms, ARMED and armies; an army, all financial; Financially, aRm."),
            "[Arms], [ARMED] and armies; an army, all [financial]; Financially, [aRm].");
  EXPECT_EQ(snip(Xapian::Query("zzzz"), "Arms and an ox, Ab", 240, {"a"}),
            "[Arms and an] ox, [Ab]");
  EXPECT_EQ(snip(Xapian::Query("a"), "A cat, an ax, a."), "[A] cat, an ax, [a].");
  EXPECT_EQ(snip(Xapian::Query("ete"), "Et \u00c9t\u00e9, ET\u00c9."),
            "Et [\u00c9t\u00e9], [ET\u00c9].");
  // Snowball's stems of "dying", "lying" and "tying" ("die", "lie", "tie")
  // change their second letter.
  EXPECT_EQ(snip(Xapian::Query("Zdie"), "Dying, died, dry."), "[Dying], [died], dry.");
}

// The bytes that may start a match are looked for sixteen at a time: a
// word is found at every place of a block and across two, after a
// multi-byte letter that ends a block or straddles two, in texts a block
// long or not; and with more initials than a block is compared against,
// byte by byte.
TEST(SnippetTest, WordsAreFoundAtEveryPlaceOfABlockOfSixteenBytes) {
  const Xapian::Query fish("fish");
  for (std::size_t before = 0; before <= 40; ++before) {
    for (std::size_t after = 0; after <= 17; ++after) {
      const std::string lead(before, 'a'), tail(after, 'b');
      const std::string space = before > 0 ? " " : "";
      const std::string end = after > 0 ? " " + tail : "";
      EXPECT_EQ(snip(fish, lead + space + "fish" + end), lead + space + "[fish]" + end)
          << before << " " << after;
      // After a two-byte letter that parts nothing, then after a space.
      EXPECT_EQ(snip(fish, lead + "\u00e9fish" + end), lead + "\u00e9fish" + end)
          << before << " " << after;
      EXPECT_EQ(snip(fish, lead + "\u00e9 fish" + end), lead + "\u00e9 [fish]" + end)
          << before << " " << after;
    }
  }
  // Six initials, twelve bytes in both cases.
  const std::vector<Xapian::Query> words = {Xapian::Query("alpha"), Xapian::Query("bravo"),
                                            Xapian::Query("city"),  Xapian::Query("delta"),
                                            Xapian::Query("echo"),  Xapian::Query("india")};
  const Xapian::Query many(Xapian::Query::OP_OR, words.begin(), words.end());
  for (std::size_t before = 0; before <= 20; ++before) {
    const std::string lead(before, 'x');
    EXPECT_EQ(snip(many, lead + " India, echo, zulu"), lead + " [India], [echo], zulu") << before;
  }
}

// Stems come from a cache of each thread's: snippets made on several threads
// at once, over more distinct words than it holds, agree with one thread's.
TEST(SnippetTest, SnippetsMadeOnSeveralThreadsAtOnceAgree) {
  std::string text;
  for (int i = 0; i < 20000; ++i) {
    text += "traffick" + std::to_string(i) + "ing trafficked trafficking ";
  }
  const Xapian::Query q(Xapian::Query::OP_OR, Xapian::Query("traffick"),
                        Xapian::Query("Ztraffick"));
  const std::string expected = snip(q, text, text.size());
  ASSERT_NE(expected.find("[trafficked trafficking]"), std::string::npos);
  std::vector<std::string> made(4);
  std::vector<std::thread> threads;
  for (std::string& out : made) {
    threads.emplace_back([&] {
      for (int round = 0; round < 3; ++round) out = snip(q, text, text.size());
    });
  }
  for (std::thread& t : threads) t.join();
  for (const std::string& out : made) EXPECT_EQ(out, expected);
}

TEST(SnippetTest, CurlyQuotesAndDashesPartWords) {
  EXPECT_EQ(
      snip(Xapian::Query("minister"), "the minister\u2019s \u201cminister\u201d\u2014minister"),
      "the [minister]\u2019s \u201c[minister]\u201d\u2014[minister]");
}

TEST(SnippetTest, AdjacentMatchesShareOneHighlight) {
  const Xapian::Query q(Xapian::Query::OP_PHRASE, Xapian::Query("domestic"),
                        Xapian::Query("workers"));
  EXPECT_EQ(snip(q, "girls as domestic workers. Since"), "girls as [domestic workers]. Since");
}

TEST(SnippetTest, PrefixedTermsAreNotWords) {
  // A tag filter (KKTIP) highlights nothing in the text.
  EXPECT_EQ(snip(Xapian::Query("KKTIP"), "ktip kktip"), "ktip kktip");
}

TEST(SnippetTest, WildcardPrefixesHighlightTheirWords) {
  EXPECT_EQ(snip(Xapian::Query(), "Trafficker and traffic and trade", 240, {"traffic"}),
            "[Trafficker] and [traffic] and trade");
}

TEST(SnippetTest, TheTextIsHtmlEscaped) {
  EXPECT_EQ(snip(Xapian::Query("q"), "AF&AD <<next week>> Q&A"),
            "AF&amp;AD &lt;&lt;next week&gt;&gt; [Q]&amp;A");
}

TEST(SnippetTest, ALongTextGivesThePassageWithTheMostMatches) {
  std::string text;
  for (int i = 0; i < 40; ++i) text += "filler words here. ";
  text += "harbour one harbour two harbour three. ";
  for (int i = 0; i < 40; ++i) text += "more filler words. ";
  const std::string s = snip(Xapian::Query("harbour"), text, 100);
  EXPECT_EQ(s.substr(0, 3), "\u2026");
  EXPECT_EQ(s.substr(s.size() - 3), "\u2026");
  EXPECT_NE(s.find("[harbour] one [harbour] two [harbour] three"), std::string::npos) << s;
  EXPECT_LE(s.size(), 100u + 6 + 6 * 3);
}

TEST(SnippetTest, NoMatchGivesTheStartAndNoCutInsideACharacter) {
  std::string text = "Début ";
  for (int i = 0; i < 100; ++i) text += "éé ";
  const std::string s = snip(Xapian::Query("absent"), text, 51);
  EXPECT_EQ(s.substr(0, 7), "Début ");
  // Cut at a space, before the "…": the last character is whole.
  const std::string body = s.substr(0, s.size() - 3);
  EXPECT_EQ(body.substr(body.size() - 2), "é") << s;
  EXPECT_EQ(s.substr(s.size() - 3), "\u2026");
}

// Over the 1000 real pages, against the indexer's own analysis: in each
// paragraph, the words highlighted for one of its words are as many as the
// words Analyzer::words() (the TermGenerator indexing uses) gives whose term
// is that word or whose Snowball stem is its stem.
TEST(SnippetTest, OnTheRealPagesTheHighlightsAreTheWordsTheIndexMatches) {
  const std::filesystem::path pages = std::filesystem::path(CABLE_SHARED_CORPUS) / "cablegate-html";
  if (!std::filesystem::exists(pages)) GTEST_SKIP() << pages << " is absent";
  const Analyzer analyzer;
  const Xapian::Stem english("english");
  std::size_t paragraphs = 0;
  std::size_t highlights = 0;
  std::vector<std::string> wrong;
  read_path(pages, [&](Cable&& c) {
    for (const Paragraph& p : c.paragraphs) {
      const std::vector<std::string> words = analyzer.words(p.text);
      // A plain word of five letters or more, a different one per paragraph.
      std::vector<std::string> plain;
      for (const std::string& w : words) {
        if (w.size() >= 5 &&
            std::all_of(w.begin(), w.end(), [](char ch) { return ch >= 'a' && ch <= 'z'; })) {
          plain.push_back(w);
        }
      }
      if (plain.empty()) continue;
      const std::string word = plain[paragraphs++ % plain.size()];
      const std::string stem = english(word);
      std::size_t expected = 0;
      for (const std::string& w : words) expected += w == word || english(w) == stem;
      const Xapian::Query q(Xapian::Query::OP_OR, Xapian::Query(word), Xapian::Query("Z" + stem));
      const std::string shown = SnippetMaker(q).make(p.text, p.text.size(), "\x01", "\x02");
      std::size_t got = 0;
      bool inside = false;
      bool in_word = false;
      for (char ch : shown) {
        if (ch == '\x01' || ch == '\x02') {
          inside = ch == '\x01';
          in_word = false;
        } else if (inside && ch != ' ' && !in_word) {
          ++got;
          in_word = true;
        } else if (ch == ' ') {
          in_word = false;
        }
      }
      highlights += got;
      if (got != expected)
        wrong.push_back(c.id + " " + word + ": " + std::to_string(got) + " of " +
                        std::to_string(expected));
    }
  });
  EXPECT_GT(paragraphs, 9000u);
  EXPECT_GT(highlights, 15000u);
  EXPECT_TRUE(wrong.empty()) << wrong.size() << " paragraphs, the first "
                             << (wrong.empty() ? "" : wrong.front());
}

}  // namespace
}  // namespace cable::internal
