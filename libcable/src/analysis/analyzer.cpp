#include "analysis/analyzer.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstddef>
#include <utility>

#include "analysis/folding.hpp"
#include "analysis/stem_cache.hpp"
#include "store/schema.hpp"

namespace cable::internal {
namespace {

constexpr Xapian::termpos kFieldGap = 100;

// Mirrors the TermGenerator's rule for STEM_SOME: a word is stemmed when it
// starts with a letter.
bool starts_with_letter(std::string_view word) {
  if (word.empty()) return false;
  UChar32 c = 0;
  int32_t i = 0;
  U8_NEXT(reinterpret_cast<const uint8_t*>(word.data()), i, static_cast<int32_t>(word.size()), c);
  return c >= 0 && u_isalpha(c);
}

// The English stem of a word, or nothing when the stem is the word itself:
// the TermGenerator adds no "Z" term for an empty stem, so a word that is its
// own stem ("the", "report"; but "embassy" -> "embassi") is indexed
// once, as its exact term. Over half of a paragraph's distinct words are
// their own stem, and each term left out is a posting less to write;
// Analyzer::stemmed() looks for both forms. Through a cache: the
// TermGenerator asks for the stem of every word it meets.
class ChangedStem : public Xapian::StemImplementation {
 public:
  std::string operator()(const std::string& word) override {
    const std::string& stem = cache_.stem(word);
    return stem == word ? std::string() : stem;
  }
  std::string get_description() const override { return "english, changed stems only"; }

 private:
  StemCache cache_{std::size_t{1} << 14};
};

// The code point of `s` at byte `i`, and its length in bytes; a byte that
// is not UTF-8 is its own code point, a negative one.
std::pair<UChar32, std::size_t> code_point(std::string_view s, std::size_t i) {
  UChar32 c = 0;
  int32_t end = static_cast<int32_t>(i);
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), end, static_cast<int32_t>(s.size()), c);
  return {c, static_cast<std::size_t>(end) - i};
}

bool is_letter(UChar32 c) { return c >= 0 && u_isalpha(c); }

}  // namespace

std::string separate_words(std::string folded) {
  const std::string_view in = folded;
  std::string out;
  out.reserve(in.size());
  std::size_t word = 0;  // where the word being copied starts in `out`
  for (std::size_t i = 0; i < in.size();) {
    const auto [c, length] = code_point(in, i);
    if (c == '\'' || c == 0x2019) {
      const std::string_view elided = std::string_view(out).substr(word);
      const bool elision =
          (elided.size() == 1 && std::string_view("cdjlmnst").find(elided) != std::string::npos) ||
          elided == "qu";
      if (elision && i + length < in.size() && is_letter(code_point(in, i + length).first)) {
        out.push_back(' ');
        i += length;
        word = out.size();
        continue;
      }
    }
    i += length;
    if (c == '_') {
      out.push_back(' ');
      word = out.size();
      continue;
    }
    out.append(in.substr(i - length, length));
    if (!is_letter(c)) word = out.size();
  }
  return out;
}

Analyzer::Analyzer() : stemmer_("english") {
  generator_.set_stemmer(Xapian::Stem(new ChangedStem));
  generator_.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
}

void Analyzer::start(Xapian::Document& doc) {
  generator_.set_document(doc);
  fresh_ = true;
}

void Analyzer::index_text(std::string_view text, std::string_view prefix) {
  if (!fresh_) generator_.increase_termpos(kFieldGap);
  fresh_ = false;
  generator_.index_text(separate_words(fold(text)), 1, std::string(prefix));
}

std::vector<std::string> Analyzer::words(std::string_view text) const {
  Xapian::TermGenerator scratch;
  Xapian::Document doc;
  scratch.set_document(doc);
  scratch.set_stemming_strategy(Xapian::TermGenerator::STEM_NONE);
  scratch.index_text(separate_words(fold(text)));
  std::vector<std::pair<Xapian::termpos, std::string>> at;
  const Xapian::Document& d = scratch.get_document();
  for (auto t = d.termlist_begin(); t != d.termlist_end(); ++t) {
    for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) at.emplace_back(*p, *t);
  }
  std::sort(at.begin(), at.end());
  std::vector<std::string> out;
  out.reserve(at.size());
  for (auto& [pos, word] : at) out.push_back(std::move(word));
  return out;
}

Xapian::Query Analyzer::stemmed(const std::string& word, std::string_view prefix,
                                Forms forms) const {
  if (!starts_with_letter(word)) return Xapian::Query(schema::term(prefix, word));
  const std::string stem = stemmer_(word);
  std::string z(schema::kStemmed);
  z.append(prefix);
  z.append(stem);
  // Words that are their own stem carry no "Z" term (ChangedStem). The stem
  // itself is such a word only when stemming leaves it alone: Snowball is
  // not always idempotent. OR, not SYNONYM: a synonym is weighted as one
  // term, which Xapian computes for every match, slowing a common word's
  // top 10 (docs/benchmarks.md); an OR keeps Xapian's
  // pruning by maximum weight.
  std::vector<Xapian::Query> terms{Xapian::Query(z)};
  if (stemmer_(stem) == stem) terms.emplace_back(schema::term(prefix, stem));
  if (forms == Forms::kExactWeighsMore && stem != word) {
    terms.emplace_back(schema::term(prefix, word));
  }
  if (terms.size() == 1) return terms.front();
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

}  // namespace cable::internal
