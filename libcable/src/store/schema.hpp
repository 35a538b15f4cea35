// The Xapian schema of a libcable index: every term prefix, value slot,
// metadata key and the layout of document records are defined here and nowhere
// else. docs/schema.md describes the same, for people; change both together
// and bump kSchemaVersion when an index built before would be read wrongly.
#ifndef CABLE_SRC_STORE_SCHEMA_HPP_
#define CABLE_SRC_STORE_SCHEMA_HPP_

#include <xapian.h>

#include <optional>
#include <string>
#include <string_view>

namespace cable::internal::schema {

// Version 1: one "cable" document and one document per paragraph.
// Version 2: day terms (kDay), so date ranges are boolean terms.
// Version 3: no "Z" term for a word that is its own stem.
// Version 4: document data is a flat record, not JSON.
// Version 5: every shard numbers its documents from 1 (kMetaShard names it).
// Version 6: the record of a document is a value (kSlotRecord), not its data.
// Version 7: canonical cable IDs (a damaged published ID is a second kId
// term), typed references, persons; cables parsed anew (page headers of the
// "002.2 OF 004" form, subjects, REF lists, tags).
// Version 8: a free-text phrase of a TAGS line is one tag ("IRAQI FREEDOM");
// a person named without initials takes them ("STEINBERG, JAMES B.").
// Version 9: a cable's stored fields in a private format (store/stored.hpp),
// not the public JSON; the content hash over the same.
// Version 10: the precedence facet (kFacetPrecedence) and field (kPrecedence).
// Version 11: the cable document carries every word of the cable (kCableWord)
// and the markings of its paragraphs, so that queries match whole cables.
// Version 12: French and Italian elisions are two words ("d’affaires" ->
// "d", "affaires": analysis/analyzer.hpp, separate_words).
// Version 13: no kCableWord terms in the index (search/cable_words matches
// whole cables from the paragraphs' terms); "_" separates words
// ("Portal:United_Kingdom" -> "united", "kingdom").
// Version 14: records compressed with zstd and a dictionary of the index's
// own (kMetaRecordDictionary, store/record_codec), a byte ahead of each
// saying how it is kept.
// Version 15: kSlotFacets on the cable document only, where version 14 had
// it on every document of the cable.
// Version 16: the cable's fields (on_cable_document_only() below) and its
// subject's words on its cable document alone, where version 15 had them on
// every paragraph too; a search over paragraphs filters by them through
// their cables (search/cable_filter).
inline constexpr int kSchemaVersion = 16;

// --- Documents ------------------------------------------------------------
// Each cable is one document of kind "c" (order 0: its subject, as text and
// as the subject field; a query over the cable as a whole matches it alone)
// and one document of kind "p" per paragraph (order 1, 2, … in reading
// order), which words, phrases, NEAR and paragraph-level searches match. A
// paragraph holds its own words, its kind, its cable's kId, its kDocKey and
// its marking; the cable's fields are on the cable document alone (7 to 10
// % of indexing time when every paragraph had them too, docs/benchmarks.md).
inline constexpr std::string_view kKindCable = "c";
inline constexpr std::string_view kKindParagraph = "p";

// --- Term prefixes ----------------------------------------------------------
// Free text: unprefixed exact terms with positions, "Z"-prefixed stems
// without (Xapian's STEM_SOME), from text folded by analysis/folding.
inline constexpr std::string_view kStemmed = "Z";
inline constexpr std::string_view kSubject = "S";  // subject words (and "ZS" stems)
// Not in the index, in queries over whole cables only: "Wword" (and "ZWstem")
// stands for the cable documents of the cables any of whose documents hold
// "word" ("Zstem"), which search/cable_words finds from that term's postings.
// Indexing every word of a cable on its cable document did the same at
// 75 % more indexing time (docs/benchmarks.md).
inline constexpr std::string_view kCableWord = "W";
// Boolean terms; the value after the prefix is given per line.
inline constexpr std::string_view kKind = "XK";  // kKindCable / kKindParagraph
inline constexpr std::string_view kId = "XI";    // cable ID: "XI09PARIS268"
// The ID as the release published it, where damaged there (Cable::published_id):
// "XJ08ECTION02OF02ATHENS959". Apart from kId, which `cable check` and
// Writer::remove read as one per cable.
inline constexpr std::string_view kPublishedId = "XJ";
inline constexpr std::string_view kTag = "K";      // tag, upper case: "KKTIP"
inline constexpr std::string_view kOrigin = "XO";  // each folded word of the origin: "XOparis"
inline constexpr std::string_view kOriginFull =
    "XOF";                                          // the whole folded origin: "XOFembassy paris"
inline constexpr std::string_view kClass = "XC";    // folded canonical classification, and
                                                    // each of its parts: "XCsecret//noforn",
                                                    // "XCsecret", "XCnoforn"
inline constexpr std::string_view kCaption = "XP";  // caption, upper case: "XPSIPDIS"
inline constexpr std::string_view kCites = "XR";    // canonical ID of a cited cable
inline constexpr std::string_view kPrecedence = "XE";  // precedence, upper case: "XEIMMEDIATE"
inline constexpr std::string_view kPerson = "XN";      // a person of the TAGS line, upper case,
                                                       // spaces folded: "XNCLINTON, HILLARY"
inline constexpr std::string_view kYear = "Y";         // "Y2009"
inline constexpr std::string_view kMonth = "M";        // "M2009-02"
inline constexpr std::string_view kDay = "D";          // "D2009-02-20": with Y and M, a date
                                                       // range is an OR of at most ~80 terms
inline constexpr std::string_view kMarking = "XM";     // paragraph marking, folded: "XMs/nf";
                                                       // the cable document has every one
// Unique per document: kDocKey + ID + "#" + order; `cable check` reads
// them to find a cable's missing or doubled documents.
inline constexpr std::string_view kDocKey = "Q";

// Whether `t` is a term of the cable as a whole, which its cable document
// alone holds: a tag, the origin, the class, a caption, a person, the
// precedence, a reference, a year, month or day, the ID as published, a
// word or stem of the subject. A paragraph holds none of them.
inline bool on_cable_document_only(std::string_view t) {
  // The subject's stems: "ZS" + stem.
  if (t.substr(0, kStemmed.size()) == kStemmed) t.remove_prefix(kStemmed.size());
  for (std::string_view p : {kTag, kYear, kMonth, kDay, kSubject, kPublishedId, kOrigin, kClass,
                             kCaption, kCites, kPrecedence, kPerson}) {
    if (t.substr(0, p.size()) == p) return true;  // kOrigin covers kOriginFull
  }
  return false;
}

// --- Value slots -------------------------------------------------------------
inline constexpr Xapian::valueno kSlotDate = 0;   // ISO date-time: sorts and ranges as a string
inline constexpr Xapian::valueno kSlotCable = 1;  // cable ID: groups hits per cable
// Slot 2 held each document's order in its cable, which nothing read (the
// record has it); indexes built before it went may still hold it.
inline constexpr Xapian::valueno kSlotFacets = 3;  // the cable document's only, see below
// The document's record, below. Xapian compresses document data with zlib
// and inflates it at every read, a large part of a rare word's answer
// (docs/benchmarks.md); values are stored as they are.
inline constexpr Xapian::valueno kSlotRecord = 4;

// kSlotFacets holds one "<letter>:<value>\n" line per facet value of the
// cable, on its cable document alone (the paragraphs' copies were 4 to 5 %
// of the index, docs/benchmarks.md); letters as below. Facet counts read it once
// per matching cable.
inline constexpr char kFacetTag = 't';
inline constexpr char kFacetOrigin = 'o';
inline constexpr char kFacetClass = 'c';
inline constexpr char kFacetYear = 'y';
inline constexpr char kFacetMonth = 'm';
inline constexpr char kFacetCaption = 'p';
inline constexpr char kFacetPerson = 'n';
inline constexpr char kFacetPrecedence = 'e';

// --- Document record --------------------------------------------------------------
// In kSlotRecord, packed (store/record_codec): a first byte kRecordPlain and
// the record as it is, or kRecordZstd and a zstd frame of it made with the
// dictionary kMetaRecordDictionary holds. The document data is empty.
inline constexpr char kRecordPlain = '\0';
inline constexpr char kRecordZstd = '\1';
// The record itself, a flat record, enough to
// render a hit without the source file: kind,
// order, number, marking, text, ID, date, subject, origin, classification,
// in that order; the order a LEB128 number, the rest each a LEB128 length
// then UTF-8 bytes ("text" is the paragraph's normalized text; for the
// cable document, the subject). Written and read by store/stored.

// --- Metadata -------------------------------------------------------------------
inline constexpr std::string_view kMetaSchema = "cable:schema";  // kSchemaVersion, decimal
// The shard's number in its index (0, 1, …), decimal: searches tell the
// shards apart by it (search/top_hits), since each numbers its documents from 1.
inline constexpr std::string_view kMetaShard = "cable:shard";
// The cable's fields but its paragraphs, as JSON (store/stored).
inline constexpr std::string_view kMetaCable = "cable:c:";  // + ID
// Hash of the cable as indexed, but for its source (internal::content_hash): an
// unchanged cable is not rewritten, wherever it was read from.
inline constexpr std::string_view kMetaCableHash = "cable:h:";  // + ID
// Hash and cable count of an input file, "<hash> <count>": unchanged files are skipped.
inline constexpr std::string_view kMetaFile = "cable:f:";  // + absolute path
// The zstd dictionary records are compressed with (store/record_codec), the
// same in every shard; absent while every record is kept as it is. Set once,
// by the first bulk run with records enough to train one, and never changed.
inline constexpr std::string_view kMetaRecordDictionary = "cable:zdict";

inline std::string term(std::string_view prefix, std::string_view value) {
  std::string t(prefix);
  t.append(value);
  return t;
}

// In queries over whole cables only, kCableWord + a prefix + kWildcard
// ("Wfish*") stands for the kCableWord term of every word of the index
// that starts with the prefix ("fish"). No word ends with it.
inline constexpr char kWildcard = '*';

// The prefix of a kCableWord wildcard ("Wfish*" -> "fish"); nothing for any other term.
inline std::optional<std::string> cable_wildcard(std::string_view t) {
  if (t.size() < kCableWord.size() + 1 || t.back() != kWildcard) return std::nullopt;
  if (t.substr(0, kCableWord.size()) != kCableWord) return std::nullopt;
  return std::string(t.substr(kCableWord.size(), t.size() - kCableWord.size() - 1));
}

// Whether `t` is a word or a stem of free text (no prefix, or kStemmed
// alone): prefixes are upper case, words folded to lower case.
inline bool free_text(std::string_view t) {
  const std::size_t from = t.substr(0, kStemmed.size()) == kStemmed ? kStemmed.size() : 0;
  return from < t.size() && !(t[from] >= 'A' && t[from] <= 'Z');
}

// The term of the index a kCableWord term stands for ("Wword" -> "word",
// "ZWstem" -> "Zstem"); nothing for any other term.
inline std::optional<std::string> indexed_term(std::string_view t) {
  if (!t.empty() && t.back() == kWildcard) return std::nullopt;
  const bool stem = t.substr(0, kStemmed.size()) == kStemmed;
  const std::string_view rest = stem ? t.substr(kStemmed.size()) : t;
  if (rest.substr(0, kCableWord.size()) != kCableWord) return std::nullopt;
  return term(stem ? kStemmed : std::string_view(), rest.substr(kCableWord.size()));
}

}  // namespace cable::internal::schema

#endif  // CABLE_SRC_STORE_SCHEMA_HPP_
