// The hash index_path() records for an input file, made in one call of
// xxHash from the format store/file_hash.hpp documents (this libcable's
// version and schema, then the bytes): an oracle for the library's hashing
// as it streams or from memory.
#ifndef CABLE_TESTS_SUPPORT_FILE_HASH_ORACLE_HPP_
#define CABLE_TESTS_SUPPORT_FILE_HASH_ORACLE_HPP_

#include <fmt/format.h>
#include <xxhash.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "cable/version.hpp"
#include "store/schema.hpp"

namespace cable::test {

inline std::string hash_of_bytes(const std::string& bytes) {
  const std::string all =
      fmt::format("libcable {} schema {}\n", version(), internal::schema::kSchemaVersion) + bytes;
  return fmt::format("{:016x}", XXH3_64bits(all.data(), all.size()));
}

inline std::string hash_of_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  return hash_of_bytes(
      std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>()));
}

}  // namespace cable::test

#endif  // CABLE_TESTS_SUPPORT_FILE_HASH_ORACLE_HPP_
