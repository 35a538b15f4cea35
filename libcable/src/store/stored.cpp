#include "store/stored.hpp"

#include <fmt/format.h>

#include <charconv>
#include <limits>

#include "cable/error.hpp"
#include "store/schema.hpp"

namespace cable::internal {

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

  [[noreturn]] static void damaged(std::string_view why) {
    throw Error(ErrorCode::kIndex, fmt::format("a record of the index is damaged: {}", why));
  }

 private:
  std::string_view rest_;
};

// The stored form of a cable (a private format, apart from the public JSON
// of cable/json.hpp, so that neither changes the other): a version byte, then
// every field in the order for_each_field gives, with put_string's strings,
// lists as a count then their items, numbers as LEB128.
constexpr char kCableRecordVersion = 1;

// Every field of `c` but its paragraphs, texts and source, in record order:
// the one list the encoder, the decoder and the content hash follow.
template <typename C, typename F>
void for_each_field(C& c, F&& f) {
  f(c.id), f(c.published_id), f(c.subject), f(c.subject_marking), f(c.date), f(c.dtg);
  f(c.classification), f(c.origin), f(c.precedence), f(c.from), f(c.to), f(c.info);
  f(c.captions), f(c.handling), f(c.eo), f(c.declassify_on), f(c.classified_by), f(c.tags);
  f(c.persons), f(c.references), f(c.signature), f(c.warnings);
}

struct Put {
  std::string& out;
  void operator()(std::string_view v) const { put_string(out, v); }
  void operator()(std::uint64_t v) const { put_number(out, v); }
  template <typename T>
  void operator()(const std::vector<T>& list) const {
    put_number(out, list.size());
    for (const T& item : list) (*this)(item);
  }
  void operator()(const Reference& r) const {
    (*this)(r.letter), (*this)(r.raw), (*this)(r.id), (*this)(r.kind);
  }
  void operator()(const SubItem& i) const { (*this)(i.label), (*this)(i.text); }
  void operator()(const Paragraph& p) const {
    (*this)(p.number), (*this)(p.marking), (*this)(p.text), (*this)(p.items);
  }
  void operator()(const Source& s) const {
    (*this)(s.file), (*this)(static_cast<std::uint64_t>(s.format)), (*this)(s.row), (*this)(s.line);
  }
};

struct Get {
  Record& r;
  void operator()(std::string& v) const { v = r.string(); }
  void operator()(std::uint64_t& v) const { v = r.number(); }
  template <typename T>
  void operator()(std::vector<T>& list) const {
    const std::uint64_t n = r.number();
    list.clear();
    for (std::uint64_t k = 0; k < n; ++k) (*this)(list.emplace_back());
  }
  void operator()(Reference& x) const {
    (*this)(x.letter), (*this)(x.raw), (*this)(x.id), (*this)(x.kind);
  }
  void operator()(SubItem& i) const { (*this)(i.label), (*this)(i.text); }
  void operator()(Paragraph& p) const {
    (*this)(p.number), (*this)(p.marking), (*this)(p.text), (*this)(p.items);
  }
  void operator()(Source& s) const {
    std::uint64_t format = 0;
    (*this)(s.file), (*this)(format), (*this)(s.row), (*this)(s.line);
    if (format > static_cast<std::uint64_t>(Format::kCsv)) r.damaged("an unknown input form");
    s.format = static_cast<Format>(format);
  }
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

Paragraph paragraph_of(const StoredDoc& doc) {
  Paragraph p;
  p.number = doc.number;
  p.marking = doc.marking;
  p.text = doc.text;
  return p;
}

std::string encode_cable_fields(const Cable& cable) {
  std::string out(1, kCableRecordVersion);
  for_each_field(cable, Put{out});
  Put{out}(cable.source);
  return out;
}

Cable decode_cable_fields(std::string_view data) {
  if (data.empty() || data.front() != kCableRecordVersion) {
    Record::damaged("a cable's record is of an unknown version");
  }
  Record r(data.substr(1));
  Cable c;
  for_each_field(c, Get{r});
  Get{r}(c.source);
  r.end();
  return c;
}

std::string encode_cable_content(const Cable& cable) {
  std::string out(1, kCableRecordVersion);
  const Put put{out};
  for_each_field(cable, put);
  put(cable.paragraphs), put(cable.text), put(cable.raw_header), put(cable.raw_body);
  return out;
}

std::string encode(const FileRecord& file) { return fmt::format("{} {}", file.hash, file.cables); }

FileRecord decode_file_record(std::string_view data) {
  const std::size_t space = data.find(' ');
  FileRecord file;
  const std::string_view count = space == std::string_view::npos ? "" : data.substr(space + 1);
  const auto [end, ec] = std::from_chars(count.data(), count.data() + count.size(), file.cables);
  if (space == 0 || count.empty() || ec != std::errc() || end != count.data() + count.size()) {
    return FileRecord{};
  }
  file.hash = std::string(data.substr(0, space));
  return file;
}

std::string record_of(const Xapian::Document& doc) { return doc.get_value(schema::kSlotRecord); }

}  // namespace cable::internal
