#include "store/swap.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <stdio.h>

#include <cerrno>
#include <system_error>

#include "cable/error.hpp"

namespace cable::internal {

namespace fs = std::filesystem;

fs::path swap_in(const fs::path& fresh, const fs::path& target, const fs::path& aside,
                 std::string_view where) {
  if (renameat2(AT_FDCWD, fresh.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) == 0) {
    return fresh;
  }
  std::error_code ec;
  fs::remove_all(aside, ec);
  fs::rename(target, aside, ec);
  if (!ec) fs::rename(fresh, target, ec);
  if (ec) {
    throw Error(ErrorCode::kIndex, fmt::format("{}: cannot put {} in the place of {}: {}", where,
                                               fresh.string(), target.string(), ec.message()));
  }
  return aside;
}

bool restore_swapped(const fs::path& fresh, const fs::path& target, const fs::path& aside,
                     std::string_view where) {
  std::error_code ec;
  if (fs::exists(target, ec) || !fs::exists(fresh, ec) || !fs::exists(aside, ec)) return false;
  fs::rename(fresh, target, ec);
  if (ec) {
    throw Error(ErrorCode::kIndex,
                fmt::format("{}: cannot put {} back in the place of {}: {}", where, fresh.string(),
                            target.string(), ec.message()));
  }
  fs::remove_all(aside, ec);
  return true;
}

}  // namespace cable::internal
