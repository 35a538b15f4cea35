// `cable tags --db DIR [--json] [TEXT]`: TAGS codes, their meanings and
// their counts in an index (issue #24).
#ifndef CABLE_TOOLS_CABLE_TAGS_COMMAND_HPP_
#define CABLE_TOOLS_CABLE_TAGS_COMMAND_HPP_

#include <CLI/CLI.hpp>

namespace cable::tool {

// Adds the subcommand; its callback stores the exit status (0) in `*status`.
void add_tags_command(CLI::App& app, int* status);

}  // namespace cable::tool

#endif  // CABLE_TOOLS_CABLE_TAGS_COMMAND_HPP_
