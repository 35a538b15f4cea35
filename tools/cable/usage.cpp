#include "usage.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cstdio>
#include <string_view>

#include "cable/record.hpp"

namespace cable::tool {

CLI::Validator whole_number(std::uint64_t least) {
  return CLI::Validator(
      [least](std::string& text) -> std::string {
        std::uint64_t v = 0;
        const char* end = text.data() + text.size();
        const auto [at, ec] = std::from_chars(text.data(), end, v);
        if (text.empty() || text[0] == '-' || text[0] == '+' || ec != std::errc() || at != end) {
          return fmt::format("needs a whole number of {} or more, not '{}'", least, text);
        }
        if (v < least) return fmt::format("needs a whole number of {} or more, not {}", least, v);
        return {};
      },
      least == 0 ? "NUMBER" : fmt::format("NUMBER>={}", least));
}

CLI::Validator cable_id() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        if (canonical_id(text)) return {};
        return fmt::format(
            "'{}' is no cable ID: write a two-digit year, the origin and the "
            "serial number, as 09PARIS268",
            text);
      },
      "ID");
}

int report_usage_error(const CLI::App& app, const CLI::ParseError& e) {
  if (e.get_exit_code() == 0) return app.exit(e);  // --help, --version
  std::string where = "cable";
  for (const CLI::App* sub : app.get_subcommands()) where += " " + sub->get_name();
  std::string message = e.what();
  if (message == "A subcommand is required") message = "no command given";
  fmt::print(stderr, "cable: {} (see '{} --help')\n", message, where);
  return kUsageStatus;
}

int print_help(const CLI::App& app, const std::string& command) {
  if (command.empty()) {
    fmt::print("{}", app.help());
    return 0;
  }
  for (const CLI::App* sub : app.get_subcommands({})) {
    if (sub->get_name() == command) {
      fmt::print("{}", sub->help(app.get_name()));
      return 0;
    }
  }
  fmt::print(stderr, "cable: no command '{}' (cable help lists them)\n", command);
  return kUsageStatus;
}

}  // namespace cable::tool
