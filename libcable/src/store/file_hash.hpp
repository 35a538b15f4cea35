// Content hashes of input files, so that index_path() skips what it indexed
// before: XXH3-64 of this libcable's version and schema, then the file's
// bytes, as 16 hex digits, so that a new libcable re-reads every file once.
#ifndef CABLE_SRC_STORE_FILE_HASH_HPP_
#define CABLE_SRC_STORE_FILE_HASH_HPP_

#include <istream>
#include <string>
#include <string_view>

namespace cable::internal {

// The hash of a file that holds `head` and then what is left of `rest`,
// read to its end in chunks. @throws cable::Error kIo naming `name` on a
// read error.
std::string stream_hash(std::string_view head, std::istream& rest, const std::string& name);

// The hash of a file that holds `bytes`.
std::string content_hash(std::string_view bytes);

}  // namespace cable::internal

#endif  // CABLE_SRC_STORE_FILE_HASH_HPP_
