#include "search/cable_facet_spy.hpp"

#include <fmt/format.h>

#include <charconv>
#include <iterator>
#include <string_view>

#include "search/cable_map.hpp"
#include "store/facets.hpp"
#include "store/schema.hpp"
#include "util/text.hpp"

namespace cable::internal {
namespace {

[[noreturn]] void damaged() {
  throw Xapian::SerialisationError("cable::CableFacetSpy: damaged results");
}

// A number at the start of `rest`, then `separator`, both taken off.
std::uint64_t number(std::string_view& rest, char separator) {
  std::uint64_t v = 0;
  const auto [end, ec] = std::from_chars(rest.data(), rest.data() + rest.size(), v);
  if (ec != std::errc() || end == rest.data() + rest.size() || *end != separator) damaged();
  rest.remove_prefix(static_cast<std::size_t>(end - rest.data()) + 1);
  return v;
}

}  // namespace

void CableFacetSpy::operator()(const Xapian::Document& doc, double) {
  ++documents_;
  if (!seen_.insert(doc.get_value(schema::kSlotCable)).second) return;
  ++cables_;
  const std::string lines = doc.get_value(schema::kSlotFacets);
  if (lines.empty()) {
    unread_.push_back(doc.get_value(schema::kSlotCable));
    return;
  }
  for (std::string_view line : text::split_lines(lines)) {
    if (line.size() > 2 && line[1] == ':') ++counts_[{line[0], std::string(line.substr(2))}];
  }
}

Xapian::MatchSpy* CableFacetSpy::unserialise(const std::string&, const Xapian::Registry&) const {
  return new CableFacetSpy;
}

// Results as text: "<documents> <cables>\n", then a line per facet value,
// "<count> <letter><value>\n", then one per unread cable, "-<ID>\n". Facet
// values hold no newline (they are lines of kSlotFacets already), nor do IDs.
std::string CableFacetSpy::serialise_results() const {
  std::string out = fmt::format("{} {}\n", documents_, cables_);
  for (const auto& [key, count] : counts_) {
    out += fmt::format("{} {}{}\n", count, key.first, key.second);
  }
  for (const std::string& id : unread_) out += fmt::format("-{}\n", id);
  return out;
}

void CableFacetSpy::merge_results(const std::string& results) {
  // Read whole before anything is added: damaged results change nothing.
  std::string_view rest = results;
  const std::uint64_t documents = number(rest, ' ');
  const std::uint64_t cables = number(rest, '\n');
  std::vector<std::pair<std::pair<char, std::string>, std::uint64_t>> counts;
  std::vector<std::string> unread;
  while (!rest.empty()) {
    if (rest.front() == '-') {
      const std::size_t end = rest.find('\n');
      if (end == std::string_view::npos || end == 1) damaged();
      unread.emplace_back(rest.substr(1, end - 1));
      rest.remove_prefix(end + 1);
      continue;
    }
    const std::uint64_t count = number(rest, ' ');
    const std::size_t end = rest.find('\n');
    if (end == std::string_view::npos || end == 0) damaged();
    counts.push_back({{rest[0], std::string(rest.substr(1, end - 1))}, count});
    rest.remove_prefix(end + 1);
  }
  documents_ += documents;
  cables_ += cables;
  for (auto& [key, count] : counts) counts_[std::move(key)] += count;
  unread_.insert(unread_.end(), std::make_move_iterator(unread.begin()),
                 std::make_move_iterator(unread.end()));
}

void CableFacetSpy::add_values(const CableFacetSpy& cables) {
  for (const auto& [key, count] : cables.counts_) counts_[key] += count;
}

std::vector<FacetCount> CableFacetSpy::top(Facet facet, std::size_t limit) const {
  const char letter = facet_spec(facet).letter;
  std::vector<FacetCount> out;
  for (const auto& [key, count] : counts_) {
    if (key.first == letter) out.push_back({key.second, count, {}});
  }
  return most_frequent(std::move(out), limit);
}

}  // namespace cable::internal
