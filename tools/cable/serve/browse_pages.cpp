#include "serve/browse_pages.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <vector>

#include "serve/html.hpp"
#include "serve/query_edit.hpp"
#include "serve/search_page.hpp"

namespace cable::tool::serve {
namespace {

constexpr std::string_view kKinds =
    R"(<ul><li><a href="/browse/tag">by tag</a></li><li><a href="/browse/origin">by origin</a></li>
<li><a href="/browse/date">by year and month</a></li><li><a href="/browse/class">by classification</a></li></ul>)";

std::string listing(const std::vector<FacetCount>& values, std::string_view field,
                    const Glossary* glossary) {
  std::string out = "<ul>";
  for (const FacetCount& c : values) {
    std::string meaning;
    if (glossary) {
      if (const std::optional<TagInfo> t = glossary->find(c.value)) {
        meaning = fmt::format(R"( <span class="meaning">{}</span>)", escape(t->name));
      }
    }
    out += fmt::format(R"(<li><a href="{}">{}</a>{} <span class="count">{}</span></li>)",
                       escape(search_url({field_part(field, c.value), Sort::kRelevance, 1})),
                       escape(c.value), meaning, c.count);
  }
  return out + "</ul>";
}

// Years, each with its months.
std::string by_date(const IndexStats& s) {
  std::map<std::string, std::vector<const FacetCount*>> months;
  for (const FacetCount& m : s.top.at(Facet::kMonth)) months[m.value.substr(0, 4)].push_back(&m);
  std::map<std::string, std::uint64_t> years;
  for (const FacetCount& y : s.top.at(Facet::kYear)) years[y.value] = y.count;
  std::string out = "<ul>";
  for (const auto& [year, count] : years) {
    out += fmt::format(R"(<li><a href="{}">{}</a> <span class="count">{}</span>:)",
                       escape(search_url({"date:" + year, Sort::kDateAscending, 1})), escape(year),
                       count);
    std::vector<const FacetCount*>& ms = months[year];
    std::sort(ms.begin(), ms.end(),
              [](const FacetCount* a, const FacetCount* b) { return a->value < b->value; });
    for (const FacetCount* m : ms) {
      out +=
          fmt::format(R"( <a href="{}">{}</a> <span class="count">{}</span>)",
                      escape(search_url({"date:" + m->value, Sort::kDateAscending, 1})),
                      escape(m->value.substr(std::min<std::size_t>(5, m->value.size()))), m->count);
    }
    out += "</li>";
  }
  return out + "</ul>";
}

}  // namespace

std::string home_page(const Searcher& searcher) {
  const IndexStats s = searcher.stats(0);
  const std::string body = fmt::format(
      R"(<main><div class="results"><h1>{} cables, {} to {}</h1>
<p>Search the whole text, or filter by field: <a href="/search?q=tag%3AKTIP">tag:KTIP</a>,
<a href="/search?q=origin%3Aparis%20date%3A2009">origin:paris date:2009</a>,
<a href="/search?q=%22forced%20labor%22">"forced labor"</a>. The <a href="/help">query help</a>
has the whole language.</p><h2>Browse</h2>{}</div></main>)",
      s.cables, escape(s.first_date.substr(0, 10)), escape(s.last_date.substr(0, 10)), kKinds);
  return page("Search", "", body);
}

std::optional<std::string> browse_page(const Searcher& searcher, std::string_view kind,
                                       const Glossary& glossary) {
  if (kind.empty()) {
    return page("Browse", "",
                fmt::format(R"(<main class="browse"><div><h1>Browse</h1>{}</div></main>)", kKinds));
  }
  std::string list;
  std::string title;
  if (kind == "tag" || kind == "origin" || kind == "class") {
    const IndexStats s = searcher.stats(0);
    const Facet f = kind == "tag"      ? Facet::kTag
                    : kind == "origin" ? Facet::kOrigin
                                       : Facet::kClassification;
    list = listing(s.top.at(f), kind, kind == "tag" ? &glossary : nullptr);
    title = kind == "tag" ? "Tags" : kind == "origin" ? "Origins" : "Classifications";
  } else if (kind == "date") {
    list = by_date(searcher.stats(0));
    title = "Years and months";
  } else {
    return std::nullopt;
  }
  return page(title, "",
              fmt::format(R"(<main class="browse"><div><h1>{}</h1>{}</div></main>)", title, list));
}

std::string help_page() {
  static constexpr std::string_view kHelp = R"(<main><div class="results"><h1>Query language</h1>
<p>A cable matches when the query holds over the whole cable: <code>licorne ivoirian</code>
finds a cable with one word in one paragraph and the other in another. Words are found
with their other forms (<code>negotiate</code> finds "negotiations").</p>
<table class="fields">
<tr><th>"forced labor"</th><td>a phrase, inside one paragraph</td></tr>
<tr><th>labor NEAR/5 forced</th><td>words at most 5 apart, inside one paragraph</td></tr>
<tr><th>traffick*</th><td>words starting so</td></tr>
<tr><th>iran -nuclear</th><td>a cable without the word</td></tr>
<tr><th>iran OR iraq</th><td>either</td></tr>
<tr><th>tag:KTIP, tag:libya, tag:"trafficking in persons"</th><td>a TAGS code, or its meaning</td></tr>
<tr><th>origin:paris, origin:"Embassy Paris"</th><td>where the cable was sent from</td></tr>
<tr><th>class:secret</th><td>classification: unclassified, confidential, secret, with //noforn</td></tr>
<tr><th>date:2009, date:2009-05, date:2008..2009-06</th><td>a year, a month, a range</td></tr>
<tr><th>caption:noforn, person:"clinton, hillary", subject:visit</th><td>other fields</td></tr>
<tr><th>id:09PARIS268, ref:08PARIS1098</th><td>a cable, the cables citing one</td></tr>
</table>
<p>Every page is a permalink; each has a JSON twin under <code>/api/</code> and results
export as CSV and NDJSON.</p></div></main>)";
  return page("Query help", "", kHelp);
}

}  // namespace cable::tool::serve
