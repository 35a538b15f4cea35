#include "show_command.hpp"

#include <fmt/format.h>

#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "cable/search.hpp"
#include "glossary_option.hpp"
#include "output.hpp"
#include "terminal.hpp"
#include "usage.hpp"

namespace cable::tool {
namespace {

struct ShowArgs {
  std::string db;
  std::string id;
  std::string glossary;
  bool json = false;
};

// "PREL (External Political Relations), KTIP (Trafficking in Persons), NATO
// (North Atlantic Treaty Organization)": each tag with its meaning, where
// the glossary has one.
std::string tags_named(const std::vector<std::string>& tags, const Glossary& glossary) {
  std::string out;
  for (const std::string& t : tags) {
    const std::optional<TagInfo> info = glossary.find(t);
    if (!out.empty()) out += ", ";
    out += info && info->kind != TagKind::kPerson ? t + " (" + info->name + ")" : t;
  }
  return out;
}

std::string join(const std::vector<std::string>& v, std::string_view sep = " ") {
  std::string out;
  for (const auto& s : v) {
    if (!out.empty()) out += sep;
    out += s;
  }
  return out;
}

int run_show(const ShowArgs& args) {
  const Searcher searcher = Searcher::open(args.db);
  const std::optional<Cable> c = searcher.cable(args.id);
  if (!c) {
    fmt::print(stderr, "cable: {}: no cable {} in this index\n", args.db, args.id);
    return 1;
  }
  const Glossary glossary = load_glossary(args.glossary);
  if (args.json) {
    const nlohmann::ordered_json out = cable_json(*c, glossary);
    std::cout << out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    return 0;
  }
  const bool color = use_color(stdout);
  fmt::print("{}  {}  {}  {}\n", bold(c->id, color), c->date, c->classification, c->origin);
  if (!c->published_id.empty()) fmt::print("PUBLISHED AS: {}\n", c->published_id);
  fmt::print("SUBJECT: {}{}\n", c->subject_marking.empty() ? "" : "(" + c->subject_marking + ") ",
             c->subject);
  if (!c->from.empty()) fmt::print("FROM: {}\n", c->from);
  if (!c->to.empty()) fmt::print("TO: {}\n", join(c->to));
  if (!c->tags.empty()) fmt::print("TAGS: {}\n", tags_named(c->tags, glossary));
  if (!c->persons.empty()) fmt::print("PERSONS: {}\n", join(c->persons, "; "));
  if (!c->captions.empty()) fmt::print("CAPTIONS: {}\n", join(c->captions));
  for (const Reference& r : c->references) {
    fmt::print("REF {}{}{}\n", r.letter.empty() ? "" : r.letter + ". ", r.raw,
               r.id.empty() ? "" : "  [" + r.id + "]");
  }
  for (const Paragraph& p : c->paragraphs) {
    std::string head = p.number.empty() ? "" : "\u00B6" + p.number + ". ";
    if (!p.marking.empty()) head += "(" + p.marking + ") ";
    fmt::print("\n{}{}\n", bold(head, color), p.text);
  }
  if (!c->signature.empty()) fmt::print("\n{}\n", c->signature);
  return 0;
}

int run_cited_by(const ShowArgs& args) {
  const Searcher searcher = Searcher::open(args.db);
  const std::vector<std::string> ids = searcher.cited_by(args.id);
  if (args.json) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const std::string& id : ids) {
      const std::optional<Cable> c = searcher.cable(id);
      out.push_back({{"cable", id}, {"date", c ? c->date : ""}, {"subject", c ? c->subject : ""}});
    }
    std::cout << out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    return 0;
  }
  fmt::print("{} {} {}\n", ids.size(), ids.size() == 1 ? "cable cites" : "cables cite", args.id);
  for (const std::string& id : ids) {
    const std::optional<Cable> c = searcher.cable(id);
    fmt::print("  {}  {}  {}\n", id, c ? c->date.substr(0, 10) : "", c ? c->subject : "");
  }
  return 0;
}

CLI::App* add(CLI::App& app, const char* name, const char* help,
              const std::shared_ptr<ShowArgs>& args) {
  CLI::App* cmd = app.add_subcommand(name, help);
  cmd->add_option("--db", args->db, "Index directory")->required();
  cmd->add_flag("--json", args->json, "JSON output (docs/cli.md)");
  add_glossary_option(cmd, &args->glossary);
  cmd->add_option("id", args->id, "Cable ID, e.g. 09PARIS268")->required()->check(cable_id());
  return cmd;
}

}  // namespace

void add_show_commands(CLI::App& app, int* status) {
  auto show = std::make_shared<ShowArgs>();
  add(app, "show", "Print one cable from an index: its fields and paragraphs", show)
      ->callback([show, status] { *status = run_show(*show); });
  auto cited = std::make_shared<ShowArgs>();
  add(app, "cited-by", "List the cables whose REF list cites a cable", cited)
      ->callback([cited, status] { *status = run_cited_by(*cited); });
}

}  // namespace cable::tool
