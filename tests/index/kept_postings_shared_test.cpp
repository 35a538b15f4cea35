// search/kept_postings on the 1000 real cablegate pages of ../shared/corpus,
// indexed on disk in two shards as `cable index` makes them: every search
// answers the same, total, hits, scores and snippets, with the postings of
// its terms kept in memory as with Xapian's alone (the oracle). Skips when
// the shared corpus is absent.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cctype>
#include <filesystem>
#include <string>
#include <vector>

#include "cable/reader.hpp"
#include "cable/search.hpp"
#include "cable/writer.hpp"
#include "search/searcher_state.hpp"
#include "search/term_stats.hpp"
#include "support/test_support.hpp"

namespace cable {
namespace {

namespace fs = std::filesystem;
const fs::path kPages = fs::path(CABLE_SHARED_CORPUS) / "cablegate-html";

// Everything a reader sees of an answer.
std::vector<std::string> shown(const Results& r) {
  std::vector<std::string> out{fmt::format("{} {}", r.total, r.total_exact)};
  for (const Hit& h : r.hits) {
    out.push_back(fmt::format("{} {} {:.9f} {}", h.cable, h.paragraph, h.score, h.snippet));
  }
  return out;
}

// The lower-case words of letters alone, of four letters or more, in order.
std::vector<std::string> long_words(const std::string& text) {
  std::vector<std::string> out(1);
  for (const char c : text + " ") {
    if (std::isalpha(static_cast<unsigned char>(c))) {
      out.back().push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    } else if (!out.back().empty()) {
      if (out.back().size() < 4) {
        out.back().clear();
      } else {
        out.emplace_back();
      }
    }
  }
  out.pop_back();
  return out;
}

TEST(KeptPostingsSharedTest, SearchesAnswerAsWithXapiansPostingsAlone) {
  if (!fs::exists(kPages)) GTEST_SKIP() << kPages << " is absent";
  std::vector<Cable> cables;
  read_path(kPages, [&](Cable&& c) { cables.push_back(std::move(c)); });
  test::TempDir dir;
  {
    Writer w = Writer::open(dir.path() / "db", WriterOptions{.jobs = 2, .shards = 2});
    ASSERT_EQ(w.index_path(kPages).failed, 0u);
  }
  const Searcher kept = Searcher::open(dir.path() / "db");
  const Searcher oracle = Searcher::open(dir.path() / "db");
  internal::SearcherAccess::state(oracle).keep_postings = false;
  SearchOptions by_paragraph, by_date, second_page;
  by_paragraph.grouping = Grouping::kParagraph;
  by_date.sort = Sort::kDateDescending;
  second_page.offset = 10;
  std::size_t searches = 0, walked_lists = 0;
  for (std::size_t i = 0; i < cables.size(); i += 4) {
    const Cable& c = cables[i];
    if (c.paragraphs.empty()) continue;
    const std::vector<std::string> words = long_words(c.paragraphs.front().text);
    if (words.size() < 3) continue;
    const std::string& a = words[0];
    const std::string& b = words[words.size() / 2];
    std::vector<std::string> queries = {a, a + " " + b, a + " -" + b,
                                        fmt::format("\"{} {}\"", words[1], words[2])};
    if (!c.tags.empty()) queries.push_back(b + " tag:" + c.tags.front());
    for (const std::string& q : queries) {
      for (const SearchOptions& o : {SearchOptions{}, by_paragraph, by_date, second_page}) {
        ASSERT_EQ(shown(kept.search(q, o)), shown(oracle.search(q, o))) << q;
        ++searches;
      }
    }
    for (const std::string& w : {a, b}) {
      const internal::TermCounts* counts = internal::SearcherAccess::state(kept).terms.find(w);
      ASSERT_NE(counts, nullptr) << w;
      for (const auto& list : counts->kept) walked_lists += list && list->walks > 0;
      const internal::TermCounts* plain = internal::SearcherAccess::state(oracle).terms.find(w);
      ASSERT_NE(plain, nullptr) << w;
      EXPECT_TRUE(plain->kept.empty()) << w;
    }
  }
  EXPECT_GT(searches, 3000u);
  // The words' lists were kept and walked: by the match over cables and by
  // the best paragraphs' weights.
  EXPECT_GT(walked_lists, 300u);
}

}  // namespace
}  // namespace cable
