// What the peers index, one row per unit: per cable (its subject and its
// paragraphs, one text, as libcable matches a query over whole cables by
// default) or per paragraph (as `--paragraphs` searches). Shared by the
// FTS5 harness and the export that Lucene and Sphinx read, so that every
// peer answers the question libcable answers.
#ifndef CABLE_BENCH_PEER_ROWS_HPP_
#define CABLE_BENCH_PEER_ROWS_HPP_

#include <functional>
#include <stdexcept>
#include <string>

#include "cable/cable.hpp"

namespace cable::bench {

enum class Unit { kCable, kParagraph };

// "cable" or "paragraph", as `--unit` gives it.
inline Unit unit_named(const std::string& name) {
  if (name == "cable") return Unit::kCable;
  if (name == "paragraph") return Unit::kParagraph;
  throw std::invalid_argument("--unit: write cable or paragraph, not '" + name + "'");
}

// Calls `row` with the text of each row of `c`: the subject and every
// paragraph, a blank line between them, for a cable; each paragraph alone
// otherwise (the subject, which every paragraph document carries as a
// field in libcable, is left out as before).
inline void rows_of(const cable::Cable& c, Unit unit,
                    const std::function<void(const std::string&)>& row) {
  if (unit == Unit::kParagraph) {
    for (const cable::Paragraph& p : c.paragraphs) row(p.text);
    return;
  }
  std::string text = c.subject;
  for (const cable::Paragraph& p : c.paragraphs) {
    if (!text.empty()) text += "\n\n";
    text += p.text;
  }
  row(text);
}

}  // namespace cable::bench

#endif  // CABLE_BENCH_PEER_ROWS_HPP_
