// A model of real cables for `cable synth`: pools of paragraphs, subjects,
// tag lists, origins, dates, classifications and captions taken from parsed
// seed cables, recombined into new cables under new IDs. Cable shapes and
// paragraphs are drawn so that their mean sizes are the release's (see
// Sizes), not the seeds'. Generation is a pure function of (seed, index), so
// any cable can be made again, in any order, from any thread.
#ifndef CABLE_TOOLS_SYNTH_MODEL_HPP_
#define CABLE_TOOLS_SYNTH_MODEL_HPP_

#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "cable/record.hpp"
#include "synth/tilt.hpp"

namespace cable::tool::synth {

// What a generated cable holds, ready to render in any input form.
struct Synthetic {
  std::string id;           // "08PARIS123"
  std::string origin_code;  // "PARIS"
  std::string subject;
  int year = 0, month = 0, day = 0, hour = 0, minute = 0;
  std::string classification;  // canonical: "CONFIDENTIAL//NOFORN"
  std::string origin;          // "Embassy Paris"
  std::string from;            // "AMEMBASSY PARIS"
  std::vector<std::string> captions;
  std::vector<std::string> tags;
  std::vector<std::string> references;  // cited cable IDs, "07STATE12345"
  std::vector<Paragraph> paragraphs;    // numbered 1..n, with markings
  std::string signature;
};

// A cable ID of the common shape: two digits of year, the origin's capital
// letters, the serial ("06PARIS741").
struct IdParts {
  std::string year;          // "06"
  std::string origin;        // "PARIS"
  std::uint64_t serial = 0;  // 741
};
// The parts of `id`, or std::nullopt for an ID of another shape.
std::optional<IdParts> split_id(std::string_view id);

// The mean sizes a generated corpus aims at; 0 keeps the seeds' own mean.
struct Sizes {
  double paragraphs = 0;       // numbered paragraphs per cable
  double paragraph_bytes = 0;  // bytes of text per paragraph
};

// The release's: 2.3 million paragraphs in 251,287 cables (the paragraph
// count of the corpus issue #4 measured plain Xapian on) holding about
// 1.7 GB of text (the release's size as issue #4 gives it, counted here as
// paragraph text alone, so a generated release is, if anything, larger than
// the real one). The seed pages of the cablegate website are longer: drawn
// as they are, 251,287 cables hold 2.7 million paragraphs and 2.3 GB.
inline constexpr Sizes kReleaseSizes{2'300'000.0 / 251'287, 1.7e9 / 2'300'000};

class Model {
 public:
  // Builds the pools from parsed seed cables, tilted towards `sizes` (as
  // near as the seeds allow). @throws std::runtime_error when the seeds hold
  // no cable with paragraphs.
  Model(const std::vector<Cable>& seeds, const Sizes& sizes);

  // The cable number `index` of the corpus drawn with `seed`; its references
  // cite cables with smaller numbers (as real REF lists cite earlier cables).
  Synthetic make(std::uint64_t seed, std::uint64_t index) const;

  // The ID cable `index` gets (cheap: used to cite it).
  std::string id_of(std::uint64_t seed, std::uint64_t index) const;

  std::size_t paragraphs() const { return pools_.paragraphs.size(); }

  // The mean sizes the generated cables have, in expectation.
  Sizes mean_sizes() const { return {shape_draw_.mean(), paragraph_draw_.mean()}; }

 private:
  struct Shape {
    std::size_t paragraphs;
    std::size_t references;
    std::vector<std::string> tags;
    std::vector<std::string> captions;
    std::string classification;
    int year;
    std::size_t origin;  // index into origins_
  };
  struct Origin {
    std::string name;  // "Embassy Paris"
    std::string code;  // "PARIS"
    std::string from;  // "AMEMBASSY PARIS"
    std::string signature;
  };

  struct Pools {
    std::vector<Shape> shapes;
    std::vector<Origin> origins;
    std::vector<Paragraph> paragraphs;
    std::vector<std::string> subjects;
  };
  static Pools pools_of(const std::vector<Cable>& seeds);

  const Shape& draw_shape(std::mt19937_64& rng) const;

  Pools pools_;
  Tilted shape_draw_;      // over pools_.shapes, by paragraph count
  Tilted paragraph_draw_;  // over pools_.paragraphs, by length
};

}  // namespace cable::tool::synth

#endif  // CABLE_TOOLS_SYNTH_MODEL_HPP_
