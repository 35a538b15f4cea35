// What the files of the C API (cable.h) share: this thread's last error,
// the mapping of exceptions to statuses, and strings handed to the caller.
#ifndef CABLE_BINDINGS_C_C_SUPPORT_HPP_
#define CABLE_BINDINGS_C_C_SUPPORT_HPP_

#include <exception>
#include <new>
#include <string>
#include <vector>

#include "cable.h"
#include "cable/error.hpp"

struct cable_strings {
  std::vector<std::string> items;
};

namespace cable::c_api {

struct LastError {
  std::string message;
  std::size_t position = 0;
};

inline thread_local LastError last_error;

inline cable_status fail(cable_status status, std::string message, std::size_t position = 0) {
  last_error.message = std::move(message);
  last_error.position = position;
  return status;
}

// Runs `fn` (which returns nothing) and maps whatever it throws.
template <typename F>
cable_status guard(F&& fn) noexcept {
  try {
    fn();
    return CABLE_OK;
  } catch (const cable::QueryError& e) {
    return fail(CABLE_ERROR_QUERY, e.what(), e.position());
  } catch (const cable::Error& e) {
    // The C statuses carry the C++ codes' values (cable.h).
    return fail(static_cast<cable_status>(static_cast<int>(e.code())), e.what());
  } catch (const std::bad_alloc&) {
    return fail(CABLE_ERROR_NO_MEMORY, "out of memory");
  } catch (const std::exception& e) {
    return fail(CABLE_ERROR_INTERNAL, e.what());
  } catch (...) {
    return fail(CABLE_ERROR_INTERNAL, "an unknown exception");
  }
}

inline cable_status null_argument(const char* name) {
  return fail(CABLE_ERROR_INVALID_ARGUMENT, std::string(name) + " is NULL");
}

// A copy the caller frees with cable_string_free().
inline char* copy_string(const std::string& s) {
  char* out = new char[s.size() + 1];
  s.copy(out, s.size());
  out[s.size()] = '\0';
  return out;
}

}  // namespace cable::c_api

#endif  // CABLE_BINDINGS_C_C_SUPPORT_HPP_
