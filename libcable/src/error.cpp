#include "cable/error.hpp"

namespace cable {

const char* error_code_name(ErrorCode code) noexcept {
  switch (code) {
    case ErrorCode::kIo:
      return "io";
    case ErrorCode::kNotACable:
      return "not-a-cable";
    case ErrorCode::kMalformed:
      return "malformed";
    case ErrorCode::kInternal:
      return "internal";
  }
  return "unknown";
}

Error::Error(ErrorCode code, const std::string& message)
    : std::runtime_error(message), code_(code) {}

}  // namespace cable
