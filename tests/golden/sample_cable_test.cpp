// The sample cable 09PARIS268, every field checked by hand against the file.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "cable/reader.hpp"

namespace cable {
namespace {

class SampleCableTest : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::ifstream in(std::string(CABLE_SOURCE_DIR) + "/corpus/09PARIS268.txt", std::ios::binary);
    std::ostringstream buf;
    buf << in.rdbuf();
    cable_ = new Cable(parse_text(buf.str(), "corpus/09PARIS268.txt"));
  }
  static void TearDownTestSuite() { delete cable_; }
  static Cable* cable_;
};
Cable* SampleCableTest::cable_ = nullptr;

TEST_F(SampleCableTest, Metadata) {
  const Cable& c = *cable_;
  EXPECT_EQ(c.id, "09PARIS268");
  EXPECT_EQ(c.subject, "FRANCE: NINTH ANNUAL TRAFFICKING IN PERSONS (TIP) REPORT");
  EXPECT_EQ(c.date, "2009-02-20");
  EXPECT_EQ(c.dtg, "201811Z FEB 09");
  EXPECT_EQ(c.classification, "UNCLASSIFIED");
  EXPECT_EQ(c.origin, "Embassy Paris");
  EXPECT_EQ(c.precedence, "IMMEDIATE");
  EXPECT_EQ(c.from, "AMEMBASSY PARIS");
  EXPECT_EQ(c.to, std::vector<std::string>{"SECSTATE WASHDC"});
  EXPECT_EQ(c.info, std::vector<std::string>{"EUROPEAN POLITICAL COLLECTIVE"});
  EXPECT_EQ(c.captions, std::vector<std::string>{"SIPDIS"});
  EXPECT_EQ(c.eo, "12958: N/A");
  EXPECT_EQ(c.signature, "PEKALA");
  EXPECT_TRUE(c.warnings.empty());
}

TEST_F(SampleCableTest, TagsIncludeWrappedSmig) {
  EXPECT_EQ(cable_->tags, (std::vector<std::string>{"PGOV", "KTIP", "ELAB", "KCRM", "KFRD", "KWMN",
                                                    "PHUM", "PREF", "SMIG"}));
}

TEST_F(SampleCableTest, Reference) {
  ASSERT_EQ(cable_->references.size(), 1u);
  EXPECT_EQ(cable_->references[0].raw, "SECSTATE 132759");
  EXPECT_EQ(cable_->references[0].id, "09STATE132759");
}

TEST_F(SampleCableTest, ParagraphsOneToSevenWithMarkings) {
  const std::vector<std::string> markings = {"SBU", "U", "SBU", "SBU", "SBU", "SBU", "U"};
  ASSERT_EQ(cable_->paragraphs.size(), 7u);
  for (std::size_t i = 0; i < 7; ++i) {
    EXPECT_EQ(cable_->paragraphs[i].number, std::to_string(i + 1));
    EXPECT_EQ(cable_->paragraphs[i].marking, markings[i]);
  }
}

TEST_F(SampleCableTest, NoPageHeaderSurvivesAndSentencesReadAcrossPages) {
  EXPECT_EQ(cable_->text.find("PARIS 00000268"), std::string::npos);
  EXPECT_EQ(cable_->text.find("OF 008"), std::string::npos);
  EXPECT_NE(cable_->paragraphs[2].text.find("as domestic workers."), std::string::npos);
  EXPECT_NE(cable_->paragraphs[4].text.find("as part of a prostitution ring."), std::string::npos);
  EXPECT_NE(cable_->paragraphs[6].text.find("dangers of internet chat rooms"), std::string::npos);
}

TEST_F(SampleCableTest, NestedListIsNotTopLevel) {
  const std::string& p5 = cable_->paragraphs[4].text;
  EXPECT_NE(p5.find("ARTICLE 225-5\nPimping entails any of the following:\n\u00B61. Aiding"),
            std::string::npos);
  EXPECT_TRUE(cable_->paragraphs[2].text.starts_with("FRANCE'S TIP SITUATION:\n-- A. The numbers"));
  EXPECT_EQ(cable_->paragraphs[2].items.size(), 5u);
}

}  // namespace
}  // namespace cable
