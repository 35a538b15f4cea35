// Helpers shared by the tests: temporary directories and cables made up on
// the spot.
#ifndef CABLE_TESTS_SUPPORT_TEST_SUPPORT_HPP_
#define CABLE_TESTS_SUPPORT_TEST_SUPPORT_HPP_

#include <filesystem>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "cable/record.hpp"

namespace cable::test {

// The project's source tree (every test target defines CABLE_SOURCE_DIR).
inline const std::filesystem::path kSource = CABLE_SOURCE_DIR;

// A cable of the Embassy Atlantis, CONFIDENTIAL, with one (C) paragraph per text.
inline Cable make_cable(std::string id, std::string date, std::vector<std::string> tags,
                        std::vector<std::string> paragraphs, std::string subject = "A SUBJECT") {
  Cable c;
  c.id = std::move(id);
  c.date = std::move(date);
  c.tags = std::move(tags);
  c.subject = std::move(subject);
  c.origin = "Embassy Atlantis";
  c.classification = "CONFIDENTIAL";
  int n = 0;
  for (std::string& text : paragraphs) {
    Paragraph p;
    p.number = std::to_string(++n);
    p.marking = "C";
    p.text = std::move(text);
    c.paragraphs.push_back(std::move(p));
  }
  return c;
}

// A fresh temporary directory, removed afterwards.
class TempDir {
 public:
  TempDir() {
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() /
            ("cable-test-" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace cable::test

#endif  // CABLE_TESTS_SUPPORT_TEST_SUPPORT_HPP_
