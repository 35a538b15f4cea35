// Content hashes of input files, so that index_path() skips what it indexed
// before: XXH3-64 of this libcable's version and schema, then the file's
// bytes, as 16 hex digits, so that a new libcable re-reads every file once.
#ifndef CABLE_SRC_STORE_FILE_HASH_HPP_
#define CABLE_SRC_STORE_FILE_HASH_HPP_

#include <xxhash.h>

#include <istream>
#include <memory>
#include <string>
#include <string_view>

namespace cable::internal {

// A file's hash made as its bytes pass, in as many pieces as they come in:
// for a file hashed while it is read for another end (cables.csv, streamed
// into the index). Not thread-safe.
class FileHasher {
 public:
  FileHasher();
  void add(std::string_view bytes);
  // The hash of every byte added, in order.
  std::string digest() const;

 private:
  std::unique_ptr<XXH3_state_t, decltype(&XXH3_freeState)> state_;
};

// The hash of a file that holds `head` and then what is left of `rest`,
// read to its end in chunks. @throws cable::Error kIo naming `name` on a
// read error.
std::string stream_hash(std::string_view head, std::istream& rest, const std::string& name);

// The hash of a file that holds `bytes`.
std::string content_hash(std::string_view bytes);

}  // namespace cable::internal

#endif  // CABLE_SRC_STORE_FILE_HASH_HPP_
