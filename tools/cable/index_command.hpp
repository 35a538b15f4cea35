// `cable index --db DIR [--jobs N] [--shards N] [--commit-every N] [--segment-cables N]
// [--compact] PATH...`
#ifndef CABLE_TOOLS_INDEX_COMMAND_HPP_
#define CABLE_TOOLS_INDEX_COMMAND_HPP_

#include <CLI/CLI.hpp>

namespace cable::tool {

// Adds the subcommand to `app`; its callback stores the exit status in
// `*status`: 0 when every input was indexed, 1 when some failed (the others
// are indexed).
void add_index_command(CLI::App& app, int* status);

}  // namespace cable::tool

#endif  // CABLE_TOOLS_INDEX_COMMAND_HPP_
