// `cable check --db DIR [--json] [--list]`
#ifndef CABLE_TOOLS_CHECK_COMMAND_HPP_
#define CABLE_TOOLS_CHECK_COMMAND_HPP_

#include <CLI/CLI.hpp>

namespace cable::tool {

// Adds the subcommand; its callback stores the exit status in `*status`: 0
// when the index is sound, 1 when it has problems.
void add_check_command(CLI::App& app, int* status);

}  // namespace cable::tool

#endif  // CABLE_TOOLS_CHECK_COMMAND_HPP_
