#include "terminal.hpp"

#include <unistd.h>

#include <array>
#include <cstdlib>
#include <utility>

namespace cable::tool {

bool is_terminal(std::FILE* stream) { return isatty(fileno(stream)) == 1; }

bool use_color(std::FILE* stream) {
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color) return false;
  const char* term = std::getenv("TERM");
  if (term && std::string_view(term) == "dumb") return false;
  return is_terminal(stream);
}

std::string bold(std::string_view s, bool color) {
  return color ? "\x1b[1m" + std::string(s) + "\x1b[0m" : std::string(s);
}

std::string dim(std::string_view s, bool color) {
  return color ? "\x1b[2m" + std::string(s) + "\x1b[0m" : std::string(s);
}

std::string unescape_html(std::string_view s) {
  static constexpr std::array<std::pair<std::string_view, char>, 5> kEntities = {
      {{"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}}};
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    bool done = false;
    if (s[i] == '&') {
      for (const auto& [entity, c] : kEntities) {
        if (s.substr(i, entity.size()) == entity) {
          out.push_back(c);
          i += entity.size();
          done = true;
          break;
        }
      }
    }
    if (!done) out.push_back(s[i++]);
  }
  return out;
}

}  // namespace cable::tool
