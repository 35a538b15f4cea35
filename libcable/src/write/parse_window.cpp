#include "write/parse_window.hpp"

#include <fstream>
#include <utility>

#include "cable/reader.hpp"
#include "store/file_hash.hpp"

namespace cable::internal {
namespace {

namespace fs = std::filesystem;

bool is_csv(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::string head(4096, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  const auto format = detect_format(head);
  return format && *format == Format::kCsv;
}

}  // namespace

ParsedFile parse_file(const fs::path& file, const std::string& known_hash) {
  ParsedFile p;
  try {
    p.hash = file_hash(file);
    if (p.hash == known_hash) {
      p.unchanged = true;
      return p;
    }
    if (is_csv(file)) {
      p.stream = true;
      return p;
    }
    read_file(
        file, [&](Cable&& c) { p.cables.push_back(std::move(c)); },
        [&](const Error& e) { p.errors.push_back(e); });
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
