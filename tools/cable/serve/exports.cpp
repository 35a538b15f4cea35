#include "serve/exports.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "output.hpp"
#include "terminal.hpp"

namespace cable::tool::serve {
namespace {

std::string csv_field(std::string_view value) {
  std::string out = "\"";
  if (!value.empty() && std::string_view("=+-@\t\r").find(value[0]) != std::string_view::npos) {
    out.push_back('\'');
  }
  for (const char c : value) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  return out + "\"";
}

// A snippet as plain text: the highlight tags taken out, entities read.
std::string plain(std::string_view snippet) {
  std::string out;
  bool tag = false;
  for (const char c : snippet) {
    if (c == '<') tag = true;
    if (!tag) out.push_back(c);
    if (c == '>') tag = false;
  }
  return unescape_html(out);
}

}  // namespace

std::string hits_csv(const Results& r) {
  std::string out = "cable,paragraph,date,origin,classification,subject,score,snippet\r\n";
  for (const Hit& h : r.hits) {
    out +=
        fmt::format("{},{},{},{},{},{},{:.4f},{}\r\n", csv_field(h.cable), csv_field(h.paragraph),
                    csv_field(h.date), csv_field(h.origin), csv_field(h.classification),
                    csv_field(h.subject), h.score, csv_field(plain(h.snippet)));
  }
  return out;
}

std::string hits_ndjson(const Results& r) {
  std::string out;
  const nlohmann::ordered_json all = results_json(r);
  for (const auto& hit : all["hits"]) {
    out += hit.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  }
  return out;
}

}  // namespace cable::tool::serve
