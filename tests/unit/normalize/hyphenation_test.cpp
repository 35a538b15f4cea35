#include "normalize/hyphenation.hpp"

#include <gtest/gtest.h>

namespace cable::internal::normalize {
namespace {

struct HyphenCase {
  const char* left;
  const char* right;
  HyphenJoin join;
};

class HyphenTest : public testing::TestWithParam<HyphenCase> {};

TEST_P(HyphenTest, DecidesFromDictionaryAndForm) {
  EXPECT_EQ(decide_hyphen(GetParam().left, GetParam().right, HyphenEvidence()), GetParam().join)
      << GetParam().left << "-" << GetParam().right;
}

INSTANTIATE_TEST_SUITE_P(Cases, HyphenTest,
                         testing::Values(HyphenCase{"JURIS", "DICTION", HyphenJoin::kDrop},
                                         HyphenCase{"organ", "izations", HyphenJoin::kDrop},
                                         HyphenCase{"al", "Qaida", HyphenJoin::kKeep},
                                         HyphenCase{"anti", "trafficking", HyphenJoin::kKeep},
                                         HyphenCase{"missile", "related", HyphenJoin::kKeep},
                                         HyphenCase{"Jean", "Francois", HyphenJoin::kKeep},
                                         HyphenCase{"DRAFT", "LAW", HyphenJoin::kKeep},
                                         HyphenCase{"pro", "and", HyphenJoin::kKeepAndSpace}));

TEST(HyphenTest, CableEvidenceWinsOverDictionary) {
  EXPECT_EQ(decide_hyphen("counter", "terrorism", HyphenEvidence("the counter-terrorism unit")),
            HyphenJoin::kKeep);
  EXPECT_EQ(decide_hyphen("counter", "terrorism", HyphenEvidence("the counterterrorism unit")),
            HyphenJoin::kDrop);
}

}  // namespace
}  // namespace cable::internal::normalize
