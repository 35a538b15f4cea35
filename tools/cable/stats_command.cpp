#include "stats_command.hpp"

#include <fmt/format.h>

#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "cable/search.hpp"
#include "glossary_option.hpp"
#include "output.hpp"
#include "usage.hpp"

namespace cable::tool {
namespace {

struct StatsArgs {
  std::string db;
  std::string glossary;
  bool json = false;
  std::size_t top = 10;
};

int run_stats(const StatsArgs& args) {
  IndexStats s = Searcher::open(args.db).stats(args.top);
  if (!args.glossary.empty()) {
    const Glossary glossary = load_glossary(args.glossary);
    for (FacetCount& c : s.top.at(Facet::kTag)) {
      const std::optional<TagInfo> t = glossary.find(c.value);
      c.name = t ? t->name : "";
    }
  }
  if (args.json) {
    const nlohmann::ordered_json out = {
        {"cables", s.cables},
        {"paragraphs", s.paragraphs},
        {"first_date", s.first_date},
        {"last_date", s.last_date},
        {"top_tags", facet_json(Facet::kTag, s.top.at(Facet::kTag))},
        {"top_origins", facet_json(Facet::kOrigin, s.top.at(Facet::kOrigin))},
        {"bytes", s.bytes},
        {"schema_version", s.schema_version}};
    std::cout << out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    return 0;
  }
  fmt::print("index:       {} (schema version {})\n", args.db, s.schema_version);
  fmt::print("cables:      {}\n", s.cables);
  fmt::print("paragraphs:  {}\n", s.paragraphs);
  fmt::print("dates:       {} to {}\n", s.first_date.empty() ? "-" : s.first_date.substr(0, 10),
             s.last_date.empty() ? "-" : s.last_date.substr(0, 10));
  fmt::print("top tags:    {}\n", facet_line(s.top.at(Facet::kTag)));
  fmt::print("top origins: {}\n", facet_line(s.top.at(Facet::kOrigin)));
  fmt::print("size:        {:.1f} MB\n", static_cast<double>(s.bytes) / 1e6);
  return 0;
}

}  // namespace

void add_stats_command(CLI::App& app, int* status) {
  auto args = std::make_shared<StatsArgs>();
  CLI::App* cmd = app.add_subcommand("stats", "Print figures about an index");
  cmd->add_option("--db", args->db, "Index directory")->required();
  cmd->add_flag("--json", args->json, "One JSON object (docs/cli.md)");
  add_glossary_option(cmd, &args->glossary);
  cmd->add_option("--top", args->top, "Tags and origins to list")->check(whole_number());
  cmd->callback([args, status] { *status = run_stats(*args); });
}

}  // namespace cable::tool
