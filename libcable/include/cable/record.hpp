// libcable — the structured form of one diplomatic cable.
//
// A Cable is what the reader makes of one telegram, whatever form it came in
// (plain text, a cablegate web page, a row of cables.csv): its metadata, its
// routing header, the fields at the top of its body (captions, E.O. line,
// TAGS, SUBJECT, REF list) and its numbered paragraphs, all as normalized
// UTF-8 text (NFC). The text as read is kept in `raw`, so nothing but the
// normalization artefacts documented in docs/normalization.md is ever lost.
//
// All types here are plain values: copyable, movable, and safe to hand to
// another thread.
//
// Copyright (C) 2026 The libcable authors. SPDX-License-Identifier: GPL-2.0-or-later
#ifndef CABLE_RECORD_HPP_
#define CABLE_RECORD_HPP_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cable/export.hpp"

namespace cable {

/// The text that stands in place of a redaction (`XXXXXXXXXXXX` in the
/// release) in normalized text: three U+2588 FULL BLOCK characters. It holds
/// no letters, so a word tokenizer never makes a term of it.
inline constexpr const char* kRedactionMark = "\u2588\u2588\u2588";

/// The input forms the reader understands (docs/formats.md).
enum class Format {
  kText,  ///< Five metadata lines, then the raw telegram.
  kHtml,  ///< A page of the cablegate website.
  kCsv,   ///< A row of the 2011 `cables.csv` release.
};

/// Returns "text", "html" or "csv".
CABLE_EXPORT const char* format_name(Format format) noexcept;

/// The canonical form of a cable ID as written or as the release published
/// it, damaged or not: "09paris268" -> "09PARIS268", "08ECTION02OF02ATHENS959"
/// -> "08ATHENS959"; an ID as published that cannot be split is kept as it
/// is, upper case ("06ASTANA"). std::nullopt when `text` cannot be a cable
/// ID (a two-digit year, then letters, digits and hyphens). Cost: a few
/// lookups in the table of stations. Thread-safe.
CABLE_EXPORT std::optional<std::string> canonical_id(std::string_view text);

/// Where a cable was read from.
struct Source {
  std::string file;               ///< Path of the input file, as given.
  Format format = Format::kText;  ///< The form the file was read in.
  std::uint64_t row = 0;          ///< CSV: 1-based record number; 0 for other forms.
  std::uint64_t line = 0;         ///< CSV: line of the file the record starts on; 0 otherwise.
};

/// One entry of the cable's REF list.
struct Reference {
  std::string letter;  ///< "A", "B", … as written (upper-cased); empty for a single reference.
  std::string raw;     ///< The entry's text as written (normalized white space).
  std::string id;      ///< Canonical cable ID ("06TBILISI2601"); empty when the entry
                       ///< is not a cable (an e-mail, a report) or its year is unknown.
  std::string kind;    ///< What the entry cites: "cable", "email", "telcon", "memo",
                       ///< "report", "iir" (an intelligence report: IIR, TD), "dtg" (a
                       ///< message known by its date-time group only), "book" (FAM, FAH), or
                       ///< "other". An entry citing several cables gives one Reference each,
                       ///< with the same letter and raw text.
};

/// A lettered or bulleted sub-item inside a paragraph (`-- A. …`, `(a) …`).
struct SubItem {
  std::string label;  ///< "A", "a", "1", … without punctuation; "--" for an unlettered bullet.
  std::string text;   ///< Normalized text of the sub-item, label removed.
};

/// One top-level paragraph of the body.
struct Paragraph {
  std::string number;          ///< As written ("1", "12"); empty for unnumbered text
                               ///< (a body without numbered paragraphs, or text before the first).
  std::string marking;         ///< Classification marking without parentheses ("SBU", "C", "S/NF",
                               ///< "C//NF", "S/REL UK"); empty when the paragraph has none.
  std::string text;            ///< Normalized text: number and marking removed, hard wraps undone,
                               ///< list items and sub-items on lines of their own.
  std::vector<SubItem> items;  ///< The sub-items found in `text`, in order.
};

/// One cable, parsed and normalized.
struct Cable {
  std::string id;                 ///< Reference ID, canonical: "09PARIS268".
  std::string published_id;       ///< The ID as the release published it, where it is damaged
                                  ///< there ("08ECTION02OF02ATHENS959" for 08ATHENS959); empty
                                  ///< when it is `id`.
  std::string subject;            ///< SUBJECT, wrapped lines joined (metadata subject if none),
                                  ///< without its marking.
  std::string subject_marking;    ///< The marking that opened the SUBJECT: "S/REL UK"; or "".
  std::string date;               ///< Creation date-time, ISO 8601: "2009-02-20T18:11" or
                                  ///< "2009-02-20" when the source gives no time.
  std::string dtg;                ///< Date-time group as written: "201811Z FEB 09"; may be empty.
  std::string classification;     ///< Canonical: "UNCLASSIFIED", "UNCLASSIFIED//FOR OFFICIAL
                                  ///< USE ONLY", "CONFIDENTIAL", "CONFIDENTIAL//NOFORN", "SECRET",
                                  ///< "SECRET//NOFORN"; as written when none of these.
  std::string origin;             ///< "Embassy Paris".
  std::string precedence;         ///< "IMMEDIATE", "PRIORITY", "ROUTINE", "FLASH", or empty.
  std::string from;               ///< The FM line: "AMEMBASSY PARIS".
  std::vector<std::string> to;    ///< TO addressees, one per entry.
  std::vector<std::string> info;  ///< INFO addressees, one per entry.
  std::vector<std::string> captions;  ///< SIPDIS, NOFORN, SENSITIVE, … upper case, in order.
  std::vector<std::string> handling;  ///< Distribution lines at the top of the body
                                      ///< ("DEPARTMENT FOR G/TIP, …"), as written.
  std::string eo;                     ///< The E.O. line after its label: "12958: DECL: 09/20/2017".
  std::string declassify_on;          ///< ISO date from the E.O. line ("2017-09-20"), or empty.
  std::string classified_by;          ///< The "Classified By:" line(s), joined; may be empty.
  std::vector<std::string> tags;      ///< TAGS codes, upper case, in order, duplicates removed.
  std::vector<std::string> persons;   ///< People the TAGS line names in parentheses after a
                                      ///< tag ("OVIP (CLINTON, HILLARY)" -> "CLINTON, HILLARY"),
                                      ///< as written, upper case, in order.
  std::vector<Reference> references;  ///< The REF list, in order.
  std::vector<Paragraph> paragraphs;  ///< Top-level paragraphs, in order.
  std::string signature;              ///< The signing name at the end ("PEKALA"), or empty.
  std::string text;                   ///< The whole normalized body (header fields included).
  std::string raw_header;             ///< The routing header as read (valid UTF-8).
  std::string raw_body;               ///< The body as read (valid UTF-8).
  std::vector<std::string> warnings;  ///< What the parser could not make sense of.
  Source source;                      ///< Where the cable was read from.
};

}  // namespace cable

#endif  // CABLE_RECORD_HPP_
