// The index against the 1000 real cablegate pages of ../shared/corpus:
// facet counts must equal counts made independently from the parsed cables,
// and indexing the same pages again must change nothing. Skips when the
// shared corpus is absent.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>

#include "cable/reader.hpp"
#include "cable/search.hpp"
#include "cable/writer.hpp"

namespace cable {
namespace {

namespace fs = std::filesystem;
const fs::path kPages = fs::path(CABLE_SHARED_CORPUS) / "cablegate-html";

std::map<std::string, std::uint64_t> as_map(const std::vector<FacetCount>& v) {
  std::map<std::string, std::uint64_t> out;
  for (const FacetCount& c : v) out[c.value] = c.count;
  return out;
}

TEST(SharedCorpusIndexTest, FacetsMatchTheParsedCablesAndReindexingChangesNothing) {
  if (!fs::exists(kPages)) GTEST_SKIP() << kPages << " is absent";
  std::vector<Cable> cables;
  read_path(kPages, [&](Cable&& c) { cables.push_back(std::move(c)); });
  ASSERT_EQ(cables.size(), 1000u);

  Writer w = Writer::in_memory(WriterOptions{.commit_every = 2000, .jobs = 2});
  const IndexSummary first = w.index_path(kPages);
  EXPECT_EQ(first.failed, 0u);
  EXPECT_EQ(first.cables_added, 1000u);
  const Searcher s = w.searcher();

  // Independent counts: cables per tag, per year, per origin, with and
  // without a word of the text.
  std::map<std::string, std::uint64_t> tags, years, origins, iran_tags;
  for (const Cable& c : cables) {
    for (const std::string& t : c.tags) ++tags[t];
    ++years[c.date.substr(0, 4)];
    ++origins[c.origin];
  }
  SearchOptions o;
  o.facets = {Facet::kTag, Facet::kYear, Facet::kOrigin};
  o.facet_limit = 0;
  const Results all = s.search(Query::all(), o);
  EXPECT_EQ(all.total, 1000u);
  EXPECT_EQ(as_map(all.facets.at(Facet::kTag)), tags);
  EXPECT_EQ(as_map(all.facets.at(Facet::kYear)), years);
  EXPECT_EQ(as_map(all.facets.at(Facet::kOrigin)), origins);

  // Filtered: every cable tagged IR from 2009, counted per tag.
  std::map<std::string, std::uint64_t> ir2009;
  std::uint64_t n = 0;
  for (const Cable& c : cables) {
    if (c.date.starts_with("2009") &&
        std::find(c.tags.begin(), c.tags.end(), "IR") != c.tags.end()) {
      ++n;
      for (const std::string& t : c.tags) ++ir2009[t];
    }
  }
  const Results filtered = s.search("tag:IR date:2009", o);
  EXPECT_EQ(filtered.total, n);
  EXPECT_EQ(as_map(filtered.facets.at(Facet::kTag)), ir2009);

  // A phrase from a known paragraph finds that paragraph.
  const Cable& known = cables[500];
  ASSERT_FALSE(known.paragraphs.empty());
  const Paragraph& para = known.paragraphs.back();
  std::vector<std::string> words;
  for (std::size_t i = 0, b = 0; i <= para.text.size() && words.size() < 6; ++i) {
    if (i == para.text.size() || para.text[i] == ' ') {
      if (i > b) words.push_back(para.text.substr(b, i - b));
      b = i + 1;
    }
  }
  std::string phrase;
  for (const std::string& word : words) phrase += (phrase.empty() ? "" : " ") + word;
  SearchOptions per_paragraph;
  per_paragraph.grouping = Grouping::kParagraph;
  per_paragraph.limit = 1000;
  bool found = false;
  for (const Hit& h : s.search(Query::phrase(phrase), per_paragraph).hits) {
    found = found || (h.cable == known.id && h.paragraph == para.number);
  }
  EXPECT_TRUE(found) << known.id << " \"" << phrase << "\"";

  // Indexing the same pages again writes nothing and changes no result.
  const IndexSummary again = w.index_path(kPages);
  EXPECT_EQ(again.files_unchanged, 1000u);
  EXPECT_EQ(again.cables_added + again.cables_replaced, 0u);
  const Results after = s.search(Query::all(), o);
  EXPECT_EQ(after.total, all.total);
  EXPECT_EQ(as_map(after.facets.at(Facet::kTag)), tags);
}

}  // namespace
}  // namespace cable
