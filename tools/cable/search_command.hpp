// `cable search --db DIR [--json] [--limit N] [--offset N] [--sort …]
//  [--facets …] [--paragraphs] [--exact] QUERY...`
#ifndef CABLE_TOOLS_SEARCH_COMMAND_HPP_
#define CABLE_TOOLS_SEARCH_COMMAND_HPP_

#include <CLI/CLI.hpp>

namespace cable::tool {

// Adds the subcommand; its callback stores the exit status (0) in `*status`.
// Errors (no index, malformed query) propagate as cable::Error.
void add_search_command(CLI::App& app, int* status);

}  // namespace cable::tool

#endif  // CABLE_TOOLS_SEARCH_COMMAND_HPP_
