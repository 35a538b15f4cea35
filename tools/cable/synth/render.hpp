// Synthetic cables written in the three input forms, with the artefacts of
// real ones: page headers every 54 lines, TAGS wrapped past 60 columns,
// text wrapped at 69 columns with some long words hyphenated at the break.
#ifndef CABLE_TOOLS_SYNTH_RENDER_HPP_
#define CABLE_TOOLS_SYNTH_RENDER_HPP_

#include <cstdint>
#include <string>

#include "synth/model.hpp"

namespace cable::tool::synth {

// The routing header and the raw body of `s`; `salt` drives the artefacts.
struct Telegram {
  std::string header;
  std::string body;
};
Telegram telegram(const Synthetic& s, std::uint64_t salt);

// The plain-text form: five metadata lines, then the telegram.
std::string render_text(const Synthetic& s, const Telegram& t);
// A page of the cablegate website.
std::string render_html(const Synthetic& s, const Telegram& t);
// One record of cables.csv (ending in a newline); `row` is its number.
std::string render_csv(const Synthetic& s, const Telegram& t, std::uint64_t row);

}  // namespace cable::tool::synth

#endif  // CABLE_TOOLS_SYNTH_RENDER_HPP_
