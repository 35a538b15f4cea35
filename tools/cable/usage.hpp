// The command line's one convention for usage errors (docs/cli.md): one line
// on stderr, "cable: " then what is wrong and where to read more, and exit
// status 2.
#ifndef CABLE_TOOLS_CABLE_USAGE_HPP_
#define CABLE_TOOLS_CABLE_USAGE_HPP_

#include <cstdint>
#include <string>

#include <CLI/CLI.hpp>

namespace cable::tool {

inline constexpr int kUsageStatus = 2;

// Checks an option's text before CLI11 converts it: a whole number, written
// in digits, of `least` or more. CLI11's own range checks print their bounds
// as floating-point numbers of 300 digits and take "abc" for out of range.
CLI::Validator whole_number(std::uint64_t least = 0);

// Checks that an argument can be a cable ID (cable::canonical_id): a
// string that cannot is a mistake to report, not a cable to look for.
CLI::Validator cable_id();

// Prints `e` as a usage error of `app` (naming the subcommand whose --help
// to read) and gives the exit status: 0 for --help and --version, which
// CLI11 reports as exceptions too, after printing what they ask for.
int report_usage_error(const CLI::App& app, const CLI::ParseError& e);

// `cable help [COMMAND]`: the command list, or one command's help, on
// stdout; the exit status (2 for a command that does not exist).
int print_help(const CLI::App& app, const std::string& command);

}  // namespace cable::tool

#endif  // CABLE_TOOLS_CABLE_USAGE_HPP_
