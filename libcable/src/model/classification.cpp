#include "model/classification.hpp"

#include <algorithm>
#include <array>

#include "util/cable_id.hpp"
#include "util/text.hpp"

namespace cable::internal {
namespace {

// Classification words as a banner spells them once spaces are removed,
// garbled forms included (QUIRKS: "SS E C R E T", "CC O N F…", "CSE C R E T").
constexpr std::array<std::string_view, 9> kBannerWords = {
    "UNCLAS",  "CONFIDENTIAL",  "SECRET",  "LIMITEDOFFICIALUSE", "TOPSECRET",
    "SSECRET", "CCONFIDENTIAL", "CSECRET", "FOROFFICIALUSEONLY"};

bool despaced_starts_with(std::string_view s, std::string_view word) {
  std::size_t k = 0;
  for (char c : s) {
    if (c == ' ') continue;
    if (k == word.size()) return true;
    if (text::to_upper(c) != word[k]) return false;
    ++k;
  }
  return k == word.size();
}

// The canonical names canonical_classification() gives, and their parts.
constexpr std::array<std::string_view, 8> kNames = {
    "UNCLASSIFIED", "UNCLASSIFIED//FOR OFFICIAL USE ONLY",
    "CONFIDENTIAL", "CONFIDENTIAL//NOFORN",
    "SECRET",       "SECRET//NOFORN",
    "TOP SECRET",   "TOP SECRET//NOFORN"};
constexpr std::array<std::string_view, 6> kParts = {
    "unclassified", "confidential", "secret", "top secret", "noforn", "for official use only"};

}  // namespace

std::vector<std::string> class_values(std::string_view classification) {
  const std::string full = text::lower(text::fold_spaces(classification));
  std::vector<std::string> out{full};
  std::string_view rest = full;
  while (!rest.empty()) {
    const std::size_t sep = rest.find("//");
    const std::string_view part = text::trim(rest.substr(0, sep));
    if (!part.empty() && part != full) out.emplace_back(part);
    if (sep == std::string_view::npos) break;
    rest.remove_prefix(sep + 2);
  }
  return out;
}

std::optional<std::string> class_query_value(std::string_view typed) {
  const std::string part = text::lower(text::fold_spaces(text::trim(typed)));
  if (part == "nf") return "noforn";
  if (part == "fouo") return "for official use only";
  if (std::find(kParts.begin(), kParts.end(), part) != kParts.end()) return part;
  const std::string whole = canonical_classification(typed);
  if (std::find(kNames.begin(), kNames.end(), whole) != kNames.end()) return text::lower(whole);
  return std::nullopt;
}

std::string class_query_values() {
  std::string out;
  for (std::string_view p : kParts) out += std::string(p) + ", ";
  return out + "or a combination such as secret//noforn";
}

std::string canonical_classification(std::string_view s) {
  const std::string flat = text::upper(text::without_spaces(text::trim(s)));
  if (flat.empty()) return {};
  const bool noforn =
      flat.find("NOFORN") != std::string::npos || flat.find("//NF") != std::string::npos;
  const bool fouo = flat.find("FOROFFICIALUSEONLY") != std::string::npos ||
                    flat.find("FOUO") != std::string::npos;
  std::string base;
  if (flat.starts_with("UNCLAS")) {
    base = "UNCLASSIFIED";
  } else if (flat.starts_with("TOPSECRET")) {
    base = "TOP SECRET";
  } else if (flat.starts_with("SECRET") || flat.starts_with("SSECRET") ||
             flat.starts_with("CSECRET")) {
    base = "SECRET";
  } else if (flat.starts_with("CONFIDENTIAL") || flat.starts_with("CCONFIDENTIAL")) {
    base = "CONFIDENTIAL";
  } else {
    return text::upper(text::fold_spaces(s));
  }
  if (base == "UNCLASSIFIED" && fouo) return base + "//FOR OFFICIAL USE ONLY";
  if (base != "UNCLASSIFIED" && noforn) return base + "//NOFORN";
  return base;
}

std::optional<std::size_t> find_banner(std::string_view line, std::string_view serial) {
  const std::string_view t = text::rtrim(line);
  std::size_t d = t.size();
  while (d > 0 && text::is_digit(t[d - 1])) --d;
  if (d == t.size() || d == 0 || t[d - 1] != ' ') return std::nullopt;
  if (!serial.empty() && !same_serial(t.substr(d), serial)) return std::nullopt;
  for (std::size_t p = 0; p < d; ++p) {
    const char c = text::to_upper(t[p]);
    if (c != 'U' && c != 'C' && c != 'S' && c != 'L' && c != 'T' && c != 'F') continue;
    if (t.size() - p > 140) continue;
    for (std::string_view word : kBannerWords) {
      if (despaced_starts_with(t.substr(p, d - p), word)) return p;
    }
  }
  return std::nullopt;
}

}  // namespace cable::internal
