// The files of a bulk run read and parsed ahead of the shards' threads, on
// a pool of `jobs` threads made once (Boost.Asio's), and handed over in the
// order of the files.
#ifndef CABLE_SRC_WRITE_PARSE_WINDOW_HPP_
#define CABLE_SRC_WRITE_PARSE_WINDOW_HPP_

#include <boost/asio/thread_pool.hpp>

#include <cstddef>
#include <deque>
#include <filesystem>
#include <future>
#include <optional>
#include <string>
#include <vector>

#include "cable/error.hpp"
#include "cable/record.hpp"

namespace cable::internal {

// One file, read and parsed.
struct ParsedFile {
  std::string hash;        // of its bytes (store/file_hash); empty when it could not be read,
                           // or when it streams with no hash known (hashed as it streams)
  bool unchanged = false;  // the hash the index recorded for it: nothing read
  bool stream = false;     // cables.csv: to be read in the caller's thread, streamed
  std::vector<Cable> cables;
  std::vector<Error> errors;  // of the file and of its cables; the file's first
};

// Hashes `file` and, unless the hash is `known_hash` or the file is
// cables.csv (read later, streamed, to bound memory), parses its cable from
// the bytes it hashed: one opening, one read. cables.csv is hashed only to
// compare with a `known_hash`; with none, it is left to stream unhashed
// (its head read to tell its form).
// Never throws: errors are in the result.
ParsedFile parse_file(const std::filesystem::path& file, const std::string& known_hash);

// Not thread-safe; its own threads touch nothing but their file. With one
// job, each file is parsed in the caller's thread, by next().
class ParseWindow {
 public:
  // `known_hashes[i]` is the hash recorded for `files[i]`; `jobs` > 0.
  ParseWindow(std::vector<std::filesystem::path> files, std::vector<std::string> known_hashes,
              std::size_t jobs);
  // The next file, parsed; at most 2 × jobs files are parsed ahead of it.
  // Call at most files.size() times.
  ParsedFile next();

 private:
  std::vector<std::filesystem::path> files_;
  std::vector<std::string> known_;
  std::size_t jobs_;
  std::size_t launched_ = 0;
  std::deque<std::future<ParsedFile>> window_;
  // Last, so that its threads are joined before the files they read go.
  std::optional<boost::asio::thread_pool> pool_;
};

}  // namespace cable::internal

#endif  // CABLE_SRC_WRITE_PARSE_WINDOW_HPP_
