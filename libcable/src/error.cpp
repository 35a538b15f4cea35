#include "cable/error.hpp"

#include <string>

namespace cable {

const char* error_code_name(ErrorCode code) noexcept {
  switch (code) {
    case ErrorCode::kIo:
      return "io";
    case ErrorCode::kNotACable:
      return "not-a-cable";
    case ErrorCode::kMalformed:
      return "malformed";
    case ErrorCode::kQuery:
      return "query";
    case ErrorCode::kIndexMissing:
      return "index-missing";
    case ErrorCode::kIndexLocked:
      return "index-locked";
    case ErrorCode::kIndexVersion:
      return "index-version";
    case ErrorCode::kIndex:
      return "index";
    case ErrorCode::kInternal:
      return "internal";
  }
  return "unknown";
}

Error::Error(ErrorCode code, const std::string& message)
    : std::runtime_error(message), code_(code) {}

QueryError::QueryError(std::size_t position, const std::string& problem)
    : Error(ErrorCode::kQuery, "query position " + std::to_string(position) + ": " + problem),
      position_(position),
      problem_(problem) {}

}  // namespace cable
