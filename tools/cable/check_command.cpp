#include "check_command.hpp"

#include <fmt/format.h>

#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "cable/check.hpp"

namespace cable::tool {
namespace {

struct CheckArgs {
  std::string db;
  bool json = false;
  bool list = false;
};

int run_check(const CheckArgs& args) {
  const CheckReport r = check_index(args.db);
  if (args.json) {
    nlohmann::ordered_json out = {{"ok", r.ok()},
                                  {"shards", r.shards},
                                  {"cables", r.cables},
                                  {"documents", r.documents},
                                  {"xapian_errors", r.xapian_errors},
                                  {"problems", r.problems},
                                  {"unchecked", r.unchecked}};
    if (args.list) out["paragraphs"] = r.paragraphs;
    std::cout << out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    return r.ok() ? 0 : 1;
  }
  if (args.list) {
    for (const auto& [id, n] : r.paragraphs) fmt::print("{}\t{}\n", id, n);
  }
  for (const std::string& p : r.problems) fmt::print(stderr, "cable: {}\n", p);
  for (const std::string& u : r.unchecked) fmt::print(stderr, "cable: warning: {}\n", u);
  fmt::print(
      "{}: {}: {} shard{}, {} cables, {} documents\n", args.db,
      r.ok() ? "sound"
             : fmt::format("{} problem{}", r.problems.size(), r.problems.size() == 1 ? "" : "s"),
      r.shards, r.shards == 1 ? "" : "s", r.cables, r.documents);
  return r.ok() ? 0 : 1;
}

}  // namespace

void add_check_command(CLI::App& app, int* status) {
  auto args = std::make_shared<CheckArgs>();
  CLI::App* cmd = app.add_subcommand(
      "check",
      "Check an index: Xapian's consistency check of every shard, then that every "
      "cable is whole, once, in its shard");
  cmd->add_option("--db", args->db, "Index directory")->required();
  cmd->add_flag("--json", args->json, "One JSON object (docs/cli.md)");
  cmd->add_flag("--list", args->list, "Also list every cable with its paragraph count");
  cmd->callback([args, status] { *status = run_check(*args); });
}

}  // namespace cable::tool
