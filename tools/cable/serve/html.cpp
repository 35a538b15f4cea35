#include "serve/html.hpp"

#include <fmt/format.h>

#include <cstdint>

namespace cable::tool::serve {
namespace {

// The code point of the UTF-8 sequence at `s[i]` when it is one of the
// controls that reorder text (U+061C, U+200E, U+200F, U+202A-U+202E,
// U+2066-U+2069), with its length; 0 otherwise.
std::uint32_t reordering_control(std::string_view s, std::size_t i, std::size_t* length) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
  if (i + 1 < s.size() && byte(0) == 0xD8 && byte(1) == 0x9C) {
    *length = 2;
    return 0x061C;
  }
  if (i + 2 >= s.size() || byte(0) != 0xE2) return 0;
  const std::uint32_t cp = ((byte(0) & 0x0Fu) << 12) | ((byte(1) & 0x3Fu) << 6) | (byte(2) & 0x3Fu);
  const bool reorders = cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
                        (cp >= 0x2066 && cp <= 0x2069);
  if (!reorders) return 0;
  *length = 3;
  return cp;
}

std::string shown(std::string_view text, bool escape_markup) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (std::size_t i = 0; i < text.size(); ++i) {
    std::size_t length = 0;
    if (const std::uint32_t cp = reordering_control(text, i, &length)) {
      out += fmt::format("[U+{:04X}]", cp);
      i += length - 1;
      continue;
    }
    const char c = text[i];
    if (!escape_markup) {
      out.push_back(c);
      continue;
    }
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

constexpr std::string_view kStyle = R"css(
:root { color-scheme: light dark; --fg: #1b1b1b; --bg: #fdfdfb; --dim: #666; --line: #ddd;
        --accent: #0b5394; --mark: #fff1a8; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e6e6e6; --bg: #161616; --dim: #9a9a9a; --line: #333; --accent: #8ab4f8;
          --mark: #5c4b00; } }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, sans-serif; color: var(--fg); background: var(--bg); }
a { color: var(--accent); }
a:focus, button:focus, input:focus, select:focus { outline: 3px solid var(--accent); outline-offset: 1px; }
header { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; padding: .75rem 1rem;
         border-bottom: 1px solid var(--line); }
header .home { font-weight: bold; text-decoration: none; }
header form { display: flex; flex: 1 1 20rem; gap: .5rem; }
header input[type=search] { flex: 1; font: inherit; padding: .35rem .5rem; min-width: 0; }
header button, header select { font: inherit; }
main { display: flex; flex-wrap: wrap; gap: 1.5rem; padding: 1rem; }
.results { flex: 1 1 32rem; min-width: 0; }
aside { flex: 0 1 18rem; min-width: 14rem; }
aside h2 { font-size: 1rem; margin: 1rem 0 .25rem; }
aside ul, .browse ul { list-style: none; padding: 0; margin: 0; }
aside li a.on { font-weight: bold; }
.count { color: var(--dim); font-variant-numeric: tabular-nums; }
.meaning { color: var(--dim); }
.hit { margin: 0 0 1.25rem; }
.hit h3 { font-size: 1.05rem; margin: 0; }
.meta { color: var(--dim); font-size: .9rem; }
mark { background: var(--mark); color: inherit; }
.histogram svg { width: 100%; height: 8rem; }
.histogram rect { fill: var(--accent); }
.histogram a:focus rect, .histogram a:hover rect { fill: var(--fg); }
.histogram text { font-size: 10px; fill: var(--dim); }
.pager a, .pager span { margin-right: .75rem; }
h1 { font-size: 1.4rem; line-height: 1.3; }
.results, aside { overflow-wrap: anywhere; }
table.fields { width: 100%; }
table.fields th { text-align: left; padding-right: 1rem; vertical-align: top; }
table.fields td { overflow-wrap: anywhere; }
.paragraph { margin: .75rem 0; white-space: pre-wrap; }
.paragraph .num { font-weight: bold; text-decoration: none; margin-right: .5rem; }
.error { border-left: 4px solid #c00; padding: .5rem 1rem; }
footer { padding: 1rem; color: var(--dim); font-size: .85rem; border-top: 1px solid var(--line); }
@media (max-width: 40rem) { main { padding: .5rem; } aside { flex-basis: 100%; }
  table.fields th, table.fields td { display: block; padding: 0; } }
)css";

}  // namespace

std::string escape(std::string_view text) { return shown(text, true); }

std::string inert_controls(std::string_view html) { return shown(html, false); }

std::string url_component(std::string_view text) {
  std::string out;
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if ((u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || c == '-' ||
        c == '.' || c == '_' || c == '~') {
      out.push_back(c);
    } else {
      out += fmt::format("%{:02X}", u);
    }
  }
  return out;
}

std::string page(std::string_view title, std::string_view query, std::string_view body) {
  return fmt::format(
      R"(<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{} · cable</title><link rel="stylesheet" href="/assets/style.css"></head>
<body><header><a class="home" href="/">cable</a>
<form action="/search" method="get" role="search">
<input type="search" name="q" value="{}" aria-label="Query" placeholder="tag:KTIP forced labour" accesskey="s">
<button type="submit">Search</button></form>
<nav><a href="/help">Query help</a> · <a href="/browse">Browse</a></nav></header>
{}
<footer>libcable · read-only · <a href="/help">query language</a></footer></body></html>
)",
      escape(title), escape(query), body);
}

std::string_view stylesheet() { return kStyle; }

}  // namespace cable::tool::serve
