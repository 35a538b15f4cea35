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

// The site linked only the first TAGS line: its list must appear in ours, in
// order. A tag the site linked as written that runs codes together
// ("EINDETRD", 09PARIS1267) agrees with the codes ours splits it into, in a row;
// a word of a name the site linked as a tag ("OVIP CLINTON HILLARY",
// 09STATE11937) agrees with the person ours reads there.
bool tags_agree(const std::vector<std::string>& site, const std::vector<std::string>& tags,
                const std::vector<std::string>& persons) {
  // The site links each word of a free-text phrase ("ITALIAN POLITICS").
  std::vector<std::string> ours;
  for (const std::string& t : tags) {
    std::istringstream words(t);
    for (std::string w; words >> w;) ours.push_back(w);
  }
  const auto of_a_person = [&](const std::string& word) {
    return std::any_of(persons.begin(), persons.end(), [&](const std::string& p) {
      std::istringstream words(p);
      std::string w;
      while (words >> w) {
        while (!w.empty() && (w.back() == ',' || w.back() == '.')) w.pop_back();
        if (w == word) return true;
      }
      return false;
    });
  };
  auto it = ours.begin();
  for (const std::string& t : site) {
    if (of_a_person(t)) continue;
    auto at = it;
    for (; at != ours.end(); ++at) {
      std::string run;
      auto end = at;
      while (end != ours.end() && run.size() < t.size()) run += *end++;
      if (run == t) break;
    }
    if (at == ours.end()) return false;
    std::size_t covered = 0;
    while (covered < t.size()) covered += (at++)->size();
    it = at;
  }
  return true;
}

bool is_number(std::string_view a) {
  return !a.empty() && a.size() < 4 &&
         std::all_of(a.begin(), a.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
}

// The digits at the start of `s`, when a full stop follows them.
std::string leading_number(std::string_view s) {
  std::size_t n = 0;
  while (n < s.size() && s[n] >= '0' && s[n] <= '9') ++n;
  return n < s.size() && s[n] == '.' ? std::string(s.substr(0, n)) : std::string();
}

// The site's anchors corrected for its one mechanical slip, read from the
// site's own body text (where each anchor shows as a "¶" it inserted): a
// start written with no space ("1.(C) SUMMARY"), which its anchor pattern
// never matched, is a paragraph too.
std::vector<std::string> corrected_site_paras(const std::string& body) {
  std::vector<std::string> out;
  std::istringstream in(body);
  std::string line;
  while (std::getline(in, line)) {
    std::string_view l = line;
    if (l.starts_with(" ")) l.remove_prefix(1);
    const bool anchored = l.starts_with("\u00B6");
    if (anchored) l.remove_prefix(2);
    const std::string n = leading_number(l);
    if (is_number(n) && (anchored || l.substr(n.size()).starts_with(".("))) out.push_back(n);
  }
  return out;
}

TEST(CablegateHtmlConformance, AgreesWithTheSitesMarkup) {
  const auto truth_file = kShared / "cablegate-html.truth.jsonl";
  if (!std::filesystem::exists(truth_file)) GTEST_SKIP() << truth_file << " is absent";
  std::ifstream truth(truth_file);
  std::size_t pages = 0, tags_ok = 0, paras_ok = 0, corrected_ok = 0, tags_compared = 0;
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
      if (std::find(site_tags.begin(), site_tags.end(), t) == site_tags.end())
        site_tags.push_back(t);
    }
    if (!site_tags.empty()) {
      ++tags_compared;
      if (tags_agree(site_tags, c.tags, c.persons)) {
        ++tags_ok;
      } else {
        std::printf("tags  %s site=%s ours=%s\n", c.id.c_str(),
                    nlohmann::json(site_tags).dump().c_str(),
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
      if (is_number(a)) site_paras.push_back(a);
    }
    const std::vector<std::string> corrected = corrected_site_paras(row["body"].get<std::string>());
    if (numbers == site_paras) ++paras_ok;
    if (numbers == corrected) {
      ++corrected_ok;
    } else {
      std::printf("paras %s site=%s corrected=%s ours=%s\n", c.id.c_str(),
                  nlohmann::json(site_paras).dump().c_str(),
                  nlohmann::json(corrected).dump().c_str(), nlohmann::json(numbers).dump().c_str());
    }
  }
  ASSERT_GT(pages, 0u);
  const double tag_rate = 100.0 * static_cast<double>(tags_ok) / static_cast<double>(tags_compared);
  const double para_rate = 100.0 * static_cast<double>(paras_ok) / static_cast<double>(pages);
  const double corrected_rate =
      100.0 * static_cast<double>(corrected_ok) / static_cast<double>(pages);
  std::printf(
      "conformance: %zu pages; tags agree %zu/%zu (%.2f%%); paragraph numbers agree with the "
      "site's anchors %zu/%zu (%.2f%%), with the corrected anchors %zu/%zu (%.2f%%)\n",
      pages, tags_ok, tags_compared, tag_rate, paras_ok, pages, para_rate, corrected_ok, pages,
      corrected_rate);
  RecordProperty("tag_agreement", std::to_string(tag_rate));
  RecordProperty("paragraph_agreement", std::to_string(para_rate));
  RecordProperty("corrected_paragraph_agreement", std::to_string(corrected_rate));
  EXPECT_GE(tag_rate, 99.0);
  EXPECT_GE(corrected_rate, 97.0);
  // The raw anchors include the site's slips, which a right parse must not
  // copy (docs/conformance.md lists them): this floor guards against drift.
  EXPECT_GE(para_rate, 95.0);
}

}  // namespace
}  // namespace cable
