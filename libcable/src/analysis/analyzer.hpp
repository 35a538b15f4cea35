// Text analysis, shared by indexing and querying so both cut and fold words
// the same way: ICU folding (analysis/folding), then Xapian's TermGenerator with
// English stemming, exact terms with positions and "Z" stems without (for
// the words whose stem differs from the word).
#ifndef CABLE_SRC_ANALYSIS_ANALYZER_HPP_
#define CABLE_SRC_ANALYSIS_ANALYZER_HPP_

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

namespace cable::internal {

// `folded` with what separates words for a reader but not for Xapian's
// TermGenerator made a space:
// - the apostrophe of each elision: "charge d’affaires" -> "charge d
//   affaires", "«l'elysee»" -> "«l elysee»". The TermGenerator keeps an
//   apostrophe between letters inside one word, so "affaires" alone would
//   not find "Chargé d’Affaires", common in the cables. An elision is a word
//   of one letter of c, d, j, l, m, n, s, t, or qu, before ' or ’ and a
//   letter (French l’, d’, qu’, Italian l’; not dell’ or un’); "don't",
//   "o'brien" and "qadhafi's" stay whole;
// - "_", which joins the words of the cables' URLs ("United_Kingdom") and
//   which the TermGenerator keeps inside a word, as SQLite's FTS5 does not.
// Cost: one pass.
std::string separate_words(std::string folded);

class Analyzer {
 public:
  Analyzer();

  // Starts on a document: index_text() adds to `doc` until the next start().
  void start(Xapian::Document& doc);

  // Indexes folded `text` into the started document: exact terms (with
  // `prefix`) with positions, and stems ("Z" + prefix) of the words that are
  // not their own stem. Successive calls
  // leave a gap in positions, so phrases never span two fields.
  void index_text(std::string_view text, std::string_view prefix = {});

  // The exact terms `text` gives, in order, as index_text would make them.
  std::vector<std::string> words(std::string_view text) const;

  // What finds one exact word and every word of its stem: "Z" + prefix +
  // stem, OR the exact term prefix + stem when the stem is a word that is
  // its own stem (index_text makes no "Z" term for those). A word that is
  // not stemmed (one that does not start with a letter: a number) is its
  // exact term. With kExactWeighsMore, the exact term of `word` joins the
  // OR when it is not the stem, so that a document holding the word as
  // typed weighs more than one holding another word of its stem ("careful"
  // over "care"): a reader types the words they remember.
  enum class Forms { kStem, kExactWeighsMore };
  Xapian::Query stemmed(const std::string& word, std::string_view prefix = {},
                        Forms forms = Forms::kStem) const;

 private:
  Xapian::Stem stemmer_;
  Xapian::TermGenerator generator_;
  bool fresh_ = true;
};

}  // namespace cable::internal

#endif  // CABLE_SRC_ANALYSIS_ANALYZER_HPP_
