// What a reader extracts from one input before normalization and parsing.
#ifndef CABLE_SRC_MODEL_RAW_CABLE_HPP_
#define CABLE_SRC_MODEL_RAW_CABLE_HPP_

#include <string>
#include <vector>

#include "cable/record.hpp"

namespace cable::internal {

struct RawCable {
  std::string id;                  // Reference ID from the metadata.
  std::string subject;             // Metadata subject (may be the first line only).
  std::string date;                // ISO 8601 from the metadata, or empty.
  std::string classification;      // As the metadata writes it.
  std::string origin;              // "Embassy Paris".
  std::string header;              // Routing header (raw bytes).
  std::string body;                // Body (raw bytes).
  std::vector<std::string> cited;  // CSV: canonical IDs of the references column.
  std::vector<std::string> warnings;
  Source source;
};

}  // namespace cable::internal

#endif  // CABLE_SRC_MODEL_RAW_CABLE_HPP_
