#include "synth_command.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <deque>
#include <filesystem>
#include <fstream>
#include <functional>
#include <future>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "cable/reader.hpp"
#include "synth/model.hpp"
#include "synth/render.hpp"
#include "synth/replica.hpp"
#include "usage.hpp"

namespace cable::tool {
namespace {

namespace fs = std::filesystem;

constexpr std::uint64_t kBlock = 500;  // cables rendered per task

struct SynthArgs {
  std::vector<std::string> from;
  std::string out;
  std::uint64_t cables = 251'287;
  std::string form = "text";
  std::uint64_t seed = 1;
  std::size_t jobs = 0;
  std::string sizes = "release";
  std::uint64_t copies = 0;  // > 0: the seeds themselves, this many times
};

// Makes cable number `index` of the corpus; false for none (a seed that
// cannot be copied).
using Maker = std::function<bool(std::uint64_t index, synth::Synthetic* out)>;

struct Rendered {
  std::vector<std::pair<fs::path, std::string>> files;  // text, html
  std::string csv;                                      // csv
  std::uint64_t cables = 0;
};

Rendered render_block(const Maker& make, const SynthArgs& args, std::uint64_t first,
                      std::uint64_t last) {
  Rendered r;
  for (std::uint64_t i = first; i < last; ++i) {
    synth::Synthetic s;
    if (!make(i, &s)) continue;
    ++r.cables;
    const synth::Telegram t = synth::telegram(s, args.seed * 1'000'003 + i);
    if (args.form == "csv") {
      r.csv += synth::render_csv(s, t, i + 1);
    } else if (args.form == "html") {
      r.files.emplace_back(fs::path("cable") / std::to_string(s.year) /
                               fmt::format("{:02}", s.month) / (s.id + ".html"),
                           synth::render_html(s, t));
    } else {
      r.files.emplace_back(fs::path(std::to_string(s.year)) / (s.id + ".txt"),
                           synth::render_text(s, t));
    }
  }
  return r;
}

void write_file(const fs::path& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  if (!out) throw std::runtime_error(path.string() + ": cannot write");
}

// What `run_synth` makes cables with, and says it made them from.
struct Source {
  Maker make;
  std::uint64_t cables = 0;  // indexes 0 .. cables - 1
  std::string summary;
};

Source copies_of(const std::vector<Cable>& seeds, std::uint64_t copies) {
  auto replicas = std::make_shared<const synth::Replicas>(seeds);
  Source s;
  s.cables = seeds.size() * copies;
  s.make = [replicas, &seeds](std::uint64_t i, synth::Synthetic* out) {
    return replicas->make(seeds[i % seeds.size()], i / seeds.size(), out);
  };
  s.summary = fmt::format(
      "{} copies of {} seed cables; vocabulary {} words in the seeds, {} in all (Heaps' law, "
      "beta {})",
      copies, seeds.size(), replicas->seed_vocabulary(), replicas->vocabulary(copies),
      synth::Replicas::kHeapsBeta);
  return s;
}

Source recombined(const std::vector<Cable>& seeds, const SynthArgs& args) {
  auto model = std::make_shared<const synth::Model>(
      seeds, args.sizes == "release" ? synth::kReleaseSizes : synth::Sizes{});
  const synth::Sizes mean = model->mean_sizes();
  Source s;
  s.cables = args.cables;
  s.make = [model, seed = args.seed](std::uint64_t i, synth::Synthetic* out) {
    *out = model->make(seed, i);
    return true;
  };
  s.summary = fmt::format(
      "recombined from {} seed cables ({} paragraphs), seed {}; cables average {:.2f} "
      "paragraphs of {:.0f} bytes (the {} sizes)",
      seeds.size(), model->paragraphs(), args.seed, mean.paragraphs, mean.paragraph_bytes,
      args.sizes == "release" ? "release's" : "seeds'");
  return s;
}

int run_synth(const SynthArgs& args) {
  const auto start = std::chrono::steady_clock::now();
  std::vector<Cable> seeds;
  for (const std::string& path : args.from) {
    read_path(path, [&](Cable&& c) { seeds.push_back(std::move(c)); });
  }
  const Source source = args.copies > 0 ? copies_of(seeds, args.copies) : recombined(seeds, args);
  fs::create_directories(args.out);
  std::size_t jobs = args.jobs;
  if (jobs == 0) jobs = std::max(1u, std::thread::hardware_concurrency());

  std::ofstream csv;
  if (args.form == "csv") {
    csv.open(fs::path(args.out) / "cables.csv", std::ios::binary | std::ios::trunc);
    if (!csv) throw std::runtime_error(args.out + "/cables.csv: cannot write");
  }
  std::deque<std::future<Rendered>> window;
  std::uint64_t next = 0;
  std::uint64_t bytes = 0;
  std::uint64_t written = 0;
  const auto launch = [&] {
    while (next < source.cables && window.size() < 2 * jobs) {
      const std::uint64_t first = next;
      const std::uint64_t last = std::min(source.cables, first + kBlock);
      next = last;
      window.push_back(std::async(std::launch::async, render_block, std::cref(source.make),
                                  std::cref(args), first, last));
    }
  };
  launch();
  while (!window.empty()) {
    Rendered r = window.front().get();
    window.pop_front();
    launch();
    written += r.cables;
    if (args.form == "csv") {
      csv.write(r.csv.data(), static_cast<std::streamsize>(r.csv.size()));
      bytes += r.csv.size();
    }
    for (const auto& [rel, content] : r.files) {
      const fs::path path = fs::path(args.out) / rel;
      fs::create_directories(path.parent_path());
      write_file(path, content);
      bytes += content.size();
    }
  }
  if (csv.is_open() && !csv.flush())
    throw std::runtime_error(args.out + "/cables.csv: cannot write");
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  fmt::print("wrote {} cables ({:.1f} MB, {} form) to {} in {:.1f} s, {}\n", written,
             static_cast<double>(bytes) / 1e6, args.form, args.out, seconds, source.summary);
  return 0;
}

}  // namespace

void add_synth_command(CLI::App& app, int* status) {
  auto args = std::make_shared<SynthArgs>();
  CLI::App* cmd = app.add_subcommand(
      "synth", "Write a realistic corpus of any size by recombining real cables (benchmarks)");
  cmd->add_option("--from", args->from, "Seed cables: files or directories (any form)")->required();
  cmd->add_option("--out", args->out, "Output directory")->required();
  CLI::Option* cables =
      cmd->add_option("--cables", args->cables, "How many cables (default: the full release)")
          ->check(whole_number());
  cmd->add_option("--form", args->form, "text, html or csv")
      ->check(CLI::IsMember({"text", "html", "csv"}));
  cmd->add_option("--seed", args->seed, "Random seed: the same seed writes the same corpus")
      ->check(whole_number());
  cmd->add_option("--jobs", args->jobs, "Threads (default: one per core)")->check(whole_number());
  CLI::Option* sizes =
      cmd->add_option("--sizes", args->sizes,
                      "Mean cable and paragraph length: the release's (default) or the seeds'")
          ->check(CLI::IsMember({"release", "seeds"}));
  cmd->add_option("--copies", args->copies,
                  "Instead: the seed cables themselves, this many times, each copy under new "
                  "IDs and with some rare words renamed, so the vocabulary grows as real text's")
      ->check(whole_number(1))
      ->excludes(cables)
      ->excludes(sizes);
  cmd->callback([args, status] { *status = run_synth(*args); });
}

}  // namespace cable::tool
