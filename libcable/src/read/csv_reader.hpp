// The 2011 release's cables.csv: one record per cable, eight double-quoted
// columns (number, created, ID, origin, classification, references, header,
// body), fields spanning lines, quotes and backslashes escaped with a
// backslash as PHP's addslashes() does. Streamed: memory is bounded by the
// largest record, never by the file.
//
// Written by hand because no CSV library in Debian reads backslash escapes
// (libcsv knows only doubled quotes) and we must resynchronise after a broken
// record instead of giving up on a multi-GB file.
#ifndef CABLE_SRC_READ_CSV_READER_HPP_
#define CABLE_SRC_READ_CSV_READER_HPP_

#include <cstdint>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

#include "cable/error.hpp"
#include "model/raw_cable.hpp"

namespace cable::internal {

// True when `head` begins like cables.csv ("1","12/28/1966 18:48",…).
bool looks_like_csv(std::string_view head);

// "12/28/1966 18:48" -> "1966-12-28T18:48"; empty when not such a date.
std::string csv_date_to_iso(std::string_view s);

class CsvCableReader {
 public:
  // A record larger than this is reported as malformed and skipped.
  static constexpr std::size_t kMaxRecordBytes = 64u << 20;

  CsvCableReader(std::istream& in, std::string source_name);

  // Reads the next record into `out`; false at the end of the input.
  // @throws cable::Error kMalformed for a broken record, naming the file and
  //   the line it starts on; the reader has then skipped to the next record,
  //   so calling next() again goes on; cable::Error kIo naming the file
  //   when the input cannot be read (badbit), as again at every later call.
  bool next(RawCable& out);

  std::uint64_t bytes_read() const { return consumed_; }

 private:
  bool fill(std::size_t want);
  int peek(std::size_t ahead = 0);
  int get();
  bool at_record_start();
  void skip_to_next_record();
  [[noreturn]] void fail(std::uint64_t line, const std::string& why);
  // kIo, naming the file.
  Error read_error() const;

  std::istream& in_;
  std::string name_;
  std::string buf_;
  std::size_t pos_ = 0;
  std::uint64_t line_ = 1;
  std::uint64_t record_ = 0;
  std::uint64_t consumed_ = 0;
  bool eof_ = false;
  bool broken_ = false;  // a read failed: every later call says so again
};

}  // namespace cable::internal

#endif  // CABLE_SRC_READ_CSV_READER_HPP_
