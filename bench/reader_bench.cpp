// Read + normalize + parse throughput over the shared real-cable corpus
// (../shared/corpus: 1000 cablegate pages, 35 plain-text cables), against the
// floor every reader of the same input pays: gumbo's HTML parse of a whole
// page, and ICU's NFC normalization of the whole text. Skips when the corpus is absent.
// Run through scripts/bench; results in docs/benchmarks.md.
#include <benchmark/benchmark.h>
#include <gumbo.h>
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "cable/reader.hpp"

namespace {

namespace fs = std::filesystem;

struct Inputs {
  std::vector<std::string> files;
  std::int64_t bytes = 0;
};

// Every file under `dir` whose name ends in `ext`, read once and kept.
const Inputs& load(const fs::path& dir, std::string_view ext) {
  static std::map<fs::path, Inputs> cache;
  auto [it, fresh] = cache.try_emplace(dir);
  if (!fresh || !fs::is_directory(dir)) return it->second;
  std::vector<fs::path> paths;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file() && e.path().extension() == ext) paths.push_back(e.path());
  }
  std::sort(paths.begin(), paths.end());
  for (const fs::path& p : paths) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream buf;
    buf << in.rdbuf();
    it->second.bytes += static_cast<std::int64_t>(buf.str().size());
    it->second.files.push_back(std::move(buf).str());
  }
  return it->second;
}

const fs::path kShared = CABLE_SHARED_CORPUS;

const Inputs* inputs_or_skip(benchmark::State& state, const char* sub, std::string_view ext) {
  const Inputs& in = load(kShared / sub, ext);
  if (in.files.empty()) {
    state.SkipWithError(("no input: " + (kShared / sub).string() + " is absent").c_str());
    return nullptr;
  }
  return &in;
}

void html_baseline(benchmark::State& state) {
  const Inputs* in = inputs_or_skip(state, "cablegate-html", ".html");
  if (!in) return;
  for (auto _ : state) {
    for (const std::string& page : in->files) {
      GumboOutput* out = gumbo_parse_with_options(&kGumboDefaultOptions, page.data(), page.size());
      benchmark::DoNotOptimize(out);
      gumbo_destroy_output(&kGumboDefaultOptions, out);
    }
  }
  state.SetBytesProcessed(state.iterations() * in->bytes);
}

void html_read_normalize_parse(benchmark::State& state) {
  const Inputs* in = inputs_or_skip(state, "cablegate-html", ".html");
  if (!in) return;
  for (auto _ : state) {
    for (const std::string& page : in->files) benchmark::DoNotOptimize(cable::parse_html(page));
  }
  state.SetBytesProcessed(state.iterations() * in->bytes);
}

void txt_baseline(benchmark::State& state) {
  const Inputs* in = inputs_or_skip(state, "txt", ".txt");
  if (!in) return;
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  for (auto _ : state) {
    for (const std::string& text : in->files) {
      std::string out;
      icu::StringByteSink<std::string> sink(&out, static_cast<int32_t>(text.size()));
      nfc->normalizeUTF8(0, text, sink, nullptr, status);
      benchmark::DoNotOptimize(out.data());
    }
  }
  if (U_FAILURE(status)) state.SkipWithError(u_errorName(status));
  state.SetBytesProcessed(state.iterations() * in->bytes);
}

void txt_read_normalize_parse(benchmark::State& state) {
  const Inputs* in = inputs_or_skip(state, "txt", ".txt");
  if (!in) return;
  for (auto _ : state) {
    for (const std::string& text : in->files) benchmark::DoNotOptimize(cable::parse_text(text));
  }
  state.SetBytesProcessed(state.iterations() * in->bytes);
}

}  // namespace

BENCHMARK(html_baseline)->Name("html/baseline_gumbo_parse")->Unit(benchmark::kMillisecond);
BENCHMARK(html_read_normalize_parse)
    ->Name("html/read_normalize_parse")
    ->Unit(benchmark::kMillisecond);
BENCHMARK(txt_baseline)->Name("txt/baseline_icu_nfc")->Unit(benchmark::kMillisecond);
BENCHMARK(txt_read_normalize_parse)
    ->Name("txt/read_normalize_parse")
    ->Unit(benchmark::kMillisecond);
