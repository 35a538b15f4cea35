// cable: index and search diplomatic cables from a shell (docs/cli.md).
#include <cstdio>
#include <exception>
#include <string_view>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "cable/version.hpp"
#include "check_command.hpp"
#include "index_command.hpp"
#include "parse_command.hpp"
#include "search_command.hpp"
#include "serve_command.hpp"
#include "show_command.hpp"
#include "stats_command.hpp"
#include "synth_command.hpp"
#include "tags_command.hpp"
#include "usage.hpp"

int main(int argc, char** argv) {
  CLI::App app{"cable: read, index and search diplomatic cables", "cable"};
  app.set_version_flag("--version", std::string("cable ") + cable::version());
  app.require_subcommand(1);
  int status = 0;
  cable::tool::add_parse_command(app, &status);
  cable::tool::add_index_command(app, &status);
  cable::tool::add_search_command(app, &status);
  cable::tool::add_show_commands(app, &status);
  cable::tool::add_stats_command(app, &status);
  cable::tool::add_tags_command(app, &status);
  cable::tool::add_serve_command(app, &status);
  cable::tool::add_check_command(app, &status);
  cable::tool::add_synth_command(app, &status);
  if (argc == 1) {  // the command list, as a usage error
    fmt::print(stderr, "{}", app.help());
    return cable::tool::kUsageStatus;
  }
  if (std::string_view(argv[1]) == "help") {
    return argc > 3 ? cable::tool::report_usage_error(
                          app, CLI::ExtrasError("help takes at most one command", 2))
                    : cable::tool::print_help(app, argc == 3 ? argv[2] : "");
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return cable::tool::report_usage_error(app, e);
  } catch (const std::exception& e) {
    fmt::print(stderr, "cable: {}\n", e.what());
    return cable::tool::kUsageStatus;
  }
  return status;
}
