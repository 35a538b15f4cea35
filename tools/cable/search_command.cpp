#include "search_command.hpp"

#include <fmt/format.h>

#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cable/search.hpp"
#include "glossary_option.hpp"
#include "output.hpp"
#include "terminal.hpp"
#include "usage.hpp"

namespace cable::tool {
namespace {

struct SearchArgs {
  std::string db;
  std::vector<std::string> query;
  bool json = false;
  std::size_t limit = 10;
  std::size_t offset = 0;
  std::string sort = "relevance";
  std::vector<std::string> facets;
  std::size_t facet_limit = 10;
  bool paragraphs = false;
  std::string glossary;
};

std::string joined(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) {
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

// Line breaks in a snippet (lists, tables) shown as " / ".
std::string one_line(std::string s) {
  for (std::size_t p; (p = s.find('\n')) != std::string::npos;) s.replace(p, 1, " / ");
  return s;
}

void print_human(const Results& r, const SearchArgs& args, const std::string& query, bool color) {
  const bool one = r.total == 1;
  const char* unit = args.paragraphs ? (one ? "paragraph matches" : "paragraphs match")
                                     : (one ? "cable matches" : "cables match");
  fmt::print("{}{} {} {}", r.total_exact ? "" : "at least ", r.total, unit, query);
  if (!r.hits.empty()) {
    fmt::print("  (showing {}-{})", args.offset + 1, args.offset + r.hits.size());
  }
  fmt::print("\n");
  if (!r.suggestion.empty()) fmt::print("did you mean: {}\n", bold(r.suggestion, color));
  std::size_t rank = args.offset;
  for (const Hit& h : r.hits) {
    std::string where = h.cable;
    if (!h.paragraph.empty()) where += " \u00B6" + h.paragraph;
    if (!h.marking.empty()) where += " (" + h.marking + ")";
    std::string more;
    if (h.other_matches > 0) {
      more =
          fmt::format("  +{} more paragraph{}", h.other_matches, h.other_matches == 1 ? "" : "s");
    }
    fmt::print("\n{:>3}. {}  {}  {}  {}{}\n", ++rank, bold(where, color), h.date.substr(0, 10),
               h.origin, h.classification, dim(more, color));
    fmt::print("     {}\n", h.subject);
    // A hit on the subject (order 0) shows the subject alone.
    if (h.order > 0) fmt::print("     {}\n", one_line(unescape_html(h.snippet)));
  }
  for (const auto& [facet, counts] : r.facets) {
    fmt::print("\n{}: {}", bold(facet_name(facet), color), facet_line(counts));
  }
  if (!r.facets.empty()) fmt::print("\n");
}

int run_search(const SearchArgs& args) {
  SearchOptions o;
  o.limit = args.limit;
  o.offset = args.offset;
  o.grouping = args.paragraphs ? Grouping::kParagraph : Grouping::kCable;
  o.facet_limit = args.facet_limit;
  if (args.sort == "date") o.sort = Sort::kDateAscending;
  if (args.sort == "-date") o.sort = Sort::kDateDescending;
  for (const std::string& name : args.facets) o.facets.push_back(*facet_from_name(name));
  o.glossary = load_glossary(args.glossary);
  const bool color = !args.json && use_color(stdout);
  if (!args.json) {
    o.highlight_start = color ? "\x1b[1m" : "";
    o.highlight_end = color ? "\x1b[0m" : "";
  }
  const std::string query = joined(args.query);
  const Searcher searcher = Searcher::open(args.db);
  const Results r = searcher.search(query, o);
  if (args.json) {
    std::cout << results_json(r).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
              << "\n";
  } else {
    print_human(r, args, query, color);
  }
  return 0;
}

// The names of every facet, for --facets.
std::vector<std::string> facet_names() {
  std::vector<std::string> out;
  for (Facet f : all_facets()) out.emplace_back(facet_name(f));
  return out;
}

}  // namespace

void add_search_command(CLI::App& app, int* status) {
  auto args = std::make_shared<SearchArgs>();
  CLI::App* cmd =
      app.add_subcommand("search", "Search an index (query language: docs/query-language.md)");
  cmd->add_option("--db", args->db, "Index directory")->required();
  cmd->add_flag("--json", args->json, "One JSON object (docs/cli.md)");
  cmd->add_option("--limit", args->limit, "Hits to show")->check(whole_number());
  cmd->add_option("--offset", args->offset, "Hits to skip")->check(whole_number());
  cmd->add_option("--sort", args->sort, "relevance, date (oldest first) or -date (newest first)")
      ->check(CLI::IsMember({"relevance", "date", "-date"}));
  cmd->add_option("--facets", args->facets, "Count matching cables per value of these facets")
      ->delimiter(',')
      ->check(CLI::IsMember(facet_names()));
  cmd->add_option("--facet-limit", args->facet_limit, "Values per facet (0: all)")
      ->check(whole_number());
  cmd->add_flag("--paragraphs", args->paragraphs, "One hit per paragraph, not per cable");
  cmd->add_flag("--exact")->description("Accepted for older scripts: totals are always exact");
  add_glossary_option(cmd, &args->glossary);
  cmd->add_option("query", args->query, "The query; several words are joined")->required();
  cmd->callback([args, status] { *status = run_search(*args); });
}

}  // namespace cable::tool
