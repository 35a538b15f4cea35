// Drawing from a pool of sizes so that the mean size meets a target, with
// the least change to the pool's own distribution: exponential tilting, the
// weight of an item of size x being exp(-lambda * x), with lambda chosen so
// that the weighted mean is the target (the distribution closest to uniform,
// in relative entropy, that has that mean). `cable synth` uses it to make its
// seed cables, which are longer than the release's average, draw cables and
// paragraphs of the release's average size.
#ifndef CABLE_TOOLS_SYNTH_TILT_HPP_
#define CABLE_TOOLS_SYNTH_TILT_HPP_

#include <cstddef>
#include <cstdint>
#include <random>
#include <vector>

namespace cable::tool::synth {

// Immutable after construction, so one instance may be shared by threads.
class Tilted {
 public:
  // Weights for `sizes` whose mean is `target`, or as near to it as the pool
  // allows: a target below the smallest size (above the largest) draws only
  // the smallest (largest) items. A target <= 0 draws uniformly. Cost:
  // O(n) per step of a 200-step bisection. @throws std::invalid_argument
  // when `sizes` is empty.
  Tilted(const std::vector<double>& sizes, double target);

  // An index into `sizes`, drawn by weight; O(log n).
  std::size_t draw(std::mt19937_64& rng) const;

  // The mean size of what draw() returns.
  double mean() const { return mean_; }

 private:
  std::vector<double> cumulative_;  // running sums of the weights
  double mean_ = 0;
};

}  // namespace cable::tool::synth

#endif  // CABLE_TOOLS_SYNTH_TILT_HPP_
