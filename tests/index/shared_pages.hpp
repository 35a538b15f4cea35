// The 1000 real cablegate pages of ../shared/corpus, read and indexed once
// in memory for the suite CableMatchingSharedTest (one process runs it,
// tests/CMakeLists.txt), whose tests are in cable_matching_shared_test.cpp
// and cable_fields_shared_test.cpp; each test skips when the shared corpus
// is absent.
#ifndef CABLE_TESTS_INDEX_SHARED_PAGES_HPP_
#define CABLE_TESTS_INDEX_SHARED_PAGES_HPP_

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "cable/reader.hpp"
#include "cable/search.hpp"
#include "cable/writer.hpp"

namespace cable::test {

inline const std::filesystem::path kPages =
    std::filesystem::path(CABLE_SHARED_CORPUS) / "cablegate-html";

class CableMatchingSharedTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!std::filesystem::exists(kPages)) return;
    cables_ = new std::vector<Cable>;
    read_path(kPages, [&](Cable&& c) { cables_->push_back(std::move(c)); });
    writer_ = new Writer(Writer::in_memory(WriterOptions{.commit_every = 2000, .jobs = 2}));
    writer_->index_path(kPages);
  }
  static void TearDownTestSuite() {
    delete writer_;
    delete cables_;
    writer_ = nullptr;
    cables_ = nullptr;
  }
  void SetUp() override {
    if (!writer_) GTEST_SKIP() << kPages << " is absent";
  }

  static std::uint64_t count_if(const std::function<bool(const Cable&)>& keep) {
    return static_cast<std::uint64_t>(std::count_if(cables_->begin(), cables_->end(), keep));
  }

  static inline std::vector<Cable>* cables_ = nullptr;
  static inline Writer* writer_ = nullptr;
};

inline bool has(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

// The first ten hits: cable, paragraph and score.
inline std::vector<std::string> first_ten(const Results& r) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < std::min<std::size_t>(10, r.hits.size()); ++i) {
    const Hit& h = r.hits[i];
    out.push_back(fmt::format("{} {} {:.9f}", h.cable, h.paragraph, h.score));
  }
  return out;
}

}  // namespace cable::test

#endif  // CABLE_TESTS_INDEX_SHARED_PAGES_HPP_
