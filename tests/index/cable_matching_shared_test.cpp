// Issue #23 on the 1000 real cablegate pages of ../shared/corpus: words in
// different paragraphs of one cable find it, and totals are exact whatever
// the page size, and facet counts are those of the matching cables, checked
// against counts made from the parsed cables; a phrase's best paragraph is
// the one a match again finds; a word's first ten are those of all its
// matches ranked; words in AND and NOT counted from their sets keep their
// total and first ten; more like this finds cables of the same country.
// The fields' tests are in cable_fields_shared_test.cpp; the suite's index,
// tests/index/shared_pages.hpp. Skips when the shared corpus is absent.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cable/search.hpp"
#include "index/shared_pages.hpp"
#include "search/searcher_state.hpp"
#include "search/term_stats.hpp"

namespace cable {
namespace {

using test::CableMatchingSharedTest;
using test::first_ten;
using test::has;

TEST_F(CableMatchingSharedTest, WordsInDifferentParagraphsFindTheirCable) {
  const Searcher s = writer_->searcher();
  const std::vector<std::pair<std::string, std::string>> pairs = {
      {"licorne ivoirian", "06PARIS741"},
      {"caudillo befallen", "08TEGUCIGALPA459"},
      {"socialista framing", "07MADRID2265"},
      {"arvizu reengagement", "09STATE30049"},
      {"isolates unverified", "06CARACAS958"}};
  for (const auto& [query, id] : pairs) {
    const Results r = s.search(query);
    ASSERT_FALSE(r.hits.empty()) << query;
    EXPECT_EQ(r.hits.front().cable, id) << query;
    EXPECT_TRUE(r.total_exact) << query;
    // The same words in one paragraph: no paragraph holds both.
    SearchOptions paragraphs;
    paragraphs.grouping = Grouping::kParagraph;
    EXPECT_EQ(s.search(query, paragraphs).total, 0u) << query;
  }
}

// The words of `text` as SQLite's FTS5 reads them, lower-cased: runs of
// ASCII letters and digits, an apostrophe between two of them kept inside
// ("kingdom's"), as Xapian's TermGenerator keeps it.
std::set<std::string> words_of(std::string_view text) {
  std::set<std::string> out;
  std::string w;
  const auto alnum = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
  for (std::size_t i = 0; i <= text.size(); ++i) {
    const char c = i < text.size() ? text[i] : ' ';
    if (alnum(c)) {
      w.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    } else if (c == '\'' && !w.empty() && i + 1 < text.size() && alnum(text[i + 1])) {
      w.push_back(c);
    } else if (!w.empty()) {
      out.insert(w);
      w.clear();
    }
  }
  return out;
}

// A word finds every cable that holds it in its subject or any paragraph,
// and no other: the cables counted from the parsed text. "kingdom" is also
// in the URLs the cables quote (".../Portal:Unit ed_Kingdom"), where a
// reader, and FTS5, see a word of its own.
TEST_F(CableMatchingSharedTest, AWordFindsEveryCableThatHoldsIt) {
  const Searcher s = writer_->searcher();
  for (const std::string word : {"kingdom", "licorne", "quotas", "wiki", "tripoli", "ivoirian",
                                 "trafficking", "embassy", "the"}) {
    std::set<std::string> want;
    for (const Cable& c : *cables_) {
      bool holds = words_of(c.subject).count(word) > 0;
      for (const Paragraph& p : c.paragraphs) holds = holds || words_of(p.text).count(word) > 0;
      if (holds) want.insert(c.id);
    }
    SearchOptions all;
    all.limit = cables_->size();
    // Quoted: the exact word, not its stem.
    const Results r = s.search("\"" + word + "\"", all);
    std::set<std::string> got;
    for (const Hit& h : r.hits) got.insert(h.cable);
    EXPECT_EQ(got, want) << word;
    EXPECT_EQ(r.total, want.size()) << word;
    EXPECT_TRUE(r.total_exact) << word;
  }
}

TEST_F(CableMatchingSharedTest, TotalsAreExactOnEveryPage) {
  const Searcher s = writer_->searcher();
  const std::vector<std::pair<std::string, std::uint64_t>> expected = {
      {"tag:PREL", count_if([](const Cable& c) { return has(c.tags, "PREL"); })},
      {"tag:KTIP", count_if([](const Cable& c) { return has(c.tags, "KTIP"); })},
      {"NOT tag:PREL", count_if([](const Cable& c) { return !has(c.tags, "PREL"); })},
      {"origin:\"Embassy Paris\"",
       count_if([](const Cable& c) { return c.origin == "Embassy Paris"; })},
      {"class:secret", count_if([](const Cable& c) {
         return c.classification == "SECRET" || c.classification.starts_with("SECRET//");
       })}};
  // The figures, for the shared pages as they are.
  EXPECT_EQ(expected[0].second, 807u);
  EXPECT_EQ(expected[1].second, 1u);
  EXPECT_EQ(expected[2].second, 193u);
  EXPECT_EQ(expected[3].second, 81u);
  EXPECT_EQ(expected[4].second, 403u);
  for (const auto& [query, total] : expected) {
    for (const std::size_t limit : {0u, 1u, 10u}) {
      for (const std::size_t offset : {0u, 10u}) {
        SearchOptions o;
        o.limit = limit;
        o.offset = offset;
        const Results r = s.search(query, o);
        EXPECT_EQ(r.total, total) << query << " limit " << limit << " offset " << offset;
        EXPECT_TRUE(r.total_exact) << query;
      }
    }
  }
}

// Facet counts are those of the matching cables, whether the hits are cables
// or paragraphs (a paragraph's facet values are read from its cable's
// document, schema 15), on the local path and on the plain Xapian one that
// a remote shard needs (a second match over the cable documents of the
// cables met at a paragraph, search/plain_search): checked against counts
// made from the parsed cables of every hit.
TEST_F(CableMatchingSharedTest, FacetCountsAreThoseOfTheMatchingCables) {
  const Searcher local = writer_->searcher();
  const Searcher plain = writer_->searcher();
  internal::SearcherAccess::state(plain).plain_xapian = true;
  std::map<std::string, const Cable*> by_id;
  for (const Cable& c : *cables_) by_id[c.id] = &c;
  for (const char* query : {"nuclear", "iran oil", "\"prime minister\"", "tag:PREL", "x*"}) {
    for (const Grouping grouping : {Grouping::kCable, Grouping::kParagraph}) {
      for (const Searcher* s : {&local, &plain}) {
        SearchOptions o;
        o.grouping = grouping;
        o.limit = kMaxHitsPerPage;
        o.facets = {Facet::kTag, Facet::kOrigin};
        o.facet_limit = 0;
        const Results r = s->search(query, o);
        const std::string where = fmt::format("{} paragraphs {} plain {}", query,
                                              grouping == Grouping::kParagraph, s == &plain);
        ASSERT_EQ(r.total, r.hits.size()) << where;
        std::set<std::string> matching;
        for (const Hit& h : r.hits) matching.insert(h.cable);
        ASSERT_FALSE(matching.empty()) << where;
        std::map<std::string, std::uint64_t> tags, origins;
        for (const std::string& id : matching) {
          const Cable& c = *by_id.at(id);
          for (const std::string& t : std::set<std::string>(c.tags.begin(), c.tags.end())) {
            ++tags[t];
          }
          ++origins[c.origin];
        }
        const auto counted = [&](Facet f) {
          std::map<std::string, std::uint64_t> out;
          for (const FacetCount& v : r.facets.at(f)) out[v.value] = v.count;
          return out;
        };
        EXPECT_EQ(counted(Facet::kTag), tags) << where;
        EXPECT_EQ(counted(Facet::kOrigin), origins) << where;
      }
    }
  }
}

// A phrase's best paragraph and the cable's other matching paragraphs, as
// the local path finds them from what the phrase matched while it found
// the cables (search/positional_matches.hpp), are those the plain Xapian
// path finds by matching the phrase again in each cable's paragraphs.
TEST_F(CableMatchingSharedTest, APhrasesBestParagraphIsTheOneAMatchAgainFinds) {
  const Searcher local = writer_->searcher();
  const Searcher plain = writer_->searcher();
  internal::SearcherAccess::state(plain).plain_xapian = true;
  SearchOptions o;
  o.limit = kMaxHitsPerPage;
  for (const char* query :
       {"\"prime minister\"", "\"human rights\"", "\"united states\" government",
        "\"foreign minister\" -iran", "iran NEAR/5 nuclear", "\"civil society\" \"human rights\"",
        "\"the ambassador\" tag:PREL", "\"prime minister\" OR \"foreign minister\"",
        "iran -\"foreign minister\""}) {
    std::map<std::string, std::string> want;
    for (const Hit& h : plain.search(query, o).hits) {
      want[h.cable] = fmt::format("{} {}", h.paragraph, h.other_matches);
    }
    const Results got = local.search(query, o);
    std::size_t compared = 0;
    for (const Hit& h : got.hits) {
      const auto w = want.find(h.cable);
      if (w == want.end()) continue;  // past the plain path's page
      ++compared;
      EXPECT_EQ(fmt::format("{} {}", h.paragraph, h.other_matches), w->second)
          << query << " " << h.cable;
    }
    EXPECT_GT(compared, 2u) << query;
  }
}

// A word of two forms (its stem and the stem as a word: "quotas" is
// "Zquota" OR "quota") is counted from its postings at its first search and
// the count kept (TermStats::cables_of_any): on every search after, with
// and without hits, its total is the one the plain Xapian path counts by a
// pass of its own, for every such word among the pages' first words.
TEST_F(CableMatchingSharedTest, AWordsKeptCountIsItsTotalOnEverySearch) {
  const Searcher local = writer_->searcher();
  const Searcher plain = writer_->searcher();
  internal::SearcherAccess::state(plain).plain_xapian = true;
  const internal::SearcherState& state = internal::SearcherAccess::state(local);
  std::set<std::string> words;
  for (const Cable& c : *cables_) {
    if (!c.paragraphs.empty()) {
      for (const std::string& w : words_of(c.paragraphs.front().text)) {
        if (std::isalpha(static_cast<unsigned char>(w[0])) && w.find('\'') == std::string::npos) {
          words.insert(w);
        }
      }
    }
  }
  SearchOptions none;
  none.limit = 0;
  std::size_t kept = 0;
  for (const std::string& w : words) {
    const Xapian::Query forms = state.analyzer.stemmed(w);
    if (forms.get_num_subqueries() < 2) continue;
    const std::uint64_t want = plain.search(w, none).total;
    EXPECT_EQ(local.search(w).total, want) << w;
    EXPECT_EQ(local.search(w, none).total, want) << w;
    EXPECT_EQ(local.search(w).total, want) << w;
    const std::vector<std::string> terms(forms.get_terms_begin(), forms.get_terms_end());
    if (state.terms.cables_of_any(state.shards, terms)) ++kept;
  }
  // Most are counted by the pass (a match that saw every cable, a rare
  // word's, needs none).
  EXPECT_GT(kept, 100u);
}

// A word's first ten cables are those of all its matches ranked, for every
// word of the pages' first paragraphs in more than ten cables: its match
// for ten passes over the cables too light for the page (CableWords, once
// the count is kept), one for every match cannot pass over any.
TEST_F(CableMatchingSharedTest, AWordsFirstTenAreThoseOfAllItsMatchesRanked) {
  const Searcher s = writer_->searcher();
  std::set<std::string> words;
  for (const Cable& c : *cables_) {
    if (!c.paragraphs.empty()) {
      for (const std::string& w : words_of(c.paragraphs.front().text)) {
        if (std::isalpha(static_cast<unsigned char>(w[0]))) words.insert(w);
      }
    }
  }
  SearchOptions all;
  all.limit = kMaxHitsPerPage;
  std::size_t compared = 0;
  for (const std::string& w : words) {
    const Results every = s.search(w, all);
    if (every.total <= 10) continue;
    ++compared;
    s.search(w);  // the count kept
    const Results ten = s.search(w);
    EXPECT_EQ(ten.total, every.total) << w;
    EXPECT_EQ(first_ten(ten), first_ten(every)) << w;
  }
  EXPECT_GT(compared, 500u);
}

// Words over whole cables in AND and NOT are counted from their cables'
// sets (search/cable_sets), and the match, which need not count them then,
// passes over the cables too light for the page. For pairs of words of the
// pages' first paragraphs, the total is the one the plain Xapian path
// counts by a pass of its own, and the first ten are those of the query
// with a filter every cable passes, which is counted in the match.
TEST_F(CableMatchingSharedTest, WordsCountedFromTheirSetsKeepTheirTotalAndFirstTen) {
  const Searcher local = writer_->searcher();
  const Searcher plain = writer_->searcher();
  internal::SearcherAccess::state(plain).plain_xapian = true;
  const std::uint64_t& from_sets = internal::SearcherAccess::state(local).totals_from_sets;
  SearchOptions none;
  none.limit = 0;
  std::size_t compared = 0;
  std::uint64_t searches = 0;
  for (std::size_t i = 0; i < cables_->size(); i += 5) {
    const Cable& c = (*cables_)[i];
    if (c.paragraphs.empty()) continue;
    std::vector<std::string> words;
    for (const std::string& w : words_of(c.paragraphs.front().text)) {
      if (w.size() >= 4 && std::all_of(w.begin(), w.end(), [](char x) { return x >= 'a'; })) {
        words.push_back(w);
      }
    }
    if (words.size() < 2) continue;
    const std::string& a = words.front();
    const std::string& b = words[words.size() / 2];
    for (const std::string& q : {a + " " + b, a + " -" + b, "(" + a + " OR " + b + ") -the"}) {
      const std::uint64_t before = from_sets;
      const Results got = local.search(q);
      // The OR of two words alone is counted from their postings instead.
      searches += from_sets - before;
      EXPECT_TRUE(got.total_exact) << q;
      EXPECT_EQ(got.total, plain.search(q, none).total) << q;
      EXPECT_EQ(local.search(q, none).total, got.total) << q;
      const Results counted = local.search(q + " date:..2011");
      EXPECT_EQ(counted.total, got.total) << q;
      EXPECT_EQ(first_ten(got), first_ten(counted)) << q;
      // Past the 40 cables ranked again, where the match passes over some.
      compared += got.total > 40;
    }
  }
  EXPECT_GT(compared, 100u);
  EXPECT_GT(searches, 300u);
}

// More like this, against the cables' own TAGS: the cables it finds for a
// cable share a country tag (two letters) with it, most of the time. Seven
// in ten do with the index's counts of each word; with Xapian's default
// estimate from the cable's own paragraphs, which made the cable's words
// look common, fewer than four in ten did.
TEST_F(CableMatchingSharedTest, MoreLikeThisFindsCablesOfTheSameCountry) {
  const Searcher s = writer_->searcher();
  std::map<std::string, std::set<std::string>> countries;
  for (const Cable& c : *cables_) {
    for (const std::string& t : c.tags) {
      if (t.size() == 2 && std::isupper(static_cast<unsigned char>(t[0])) &&
          std::isupper(static_cast<unsigned char>(t[1]))) {
        countries[c.id].insert(t);
      }
    }
  }
  std::size_t found = 0;
  std::size_t shared = 0;
  for (std::size_t i = 0; i < cables_->size(); i += 4) {
    const Cable& c = (*cables_)[i];
    for (const Hit& h : s.more_like_this(c.id).hits) {
      ++found;
      const std::set<std::string>& theirs = countries[h.cable];
      shared += std::any_of(countries[c.id].begin(), countries[c.id].end(),
                            [&](const std::string& t) { return theirs.count(t) > 0; });
    }
  }
  ASSERT_GT(found, 2000u);
  EXPECT_GE(static_cast<double>(shared) / static_cast<double>(found), 0.6)
      << shared << " of " << found;
}

}  // namespace
}  // namespace cable
