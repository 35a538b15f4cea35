#include "model/classification.hpp"

#include <gtest/gtest.h>

namespace cable::internal {
namespace {

TEST(ClassificationTest, CanonicalNames) {
  EXPECT_EQ(canonical_classification("UNCLASSIFIED//FOR OFFICIAL USE ONLY"),
            "UNCLASSIFIED//FOR OFFICIAL USE ONLY");
  EXPECT_EQ(canonical_classification("UNCLAS"), "UNCLASSIFIED");
  EXPECT_EQ(canonical_classification("C O N F I D E N T I A L "), "CONFIDENTIAL");
  EXPECT_EQ(canonical_classification("SS E C R E T"), "SECRET");
  EXPECT_EQ(canonical_classification("SECRET//NOFORN"), "SECRET//NOFORN");
  EXPECT_EQ(canonical_classification("confidential//noforn"), "CONFIDENTIAL//NOFORN");
  EXPECT_EQ(canonical_classification(""), "");
}

TEST(ClassificationTest, FindsBannerGluedToHeader) {
  EXPECT_EQ(find_banner("INFO RUEHZL/EUROPEAN POLITICAL COLLECTIVE PRIORITYUNCLAS SECTION 01 OF 08 "
                        "PARIS 000268 ",
                        "268"),
            std::optional<std::size_t>(50));
  EXPECT_EQ(
      find_banner("TO SECSTATE WASHDC 3182C O N F I D E N T I A L SECTION 01 OF 02 TEHRAN 08980",
                  "8980"),
      std::optional<std::size_t>(23));
  EXPECT_FALSE(find_banner("TO RUEHC/SECSTATE WASHDC IMMEDIATE 5587", "268"));
}

}  // namespace
}  // namespace cable::internal
