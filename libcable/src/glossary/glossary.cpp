// cable::Glossary: the built-in table of TAGS codes (libcable/data/tags.tsv,
// compiled in), a user's file over it, and the lookups.
#include <algorithm>
#include <fstream>
#include <iterator>
#include <map>
#include <unordered_map>

#include "analysis/folding.hpp"
#include "cable/error.hpp"
#include "cable/tags.hpp"
#include "util/text.hpp"

namespace cable {
namespace internal {
extern const char* const kBuiltinTags;  // builtin_tags.cpp.in
}  // namespace internal

namespace {

namespace text = internal::text;

constexpr const char* kKindNames[] = {"unknown", "subject", "geo", "org", "program", "person"};

TagKind kind_from_name(std::string_view name) {
  for (std::size_t k = 1; k < std::size(kKindNames); ++k) {
    if (name == kKindNames[k]) return static_cast<TagKind>(k);
  }
  return TagKind::kUnknown;
}

// The words of `s`, folded (case and accents): runs of letters and digits.
std::vector<std::string> folded_words(std::string_view s) {
  const std::string f = internal::fold(s);
  std::vector<std::string> out;
  std::string word;
  for (const char c : f) {
    // Bytes past ASCII are letters of folded UTF-8: kept inside words.
    if (text::is_alnum(c) || static_cast<unsigned char>(c) >= 0x80) {
      word.push_back(c);
    } else if (!word.empty()) {
      out.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) out.push_back(std::move(word));
  return out;
}

// Adds the entries of `tsv` to `entries`, each replacing one of its code.
void read_entries(std::string_view tsv, const std::string& source,
                  std::map<std::string, TagInfo>& entries) {
  std::size_t number = 0;
  for (std::string_view line : text::split_lines(tsv)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (text::trim(line).empty() || text::trim(line).front() == '#') continue;
    const std::size_t tab1 = line.find('\t');
    const std::size_t tab2 = tab1 == std::string_view::npos ? tab1 : line.find('\t', tab1 + 1);
    const auto fail = [&](const std::string& problem) {
      throw Error(ErrorCode::kMalformed, source + ":" + std::to_string(number) + ": " + problem);
    };
    if (tab2 == std::string_view::npos) fail("not CODE<TAB>KIND<TAB>NAME");
    const std::string code = text::upper(text::trim(line.substr(0, tab1)));
    const std::string_view kind = text::trim(line.substr(tab1 + 1, tab2 - tab1 - 1));
    const std::string_view name = text::trim(line.substr(tab2 + 1));
    if (code.empty() || name.empty()) fail("an entry needs a code and a name");
    const TagKind k = kind_from_name(kind);
    if (k == TagKind::kUnknown || k == TagKind::kPerson) {
      fail("\"" + std::string(kind) + "\" is no kind: write subject, geo, org or program");
    }
    entries[code] = TagInfo{code, std::string(name), k};
  }
}

// "OBAMA, BARACK" -> "Barack Obama": a person tag, as the TAGS line of a
// visit names its visitor.
std::optional<TagInfo> person(const std::string& code) {
  const std::size_t comma = code.find(',');
  if (comma == std::string::npos || code.find(',', comma + 1) != std::string::npos) return {};
  const std::string_view last = text::trim(std::string_view(code).substr(0, comma));
  const std::string_view first = text::trim(std::string_view(code).substr(comma + 1));
  if (last.empty() || first.empty()) return {};
  std::string name;
  for (const std::string_view part : {first, last}) {
    for (const std::string_view w : text::split_words(part)) {
      std::string word = text::lower(w);
      word.front() = text::to_upper(word.front());
      text::append_joined(name, word, " ");
    }
  }
  return TagInfo{code, name, TagKind::kPerson};
}

}  // namespace

struct Glossary::Table {
  std::vector<TagInfo> entries;  // by code
  std::unordered_map<std::string, std::size_t> by_code;
  std::vector<std::vector<std::string>> words;  // of each entry's name, folded

  explicit Table(std::map<std::string, TagInfo> all) {
    for (auto& [code, info] : all) {
      by_code.emplace(code, entries.size());
      words.push_back(folded_words(info.name));
      entries.push_back(std::move(info));
    }
  }
};

const char* tag_kind_name(TagKind kind) noexcept {
  const auto k = static_cast<std::size_t>(kind);
  return k < std::size(kKindNames) ? kKindNames[k] : "unknown";
}

Glossary::Glossary(std::shared_ptr<const Table> table) : table_(std::move(table)) {}

namespace {
std::map<std::string, TagInfo> builtin_entries() {
  std::map<std::string, TagInfo> entries;
  read_entries(internal::kBuiltinTags, "libcable/data/tags.tsv", entries);
  return entries;
}
}  // namespace

const Glossary& Glossary::builtin() {
  static const Glossary g(std::make_shared<const Table>(builtin_entries()));
  return g;
}

Glossary Glossary::with_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (!in.is_open() || in.bad()) {
    throw Error(ErrorCode::kIo, path.string() + ": cannot read the glossary file");
  }
  // The built-in table as read once, not its text parsed again.
  std::map<std::string, TagInfo> entries;
  for (const TagInfo& t : builtin().entries()) entries.emplace(t.code, t);
  read_entries(text, path.string(), entries);
  return Glossary(std::make_shared<const Table>(std::move(entries)));
}

std::optional<TagInfo> Glossary::find(std::string_view code) const {
  const std::string key = text::upper(text::fold_spaces(code));
  if (const auto it = table_->by_code.find(key); it != table_->by_code.end()) {
    return table_->entries[it->second];
  }
  return person(key);
}

std::vector<TagInfo> Glossary::matching(std::string_view typed) const {
  const std::vector<std::string> sought = folded_words(typed);
  if (sought.empty()) return {};
  // 0: the code; 1: the whole meaning; 2: each word of `text` is a word of it.
  std::vector<std::pair<int, std::size_t>> found;
  const std::string code = text::upper(text::fold_spaces(typed));
  for (std::size_t i = 0; i < table_->entries.size(); ++i) {
    const std::vector<std::string>& words = table_->words[i];
    if (table_->entries[i].code == code) {
      found.emplace_back(0, i);
    } else if (words == sought) {
      found.emplace_back(1, i);
    } else if (std::all_of(sought.begin(), sought.end(), [&](const std::string& s) {
                 return std::find(words.begin(), words.end(), s) != words.end();
               })) {
      found.emplace_back(2, i);
    }
  }
  std::stable_sort(found.begin(), found.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<TagInfo> out;
  for (const auto& [rank, i] : found) out.push_back(table_->entries[i]);
  return out;
}

const std::vector<TagInfo>& Glossary::entries() const { return table_->entries; }

std::optional<TagInfo> tag_info(std::string_view code) { return Glossary::builtin().find(code); }

std::vector<TagInfo> tags_matching(std::string_view typed) {
  return Glossary::builtin().matching(typed);
}

}  // namespace cable
