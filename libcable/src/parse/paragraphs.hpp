// Numbered paragraphs: "¶1. (SBU) …", "1. (C) …", "1.(C) …", "2) …", their
// classification markings, their sub-items, and the signature after them.
#ifndef CABLE_SRC_PARSE_PARAGRAPHS_HPP_
#define CABLE_SRC_PARSE_PARAGRAPHS_HPP_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cable/record.hpp"

namespace cable {

struct ParagraphStart {
  int number = 0;
  std::string written;  // "1", as written
  bool pilcrow = false; // written with "¶"
};

// When `line` opens a numbered paragraph at its very start (an indented
// number is a list inside a paragraph), its number.
std::optional<ParagraphStart> match_paragraph_start(std::string_view line);

// Decides whether a paragraph start continues the numbering so far (`last`
// is the previous top-level number, 0 before the first): numbers may repeat
// or skip ahead a little, never go back. ("¶" starts may skip further.)
bool continues_numbering(const ParagraphStart& start, int last);

// True for the inside of a marking: "SBU", "C", "S/NF", "C//NF", "S/REL UK",
// "C NF", "S-NF", "C - ENTIRE TEXT".
bool is_marking(std::string_view inside);

// Splits normalized paragraph text that still begins with its number into
// number, marking and text.
Paragraph make_paragraph(std::string_view reflowed, const ParagraphStart* start);

// The sub-items of a paragraph's text (lines that open a list item).
std::vector<SubItem> find_sub_items(std::string_view text);

// True when the line could be the signature at the end of a body ("PEKALA"):
// one to four words, letters in each, no sentence punctuation.
bool looks_like_signature(std::string_view line);

}  // namespace cable

#endif  // CABLE_SRC_PARSE_PARAGRAPHS_HPP_
