// `cable serve --db DIR [--port 8080] [--host 127.0.0.1] [--glossary FILE]`
#ifndef CABLE_TOOLS_SERVE_COMMAND_HPP_
#define CABLE_TOOLS_SERVE_COMMAND_HPP_

#include <CLI/CLI.hpp>

namespace cable::tool {

// Adds the subcommand; its callback stores the exit status in `*status`.
void add_serve_command(CLI::App& app, int* status);

}  // namespace cable::tool

#endif  // CABLE_TOOLS_SERVE_COMMAND_HPP_
