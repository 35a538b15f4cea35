#include "synth/tilt.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace cable::tool::synth {
namespace {

// exp(-lambda * x) for each size, shifted so that the largest weight is 1
// and none overflows whatever the sign of lambda.
std::vector<double> weights(const std::vector<double>& sizes, double lambda, double lo, double hi) {
  const double origin = lambda >= 0 ? lo : hi;
  std::vector<double> w(sizes.size());
  for (std::size_t i = 0; i < sizes.size(); ++i) w[i] = std::exp(-lambda * (sizes[i] - origin));
  return w;
}

double weighted_mean(const std::vector<double>& sizes, const std::vector<double>& w) {
  double sum = 0, total = 0;
  for (std::size_t i = 0; i < sizes.size(); ++i) {
    sum += w[i] * sizes[i];
    total += w[i];
  }
  return sum / total;
}

}  // namespace

Tilted::Tilted(const std::vector<double>& sizes, double target) {
  if (sizes.empty()) throw std::invalid_argument("nothing to draw from");
  const auto [lo_it, hi_it] = std::minmax_element(sizes.begin(), sizes.end());
  const double lo = *lo_it, hi = *hi_it;
  std::vector<double> w;
  if (target > 0 && hi > lo && (target <= lo || target >= hi)) {
    const double extreme = target <= lo ? lo : hi;
    for (double x : sizes) w.push_back(x == extreme ? 1 : 0);
  } else {
    double lambda = 0;
    if (target > 0 && hi > lo) {
      // The weighted mean falls as lambda grows; at |lambda| = 700 / (hi - lo)
      // the weights span e^700, the most a double holds, so the bisection
      // interval covers every mean that can be reached.
      double below = -700 / (hi - lo), above = 700 / (hi - lo);
      for (int step = 0; step < 200; ++step) {
        lambda = (below + above) / 2;
        if (weighted_mean(sizes, weights(sizes, lambda, lo, hi)) > target) {
          below = lambda;
        } else {
          above = lambda;
        }
      }
    }
    w = weights(sizes, lambda, lo, hi);
  }
  mean_ = weighted_mean(sizes, w);
  cumulative_.reserve(w.size());
  double running = 0;
  for (double x : w) cumulative_.push_back(running += x);
}

std::size_t Tilted::draw(std::mt19937_64& rng) const {
  // 53 random bits, scaled to the total weight.
  const double u = static_cast<double>(rng() >> 11) * 0x1.0p-53 * cumulative_.back();
  const auto it = std::upper_bound(cumulative_.begin(), cumulative_.end(), u);
  return std::min<std::size_t>(static_cast<std::size_t>(it - cumulative_.begin()),
                               cumulative_.size() - 1);
}

}  // namespace cable::tool::synth
