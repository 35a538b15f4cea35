// Content hashes of input files, so that index_path() skips what it indexed
// before.
#ifndef CABLE_SRC_STORE_FILE_HASH_HPP_
#define CABLE_SRC_STORE_FILE_HASH_HPP_

#include <filesystem>
#include <string>

namespace cable::internal {

// XXH3-64 of this libcable's version and schema, then the file's bytes
// (streamed), as 16 hex digits: a new libcable re-reads every file once.
// @throws cable::Error kIo naming the file when it cannot be read.
std::string file_hash(const std::filesystem::path& file);

}  // namespace cable::internal

#endif  // CABLE_SRC_STORE_FILE_HASH_HPP_
