// Numbered paragraphs: "¶1. (SBU) …", "1. (C) …", "1.(C) …", "2) …", their
// classification markings, their sub-items, and the signature after them.
#ifndef CABLE_SRC_PARSE_PARAGRAPHS_HPP_
#define CABLE_SRC_PARSE_PARAGRAPHS_HPP_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cable/record.hpp"

namespace cable::internal {

struct ParagraphStart {
  int number = 0;
  std::string written;   // "1", as written
  bool pilcrow = false;  // written with "¶"
  char punct = '.';      // what follows the number: '.', ')', ' ' or ':'
  bool marked = false;   // a classification marking follows: "22.(SBU)"
};

// When `line` opens a numbered paragraph at its very start (an indented
// number is a list inside a paragraph), its number.
std::optional<ParagraphStart> match_paragraph_start(std::string_view line);

// Decides whether a paragraph start continues the numbering so far (`last`
// is the previous top-level number, 0 before the first): numbers move ahead,
// skipping a little at most. Starts written with "¶" or a marking may skip
// further, and may open an extract at any number ("22.(SBU)").
bool continues_numbering(const ParagraphStart& start, int last);

// Picks, among the paragraph starts found at line starts in one body (in
// order), those that open top-level paragraphs; returns one flag per start.
// The cable's own style decides: the punctuation of its "¶" starts (or, with
// no "¶" anywhere, the most common one). In style, a start opens a paragraph
// when it continues the numbering (or resumes after the highest number so
// far, or jumps far with "¶" and the next start follows it: part II of a
// series) and no later start shows the jump to be a list, or when it restarts
// the numbering (a repeated or quoted run) and the next start in style
// continues from it, or it is the last one and written with "¶". "1)" lists under "¶1." never open
// one; a start without "¶" among "¶" paragraphs ("2.(C)") does when it has the very next number and
// no start in style claims that number later. Cost: O(n²) in the starts.
std::vector<bool> select_paragraph_starts(const std::vector<ParagraphStart>& starts);

// Splits normalized paragraph text that still begins with its number into
// number, marking and text.
Paragraph make_paragraph(std::string_view reflowed, const ParagraphStart* start);

// True when the line could be the signature at the end of a body ("PEKALA"):
// one to four words, letters in each, no sentence punctuation.
bool looks_like_signature(std::string_view line);

}  // namespace cable::internal

#endif  // CABLE_SRC_PARSE_PARAGRAPHS_HPP_
