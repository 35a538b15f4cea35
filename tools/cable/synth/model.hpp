// A model of real cables for `cable synth`: pools of paragraphs, subjects,
// tag lists, origins, dates, classifications and captions taken from parsed
// seed cables, recombined into new cables under new IDs. Generation is a
// pure function of (seed, index), so any cable can be made again, in any
// order, from any thread.
#ifndef CABLE_TOOLS_SYNTH_MODEL_HPP_
#define CABLE_TOOLS_SYNTH_MODEL_HPP_

#include <cstdint>
#include <string>
#include <vector>

#include "cable/record.hpp"

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

class Model {
 public:
  // Builds the pools from parsed seed cables. @throws std::runtime_error when
  // the seeds hold no cable with paragraphs.
  explicit Model(const std::vector<Cable>& seeds);

  // The cable number `index` of the corpus drawn with `seed`; its references
  // cite cables with smaller numbers (as real REF lists cite earlier cables).
  Synthetic make(std::uint64_t seed, std::uint64_t index) const;

  // The ID cable `index` gets (cheap: used to cite it).
  std::string id_of(std::uint64_t seed, std::uint64_t index) const;

  std::size_t paragraphs() const { return paragraphs_.size(); }

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

  std::vector<Shape> shapes_;
  std::vector<Origin> origins_;
  std::vector<Paragraph> paragraphs_;
  std::vector<std::string> subjects_;
};

}  // namespace cable::tool::synth

#endif  // CABLE_TOOLS_SYNTH_MODEL_HPP_
