#include "read/txt_reader.hpp"

#include <gtest/gtest.h>

#include "cable/error.hpp"

namespace cable::internal {
namespace {

TEST(TxtReaderTest, Dates) {
  EXPECT_EQ(txt_date_to_iso("Fri Feb 20 00:00:00 +0100 2009"), "2009-02-20");
  EXPECT_EQ(txt_date_to_iso("Fri Sep 21 09:09:00 +0200 2007"), "2007-09-21T09:09");
  EXPECT_EQ(txt_date_to_iso("yesterday"), "");
}

TEST(TxtReaderTest, SplitsHeaderGluedToBanner) {
  const RawCable raw = read_txt(
      "09PARIS268\nSUBJ\nFri Feb 20 00:00:00 +0100 2009\nUNCLASSIFIED\nEmbassy Paris\n"
      "O 201811Z FEB 09\nINFO RUEHZL/EUROPEAN POLITICAL COLLECTIVE PRIORITYUNCLAS SECTION 01 OF 08 "
      "PARIS 000268 \n \nSIPDIS\n",
      "t.txt");
  EXPECT_EQ(raw.header, "O 201811Z FEB 09\nINFO RUEHZL/EUROPEAN POLITICAL COLLECTIVE PRIORITY");
  EXPECT_TRUE(raw.body.starts_with("UNCLAS SECTION 01 OF 08 PARIS 000268"));
}

TEST(TxtReaderTest, RejectsTextWithoutMetadata) {
  try {
    read_txt("hello\nworld\n", "notes.txt");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kNotACable);
    EXPECT_NE(std::string(e.what()).find("notes.txt"), std::string::npos);
  }
}

}  // namespace
}  // namespace cable::internal
