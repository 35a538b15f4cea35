// `cable parse [--json] PATH...`
#ifndef CABLE_TOOLS_PARSE_COMMAND_HPP_
#define CABLE_TOOLS_PARSE_COMMAND_HPP_

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace cable::tool {

struct ParseArgs {
  std::vector<std::string> paths;
  bool json = false;
  bool text = false;
};

// Adds the subcommand to `app`; its callback stores the exit status in `*status`.
void add_parse_command(CLI::App& app, int* status);

// Runs it: 0 when every input parsed, 1 otherwise.
int run_parse(const ParseArgs& args);

}  // namespace cable::tool

#endif  // CABLE_TOOLS_PARSE_COMMAND_HPP_
