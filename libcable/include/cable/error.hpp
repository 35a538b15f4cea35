// libcable — errors.
//
// Every failure libcable reports in C++ is a cable::Error (or a subclass),
// carrying a stable ErrorCode and a message that names the file, line, row or
// query position at fault. Missing items are reported with std::optional, not
// with exceptions.
//
// Thread safety: errors are plain values, safe to copy and read anywhere.
//
// Copyright (C) 2026 The libcable authors. SPDX-License-Identifier: GPL-2.0-or-later
#ifndef CABLE_ERROR_HPP_
#define CABLE_ERROR_HPP_

#include <cstddef>
#include <stdexcept>
#include <string>

#include "cable/export.hpp"

namespace cable {

/// Stable error codes. Values never change; new codes are only ever added.
enum class ErrorCode : int {
  kIo = 40,            ///< A file or directory could not be read.
  kNotACable = 50,     ///< The input is readable but holds no cable in a known form.
  kMalformed = 51,     ///< The input is in a known form but broken (e.g. unterminated CSV quote).
  kQuery = 60,         ///< A query is malformed; thrown as QueryError, with its position.
  kIndexMissing = 70,  ///< There is no index at the given path.
  kIndexLocked = 71,   ///< Another writer holds the index.
  kIndexVersion = 72,  ///< The index was built with another schema version.
  kIndex = 73,         ///< The index cannot be read or written (corrupt, disk full, read-only).
  kInternal = 99,      ///< A bug in libcable; please report it.
};

/// Returns a short, stable name for `code` ("io", "not-a-cable", …).
CABLE_EXPORT const char* error_code_name(ErrorCode code) noexcept;

/// The one exception type libcable throws. `what()` is the full message,
/// starting with the file (and line or row) at fault where there is one.
class CABLE_EXPORT Error : public std::runtime_error {
 public:
  /// An error with its code and its full message.
  Error(ErrorCode code, const std::string& message);

  /// The stable code of this error.
  ErrorCode code() const noexcept { return code_; }

 private:
  ErrorCode code_;
};

/// A malformed query. `position()` is the byte offset in the query text where
/// the problem is (0-based); what() reads "query position 12: …".
class CABLE_EXPORT QueryError : public Error {
 public:
  /// A fault at byte `position` of the query; what() reads "query position N: <problem>".
  QueryError(std::size_t position, const std::string& problem);

  /// Byte offset of the fault in the query text.
  std::size_t position() const noexcept { return position_; }
  /// The problem alone, without the position.
  const std::string& problem() const noexcept { return problem_; }

 private:
  std::size_t position_;
  std::string problem_;
};

}  // namespace cable

#endif  // CABLE_ERROR_HPP_
