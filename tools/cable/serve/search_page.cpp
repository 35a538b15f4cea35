#include "serve/search_page.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <map>
#include <optional>
#include <string_view>
#include <vector>

#include "serve/html.hpp"
#include "serve/query_edit.hpp"

namespace cable::tool::serve {
namespace {

// The sidebar's facets, with their query field.
constexpr Facet kSidebar[] = {Facet::kTag,  Facet::kOrigin,  Facet::kClassification,
                              Facet::kYear, Facet::kCaption, Facet::kPerson};

std::string value_link(const SearchRequest& r, Facet facet, const FacetCount& c) {
  const std::string part =
      facet == Facet::kYear ? "date:" + c.value : field_part(facet_name(facet), c.value);
  SearchRequest next{toggled(r.q, part), r.sort, 1};
  const bool on = holds(r.q, part);
  std::string label = escape(c.value);
  if (!c.name.empty()) label += fmt::format(" <span class=\"meaning\">{}</span>", escape(c.name));
  return fmt::format(R"(<li><a href="{}"{}>{}</a> <span class="count">{}</span></li>)",
                     escape(search_url(next)), on ? R"( class="on" aria-current="true")" : "",
                     label, c.count);
}

std::string sidebar(const SearchRequest& r, const Results& res) {
  std::string out = R"(<aside aria-label="Filters">)";
  for (const Facet f : kSidebar) {
    const auto it = res.facets.find(f);
    if (it == res.facets.end() || it->second.empty()) continue;
    out += fmt::format("<h2>{}</h2><ul>", facet_name(f));
    for (const FacetCount& c : it->second) out += value_link(r, f, c);
    out += "</ul>";
  }
  return out + "</aside>";
}

// A facet value "YYYY" or "YYYY-MM" as a count of months from year 0 (a
// year's first month), or -1 for any other value (a date as a damaged
// cable wrote it).
int months_of(std::string_view value) {
  const auto number = [&](std::size_t from, std::size_t length) {
    int n = 0;
    const char* first = value.data() + from;
    const auto [end, ec] = std::from_chars(first, first + length, n);
    return ec == std::errc() && end == first + length ? n : -1;
  };
  if (value.size() == 4) {
    const int year = number(0, 4);
    return year < 0 ? -1 : year * 12;
  }
  if (value.size() != 7 || value[4] != '-') return -1;
  const int year = number(0, 4);
  const int month = number(5, 2);
  return year < 0 || month < 1 || month > 12 ? -1 : year * 12 + month - 1;
}

// Most bars a histogram draws; a wider span draws its non-empty ones only.
constexpr int kMostBars = 240;

// Matching cables per year (per month when they all fall within two
// years), as bars that narrow the query's dates.
std::string histogram(const Searcher& searcher, const SearchRequest& r, const Results& res,
                      const Glossary& glossary) {
  const auto years = res.facets.find(Facet::kYear);
  if (years == res.facets.end() || years->second.empty()) return "";
  std::map<int, std::uint64_t> counts;  // by months_of()
  for (const FacetCount& c : years->second) {
    if (const int m = months_of(c.value); m >= 0) counts[m] += c.count;
  }
  if (counts.empty()) return "";
  const bool by_month = counts.rbegin()->first - counts.begin()->first <= 12;
  if (by_month) {
    SearchOptions o;
    o.limit = 0;
    o.facets = {Facet::kMonth};
    o.facet_limit = 0;
    o.glossary = glossary;
    counts.clear();
    const Results months = searcher.search(r.q, o);
    for (const FacetCount& c : months.facets.at(Facet::kMonth)) {
      if (const int m = months_of(c.value); m >= 0) counts[m] += c.count;
    }
    if (counts.empty()) return "";
  }
  const int step = by_month ? 1 : 12;
  const int first = counts.begin()->first;
  const int last = counts.rbegin()->first;
  // Every year (or month) of the span, empty ones too, unless too many.
  std::vector<std::pair<int, std::uint64_t>> bars;
  if ((last - first) / step < kMostBars) {
    for (int m = first; m <= last; m += step) {
      const auto c = counts.find(m);
      bars.emplace_back(m, c == counts.end() ? 0 : c->second);
    }
  } else {
    bars.assign(counts.begin(), counts.end());
  }
  const auto label = [&](int m) {
    return by_month ? fmt::format("{:04}-{:02}", m / 12, m % 12 + 1) : fmt::format("{:04}", m / 12);
  };
  std::uint64_t most = 1;
  for (const auto& [m, n] : bars) most = std::max(most, n);
  const double width = 1000.0 / static_cast<double>(bars.size());
  std::string svg = fmt::format(
      R"(<div class="histogram"><svg viewBox="0 0 1000 120" preserveAspectRatio="none" role="img" aria-label="Matching cables per {}">)",
      by_month ? "month" : "year");
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const auto& [m, n] = bars[i];
    const double h = 100.0 * static_cast<double>(n) / static_cast<double>(most);
    const SearchRequest next{with_date(r.q, "date:" + label(m)), r.sort, 1};
    svg += fmt::format(
        R"(<a href="{}" aria-label="{}: {} cables"><rect x="{:.1f}" y="{:.1f}" width="{:.1f}" height="{:.1f}"><title>{}: {}</title></rect></a>)",
        escape(search_url(next)), label(m), n, static_cast<double>(i) * width + 1, 100 - h,
        std::max(width - 2, 1.0), std::max(h, n > 0 ? 1.0 : 0.0), label(m), n);
  }
  svg += fmt::format(
      R"(<text x="2" y="116">{}</text><text x="998" y="116" text-anchor="end">{}</text>)",
      label(bars.front().first), label(bars.back().first));
  return svg + "</svg></div>";
}

std::string tags_of(const Cable& c, const Glossary& glossary) {
  std::string out;
  for (const std::string& t : c.tags) {
    const std::optional<TagInfo> info = glossary.find(t);
    out += fmt::format(
        R"( <a href="{}">{}</a>{})",
        escape(search_url({field_part("tag", t), Sort::kRelevance, 1})), escape(t),
        info ? fmt::format(R"( <span class="meaning">({})</span>)", escape(info->name)) : "");
  }
  return out;
}

std::string hit_html(const Searcher& searcher, const Hit& h, const Glossary& glossary) {
  // The cable page's anchors: #p3 for paragraph 3, #o2 for unnumbered text.
  const std::string anchor = !h.paragraph.empty() ? "#p" + url_component(h.paragraph)
                             : h.order > 0        ? "#o" + std::to_string(h.order)
                                                  : "";
  const std::optional<Cable> c = searcher.cable(h.cable);
  std::string where = h.paragraph.empty() ? "" : " ¶" + escape(h.paragraph);
  if (h.other_matches > 0) where += fmt::format(" (+{} more)", h.other_matches);
  return fmt::format(
      R"(<article class="hit"><h3><a href="/cable/{}{}">{}</a>{} — {}</h3>
<div class="meta">{} · {} · {}{}</div><p>{}</p></article>)",
      url_component(h.cable), anchor, escape(h.cable), where, escape(h.subject),
      escape(h.date.substr(0, 10)), escape(h.origin), escape(h.classification),
      c ? " ·" + tags_of(*c, glossary) : "", h.order > 0 ? inert_controls(h.snippet) : "");
}

