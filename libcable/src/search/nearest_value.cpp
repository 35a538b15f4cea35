#include "search/nearest_value.hpp"

#include <algorithm>
#include <limits>
#include <optional>
#include <string_view>
#include <vector>

#include "store/schema.hpp"
#include "store/stored.hpp"
#include "util/text.hpp"

namespace cable::internal {
namespace {

std::size_t allowed(std::string_view word) {
  return word.size() <= 4 ? 1 : word.size() <= 8 ? 2 : 3;
}

// The summed distance of each typed word to the nearest word of
// `candidate` (`by_word`) or to the whole of it; nullopt when a word has
// none near enough.
std::optional<std::size_t> distance(const std::vector<std::string_view>& typed,
                                    std::string_view candidate, bool by_word) {
  const std::vector<std::string_view> words =
      by_word ? text::split_words(candidate) : std::vector<std::string_view>{candidate};
  std::size_t total = 0;
  for (std::string_view t : typed) {
    std::size_t best = std::numeric_limits<std::size_t>::max();
    for (std::string_view w : words) best = std::min(best, text::edit_distance(t, w));
    if (best > allowed(t)) return std::nullopt;
    total += best;
  }
  return total;
}

// The prefix of the terms to search for the nearest value, and the value
// typed as those terms spell it.
struct Vocabulary {
  std::string_view prefix;
  std::string typed;
};

Vocabulary vocabulary(const LocatedValue& v) {
  switch (v.field) {
    case Field::kOrigin: {  // the whole origins, word by word
      std::string typed;
      for (const std::string& t : v.terms) {
        text::append_joined(typed, std::string_view(t).substr(schema::kOrigin.size()), " ");
      }
      return {schema::kOriginFull, typed};
    }
    case Field::kTag:
      return {schema::kTag, v.terms.front().substr(schema::kTag.size())};
    case Field::kCaption:
      return {schema::kCaption, v.terms.front().substr(schema::kCaption.size())};
    case Field::kPrecedence:
      return {schema::kPrecedence, v.terms.front().substr(schema::kPrecedence.size())};
    case Field::kPerson:
      return {schema::kPerson, v.terms.front().substr(schema::kPerson.size())};
    case Field::kMarking:
      return {schema::kMarking, v.terms.front().substr(schema::kMarking.size())};
    default:
      return {};
  }
}

// `value` as a query writes it.
std::string written(const Xapian::Database& db, const RecordReader& record, const LocatedValue& v,
                    const std::string& term, std::string_view value) {
  std::string out(value);
  if (v.field == Field::kOrigin) {
    // The origin as the cables give it ("Embassy Tripoli"), not folded.
    const Xapian::PostingIterator p = db.postlist_begin(term);
    if (p != db.postlist_end(term)) {
      out = decode_doc(record(*p)).origin;
    }
  }
  if (v.field == Field::kMarking) out = text::upper(out);
  if (out.find_first_of(" ,\"") != std::string::npos) out = "\"" + out + "\"";
  return out;
}

}  // namespace

bool names_nothing(const Xapian::Database& db, const LocatedValue& v) {
  const auto absent = [&](const std::string& t) { return db.get_termfreq(t) == 0; };
  return v.any ? std::all_of(v.terms.begin(), v.terms.end(), absent)
               : std::any_of(v.terms.begin(), v.terms.end(), absent);
}

std::string nearest_value(const Xapian::Database& db, const RecordReader& record,
                          const LocatedValue& v) {
  const Vocabulary voc = vocabulary(v);
  if (voc.prefix.empty() || voc.typed.empty()) return {};
  const std::vector<std::string_view> typed = v.field == Field::kOrigin
                                                  ? text::split_words(voc.typed)
                                                  : std::vector<std::string_view>{voc.typed};
  std::string best_term;
  std::size_t best_distance = 0;
  Xapian::doccount best_freq = 0;
  const std::string prefix(voc.prefix);
  for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
    const std::string term = *t;
    const std::string_view value = std::string_view(term).substr(prefix.size());
    // An origin is compared word by word, any other value whole.
    const auto d = distance(typed, value, v.field == Field::kOrigin);
    if (!d) continue;
    const Xapian::doccount freq = t.get_termfreq();
    if (best_term.empty() || *d < best_distance || (*d == best_distance && freq > best_freq)) {
      best_term = term;
      best_distance = *d;
      best_freq = freq;
    }
  }
  if (best_term.empty()) return {};
  return written(db, record, v, best_term, std::string_view(best_term).substr(prefix.size()));
}

}  // namespace cable::internal
