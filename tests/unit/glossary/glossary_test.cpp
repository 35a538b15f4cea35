#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "cable/error.hpp"
#include "cable/reader.hpp"
#include "cable/tags.hpp"
#include "support/test_support.hpp"

namespace cable {
namespace {

std::vector<std::string> codes(const std::vector<TagInfo>& tags) {
  std::vector<std::string> out;
  for (const TagInfo& t : tags) out.push_back(t.code);
  return out;
}

TEST(GlossaryTest, KnowsSubjectGeographicOrganizationAndProgramCodes) {
  ASSERT_TRUE(tag_info("KTIP"));
  EXPECT_EQ(tag_info("KTIP")->name, "Trafficking in Persons");
  EXPECT_EQ(tag_info("KTIP")->kind, TagKind::kProgram);
  EXPECT_EQ(tag_info("ktip")->code, "KTIP");
  EXPECT_EQ(tag_info("LY")->name, "Libya");
  EXPECT_EQ(tag_info("LY")->kind, TagKind::kGeo);
  EXPECT_EQ(tag_info("PREL")->kind, TagKind::kSubject);
  EXPECT_EQ(tag_info("NATO")->kind, TagKind::kOrg);
  EXPECT_EQ(tag_info("SMIG")->name, "Migration");
  EXPECT_FALSE(tag_info("KTPI"));
  EXPECT_FALSE(tag_info(""));
  EXPECT_STREQ(tag_kind_name(TagKind::kGeo), "geo");
}

TEST(GlossaryTest, APersonTagIsReadAsOne) {
  const auto p = tag_info("OBAMA, BARACK");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->name, "Barack Obama");
  EXPECT_EQ(p->kind, TagKind::kPerson);
  EXPECT_FALSE(tag_info("A, B, C"));
}

TEST(GlossaryTest, MatchingFindsTheCodeThenTheMeaningThenItsWords) {
  EXPECT_EQ(codes(tags_matching("libya")).front(), "LY");
  EXPECT_EQ(codes(tags_matching("Trafficking in Persons")),
            (std::vector<std::string>{"KTIP", "TIP"}));
  const std::vector<std::string> korea = codes(tags_matching("korea"));
  EXPECT_NE(std::find(korea.begin(), korea.end(), "KN"), korea.end());
  EXPECT_NE(std::find(korea.begin(), korea.end(), "KS"), korea.end());
  EXPECT_EQ(codes(tags_matching("ktip")).front(), "KTIP");
  EXPECT_TRUE(tags_matching("  ").empty());
  EXPECT_TRUE(tags_matching("no such meaning at all").empty());
  EXPECT_TRUE(tags_matching("traffick").empty());  // whole words
  EXPECT_TRUE(tags_matching("k").empty());
}

TEST(GlossaryTest, AUserFileAddsAndReplacesEntries) {
  test::TempDir dir;
  const std::filesystem::path file = dir.path() / "tags.tsv";
  std::ofstream(file) << "# mine\n\nKTIP\tprogram\tHuman Trafficking\r\nZZZZ\tsubject\tSnoring\n";
  const Glossary g = Glossary::with_file(file);
  EXPECT_EQ(g.find("KTIP")->name, "Human Trafficking");
  EXPECT_EQ(g.find("ZZZZ")->name, "Snoring");
  EXPECT_EQ(g.find("LY")->name, "Libya");
  EXPECT_EQ(g.entries().size(), Glossary::builtin().entries().size() + 1);
  EXPECT_EQ(tag_info("KTIP")->name, "Trafficking in Persons");  // the built-in one is unchanged
  std::ofstream(file, std::ios::trunc).flush();                 // an empty file adds nothing
  EXPECT_EQ(Glossary::with_file(file).entries().size(), Glossary::builtin().entries().size());
}

TEST(GlossaryTest, ABadFileIsRefusedNamingItsLine) {
  test::TempDir dir;
  const std::filesystem::path file = dir.path() / "tags.tsv";
  std::ofstream(file) << "KTIP\tprogram\tHuman Trafficking\nLY Libya\n";
  try {
    Glossary::with_file(file);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kMalformed);
    EXPECT_NE(std::string(e.what()).find("tags.tsv:2: "), std::string::npos) << e.what();
  }
  std::ofstream(file) << "LY\tcountry\tLibya\n";
  EXPECT_THROW(Glossary::with_file(file), Error);
  try {
    Glossary::with_file(dir.path() / "missing.tsv");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kIo);
    EXPECT_NE(std::string(e.what()).find("missing.tsv"), std::string::npos);
  }
}

// cablemap's tag_kind vectors (../shared/corpus/cablemap-vectors): the kind
// of each code. One disagreement, by design: cablemap guesses "program" for
// any code starting with K ("kwww"); the glossary gives no kind to a code
// it does not know.
TEST(GlossaryTest, KindsAgreeWithCablemapsVectors) {
  const std::filesystem::path vectors =
      std::filesystem::path(CABLE_SHARED_CORPUS) / "cablemap-vectors" / "vectors.jsonl";
  std::ifstream in(vectors);
  if (!in) GTEST_SKIP() << vectors << " is absent";
  std::size_t checked = 0;
  for (std::string line; std::getline(in, line);) {
    const auto v = nlohmann::json::parse(line);
    if (v["kind"] != "tag_kind") continue;
    const std::string notes = v.value("notes", "");
    if (notes.find("default=") != std::string::npos) continue;  // a default we do not take
    const std::string code = v["input"];
    if (code == "kwww") continue;
    const std::optional<TagInfo> t = tag_info(code);
    EXPECT_EQ(t ? tag_kind_name(t->kind) : "unknown", v["expected"].get<std::string>()) << code;
    ++checked;
  }
  EXPECT_GE(checked, 8u);
}

// Issue #24: at least 98 % of the tag occurrences of the shared corpus (every
// form: the site's pages, the text files, the CSV rows), as libcable reads
// them, have a meaning.
TEST(GlossaryTest, CoversTheTagsOfTheSharedCorpus) {
  const std::filesystem::path shared = CABLE_SHARED_CORPUS;
  if (!std::filesystem::is_directory(shared / "cablegate-html")) {
    GTEST_SKIP() << shared << " is absent";
  }
  std::size_t occurrences = 0;
  std::size_t known = 0;
  std::map<std::string, std::size_t> unknown;
  for (const char* form : {"cablegate-html", "txt", "csv"}) {
    read_path(shared / form, [&](Cable&& c) {
      for (const std::string& t : c.tags) {
        ++occurrences;
        if (tag_info(t)) {
          ++known;
        } else {
          ++unknown[t];
        }
      }
    });
  }
  ASSERT_GT(occurrences, 3000u);
  const double share = static_cast<double>(known) / static_cast<double>(occurrences);
  std::string missing;
  for (const auto& [tag, n] : unknown) missing += " " + tag + "×" + std::to_string(n);
  std::printf(
      "glossary coverage: %zu of %zu tag occurrences (%.2f %%) have a meaning; without:%s\n", known,
      occurrences, 100 * share, missing.c_str());
  EXPECT_GE(share, 0.98);
}

}  // namespace
}  // namespace cable
