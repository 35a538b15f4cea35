// What the index stores besides terms: each document's data (enough to
// render a hit) and each cable's fields (to return the cable by ID). The
// layout is the one store/schema.hpp describes.
#ifndef CABLE_SRC_STORE_STORED_HPP_
#define CABLE_SRC_STORE_STORED_HPP_

#include <xapian.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "cable/record.hpp"

namespace cable::internal {

struct StoredDoc {
  std::string id;
  std::string kind;  // schema::kKindCable or kKindParagraph
  std::uint32_t order = 0;
  std::string number;
  std::string marking;
  std::string text;
  std::string date;
  std::string subject;
  std::string origin;
  std::string classification;
};

std::string encode(const StoredDoc& doc);
// @throws cable::Error kIndex when `data` is not a stored document.
StoredDoc decode_doc(std::string_view data);
// The record of `doc` (schema kSlotRecord), as encode() wrote it. Cost: a
// value lookup. @throws Xapian::Error.
std::string record_of(const Xapian::Document& doc);

// The paragraph a paragraph document's record holds (its sub-items are not
// stored: they are found in its text again where needed).
Paragraph paragraph_of(const StoredDoc& doc);

// The cable's fields without its paragraphs and texts, for the metadata
// (schema kMetaCable), in a private, versioned format: not the public JSON,
// so that the CLI's output and the index never change each other.
std::string encode_cable_fields(const Cable& cable);
// @throws cable::Error kIndex when `data` is not what encode_cable_fields wrote.
Cable decode_cable_fields(std::string_view data);
// Everything the reader made of the cable but its source, paragraphs and
// texts included, in the same format: what content_hash() hashes, so that
// the same cable read from another file is unchanged.
std::string encode_cable_content(const Cable& cable);

// What the index records of an input file it indexed (schema kMetaFile):
// the hash of its content and how many cables it held.
struct FileRecord {
  std::string hash;
  std::uint64_t cables = 0;
};

// "<hash> <cables>", as docs/schema.md describes it.
std::string encode(const FileRecord& file);
// The record `data` holds; an empty hash when `data` is empty or no such
// record, so that the file is read again.
FileRecord decode_file_record(std::string_view data);

}  // namespace cable::internal

#endif  // CABLE_SRC_STORE_STORED_HPP_