std::string pager(const SearchRequest& r, const Results& res) {
  const std::size_t pages =
      std::min((res.total + kHitsPerPage - 1) / kHitsPerPage, kMaxHitsPerPage / kHitsPerPage);
  if (pages <= 1) return "";
  std::string out = R"(<nav class="pager" aria-label="Pages">)";
  if (r.page > 1) {
    out += fmt::format(R"(<a href="{}" rel="prev">← previous</a>)",
                       escape(search_url({r.q, r.sort, r.page - 1})));
  }
  out += fmt::format("<span>page {} of {}</span>", r.page, pages);
  if (r.page < pages) {
    out += fmt::format(R"(<a href="{}" rel="next">next →</a>)",
                       escape(search_url({r.q, r.sort, r.page + 1})));
  }
  return out + "</nav>";
}

std::string sorts(const SearchRequest& r) {
  std::string out = R"(<nav class="meta" aria-label="Order">Order:)";
  for (const auto& [sort, label] :
       {std::pair{Sort::kRelevance, "relevance"}, std::pair{Sort::kDateAscending, "oldest"},
        std::pair{Sort::kDateDescending, "newest"}}) {
    out += sort == r.sort
               ? fmt::format(" <strong>{}</strong>", label)
               : fmt::format(R"( <a href="{}">{}</a>)", escape(search_url({r.q, sort, 1})), label);
  }
  const std::string q = "q=" + url_component(r.q) + "&sort=" + sort_parameter(r.sort);
  return out +
         fmt::format(
             R"( · Export <a href="/export.csv?{0}">CSV</a> <a href="/export.ndjson?{0}">NDJSON</a> · <a href="/api/search?{0}">JSON</a></nav>)",
             escape(q));
}

}  // namespace

const char* sort_parameter(Sort sort) {
  switch (sort) {
    case Sort::kDateAscending:
      return "date";
    case Sort::kDateDescending:
      return "-date";
    default:
      return "relevance";
  }
}

std::string search_url(const SearchRequest& r) {
  std::string url = "/search?q=" + url_component(r.q);
  if (r.sort != Sort::kRelevance) url += std::string("&sort=") + sort_parameter(r.sort);
  if (r.page > 1) url += "&page=" + std::to_string(r.page);
  return url;
}

std::string search_page(const Searcher& searcher, const SearchRequest& r,
                        const Glossary& glossary) {
  SearchOptions o;
  o.offset = (r.page - 1) * kHitsPerPage;
  o.limit = kHitsPerPage;
  o.sort = r.sort;
  o.glossary = glossary;
  // Years are counted below, all of them, for the histogram and the sidebar.
  for (const Facet f : kSidebar) {
    if (f != Facet::kYear) o.facets.push_back(f);
  }
  o.facet_limit = 15;
  o.highlight_start = "<mark>";
  o.highlight_end = "</mark>";
  Results res = searcher.search(r.q, o);
  // The histogram needs every year.
  SearchOptions years;
  years.limit = 0;
  years.facets = {Facet::kYear};
  years.facet_limit = 0;
  years.glossary = glossary;
  res.facets[Facet::kYear] = searcher.search(r.q, years).facets[Facet::kYear];
  std::string body = R"(<main><div class="results">)";
  body += fmt::format(R"(<p role="status">{}{} {} match <strong>{}</strong></p>)",
                      res.total_exact ? "" : "at least ", res.total,
                      res.total == 1 ? "cable" : "cables", escape(r.q));
  if (!res.suggestion.empty()) {
    body += fmt::format(R"(<p>Did you mean <a href="{}">{}</a>?</p>)",
                        escape(search_url({res.suggestion, r.sort, 1})), escape(res.suggestion));
  }
  body += histogram(searcher, r, res, glossary) + sorts(r);
  for (const Hit& h : res.hits) body += hit_html(searcher, h, glossary);
  body += pager(r, res) + "</div>";
  std::sort(res.facets[Facet::kYear].begin(), res.facets[Facet::kYear].end(),
            [](const FacetCount& a, const FacetCount& b) { return a.value > b.value; });
  body += sidebar(r, res) + "</main>";
  return page(r.q, r.q, body);
}

}  // namespace cable::tool::serve
