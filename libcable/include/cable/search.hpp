// libcable — searching an index.
//
// A Searcher answers queries over an index that a cable::Writer built:
//
//   auto s = cable::Searcher::open("cables.db");
//   cable::SearchOptions o;
//   o.facets = {cable::Facet::kTag};
//   auto r = s.search("forced labour tag:KTIP origin:paris date:2008", o);
//   for (const auto& hit : r.hits) std::cout << hit.cable << " ¶" << hit.paragraph << "\n";
//
// A Searcher sees the index as of its last commit when it was opened or
// refreshed; when a writer commits meanwhile it reopens by itself and never
// reports Xapian's "database modified" condition. Calls on one Searcher are
// serialized by a mutex, so it may be shared between threads; open one per
// thread for searches that run in parallel. A Searcher keeps the stored
// records it read lately (hits, cables, suggestions) in memory, up to 8 MiB,
// the cables of the filters (tags, dates, origins…) it searched lately,
// emptied past 16 MiB at the next search, and the cables of the words it
// searched (for exact totals without counting), none kept past 64 MiB and
// then emptied, and, for an index on disk, the postings of the words in few
// documents it searched, emptied past about 32 MiB, until it sees a commit.
//
// Copyright (C) 2026 The libcable authors. SPDX-License-Identifier: GPL-2.0-or-later
#ifndef CABLE_SEARCH_HPP_
#define CABLE_SEARCH_HPP_

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cable/error.hpp"
#include "cable/export.hpp"
#include "cable/query.hpp"
#include "cable/record.hpp"
#include "cable/tags.hpp"

namespace cable {

namespace internal {
struct SearcherState;
struct SearcherAccess;
}  // namespace internal

/// How results are ordered. Ties keep the order in which cables were indexed,
/// so paging is stable.
enum class Sort {
  kRelevance,       ///< Best match first.
  kDateAscending,   ///< Oldest first.
  kDateDescending,  ///< Newest first.
};

/// What a query matches, and what one hit stands for.
enum class Grouping {
  /// Whole cables: a cable matches when the query holds over the cable as a
  /// whole, its subject and its paragraphs (`A B`: A in one paragraph, B in
  /// another; `A -B`: no B anywhere in the cable; fields apply to the
  /// cable); phrases and NEAR hold inside one paragraph (or the subject).
  /// One hit per cable, naming the paragraph that best answers the query:
  /// one that holds it whole first, else the one with most of its words.
  kCable,
  /// Paragraphs: every part of the query holds inside one paragraph. One hit
  /// per matching paragraph.
  kParagraph,
};

/// Facets counted over the matching cables.
enum class Facet { kTag, kOrigin, kClassification, kYear, kMonth, kCaption, kPerson, kPrecedence };

/// Every facet, in the order of Facet: what a CLI, a binding or a page lists.
CABLE_EXPORT std::span<const Facet> all_facets() noexcept;
/// "tag", "origin", "class", "year", "month", "caption", "person", "precedence":
/// also the name of its query field, where it has one (not year, month).
CABLE_EXPORT const char* facet_name(Facet facet) noexcept;
/// The facet named `name` (the names above), or std::nullopt.
CABLE_EXPORT std::optional<Facet> facet_from_name(std::string_view name) noexcept;

/// Most hits one search returns; a larger SearchOptions::limit is taken as
/// this. Page through more with SearchOptions::offset.
inline constexpr std::size_t kMaxHitsPerPage = 10000;

/// How Searcher::search() answers: paging, order, grouping, facets, snippets.
struct SearchOptions {
  std::size_t offset = 0;                ///< Hits to skip (paging); past the last match, no hits.
  std::size_t limit = 10;                ///< Hits to return at most (at most kMaxHitsPerPage).
  Sort sort = Sort::kRelevance;          ///< The order of the hits.
  Grouping grouping = Grouping::kCable;  ///< One hit per cable, or per paragraph.
  /// Facets to count, exactly, over all matching cables.
  std::vector<Facet> facets;
  /// Values to return per facet, most frequent first; 0 returns all.
  std::size_t facet_limit = 10;
  /// Length of a snippet, in characters (about).
  std::size_t snippet_length = 240;
  /// Text put around each matched word in snippets. Snippets are HTML-escaped.
  std::string highlight_start = "<b>";
  std::string highlight_end = "</b>";  ///< Text put after each matched word.
  /// Suggest a spelling when fewer than this many cables match; 0 never.
  std::size_t suggest_below = 3;
  /// What TAGS codes mean: `tag:libya` finds LY through it, and the tag
  /// facet's values carry their meaning (FacetCount::name).
  Glossary glossary = Glossary::builtin();
  /// On an index of several shards, match each shard in a thread of its own
  /// when the search reads many postings (the answer is the same; it comes
  /// sooner on several cores). false: one thread.
  bool shard_threads = true;
};

/// One result.
struct Hit {
  std::string cable;           ///< Cable ID: "09PARIS268".
  std::string paragraph;       ///< Paragraph number as written ("4"); "" for unnumbered text
                               ///< and for a match in the subject.
  std::uint32_t order = 0;     ///< Place in the cable: 0 is the subject, 1 the first paragraph.
  std::string marking;         ///< The paragraph's marking ("SBU"), or "".
  std::string date;            ///< ISO date (and time when known) of the cable.
  std::string subject;         ///< The cable's subject.
  std::string origin;          ///< "Embassy Paris".
  std::string classification;  ///< Canonical classification.
  double score = 0;            ///< Relevance (BM25; over cables, among the first 40 of a query of
                               ///< several words, plus that of the best paragraph holding the
                               ///< whole query); 0 for filters alone.
  std::string snippet;         ///< Part of the paragraph with the matches highlighted
                               ///< (HTML-escaped).
  std::uint64_t other_matches = 0;  ///< Grouping::kCable: other paragraphs of the cable (or
                                    ///< its subject) that hold the whole query; 0 when it
                                    ///< holds only across paragraphs.
};

/// One value of a facet and the number of matching cables that have it.
struct FacetCount {
  std::string value;        ///< "KTIP", "Embassy Paris", "2009", …
  std::uint64_t count = 0;  ///< Matching cables with that value.
  std::string name;         ///< A tag's meaning ("Trafficking in Persons"), else "".
};

/// The answer to one search.
struct Results {
  /// Matching cables (kCable) or paragraphs (kParagraph): exactly from
  /// search(), at least that many from more_like_this() (see total_exact).
  std::uint64_t total = 0;
  /// Whether `total` is exact; a total that is not is a true lower bound.
  /// search() always counts exactly; more_like_this() counts no further than
  /// its page needs, unless facets are asked for.
  bool total_exact = true;
  std::vector<Hit> hits;  ///< The page of hits asked for, best (or first) first.
  /// Counts per requested facet, most frequent first (ties by value).
  std::map<Facet, std::vector<FacetCount>> facets;
  /// A respelled query when few cables matched and the index knows better
  /// words ("traficking" -> "trafficking"); empty otherwise.
  std::string suggestion;
};

/// Figures about an index.
struct IndexStats {
  std::uint64_t cables = 0;      ///< Cables in the index.
  std::uint64_t paragraphs = 0;  ///< Paragraph documents in the index.
  std::string first_date;        ///< Oldest cable's date, or "" when empty.
  std::string last_date;         ///< Newest cable's date, or "".
  /// For each facet of all_facets(), its most frequent values, by cables
  /// (at most `top` of them, Searcher::stats()).
  std::map<Facet, std::vector<FacetCount>> top;
  std::uint64_t bytes = 0;  ///< Size on disk (0 in memory).
  int schema_version = 0;   ///< The index's schema version (docs/schema.md).
};

/// Answers queries over an index; see the top of this header for how it
/// sees a writer's commits and for its thread-safety.
class CABLE_EXPORT Searcher {
 public:
  /// Opens the index in `dir` for searching.
  /// @throws cable::Error kIndexMissing when there is none, kIndexVersion
  ///   when it was built with another schema (the message says to rebuild),
  ///   kIndex when it cannot be read.
  static Searcher open(const std::filesystem::path& dir);

