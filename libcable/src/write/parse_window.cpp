#include "write/parse_window.hpp"

#include <utility>

#include "cable/reader.hpp"
#include "ingest/file_reader.hpp"
#include "store/file_hash.hpp"

namespace cable::internal {
namespace fs = std::filesystem;

ParsedFile parse_file(const fs::path& file, const std::string& known_hash) {
  ParsedFile p;
  try {
    // Opened and read once: the bytes hashed are the bytes parsed, even when
    // the file changes during the run. cables.csv, which may be the whole
    // release, is hashed as it streams past and read again later.
    OpenedFile f = open_input(file);
    const bool csv = detect_format(f.head) == Format::kCsv;
    std::string content;
    if (csv) {
      p.hash = stream_hash(f.head, f.in, f.name);
    } else {
      content = whole_file(f);
      p.hash = content_hash(content);
    }
    if (p.hash == known_hash) {
      p.unchanged = true;
      return p;
    }
    if (csv) {
      p.stream = true;
      return p;
    }
    p.cables.push_back(parse_whole(content, f.name));
  } catch (const Error& e) {
    p.errors.push_back(e);
  }
  return p;
}

ParseWindow::ParseWindow(std::vector<fs::path> files, std::vector<std::string> known_hashes,
                         std::size_t jobs)
    : files_(std::move(files)), known_(std::move(known_hashes)), jobs_(jobs) {}

ParsedFile ParseWindow::next() {
  while (launched_ < files_.size() && window_.size() < 2 * jobs_) {
    const std::size_t i = launched_++;
    window_.push_back(std::async(jobs_ > 1 ? std::launch::async : std::launch::deferred, parse_file,
                                 files_[i], known_[i]));
  }
  ParsedFile parsed = window_.front().get();
  window_.pop_front();
  return parsed;
}

}  // namespace cable::internal
