// cable: index and search diplomatic cables from a shell (docs/cli.md).
#include <cstdio>
#include <exception>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "cable/version.hpp"
#include "check_command.hpp"
#include "index_command.hpp"
#include "parse_command.hpp"
#include "search_command.hpp"
#include "show_command.hpp"
#include "stats_command.hpp"
#include "synth_command.hpp"

int main(int argc, char** argv) {
  CLI::App app{"cable: read, index and search diplomatic cables"};
  app.set_version_flag("--version", std::string("cable ") + cable::version());
  app.require_subcommand(1);
  int status = 0;
  cable::tool::add_parse_command(app, &status);
  cable::tool::add_index_command(app, &status);
  cable::tool::add_search_command(app, &status);
  cable::tool::add_show_commands(app, &status);
  cable::tool::add_stats_command(app, &status);
  cable::tool::add_check_command(app, &status);
  cable::tool::add_synth_command(app, &status);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  } catch (const std::exception& e) {
    fmt::print(stderr, "cable: {}\n", e.what());
    return 2;
  }
  return status;
}
