#include "search/runner.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "analysis/folding.hpp"
#include "search/best_paragraph.hpp"
#include "search/cable_filter.hpp"
#include "search/cable_sets.hpp"
#include "search/cable_words.hpp"
#include "search/facet_spy.hpp"
#include "search/match_cost.hpp"
#include "search/nearest_value.hpp"
#include "search/plain_search.hpp"
#include "search/rescore.hpp"
#include "search/snippet.hpp"
#include "search/top_hits.hpp"
#include "store/schema.hpp"
#include "store/stored.hpp"
#include "util/text.hpp"

namespace cable::internal {
namespace {

using Q = Xapian::Query;

// The one-cable view of a document's stored data.
Hit hit_from(const StoredDoc& d) {
  Hit h;
  h.cable = d.id;
  h.paragraph = d.number;
  h.order = d.order;
  h.marking = d.marking;
  h.date = d.date;
  h.subject = d.subject;
  h.origin = d.origin;
  h.classification = d.classification;
  return h;
}

class Runner {
 public:
  explicit Runner(SearcherState& impl) : impl_(impl) {}

  Results run(const CompiledQuery& compiled, const SearchOptions& o, std::string_view source,
              Total total) {
    const bool by_cable = o.grouping == Grouping::kCable;
    // Over whole cables, their cable documents (the compiler filters them
    // where the query could match another); over paragraphs, theirs, whose
    // terms of the cable become filters through their cables below.
    Q q = by_cable ? compiled.cables
                   : Q(Q::OP_FILTER, compiled.query, kind_filter(schema::kKindParagraph));
    // No page reaches past the documents there are, whatever the options say.
    const Xapian::doccount documents = impl_.db.get_doccount();
    const auto bounded = [&](std::size_t n) {
      return static_cast<Xapian::doccount>(std::min<std::size_t>(n, documents));
    };
    TopRequest request;
    request.first = bounded(o.offset);
    request.count = bounded(std::min(o.limit, kMaxHitsPerPage));
    request.by_date = o.sort != Sort::kRelevance;
    request.newest_first = o.sort == Sort::kDateDescending;
    // Cables ranked by relevance on several words are ranked again by their
    // best paragraph (search/rescore.hpp): a page that starts among the first
    // kRescoreWindow cables comes from them, or more. A page past them is
    // the same without: they only change places among themselves.
    const bool rescoring = by_cable && o.sort == Sort::kRelevance && compiled.weighted &&
                           compiled.free_text_parts >= 2 && request.count > 0 &&
                           request.first < kRescoreWindow;
    const Xapian::doccount page_first = request.first;
    if (rescoring) {
      request.count = bounded(std::max<std::size_t>(kRescoreWindow, request.first + request.count));
      request.first = 0;
    }
    // Searches that read many postings match each shard in a thread of its
    // own (search/match_cost.hpp).
    const bool several = impl_.shards.size() > 1;
    // Postings are kept for an index on disk alone: an in-memory one is
    // the writer's, which changes without a new revision.
    impl_.terms.learn(impl_.shards, q, by_cable ? &impl_.cable_map() : nullptr,
                      impl_.keep_postings && !impl_.dir.empty() && !impl_.plain_xapian);
    request.terms = &impl_.terms;
    request.registry = &impl_.registry();
    const Xapian::doccount reads = postings_to_read(impl_.db, q, &impl_.terms);
    const bool threads = o.shard_threads && several && reads >= kShardThreadsFrom;
    TopHits top;
    Results r;
    Q by_document;  // compiled.query, its fields through their cables
    try {
      // Only weights need the lengths.
      if (compiled.weighted && !impl_.plain_xapian) request.lengths = &impl_.doc_lengths();
      // The cable's fields filter documents through their cables, whose
      // cable documents alone hold them (search/cable_filter), on every
      // path: over paragraphs, and for the best paragraphs of weighed cables.
      impl_.filters.begin(impl_.shards);
      if (!by_cable || compiled.weighted) {
        by_document =
            over_documents(compiled.query, impl_.filters, impl_.shards, impl_.cable_map());
      }
      if (!by_cable) q = Q(Q::OP_FILTER, by_document, kind_filter(schema::kKindParagraph));
      // Words over cables (search/cable_words).
      // Filters over cables from lists in memory (search/cable_filter),
      // except on the plain path, the local path's oracle in the tests.
      if (by_cable) {
        CableWordsContext context{&impl_.cable_map(), request.lengths, &impl_.db, &impl_.terms};
        if (!impl_.plain_xapian) {
          context.filters = &impl_.filters;
          context.shards = &impl_.shards;
        }
        q = over_cables(q, context);
      }
      // A small match, or one with weights, counts its matches itself when
      // the total must be exact (search/match_cost.hpp), unless a pass of their own
      // counts them from their posting lists, faster, or counts facets too
      // (the plain path keeps its pass), or the sets of its words over
      // whole cables count them (search/cable_sets): the match then passes
      // over the cables too light for the page, in the order of relevance.
      const bool own_pass = counted_from_postings(q, by_cable ? &compiled.cables : nullptr);
      std::optional<std::uint64_t> from_sets;
      if (by_cable && total == Total::kExact && o.facets.empty() && !impl_.plain_xapian &&
          !own_pass) {
        from_sets =
            count_from_sets(compiled.cables, impl_.terms, impl_.cable_map(), &impl_.filters);
      }
      request.count_all = total == Total::kExact && o.facets.empty() &&
                          (compiled.weighted || reads < kCountInMatchBelow) &&
                          !impl_.plain_xapian && !own_pass && !from_sets;
      if (impl_.plain_xapian) {
        top = plain_top_hits(impl_.db, q, request);
      } else if (several && !compiled.weighted) {
        top = top_hits_of_shards(impl_.shards, q, request, threads);
      } else if (threads) {
        request.shard_registries = impl_.registries_of_shards();
        top = top_hits_through_whole(impl_.whole_per_shard(), q, request);
      } else {
        top = top_hits(impl_.db, q, request);
      }
      r.total_exact = top.exact;
      // A match that stopped early found at least the hits it returns (and
      // a page past them all, none it can vouch for).
      r.total = top.exact ? top.estimated : top.hits.empty() ? 0 : request.first + top.hits.size();
      if (from_sets) {
        r.total = *from_sets;
        r.total_exact = true;
        ++impl_.totals_from_sets;
      }
      // Exact totals of a page that did not count every match, and facets,
      // need the counting pass.
      if ((!r.total_exact && total == Total::kExact) || !o.facets.empty()) {
        if (impl_.plain_xapian) {
          count_plain(q, o, r);
        } else {
          count_all(q, o, threads, by_cable ? &compiled.cables : nullptr, r);
        }
      }
    } catch (const Xapian::WildcardError&) {
      throw_wildcard_error(compiled);
    }
    name_tags(r.facets, o.glossary);
    // The best paragraph of each hit, for its cable (search/best_paragraph),
    // by its cable document.
    DocumentSearch paragraph_search;
    paragraph_search.whole = &impl_.db;
    if (!impl_.plain_xapian && by_cable && compiled.weighted) {
      paragraph_search.map = &impl_.cable_map();
      paragraph_search.lengths = &impl_.doc_lengths();
      paragraph_search.terms = &impl_.terms;
      paragraph_search.positional = compiled.positional.get();
    }
    std::unordered_map<Xapian::docid, BestParagraph> best_of_cable;
    if (rescoring) {
      best_of_cable = rescore(paragraph_search, by_document, top.hits);
      const std::size_t from = std::min<std::size_t>(page_first, top.hits.size());
      const std::size_t to =
          std::min<std::size_t>(from + std::min(o.limit, kMaxHitsPerPage), top.hits.size());
      top.hits = std::vector<TopHit>(top.hits.begin() + static_cast<std::ptrdiff_t>(from),
                                     top.hits.begin() + static_cast<std::ptrdiff_t>(to));
    }
    // Of every hit of the page not ranked again, in one match; those none of
    // whose documents holds the whole query, their document with the most of
    // its words, in one more.
    if (by_cable && compiled.weighted) {
      // The page's cables not looked up yet, or (`in_vain`) those looked up
      // that have no document with the whole query.
      const auto hits_of_page = [&](bool in_vain) {
        std::vector<Xapian::docid> cables;
        for (const TopHit& t : top.hits) {
          const auto b = best_of_cable.find(t.docid);
          if (in_vain ? b != best_of_cable.end() && b->second.document == 0
                      : b == best_of_cable.end()) {
            cables.push_back(t.docid);
          }
        }
        return cables;
      };
      best_of_cable.merge(best_paragraphs(paragraph_search, by_document, hits_of_page(false)));
      for (const auto& [cable, best] :
           best_paragraphs(paragraph_search, any_word_of(by_document), hits_of_page(true))) {
        best_of_cable[cable] = {best.document, 0, 0};  // none holds the whole query
      }
    }
    std::vector<std::string> wildcards;
    for (const Located& w : compiled.wildcards) wildcards.push_back(w.text);  // folded
    SnippetMaker snippets(compiled.query, std::move(wildcards));
    impl_.begin_records();
    for (const TopHit& t : top.hits) {
      // The cable document, which shows the subject, when no other is better.
      BestParagraph best;
      Xapian::docid shown = t.docid;
      if (const auto b = best_of_cable.find(t.docid);
          b != best_of_cable.end() && b->second.document) {
        best = b->second;
        shown = best.document;
      }
      const StoredDoc d = decode_doc(impl_.record(shown));
      Hit h = hit_from(d);
      h.score = t.weight;
      h.other_matches = best.others;
      h.snippet = snippets.make(d.text, o.snippet_length, o.highlight_start, o.highlight_end);
      r.hits.push_back(std::move(h));
    }
    if (o.suggest_below > 0 && r.total < o.suggest_below) r.suggestion = suggest(compiled, source);
    return r;
  }

