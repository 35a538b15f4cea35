#include "normalize/encoding.hpp"

#include <gtest/gtest.h>

namespace cable::internal::normalize {
namespace {

TEST(EncodingTest, KeepsValidUtf8) {
  EXPECT_EQ(to_clean_utf8("EL PA\xC3\x8DS \xE2\x80\x99"), "EL PA\xC3\x8DS \xE2\x80\x99");
}

TEST(EncodingTest, ReadsInvalidBytesAsWindows1252) {
  EncodingReport r;
  EXPECT_EQ(to_clean_utf8("caf\xE9 \x93quote\x94", &r),
            "caf\xC3\xA9 \xE2\x80\x9Cquote\xE2\x80\x9D");
  EXPECT_EQ(r.transcoded, 3u);
}

TEST(EncodingTest, UndefinedWindows1252ByteBecomesReplacementNotDropped) {
  EncodingReport r;
  EXPECT_EQ(to_clean_utf8("a\x81z", &r), "a\xEF\xBF\xBDz");
  EXPECT_EQ(r.unmappable, 1u);
}

TEST(EncodingTest, NormalizesToNfc) {
  // "E" + combining acute -> precomposed "É".
  EXPECT_EQ(to_clean_utf8("E\xCC\x81lys\xC3\xA9"
                          "e"),
            "\xC3\x89lys\xC3\xA9"
            "e");
}

TEST(EncodingTest, ControlsBecomeSpacesAndCrIsDropped) {
  EncodingReport r;
  EXPECT_EQ(to_clean_utf8(std::string("a\0b\r\nc\td", 8), &r), "a b\nc d");
  EXPECT_EQ(r.controls, 1u);
}

}  // namespace
}  // namespace cable::internal::normalize
