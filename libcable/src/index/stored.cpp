#include "index/stored.hpp"

#include <fmt/format.h>

#include <limits>

#include "cable/error.hpp"
#include "cable/json.hpp"
#include "index/schema.hpp"

namespace cable::index {

namespace {

// A document's record is read for every hit shown, so it is a flat record
// rather than JSON, whose parsing was an eighth of a rare word's search:
// each field in a fixed order, strings as a LEB128 length then the bytes.
// No library in the stack reads a record without building a tree first.
void put_number(std::string& out, std::uint64_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<char>(v));
}

void put_string(std::string& out, std::string_view v) {
  put_number(out, v.size());
  out.append(v);
}

class Record {
 public:
  explicit Record(std::string_view data) : rest_(data) {}

  std::uint64_t number() {
    std::uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (rest_.empty()) damaged("a number is cut short");
      const auto byte = static_cast<unsigned char>(rest_.front());
      rest_.remove_prefix(1);
      // The tenth byte holds bit 63 alone; more would be lost silently.
      if (shift == 63 && byte > 1) damaged("a number is too long");
      v |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
      if (byte < 0x80) return v;
    }
    damaged("a number is too long");
  }

  std::string string() {
    const std::uint64_t n = number();
    if (n > rest_.size()) damaged("a text is cut short");
    std::string v(rest_.substr(0, n));
    rest_.remove_prefix(n);
    return v;
  }

  void end() const {
    if (!rest_.empty()) damaged("bytes are left over");
  }

 private:
  [[noreturn]] static void damaged(std::string_view why) {
    throw Error(ErrorCode::kIndex, fmt::format("a document of the index is damaged: {}", why));
  }

  std::string_view rest_;
};

}  // namespace

std::string encode(const StoredDoc& d) {
  std::string out;
  out.reserve(d.text.size() + d.subject.size() + 64);
  put_string(out, d.kind);
  put_number(out, d.order);
  put_string(out, d.number);
  put_string(out, d.marking);
  put_string(out, d.text);
  put_string(out, d.id);
  put_string(out, d.date);
  put_string(out, d.subject);
  put_string(out, d.origin);
  put_string(out, d.classification);
  return out;
}

StoredDoc decode_doc(std::string_view data) {
  Record r(data);
  StoredDoc d;
  d.kind = r.string();
  const std::uint64_t order = r.number();
  if (order > std::numeric_limits<std::uint32_t>::max()) {
    throw Error(ErrorCode::kIndex, "a document of the index is damaged: its order is too large");
  }
  d.order = static_cast<std::uint32_t>(order);
  d.number = r.string();
  d.marking = r.string();
  d.text = r.string();
  d.id = r.string();
  d.date = r.string();
  d.subject = r.string();
  d.origin = r.string();
  d.classification = r.string();
  r.end();
  return d;
}

std::string encode_cable_fields(const Cable& cable) {
  Cable fields = cable;
  fields.paragraphs.clear();
  return to_json(fields);
}

Cable decode_cable_fields(std::string_view data) {
  try {
    return cable_from_json(data, "index metadata");
  } catch (const Error& e) {
    throw Error(ErrorCode::kIndex,
                std::string("the index's record of a cable is damaged: ") + e.what());
  }
}

std::string record_of(const Xapian::Document& doc) { return doc.get_value(schema::kSlotRecord); }

}  // namespace cable::index
