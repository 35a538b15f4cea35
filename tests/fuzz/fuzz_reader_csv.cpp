// Fuzz target: the cables.csv stream reader, record by record, and the parser.
#include <cstdint>
#include <sstream>
#include <string>

#include "cable/error.hpp"
#include "parse/cable_parser.hpp"
#include "read/csv_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  cable::internal::CsvCableReader reader(in, "fuzz.csv");
  cable::internal::RawCable raw;
  for (int records = 0; records < 1000; ++records) {
    try {
      if (!reader.next(raw)) break;
      (void)cable::internal::parse_raw(std::move(raw));
    } catch (const cable::Error& e) {
      if (e.code() != cable::ErrorCode::kMalformed) break;
      if (reader.bytes_read() >= size) break;
    }
  }
  return 0;
}
