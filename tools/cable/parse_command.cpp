#include "parse_command.hpp"

#include <cstdio>
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "cable/json.hpp"
#include "cable/reader.hpp"

namespace cable::tool {
namespace {

std::string join(const std::vector<std::string>& v, std::string_view sep) {
  std::string out;
  for (const auto& s : v) {
    if (!out.empty()) out += sep;
    out += s;
  }
  return out;
}

void print_summary(const Cable& c, bool with_text) {
  std::string refs;
  for (const Reference& r : c.references) {
    if (!refs.empty()) refs += ", ";
    refs += r.id.empty() ? "\"" + r.raw.substr(0, 40) + "\"" : r.id;
  }
  std::string paras;
  for (const Paragraph& p : c.paragraphs) {
    if (!paras.empty()) paras += " ";
    paras += p.number.empty() ? "-" : p.number;
    if (!p.marking.empty()) paras += "(" + p.marking + ")";
  }
  fmt::print("{}  {}  {}  {}\n", c.id, c.date, c.classification, c.origin);
  if (!c.published_id.empty()) fmt::print("  published:  {}\n", c.published_id);
  fmt::print("  subject:    {}\n", c.subject);
  fmt::print("  tags:       {}\n", join(c.tags, " "));
  if (!c.persons.empty()) fmt::print("  persons:    {}\n", join(c.persons, "; "));
  if (!c.captions.empty()) fmt::print("  captions:   {}\n", join(c.captions, " "));
  if (!refs.empty()) fmt::print("  references: {}\n", refs);
  fmt::print("  paragraphs: {} [{}]\n", c.paragraphs.size(), paras);
  if (!c.signature.empty()) fmt::print("  signature:  {}\n", c.signature);
  for (const std::string& w : c.warnings) fmt::print("  warning:    {}\n", w);
  if (with_text) fmt::print("\n{}\n\n", c.text);
}

}  // namespace

void add_parse_command(CLI::App& app, int* status) {
  auto args = std::make_shared<ParseArgs>();
  CLI::App* cmd = app.add_subcommand(
      "parse",
      "Read cables (text, cablegate HTML or cables.csv; directories recursively) and "
      "print what was parsed");
  cmd->add_option("paths", args->paths, "Files or directories to read")->required();
  cmd->add_flag("--json", args->json, "One JSON object per cable per line (docs/cli.md)");
  cmd->add_flag("--text", args->text, "Also print the normalized text (human output)");
  cmd->callback([args, status] { *status = run_parse(*args); });
}

int run_parse(const ParseArgs& args) {
  std::uint64_t cables = 0;
  std::uint64_t failed = 0;
  const auto sink = [&](Cable&& c) {
    ++cables;
    if (args.json) {
      std::cout << cable::to_json(c) << '\n';
    } else {
      print_summary(c, args.text);
    }
  };
  const auto on_error = [&](const Error& e) {
    ++failed;
    std::cout.flush();
    std::fflush(stdout);
    fmt::print(stderr, "cable parse: {}\n", e.what());
  };
  for (const std::string& path : args.paths) read_path(path, sink, on_error);
  std::cout.flush();
  std::fflush(stdout);
  if (!args.json) {
    fmt::print(stderr, "{} cable(s) parsed, {} input(s) failed\n", cables, failed);
  }
  return failed == 0 ? 0 : 1;
}

}  // namespace cable::tool
