// `cable show --db DIR [--json] ID` and `cable cited-by --db DIR [--json] ID`
#ifndef CABLE_TOOLS_SHOW_COMMAND_HPP_
#define CABLE_TOOLS_SHOW_COMMAND_HPP_

#include <CLI/CLI.hpp>

namespace cable::tool {

// Adds `show` (exit status 1 when the index has no such cable) and
// `cited-by` (0, also when nothing cites the cable).
void add_show_commands(CLI::App& app, int* status);

}  // namespace cable::tool

#endif  // CABLE_TOOLS_SHOW_COMMAND_HPP_
