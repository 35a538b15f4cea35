// `cable synth --from SEEDS... --out DIR [--cables N] [--form text|html|csv]
//  [--seed S] [--jobs N]`: a realistic corpus of any size (docs/cli.md).
#ifndef CABLE_TOOLS_SYNTH_COMMAND_HPP_
#define CABLE_TOOLS_SYNTH_COMMAND_HPP_

#include <CLI/CLI.hpp>

namespace cable::tool {

// Adds the subcommand; its callback stores the exit status (0) in `*status`.
void add_synth_command(CLI::App& app, int* status);

}  // namespace cable::tool

#endif  // CABLE_TOOLS_SYNTH_COMMAND_HPP_
