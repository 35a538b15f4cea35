#include "write/parse_window.hpp"

#include <boost/asio/post.hpp>

#include <optional>
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
    // the file changes during the run. A file in neither one-cable form
    // is hashed as it streams past, not held: cables.csv, which may be the
    // whole release and is streamed into the index later (and hashed
    // there), when the index has a hash of it to compare with, or any other
    // file, refused.
    OpenedFile f = open_input(file);
    const std::optional<Format> format = detect_format(f.head);
    const bool one_cable = format && *format != Format::kCsv;
    if (format == Format::kCsv && known_hash.empty()) {
      // No hash to compare with: left to stream, beyond the head read to
      // tell its form, and hashed as it streams into the index (a file of
      // the whole release is 1.9 GB).
      p.stream = true;
      return p;
    }
    std::string content;
    if (one_cable) {
      content = whole_file(f);
      p.hash = content_hash(content);
    } else {
      p.hash = stream_hash(f.head, f.in, f.name);
    }
    if (p.hash == known_hash) {
      p.unchanged = true;
      return p;
    }
    if (format == Format::kCsv) {
      p.stream = true;
      return p;
    }
    // A file in neither form is refused by its head, with parse_whole()'s
    // message.
    p.cables.push_back(parse_whole(one_cable ? content : f.head, f.name));
  } catch (const Error& e) {
    p.errors.push_back(e);
  }
  return p;
}

ParseWindow::ParseWindow(std::vector<fs::path> files, std::vector<std::string> known_hashes,
                         std::size_t jobs)
    : files_(std::move(files)), known_(std::move(known_hashes)), jobs_(jobs) {
  if (jobs_ > 1) pool_.emplace(jobs_);
}

ParsedFile ParseWindow::next() {
  if (!pool_) {
    const std::size_t i = launched_++;
    return parse_file(files_[i], known_[i]);
  }
  while (launched_ < files_.size() && window_.size() < 2 * jobs_) {
    const std::size_t i = launched_++;
    std::packaged_task<ParsedFile()> task([this, i] { return parse_file(files_[i], known_[i]); });
    window_.push_back(task.get_future());
    boost::asio::post(*pool_, std::move(task));
  }
  ParsedFile parsed = window_.front().get();
  window_.pop_front();
  return parsed;
}

}  // namespace cable::internal
