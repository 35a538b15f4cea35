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

// `count` made-up words of 3 to 9 letters, from `rng`: a vocabulary for
// text that compresses as words do, not as one string repeated.
inline std::vector<std::string> made_up_words(std::mt19937& rng, std::size_t count) {
  std::vector<std::string> words;
  for (std::size_t i = 0; i < count; ++i) {
    std::string w;
    for (int n = 3 + static_cast<int>(rng() % 7); n > 0; --n) {
      w += static_cast<char>('a' + rng() % 26);
    }
    words.push_back(std::move(w));
  }
  return words;
}

// `roots` made-up roots ("waaa", "wbaa", …) in seven English inflections each
// ("", s, ed, ing, ies, ation, ly): words for a cache of stems, which share
// its slots and evict each other when there are more than it has.
inline std::vector<std::string> inflected_words(int roots) {
  std::vector<std::string> out;
  const char* endings[] = {"", "s", "ed", "ing", "ies", "ation", "ly"};
  for (int i = 0; i < roots; ++i) {
    std::string root;
    for (int n = i; root.size() < 3 || n > 0; n /= 26)
      root.push_back(static_cast<char>('a' + n % 26));
    for (const char* e : endings) out.push_back("w" + root + e);
  }
  return out;
}

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
