#include "read/html_reader.hpp"

#include <gumbo.h>

#include <cctype>
#include <memory>

#include <fmt/format.h>

#include "cable/error.hpp"
#include "util/text.hpp"

namespace cable::internal {
namespace {

struct GumboDeleter {
  void operator()(GumboOutput* out) const { gumbo_destroy_output(&kGumboDefaultOptions, out); }
};

const char* attribute(const GumboNode* node, const char* name) {
  if (node->type != GUMBO_NODE_ELEMENT) return nullptr;
  const GumboAttribute* a = gumbo_get_attribute(&node->v.element.attributes, name);
  return a ? a->value : nullptr;
}

template <typename Visit>
void walk(const GumboNode* node, const Visit& visit) {
  if (!visit(node)) return;
  if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT) return;
  const GumboVector& children =
      node->type == GUMBO_NODE_ELEMENT ? node->v.element.children : node->v.document.children;
  for (unsigned i = 0; i < children.length; ++i) {
    walk(static_cast<const GumboNode*>(children.data[i]), visit);
  }
}

// Appends the UTF-8 encoding of `cp`.
void append_utf8(std::string& out, unsigned long cp) {
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// Source text with numeric character references ("&#x000A;") decoded and
// every other '&' left as written: the site escaped nothing else.
void append_source_text(std::string& out, std::string_view raw) {
  std::size_t i = 0;
  while (i < raw.size()) {
    if (raw[i] == '&' && i + 2 < raw.size() && raw[i + 1] == '#') {
      const bool hex = raw[i + 2] == 'x' || raw[i + 2] == 'X';
      std::size_t k = i + (hex ? 3 : 2);
      unsigned long cp = 0;
      const std::size_t digits_at = k;
      while (
          k < raw.size() && k - digits_at < 8 &&
          (hex ? std::isxdigit(static_cast<unsigned char>(raw[k])) != 0 : text::is_digit(raw[k]))) {
        const char c = text::to_lower(raw[k]);
        cp = cp * (hex ? 16 : 10) +
             static_cast<unsigned long>(text::is_digit(c) ? c - '0' : c - 'a' + 10);
        ++k;
      }
      if (k > digits_at && k < raw.size() && raw[k] == ';') {
        append_utf8(out, cp);
        i = k + 1;
        continue;
      }
    }
    out.push_back(raw[i]);
    ++i;
  }
}

// The text inside a <pre>: text as written in the source, <br> as a line break,
// the text of any other element (links, stray <strong>) in place.
void pre_text(const GumboNode* node, std::string& out) {
  switch (node->type) {
    case GUMBO_NODE_TEXT:
    case GUMBO_NODE_WHITESPACE:
    case GUMBO_NODE_CDATA: {
      const GumboStringPiece& piece = node->v.text.original_text;
      append_source_text(out, std::string_view(piece.data, piece.length));
      break;
    }
    case GUMBO_NODE_ELEMENT: {
      if (node->v.element.tag == GUMBO_TAG_BR) {
        out.push_back('\n');
        break;
      }
      const GumboVector& children = node->v.element.children;
      for (unsigned i = 0; i < children.length; ++i) {
        pre_text(static_cast<const GumboNode*>(children.data[i]), out);
      }
      break;
    }
    default:
      break;
  }
}

// Decoded text content, for the metadata table and the title.
void plain_text(const GumboNode* node, std::string& out) {
  walk(node, [&](const GumboNode* n) {
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE) out += n->v.text.text;
    return true;
  });
}

std::string iso_from_site_date(std::string_view s) {
  // "1979-08-13 04:04"
  s = text::trim(s);
  if (s.size() < 10) return std::string(s);
  std::string iso(s.substr(0, 10));
  if (s.size() >= 16 && s[10] == ' ') iso += "T" + std::string(s.substr(11, 5));
  return iso;
}

// The site's pages open with about 35 KB of browse lists (dates, origins,
// tags) before the pane that holds the cable; none of it is cable data, and
// parsing it was most of the reader's work (docs/benchmarks.md). Parsing starts at that pane when
// the page has one (the HTML5 tree builder supplies the html and body it
// lacks then); any other page is parsed whole.
std::string_view cable_pane(std::string_view content) {
  const std::size_t pane = content.find("<div class='pane big'>");
  return pane == std::string_view::npos ? content : content.substr(pane);
}

// The site wrote cable text into its pages without escaping '<'. Digits after
// it ("<<240168>>") stay text for any HTML parser, but "<<next week>>" would
// become a <next> element and its words would be lost. So a '<' that opens no
// element HTML knows (gumbo's own tag table), no end tag, comment or doctype
// becomes "&#60;", which the reader turns back into '<' (pre_text).
std::string escape_stray_angles(std::string_view html) {
  std::string out;
  out.reserve(html.size() + 64);
  for (std::size_t i = 0; i < html.size(); ++i) {
    if (html[i] != '<') {
      out.push_back(html[i]);
      continue;
    }
    std::size_t b = i + 1;
    if (b < html.size() && (html[b] == '!' || html[b] == '?')) {
      out.push_back('<');
      continue;
    }
    if (b < html.size() && html[b] == '/') ++b;
    std::size_t e = b;
    while (e < html.size() && std::isalnum(static_cast<unsigned char>(html[e]))) ++e;
    const bool element =
        e > b && text::is_alpha(html[b]) &&
        gumbo_tagn_enum(html.data() + b, static_cast<unsigned>(e - b)) != GUMBO_TAG_UNKNOWN;
    out.append(element ? "<" : "&#60;");
  }
  return out;
}

}  // namespace

