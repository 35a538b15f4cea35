#include "serve/cable_page.hpp"

#include <fmt/format.h>

#include <optional>
#include <vector>

#include "serve/html.hpp"
#include "serve/query_edit.hpp"
#include "serve/search_page.hpp"

namespace cable::tool::serve {
namespace {

// Most citing cables a page lists.
constexpr std::size_t kMostCiting = 50;

std::string link_to_search(std::string_view field, std::string_view value) {
  return fmt::format(R"(<a href="{}">{}</a>)",
                     escape(search_url({field_part(field, value), Sort::kRelevance, 1})),
                     escape(value));
}

std::string row(std::string_view name, std::string_view html) {
  return html.empty() ? ""
                      : fmt::format("<tr><th scope=\"row\">{}</th><td>{}</td></tr>", name, html);
}

std::string fields(const Cable& c, const Glossary& glossary) {
  std::string tags;
  for (const std::string& t : c.tags) {
    const std::optional<TagInfo> info = glossary.find(t);
    if (!tags.empty()) tags += "<br>";
    tags += link_to_search("tag", t);
    if (info) tags += fmt::format(R"( <span class="meaning">{}</span>)", escape(info->name));
  }
  std::string captions;
  for (const std::string& cap : c.captions) captions += link_to_search("caption", cap) + " ";
  std::string to;
  for (const std::string& t : c.to) to += escape(t) + "<br>";
  return "<table class=\"fields\">" + row("ID", escape(c.id)) + row("Date", escape(c.date)) +
         row("Origin", link_to_search("origin", c.origin)) +
         row("Classification", escape(c.classification)) + row("Tags", tags) +
         row("Captions", captions) + row("From", escape(c.from)) + row("To", to) +
         row("Source", escape(c.source.file)) + "</table>";
}

std::string references(const Searcher& searcher, const Cable& c) {
  if (c.references.empty()) return "";
  std::string out = "<h2>References</h2><ul>";
  for (const Reference& r : c.references) {
    const std::string label = r.letter.empty() ? "" : escape(r.letter) + ". ";
    const bool here = !r.id.empty() && searcher.cable(r.id).has_value();
    out += here ? fmt::format(R"(<li>{}<a href="/cable/{}">{}</a> {}</li>)", label,
                              url_component(r.id), escape(r.id), escape(r.raw))
                : fmt::format("<li>{}{}</li>", label, escape(r.raw));
  }
  return out + "</ul>";
}

std::string cable_list(const Searcher& searcher, std::string_view title,
                       const std::vector<std::string>& ids) {
  if (ids.empty()) return "";
  std::string out = fmt::format("<h2>{}</h2><ul>", title);
  for (const std::string& id : ids) {
    const std::optional<Cable> c = searcher.cable(id);
    out +=
        fmt::format(R"(<li><a href="/cable/{}">{}</a> {} {}</li>)", url_component(id), escape(id),
                    c ? escape(c->date.substr(0, 10)) : "", c ? escape(c->subject) : "");
  }
  return out + "</ul>";
}

}  // namespace

std::string cable_page(const Searcher& searcher, const Cable& c, const Glossary& glossary) {
  std::string body = fmt::format(R"(<main><div class="results"><h1>{}</h1>)", escape(c.subject));
  body += fields(c, glossary) + references(searcher, c);
  std::size_t order = 0;
  for (const Paragraph& p : c.paragraphs) {
    ++order;
    const std::string id = p.number.empty() ? "o" + std::to_string(order) : "p" + p.number;
    const std::string number = p.number.empty() ? "" : "¶" + escape(p.number);
    body += fmt::format(R"(<p class="paragraph" id="{}"><a class="num" href="#{}">{}</a>{}{}</p>)",
                        escape(id), escape(id), number.empty() ? "#" : number,
                        p.marking.empty() ? "" : "(" + escape(p.marking) + ") ", escape(p.text));
  }
  if (!c.signature.empty()) body += fmt::format("<p>{}</p>", escape(c.signature));
  body += "</div><aside>";
  // The first kMostCiting citing cables; a search lists them all.
  std::vector<std::string> citing = searcher.cited_by(c.id);
  const std::size_t all = citing.size();
  if (all > kMostCiting) citing.resize(kMostCiting);
  body += cable_list(searcher, "Cited by", citing);
  if (all > kMostCiting) {
    body +=
        fmt::format(R"(<p><a href="{}">all {} citing cables</a></p>)",
                    escape(search_url({field_part("ref", c.id), Sort::kDateAscending, 1})), all);
  }
  SearchOptions like;
  like.limit = 10;
  std::vector<std::string> similar;
  for (const Hit& h : searcher.more_like_this(c.id, {}, like).hits) similar.push_back(h.cable);
  body += cable_list(searcher, "More like this", similar);
  body += fmt::format(R"(<h2>Data</h2><ul><li><a href="/api/cable/{}">JSON</a></li></ul>)",
                      url_component(c.id));
  return page(c.id, "", body + "</aside></main>");
}

}  // namespace cable::tool::serve
