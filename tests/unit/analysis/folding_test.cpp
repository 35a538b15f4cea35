#include "analysis/folding.hpp"

#include <gtest/gtest.h>

namespace cable::internal {
namespace {

TEST(FoldingTest, CaseAndAccents) {
  EXPECT_EQ(fold("Élysée"), "elysee");
  EXPECT_EQ(fold("ELYSEE"), "elysee");
  EXPECT_EQ(fold("Straße"), "strasse");
  EXPECT_EQ(fold("Çiller São Paulo"), "ciller sao paulo");
  EXPECT_EQ(fold("plain ascii 123"), "plain ascii 123");
}

TEST(FoldingTest, KeepsWhatIsNoAccent) {
  EXPECT_EQ(fold("\u2588\u2588\u2588"), "\u2588\u2588\u2588");  // redaction marks
  EXPECT_EQ(fold("Łódź"), "łodz");                              // Ł has no decomposition
  EXPECT_EQ(fold("“quoted”"), "“quoted”");
}

}  // namespace
}  // namespace cable::internal