  /// Moves the searcher.
  Searcher(Searcher&&) noexcept;
  /// Moves the searcher.
  Searcher& operator=(Searcher&&) noexcept;
  ~Searcher();

  /// Runs `query`. Cost: proportional to the matches examined, and the
  /// total counts every match (without weights); a phrase or NEAR over whole
  /// cables is matched over every paragraph first; each hit of a page over
  /// cables looks for its best paragraph. On an index of several shards, a
  /// search that reads many postings matches each shard in a thread of its
  /// own, the first in the caller's (docs/architecture.md;
  /// SearchOptions::shard_threads).
  /// @throws cable::QueryError when a wildcard stands for too many words, or
  ///   for a `class:` value that is no classification.
  Results search(const Query& query, const SearchOptions& options = {}) const;
  /// Parses `query` (docs/query-language.md), then runs it.
  /// @throws cable::QueryError for a malformed query, with its position.
  Results search(std::string_view query, const SearchOptions& options = {}) const;

  /// The cable with this ID as indexed: every field and paragraph (not the raw
  /// input text), or std::nullopt. `id` is read in any case; an ID no cable
  /// has that a cable of the index was published under fetches that cable
  /// ("08ECTION02OF02ATHENS959" fetches 08ATHENS959); so in cited_by and
  /// more_like_this.
  std::optional<Cable> cable(std::string_view id) const;
  /// IDs of the cables whose REF list cites `id`, oldest first.
  std::vector<std::string> cited_by(std::string_view id) const;
  /// Cables (or, with Grouping::kParagraph, paragraphs) like cable `id` (or
  /// its paragraph `paragraph`, a number as written), other cables, best
  /// first. Empty when `id` (or that paragraph) is not in the index. Cost:
  /// a match of the cable's most telling words that stops once the page is
  /// sure, so `total` is only a lower bound (`total_exact` false) unless
  /// every match was seen or facets were asked for.
  Results more_like_this(std::string_view id, std::string_view paragraph = {},
                         const SearchOptions& options = {}) const;
  /// Counts, date span and the `top` most frequent values of each facet.
  /// Cost: a pass over every cable's facets.
  IndexStats stats(std::size_t top = 10) const;
  /// The number of cables in the index, as of the searcher's last refresh.
  /// Cost: one term frequency per shard.
  /// @throws cable::Error kIndex when the index cannot be read.
  std::uint64_t cables() const;

  /// Reopens the index to see the latest commit now.
  void refresh();

 private:
  friend struct internal::SearcherAccess;  // Writer::searcher(), and the search layer
  explicit Searcher(std::unique_ptr<internal::SearcherState> impl);
  std::unique_ptr<internal::SearcherState> impl_;
};

}  // namespace cable

#endif  // CABLE_SEARCH_HPP_
