// `cable stats --db DIR [--json]`
#ifndef CABLE_TOOLS_STATS_COMMAND_HPP_
#define CABLE_TOOLS_STATS_COMMAND_HPP_

#include <CLI/CLI.hpp>

namespace cable::tool {

// Adds the subcommand; its callback stores the exit status (0) in `*status`.
void add_stats_command(CLI::App& app, int* status);

}  // namespace cable::tool

#endif  // CABLE_TOOLS_STATS_COMMAND_HPP_