 private:
  // Counts every match, exactly, and the facets of the matching cables: a
  // second pass without weights, collapsing or sorting, so that Xapian only
  // walks the posting lists (the spy maps each document to its cable by ID;
  // over whole cables without facets there is none: each match is a cable;
  // a word over whole cables is counted from its postings, search/facet_spy).
  // `cable_words`: the query over whole cables as compiled, when it is.
  void count_all(const Q& q, const SearchOptions& o, bool threads, const Q* cable_words,
                 Results& r) {
    impl_.begin_facets();
    const Counted counted =
        count_matches(impl_.shards, q, impl_.cables, impl_.facets,
                      {.threads = threads,
                       .registry = &impl_.registry(),
                       .cables_only = o.grouping == Grouping::kCable && o.facets.empty(),
                       .cable_words = cable_words,
                       .stats = &impl_.terms});
    r.total = o.grouping == Grouping::kCable ? counted.cables : counted.documents;
    r.total_exact = true;
    for (Facet f : o.facets) r.facets[f] = FacetCache::top(impl_.facets, f, o.facet_limit);
  }

  // The same as count_all() on plain Xapian machinery (search/plain_search).
  void count_plain(const Q& q, const SearchOptions& o, Results& r) {
    CableFacetSpy spy;
    internal::count_plain(impl_.db, q, spy);
    r.total = o.grouping == Grouping::kCable ? spy.cables() : spy.documents();
    r.total_exact = true;
    for (Facet f : o.facets) r.facets[f] = spy.top(f, o.facet_limit);
  }