bool looks_like_html(std::string_view head) {
  const std::string_view s = text::ltrim(head.substr(0, 4096));
  return text::istarts_with(s, "<?xml") || text::istarts_with(s, "<!DOCTYPE html") ||
         text::istarts_with(s, "<html") ||
         (s.starts_with("<") && text::lower(s).find("<html") != std::string::npos);
}

RawCable read_html(std::string_view content, std::string_view source_name) {
  const std::string pane = escape_stray_angles(cable_pane(content));
  std::unique_ptr<GumboOutput, GumboDeleter> doc(
      gumbo_parse_with_options(&kGumboDefaultOptions, pane.data(), pane.size()));
  RawCable raw;
  raw.source.file = std::string(source_name);
  raw.source.format = Format::kHtml;
  std::vector<const GumboNode*> pres;
  const GumboNode* table = nullptr;
  const GumboNode* title = nullptr;
  walk(doc->root, [&](const GumboNode* n) {
    if (n->type != GUMBO_NODE_ELEMENT) return true;
    const GumboTag tag = n->v.element.tag;
    if (tag == GUMBO_TAG_PRE) {
      pres.push_back(n);
      return false;
    }
    if (tag == GUMBO_TAG_TABLE && !table) {
      const char* cls = attribute(n, "class");
      if (cls && std::string_view(cls) == "cable") table = n;
    }
    if (tag == GUMBO_TAG_H3 && !title) {
      std::string t;
      plain_text(n, t);
      if (t.starts_with("Viewing cable ")) title = n;
    }
    return true;
  });
  if (!table || pres.empty()) {
    throw Error(ErrorCode::kNotACable,
                fmt::format("{}: not a cable: an HTML page without the cablegate cable table "
                            "and text",
                            source_name));
  }
  std::vector<std::string> cells;
  walk(table, [&](const GumboNode* n) {
    if (n->type == GUMBO_NODE_ELEMENT && n->v.element.tag == GUMBO_TAG_TD) {
      std::string t;
      plain_text(n, t);
      cells.emplace_back(text::trim(t));
      return false;
    }
    return true;
  });
  if (cells.size() < 5 || cells[0].empty()) {
    throw Error(ErrorCode::kNotACable,
                fmt::format("{}: not a cable: the cable table has {} of its 5 cells", source_name,
                            cells.size()));
  }
  raw.id = cells[0];
  raw.date = iso_from_site_date(cells[1]);
  raw.classification = cells[3];
  raw.origin = cells[4];
  if (title) {
    std::string t;
    plain_text(title, t);
    const std::size_t comma = t.find(", ");
    if (comma != std::string::npos) raw.subject = text::trim(std::string_view(t).substr(comma + 2));
  }
  if (pres.size() >= 2) {
    pre_text(pres[0], raw.header);
    pre_text(pres[1], raw.body);
  } else {
    pre_text(pres[0], raw.body);
    raw.warnings.push_back("the page has one text block: read as the body, no routing header");
  }
  return raw;
}

}  // namespace cable::internal
