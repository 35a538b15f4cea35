#include "tags_command.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <unordered_map>
#include <vector>

#include "cable/search.hpp"
#include "cable/tags.hpp"
#include "glossary_option.hpp"

namespace cable::tool {
namespace {

struct TagsArgs {
  std::string db;
  std::string text;
  std::string glossary;
  bool json = false;
};

struct Row {
  TagInfo tag;
  std::uint64_t count = 0;
};

// Without TEXT, every tag of the index, the most frequent first; with it,
// the codes TEXT names (Glossary::matching), in the index or not, and a
// tag of the index written as TEXT.
std::vector<Row> rows(const TagsArgs& args) {
  const Glossary glossary = load_glossary(args.glossary);
  const IndexStats stats = Searcher::open(args.db).stats(0);
  std::unordered_map<std::string, std::uint64_t> counts;
  std::vector<Row> out;
  for (const FacetCount& c : stats.top.at(Facet::kTag)) {
    counts.emplace(c.value, c.count);
    if (args.text.empty()) {
      out.push_back(
          {glossary.find(c.value).value_or(TagInfo{c.value, "", TagKind::kUnknown}), c.count});
    }
  }
  if (args.text.empty()) return out;
  for (const TagInfo& t : glossary.matching(args.text)) {
    const auto c = counts.find(t.code);
    out.push_back({t, c == counts.end() ? 0 : c->second});
  }
  // A tag of the index as written, as `tag:` reads it: "iraqi freedom".
  std::string code;
  for (const char c : args.text) {
    if (c == ' ' && (code.empty() || code.back() == ' ')) continue;
    code.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
  }
  while (!code.empty() && code.back() == ' ') code.pop_back();
  const auto written = counts.find(code);
  if (written != counts.end() &&
      std::none_of(out.begin(), out.end(), [&](const Row& r) { return r.tag.code == code; })) {
    out.insert(out.begin(), {glossary.find(code).value_or(TagInfo{code, "", TagKind::kUnknown}),
                             written->second});
  }
  return out;
}

int run_tags(const TagsArgs& args) {
  const std::vector<Row> found = rows(args);
  if (args.json) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const Row& r : found) {
      out.push_back({{"value", r.tag.code},
                     {"name", r.tag.name.empty() ? nlohmann::ordered_json()
                                                 : nlohmann::ordered_json(r.tag.name)},
                     {"kind", tag_kind_name(r.tag.kind)},
                     {"count", r.count}});
    }
    std::cout << out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    return 0;
  }
  std::size_t width = 4;  // a subject code; longer free-text tags overflow
  for (const Row& r : found) width = std::max(width, std::min<std::size_t>(r.tag.code.size(), 8));
  for (const Row& r : found) {
    fmt::print("{:<{}}  {:>6}  {:<7}  {}\n", r.tag.code, width, r.count, tag_kind_name(r.tag.kind),
               r.tag.name.empty() ? "-" : r.tag.name);
  }
  if (found.empty()) fmt::print("no tag matches {}\n", args.text);
  return 0;
}

}  // namespace

void add_tags_command(CLI::App& app, int* status) {
  auto args = std::make_shared<TagsArgs>();
  CLI::App* cmd = app.add_subcommand(
      "tags",
      "List TAGS codes with their meanings and counts: all in an index, or those TEXT names");
  cmd->add_option("--db", args->db, "Index directory")->required();
  cmd->add_flag("--json", args->json, "One JSON array (docs/cli.md)");
  add_glossary_option(cmd, &args->glossary);
  cmd->add_option("text", args->text,
                  "A code or a meaning: KTIP, libya, \"trafficking in persons\"");
  cmd->callback([args, status] { *status = run_tags(*args); });
}

}  // namespace cable::tool