  [[noreturn]] void throw_wildcard_error(const CompiledQuery& compiled) {
    for (const Located& w : compiled.wildcards) {
      Xapian::termcount n = 0;
      for (auto t = impl_.db.allterms_begin(w.text); t != impl_.db.allterms_end(w.text); ++t) {
        if (++n > kMaxWildcardExpansion) {
          throw QueryError(w.position,
                           fmt::format("{}* stands for more than {} words: make it longer", w.text,
                                       kMaxWildcardExpansion));
        }
      }
    }
    throw QueryError(0, fmt::format("a wildcard stands for more than {} words: make it longer",
                                    kMaxWildcardExpansion));
  }

  // The query with each misspelt word replaced by the index's suggestion,
  // and each field value that names nothing by the nearest one that does;
  // "" when nothing has a better form.
  std::string suggest(const CompiledQuery& compiled, std::string_view source) {
    struct Edit {
      std::size_t position;
      std::string typed;   // as the source holds it
      std::string better;  // in its place
      std::string shown;   // as a query of its own: "tag:KTIP"
    };
    std::vector<Edit> edits;
    bool changed = false;
    for (const Located& w : compiled.words) {
      const std::string folded = fold(w.text);
      const std::string better = impl_.db.get_spelling_suggestion(folded);
      if (!better.empty() && better != folded) changed = true;
      const std::string& use = better.empty() ? w.text : better;
      edits.push_back({w.position, w.text, use, use});
    }
    impl_.begin_records();
    for (const LocatedValue& v : compiled.values) {
      if (!names_nothing(impl_.db, v)) continue;
      const std::string better = nearest_value(
          impl_.db, [&](Xapian::docid d) { return impl_.record(d); }, v);
      if (better.empty()) continue;
      changed = true;
      edits.push_back({v.position, v.quoted ? "\"" + v.text + "\"" : v.text, better,
                       std::string(field_name(v.field)) + ":" + better});
    }
    if (!changed) return {};
    std::sort(edits.begin(), edits.end(),
              [](const Edit& a, const Edit& b) { return a.position < b.position; });
    if (source.empty()) {
      std::string joined;
      for (const Edit& e : edits) text::append_joined(joined, e.shown, " ");
      return joined;
    }
    // From the end, so that earlier positions stay right.
    std::string out(source);
    for (auto e = edits.rbegin(); e != edits.rend(); ++e) {
      if (e->position + e->typed.size() <= out.size() &&
          out.compare(e->position, e->typed.size(), e->typed) == 0) {
        out.replace(e->position, e->typed.size(), e->better);
      }
    }
    // A better form the source does not hold as typed (a quoted value
    // with spaces inside its quotes) leaves it unchanged: no suggestion.
    return out == source ? std::string() : out;
  }

  SearcherState& impl_;
};

}  // namespace

Q kind_filter(std::string_view kind) { return Q(schema::term(schema::kKind, kind)); }

void name_tags(std::map<Facet, std::vector<FacetCount>>& facets, const Glossary& glossary) {
  const auto tags = facets.find(Facet::kTag);
  if (tags == facets.end()) return;
  for (FacetCount& c : tags->second) {
    if (const std::optional<TagInfo> t = glossary.find(c.value)) c.name = t->name;
  }
}

Results run_search(SearcherState& state, const CompiledQuery& compiled,
                   const SearchOptions& options, std::string_view source, Total total) {
  return Runner(state).run(compiled, options, source, total);
}

}  // namespace cable::internal
