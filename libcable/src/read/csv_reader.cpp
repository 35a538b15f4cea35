#include "read/csv_reader.hpp"

#include <fmt/format.h>

#include "cable/error.hpp"
#include "util/text.hpp"

namespace cable::internal {
namespace {

constexpr std::size_t kChunk = 1u << 20;
constexpr std::size_t kColumns = 8;

std::vector<std::string> split_references(std::string_view s) {
  std::vector<std::string> ids;
  while (!s.empty()) {
    const std::size_t bar = s.find('|');
    const std::string_view id = text::trim(s.substr(0, bar));
    if (!id.empty()) ids.emplace_back(id);
    if (bar == std::string_view::npos) break;
    s.remove_prefix(bar + 1);
  }
  return ids;
}

}  // namespace

bool looks_like_csv(std::string_view head) {
  // "<digits>","<digits>/
  if (head.size() < 6 || head[0] != '"') return false;
  std::size_t i = 1;
  while (i < head.size() && text::is_digit(head[i])) ++i;
  return i > 1 && head.substr(i).starts_with("\",\"") && i + 3 < head.size() &&
         text::is_digit(head[i + 3]);
}

std::string csv_date_to_iso(std::string_view s) {
  // M/D/YYYY H:MM
  unsigned m = 0, d = 0, y = 0, hh = 0, mm = 0;
  std::size_t i = 0;
  const auto number = [&](unsigned& v, std::size_t max_digits) {
    const std::size_t b = i;
    while (i < s.size() && text::is_digit(s[i]) && i - b < max_digits) v = v * 10 + (s[i++] - '0');
    return i > b;
  };
  const auto sep = [&](char c) { return i < s.size() && s[i++] == c; };
  if (!number(m, 2) || !sep('/') || !number(d, 2) || !sep('/') || !number(y, 4)) return {};
  if (m < 1 || m > 12 || d < 1 || d > 31) return {};
  std::string iso = fmt::format("{:04}-{:02}-{:02}", y, m, d);
  if (sep(' ') && number(hh, 2) && sep(':') && number(mm, 2)) {
    iso += fmt::format("T{:02}:{:02}", hh, mm);
  }
  return iso;
}

CsvCableReader::CsvCableReader(std::istream& in, std::string source_name)
    : in_(in), name_(std::move(source_name)) {}

bool CsvCableReader::fill(std::size_t want) {
  while (buf_.size() - pos_ < want && !eof_) {
    if (pos_ > 0) {
      buf_.erase(0, pos_);
      pos_ = 0;
    }
    const std::size_t old = buf_.size();
    buf_.resize(old + kChunk);
    in_.read(buf_.data() + old, static_cast<std::streamsize>(kChunk));
    // A read error (badbit) is no end of file: the cables past it would be
    // missing with no word said.
    if (in_.bad()) {
      buf_.resize(old);
      broken_ = true;
      throw read_error();
    }
    const auto got = static_cast<std::size_t>(in_.gcount());
    buf_.resize(old + got);
    if (got == 0) eof_ = true;
  }
  return buf_.size() - pos_ >= want;
}

int CsvCableReader::peek(std::size_t ahead) {
  if (!fill(ahead + 1)) return -1;
  return static_cast<unsigned char>(buf_[pos_ + ahead]);
}

int CsvCableReader::get() {
  if (!fill(1)) return -1;
  const char c = buf_[pos_++];
  ++consumed_;
  if (c == '\n') ++line_;
  return static_cast<unsigned char>(c);
}

bool CsvCableReader::at_record_start() {
  if (peek() != '"') return false;
  std::size_t k = 1;
  while (k < 24 && text::is_digit(static_cast<char>(peek(k)))) ++k;
  return k > 1 && peek(k) == '"' && peek(k + 1) == ',' && peek(k + 2) == '"';
}

void CsvCableReader::skip_to_next_record() {
  for (;;) {
    int c;
    while ((c = get()) != -1 && c != '\n') {
    }
    if (c == -1 || at_record_start()) return;
  }
}

void CsvCableReader::fail(std::uint64_t line, const std::string& why) {
  skip_to_next_record();
  throw Error(ErrorCode::kMalformed, fmt::format("{}:{}: record {}: {}; skipped to the next record",
                                                 name_, line, record_, why));
}

Error CsvCableReader::read_error() const {
  return Error(ErrorCode::kIo, fmt::format("{}: read error", name_));
}

bool CsvCableReader::next(RawCable& out) {
  if (broken_) throw read_error();
  while (peek() == '\n' || peek() == '\r') get();
  if (peek() == -1) return false;
  ++record_;
  const std::uint64_t start_line = line_;
  std::vector<std::string> fields(1);
  std::size_t size = 0;
  for (;;) {
    std::string& field = fields.back();
    int c = get();
    if (c == '"') {
      for (;;) {
        c = get();
        if (c == -1) {
          throw Error(ErrorCode::kMalformed,
                      fmt::format("{}:{}: record {}: the file ends inside a quoted field", name_,
                                  start_line, record_));
        }
        if (c == '\\') {
          const int e = get();
          if (e == -1) continue;
          if (e == '0') {
            field.push_back('\0');
          } else if (e == '\\' || e == '"' || e == '\'') {
            field.push_back(static_cast<char>(e));
          } else {
            field.push_back('\\');
            field.push_back(static_cast<char>(e));
          }
        } else if (c == '"') {
          if (peek() == '"') {
            field.push_back(static_cast<char>(get()));
          } else {
            break;
          }
        } else {
          field.push_back(static_cast<char>(c));
        }
        if (++size > kMaxRecordBytes) {
          fail(start_line, fmt::format("larger than {} MiB", kMaxRecordBytes >> 20));
        }
      }
      c = get();
      if (c == '\r' && peek() == '\n') c = get();
      if (c != ',' && c != '\n' && c != -1) {
        fail(line_, fmt::format("unescaped quote in field {}", fields.size()));
      }
    } else {
      while (c != ',' && c != '\n' && c != -1) {
        if (c != '\r') field.push_back(static_cast<char>(c));
        if (++size > kMaxRecordBytes) {
          fail(start_line, fmt::format("larger than {} MiB", kMaxRecordBytes >> 20));
        }
        c = get();
      }
    }
    if (c == ',') {
      fields.emplace_back();
      continue;
    }
    break;
  }
  if (fields.size() != kColumns) {
    throw Error(ErrorCode::kMalformed,
                fmt::format("{}:{}: record {}: {} fields where cables.csv has {}", name_,
                            start_line, record_, fields.size(), kColumns));
  }
  out = RawCable{};
  out.source.file = name_;
  out.source.format = Format::kCsv;
  out.source.row = record_;
  out.source.line = start_line;
  out.date = csv_date_to_iso(fields[1]);
  if (out.date.empty()) out.warnings.push_back(fmt::format("not a date: \"{}\"", fields[1]));
  out.id = text::trim(fields[2]);
  out.origin = text::trim(fields[3]);
  out.classification = text::trim(fields[4]);
  out.cited = split_references(fields[5]);
  out.header = std::move(fields[6]);
  out.body = std::move(fields[7]);
  return true;
}

}  // namespace cable::internal
