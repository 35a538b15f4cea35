// The synthetic corpus model over the shared corpus: cables of the release's
// mean sizes, made again identically from (seed, number).
#include "synth/model.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <stdexcept>
#include <vector>

#include "cable/reader.hpp"

namespace cable::tool::synth {
namespace {

namespace fs = std::filesystem;

const fs::path kShared = CABLE_SHARED_CORPUS;

class ModelTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!fs::exists(kShared)) return;
    seeds_ = new std::vector<Cable>;
    read_path(kShared, [](Cable&& c) { seeds_->push_back(std::move(c)); });
  }
  static void TearDownTestSuite() {
    delete seeds_;
    seeds_ = nullptr;
  }
  void SetUp() override {
    if (seeds_ == nullptr) GTEST_SKIP() << kShared << " is absent";
  }
  static std::vector<Cable>* seeds_;
};
std::vector<Cable>* ModelTest::seeds_ = nullptr;

struct Measured {
  double paragraphs = 0, paragraph_bytes = 0;
};

Measured measure(const Model& model, int cables) {
  double paragraphs = 0, bytes = 0;
  for (int i = 0; i < cables; ++i) {
    for (const Paragraph& p : model.make(1, static_cast<std::uint64_t>(i)).paragraphs) {
      ++paragraphs;
      bytes += static_cast<double>(p.text.size());
    }
  }
  return {paragraphs / cables, bytes / paragraphs};
}

TEST_F(ModelTest, CablesHaveTheReleasesMeanSizes) {
  const Model model(*seeds_, kReleaseSizes);
  EXPECT_NEAR(model.mean_sizes().paragraphs, kReleaseSizes.paragraphs, 1e-6);
  EXPECT_NEAR(model.mean_sizes().paragraph_bytes, kReleaseSizes.paragraph_bytes, 1e-3);
  const Measured m = measure(model, 20'000);
  EXPECT_NEAR(m.paragraphs, kReleaseSizes.paragraphs, 0.03 * kReleaseSizes.paragraphs);
  EXPECT_NEAR(m.paragraph_bytes, kReleaseSizes.paragraph_bytes,
              0.03 * kReleaseSizes.paragraph_bytes);
}

TEST_F(ModelTest, TheSeedsSizesAreLongerThanTheReleases) {
  const Model model(*seeds_, Sizes{});
  EXPECT_GT(model.mean_sizes().paragraphs, kReleaseSizes.paragraphs);
  EXPECT_GT(model.mean_sizes().paragraph_bytes, kReleaseSizes.paragraph_bytes);
}

TEST_F(ModelTest, ACableIsAFunctionOfSeedAndNumber) {
  const Model model(*seeds_, kReleaseSizes);
  for (std::uint64_t i : {0u, 1u, 77u, 250'000u}) {
    const Synthetic a = model.make(3, i), b = model.make(3, i);
    EXPECT_EQ(a.id, b.id);
    EXPECT_EQ(a.id, model.id_of(3, i));
    EXPECT_EQ(a.subject, b.subject);
    EXPECT_EQ(a.tags, b.tags);
    EXPECT_EQ(a.references, b.references);
    ASSERT_EQ(a.paragraphs.size(), b.paragraphs.size());
    for (std::size_t k = 0; k < a.paragraphs.size(); ++k) {
      EXPECT_EQ(a.paragraphs[k].text, b.paragraphs[k].text);
      EXPECT_EQ(a.paragraphs[k].number, std::to_string(k + 1));
    }
  }
  EXPECT_NE(model.make(3, 5).paragraphs[0].text + model.make(3, 5).subject,
            model.make(4, 5).paragraphs[0].text + model.make(4, 5).subject);
}

TEST_F(ModelTest, ReferencesCiteEarlierCables) {
  const Model model(*seeds_, kReleaseSizes);
  std::vector<std::string> ids;
  for (std::uint64_t i = 0; i < 2000; ++i) ids.push_back(model.id_of(1, i));
  std::size_t cited = 0;
  for (std::uint64_t i = 0; i < 2000; ++i) {
    for (const std::string& ref : model.make(1, i).references) {
      ++cited;
      EXPECT_NE(std::find(ids.begin(), ids.begin() + static_cast<long>(i), ref),
                ids.begin() + static_cast<long>(i))
          << ref << " cited by cable " << i;
    }
  }
  EXPECT_GT(cited, 0u);
}

TEST(ModelSeedsTest, SeedsWithoutNumberedTextAreRefused) {
  EXPECT_THROW(Model({}, kReleaseSizes), std::runtime_error);
}

}  // namespace
}  // namespace cable::tool::synth
