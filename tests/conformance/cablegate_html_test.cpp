// Conformance against what the cablegate website's own markup says
// (../shared/corpus/cablegate-html.truth.jsonl): tags from its tag links,
// paragraph numbers from its paragraph anchors. Skips when the shared corpus
// is absent. Remaining disagreements and their reasons: docs/conformance.md.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cable/reader.hpp"

namespace cable {
namespace {

const std::filesystem::path kShared = CABLE_SHARED_CORPUS;

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

// The site linked only the first TAGS line: its list must appear in ours, in order.
bool tags_agree(const std::vector<std::string>& site, const std::vector<std::string>& ours) {
  auto it = ours.begin();
  for (const std::string& t : site) {
    it = std::find(it, ours.end(), t);
    if (it == ours.end()) return false;
    ++it;
  }
  return true;
}

TEST(CablegateHtmlConformance, AgreesWithTheSitesMarkup) {
  const auto truth_file = kShared / "cablegate-html.truth.jsonl";
  if (!std::filesystem::exists(truth_file)) GTEST_SKIP() << truth_file << " is absent";
  std::ifstream truth(truth_file);
  std::size_t pages = 0, tags_ok = 0, paras_ok = 0, tags_compared = 0;
  std::string line;
  while (std::getline(truth, line)) {
    const auto row = nlohmann::json::parse(line);
    const auto file = kShared / "cablegate-html" / row["file"].get<std::string>();
    const Cable c = parse_html(slurp(file), file.string());
    ++pages;
    EXPECT_EQ(c.id, row["id"].get<std::string>());
    // Four cables list their tags twice; a Cable holds each tag once.
    std::vector<std::string> site_tags;
    for (const std::string& t : row["tags"].get<std::vector<std::string>>()) {
      if (std::find(site_tags.begin(), site_tags.end(), t) == site_tags.end()) site_tags.push_back(t);
    }
    if (!site_tags.empty()) {
      ++tags_compared;
      if (tags_agree(site_tags, c.tags)) {
        ++tags_ok;
      } else {
        std::printf("tags  %s site=%s ours=%s\n", c.id.c_str(), nlohmann::json(site_tags).dump().c_str(),
                    nlohmann::json(c.tags).dump().c_str());
      }
    }
    std::vector<std::string> numbers;
    for (const Paragraph& p : c.paragraphs) {
      if (!p.number.empty()) numbers.push_back(p.number);
    }
    // Letter anchors ("B", "C") mark REF entries, not paragraphs; and the site
    // anchored any wrapped line that began with a number and a full stop,
    // years included ("2007."): no cable has a thousand paragraphs.
    std::vector<std::string> site_paras;
    for (const std::string& a : row["paras"].get<std::vector<std::string>>()) {
      if (!a.empty() && a.size() < 4 &&
          std::all_of(a.begin(), a.end(), [](char ch) { return ch >= '0' && ch <= '9'; })) {
        site_paras.push_back(a);
      }
    }
    if (numbers == site_paras) {
      ++paras_ok;
    } else {
      std::printf("paras %s site=%s ours=%s\n", c.id.c_str(), nlohmann::json(site_paras).dump().c_str(),
                  nlohmann::json(numbers).dump().c_str());
    }
  }
  ASSERT_GT(pages, 0u);
  const double tag_rate = 100.0 * static_cast<double>(tags_ok) / static_cast<double>(tags_compared);
  const double para_rate = 100.0 * static_cast<double>(paras_ok) / static_cast<double>(pages);
  std::printf("conformance: %zu pages; tags agree %zu/%zu (%.2f%%); paragraph numbers agree %zu/%zu (%.2f%%)\n",
              pages, tags_ok, tags_compared, tag_rate, paras_ok, pages, para_rate);
  RecordProperty("tag_agreement", std::to_string(tag_rate));
  RecordProperty("paragraph_agreement", std::to_string(para_rate));
  EXPECT_GE(tag_rate, 99.0);
  // Issue #2 asks for 97%; this floor guards what is reached so far
  // (docs/conformance.md lists the disagreements still open).
  EXPECT_GE(para_rate, 93.0);
}

}  // namespace
}  // namespace cable
