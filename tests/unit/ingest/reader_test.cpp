#include "cable/reader.hpp"

#include <gtest/gtest.h>

#include <map>

namespace cable {
namespace {

const std::string kFixtures = std::string(CABLE_SOURCE_DIR) + "/corpus/fixtures";

TEST(ReaderTest, DetectsFormsFromContent) {
  EXPECT_EQ(detect_format("\"1\",\"12/28/1966 18:48\",\"x\""), Format::kCsv);
  EXPECT_EQ(detect_format("<?xml version='1.0'?>\n<html>"), Format::kHtml);
  EXPECT_EQ(detect_format("09PARIS268\nS\nFri Feb 20 00:00:00 +0100 2009\nU\nE\n"), Format::kText);
  EXPECT_EQ(detect_format("just some notes\n"), std::nullopt);
}

TEST(ReaderTest, ReadsEveryFixtureForm) {
  std::map<std::string, Cable> cables;
  std::vector<std::string> errors;
  const ReadSummary s = read_path(
      kFixtures, [&](Cable&& c) { cables.emplace(c.id, std::move(c)); },
      [&](const Error& e) { errors.push_back(e.what()); });
  EXPECT_TRUE(errors.empty());
  EXPECT_EQ(s.cables, 4u);
  ASSERT_EQ(cables.count("08ATLANTIS77"), 1u);
  const Cable& t = cables["08ATLANTIS77"];
  EXPECT_EQ(t.tags,
            (std::vector<std::string>{"PREL", "PGOV", "KTIP", "ELAB", "SMIG", "KCRM", "AT"}));
  ASSERT_EQ(t.paragraphs.size(), 3u);
  EXPECT_NE(t.paragraphs[0].text.find("\u201Cfloating labor\u201D"), std::string::npos);
  EXPECT_NE(t.paragraphs[0].text.find("authority\u2019s director said the JURISDICTION"),
            std::string::npos);
  EXPECT_NE(t.paragraphs[1].text.find("would begin its work in April."), std::string::npos);
  EXPECT_EQ(t.paragraphs[1].text.find("XXXX"), std::string::npos);
  EXPECT_EQ(t.paragraphs[1].items.size(), 3u);
  EXPECT_NE(t.paragraphs[2].text.find("Jean-Baptiste"), std::string::npos);
  EXPECT_NE(t.paragraphs[2].text.find("pro- and anti-reform"), std::string::npos);
  EXPECT_NE(t.paragraphs[2].text.find("R&D"), std::string::npos);
  EXPECT_EQ(t.references.size(), 3u);
  EXPECT_EQ(t.references[2].id, "07ATHENS45");
  const Cable& h = cables["10ATLANTIS5"];
  EXPECT_EQ(h.classification, "UNCLASSIFIED//FOR OFFICIAL USE ONLY");
  EXPECT_NE(h.paragraphs[0].text.find("\u201Cnot one more day\u201D"), std::string::npos);
  EXPECT_NE(h.paragraphs[0].text.find("AF&AD"), std::string::npos);
  const Cable& c = cables["09ATLANTIS402"];
  EXPECT_EQ(c.source.format, Format::kCsv);
  EXPECT_EQ(c.source.row, 2u);
  EXPECT_EQ(c.subject, "ATLANTIS: MINISTER\u2019S \"CLEAN HANDS\" CAMPAIGN");
  EXPECT_EQ(c.tags, (std::vector<std::string>{"PREL", "PGOV", "KCOR"}));
}

TEST(ReaderTest, ReportsUnreadableInputsAndGoesOn) {
  std::vector<std::string> errors;
  std::size_t cables = 0;
  read_path(
      "/nonexistent/cables", [&](Cable&&) { ++cables; },
      [&](const Error& e) { errors.push_back(e.what()); });
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].find("/nonexistent/cables"), std::string::npos);
}

}  // namespace
}  // namespace cable
