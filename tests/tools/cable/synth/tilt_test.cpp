// The tilted draw: the mean it promises, the mean its draws reach, and the
// pool's limits.
#include "synth/tilt.hpp"

#include <gtest/gtest.h>

#include <random>
#include <stdexcept>
#include <vector>

namespace cable::tool::synth {
namespace {

const std::vector<double> kPool = {1, 2, 2, 3, 5, 8, 13, 21, 34, 55};  // mean 14.4

double drawn_mean(const Tilted& t, const std::vector<double>& pool, int n) {
  std::mt19937_64 rng(7);
  double sum = 0;
  for (int i = 0; i < n; ++i) sum += pool[t.draw(rng)];
  return sum / n;
}

TEST(TiltedTest, NoTargetDrawsUniformly) {
  const Tilted t(kPool, 0);
  EXPECT_DOUBLE_EQ(t.mean(), 14.4);
  EXPECT_NEAR(drawn_mean(t, kPool, 200'000), 14.4, 0.2);
}

TEST(TiltedTest, MeetsATargetEitherSideOfThePoolsMean) {
  for (double target : {4.0, 9.15, 14.4, 30.0}) {
    const Tilted t(kPool, target);
    EXPECT_NEAR(t.mean(), target, 1e-9 * target) << target;
    EXPECT_NEAR(drawn_mean(t, kPool, 200'000), target, 0.02 * target) << target;
  }
}

TEST(TiltedTest, ATargetOutsideThePoolDrawsItsExtremes) {
  EXPECT_NEAR(Tilted(kPool, 0.5).mean(), 1, 1e-9);
  EXPECT_NEAR(Tilted(kPool, 1000).mean(), 55, 1e-9);
  EXPECT_DOUBLE_EQ(Tilted({7, 7, 7}, 3).mean(), 7);
}

TEST(TiltedTest, TheSameGeneratorDrawsTheSameItems) {
  const Tilted t(kPool, 5);
  std::mt19937_64 a(42), b(42);
  for (int i = 0; i < 1000; ++i) ASSERT_EQ(t.draw(a), t.draw(b));
}

TEST(TiltedTest, AnEmptyPoolIsRefused) { EXPECT_THROW(Tilted({}, 1), std::invalid_argument); }

}  // namespace
}  // namespace cable::tool::synth
