#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>

#include "analysis/documents.hpp"
#include "analysis/folding.hpp"
#include "cable/search.hpp"
#include "normalize/list_items.hpp"
#include "search/compile.hpp"
#include "search/facet_spy.hpp"
#include "search/match_cost.hpp"
#include "search/plain_search.hpp"
#include "search/searcher_state.hpp"
#include "search/snippet.hpp"
#include "search/top_hits.hpp"
#include "store/database.hpp"
#include "store/layout.hpp"
#include "store/schema.hpp"
#include "store/shard_threads.hpp"
#include "store/stored.hpp"
#include "util/text.hpp"

namespace cable {
namespace {

namespace schema = internal::schema;
namespace text = internal::text;

using Q = Xapian::Query;

constexpr Xapian::termcount kSimilarTerms = 40;

Q kind_filter(std::string_view kind) { return Q(schema::term(schema::kKind, kind)); }

// Runs `fn` on the index, reopening it after a writer's commits (see
// internal::retrying).
template <typename F>
auto reading(internal::SearcherState& impl, F&& fn) -> decltype(fn()) {
  return internal::guarded(impl.where,
                           [&] { return internal::retrying(fn, [&] { impl.reopen(); }); });
}

// The one-cable view of a document's stored data.
Hit hit_from(const internal::StoredDoc& d) {
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

// Accepts the plain words of the text for "more like this": no prefixed
// term, no stem, nothing of one or two letters.
class PlainWords : public Xapian::ExpandDecider {
 public:
  bool operator()(const std::string& term) const override {
    return term.size() > 2 && !text::is_upper(term[0]);
  }
};

// Whether no two hits are of the same cable.
bool distinct_cables(const std::vector<Hit>& hits) {
  std::unordered_set<std::string_view> seen;
  for (const Hit& h : hits) {
    if (!seen.insert(h.cable).second) return false;
  }
  return true;
}

class Runner {
 public:
  explicit Runner(internal::SearcherState& impl) : impl_(impl) {}

  Results run(const Q& query, const SearchOptions& o, const internal::CompiledQuery* compiled,
              std::string_view source) {
    Q q = query;
    if (o.grouping == Grouping::kParagraph) {
      q = Q(Q::OP_FILTER, q, kind_filter(schema::kKindParagraph));
    }
    // The spy also counts matching cables exactly: Xapian's bounds on a
    // collapsed match stay apart even when every document was examined.
    const bool exact = o.exact_total || !o.facets.empty();
    // No page reaches past the documents there are, whatever the options say.
    const Xapian::doccount documents = impl_.db.get_doccount();
    const auto bounded = [&](std::size_t n) {
      return static_cast<Xapian::doccount>(std::min<std::size_t>(n, documents));
    };
    internal::TopRequest request;
    request.first = bounded(o.offset);
    request.count = bounded(std::min(o.limit, kMaxHitsPerPage));
    request.per_cable = o.grouping == Grouping::kCable;
    request.by_date = o.sort != Sort::kRelevance;
    request.newest_first = o.sort == Sort::kDateDescending;
    // Searches that read many postings match each shard in a thread of its
    // own (shard_threads.hpp).
    const bool several = impl_.shards.size() > 1;
    impl_.terms.learn(impl_.shards, q);
    request.terms = &impl_.terms;
    const Xapian::doccount reads = internal::postings_to_read(impl_.db, q, &impl_.terms);
    const bool threads = o.shard_threads && several && reads >= internal::kShardThreadsFrom;
    internal::TopHits top;
    Results r;
    try {
      // Filters alone have no weight: the compiler knows; else ask Xapian
      // (where it matters: several shards). Only weights need the lengths.
      const bool weighted =
          compiled ? compiled->weighted : !(several && internal::weightless(impl_.db, q));
      if (weighted && !impl_.plain_xapian) request.lengths = &impl_.doc_lengths();
      if (impl_.plain_xapian) {
        top = internal::plain_top_hits(impl_.db, q, request);
      } else if (several && !weighted) {
        top = internal::top_hits_of_shards(impl_.shards, q, request, threads);
      } else if (request.per_cable && !request.by_date && reads <= internal::kGroupedUpTo) {
        top = internal::top_hits_grouped(impl_.db, impl_.shards.size(), q, request,
                                         impl_.cable_map(), reads);
      } else if (threads) {
        top = internal::top_hits_through_whole(impl_.whole_per_shard(), q, request);
      } else {
        top = internal::top_hits(impl_.db, q, request);
      }
      r.total = top.estimated;
      r.total_exact = top.exact;
      // A page grouped in memory counted every match already; facets still
      // need the counting pass.
      if (exact && (!top.exact || !o.facets.empty())) {
        if (impl_.plain_xapian) {
          count_plain(q, o, r);
        } else {
          count_all(q, o, threads, r);
        }
      }
    } catch (const Xapian::WildcardError&) {
      throw_wildcard_error(compiled);
    }
    std::vector<std::string> wildcards;
    if (compiled) {
      for (const internal::Located& w : compiled->wildcards) wildcards.push_back(w.text);  // folded
    }
    internal::SnippetMaker snippets(query, impl_.analyzer.stemmer(), std::move(wildcards));
    for (const internal::TopHit& t : top.hits) {
      const internal::StoredDoc d = internal::decode_doc(t.data);
      Hit h = hit_from(d);
      h.score = t.weight;
      h.other_matches = t.collapsed;
      h.snippet = snippets.make(d.text, o.snippet_length, o.highlight_start, o.highlight_end);
      r.hits.push_back(std::move(h));
    }
    if (o.grouping == Grouping::kCable && !distinct_cables(r.hits)) {
      // Seen only while a writer commits in a tight loop (the concurrency
      // test, under AddressSanitizer's slower timing): Xapian read empty
      // collapse keys from a revision being overwritten without raising
      // DatabaseModifiedError, so the page was not grouped. Read it again, as
      // for that error.
      throw Xapian::DatabaseModifiedError("a page holds one cable twice: read during a commit");
    }
    if (compiled && o.suggest_below > 0 && r.total < o.suggest_below) {
      r.suggestion = suggest(*compiled, source);
    }
    return r;
  }

 private:
  // Counts every match, exactly, and the facets of the matching cables: a
  // second pass without weights, collapsing or sorting, so that Xapian only
  // walks the posting lists (the spy maps each document to its cable by ID).
  void count_all(const Q& q, const SearchOptions& o, bool threads, Results& r) {
    impl_.begin_facets();
    const internal::Counted counted =
        internal::count_matches(impl_.shards, q, impl_.cables, impl_.facets, threads);
    r.total = o.grouping == Grouping::kCable ? counted.cables : counted.documents;
    r.total_exact = true;
    for (Facet f : o.facets)
      r.facets[f] = internal::FacetCache::top(impl_.facets, f, o.facet_limit);
  }

  // The same as count_all() on plain Xapian machinery (search/plain_search).
  void count_plain(const Q& q, const SearchOptions& o, Results& r) {
    internal::CableFacetSpy spy;
    internal::count_plain(impl_.db, q, spy);
    r.total = o.grouping == Grouping::kCable ? spy.cables() : spy.documents();
    r.total_exact = true;
    for (Facet f : o.facets) r.facets[f] = spy.top(f, o.facet_limit);
  }

  [[noreturn]] void throw_wildcard_error(const internal::CompiledQuery* compiled) {
    if (compiled) {
      for (const internal::Located& w : compiled->wildcards) {
        Xapian::termcount n = 0;
        for (auto t = impl_.db.allterms_begin(w.text); t != impl_.db.allterms_end(w.text); ++t) {
          if (++n > internal::kMaxWildcardExpansion) {
            throw QueryError(
                w.position, fmt::format("{}* stands for more than {} words: make it longer", w.text,
                                        internal::kMaxWildcardExpansion));
          }
        }
      }
    }
    throw QueryError(0, fmt::format("a wildcard stands for more than {} words: make it longer",
                                    internal::kMaxWildcardExpansion));
  }

  // The query with each misspelt word replaced by the index's suggestion; ""
  // when no word has a better spelling.
  std::string suggest(const internal::CompiledQuery& compiled, std::string_view source) {
    std::string out(source);
    std::vector<std::string> words;
    bool changed = false;
    // Replace from the end so earlier positions stay right.
    std::vector<internal::Located> located = compiled.words;
    std::sort(located.begin(), located.end(),
              [](const auto& a, const auto& b) { return a.position > b.position; });
    for (const internal::Located& w : located) {
      const std::string folded = internal::fold(w.text);
      const std::string better = impl_.db.get_spelling_suggestion(folded);
      const std::string& use = better.empty() ? w.text : better;
      if (!better.empty() && better != folded) changed = true;
      if (!source.empty() && w.position + w.text.size() <= out.size() &&
          out.compare(w.position, w.text.size(), w.text) == 0) {
        out.replace(w.position, w.text.size(), use);
      }
      words.insert(words.begin(), use);
    }
    if (!changed) return {};
    if (source.empty()) {
      std::string joined;
      for (const std::string& w : words) text::append_joined(joined, w, " ");
      return joined;
    }
    return out;
  }

  internal::SearcherState& impl_;
};

// Every document of the cable `id`, in order: its cable document first. A
// cable's documents are written together into one shard, so their numbers
// ascend in reading order (the cable map relies on it too).
std::vector<Xapian::docid> documents_of(const Xapian::Database& db, const std::string& id) {
  const std::string term = schema::term(schema::kId, id);
  return std::vector<Xapian::docid>(db.postlist_begin(term), db.postlist_end(term));
}

// The cable `id` (upper case) as the index stores it: its fields and its
// paragraphs' records; nullopt when it is not in the index.
std::optional<Cable> stored_cable(const internal::SearcherState& impl, const std::string& id) {
  const Xapian::Database& shard = impl.shards[internal::shard_of(id, impl.shards.size())];
  const std::string fields = shard.get_metadata(schema::term(schema::kMetaCable, id));
  if (fields.empty()) return std::nullopt;
  Cable c = internal::decode_cable_fields(fields);
  for (Xapian::docid docid : documents_of(impl.db, id)) {
    const internal::StoredDoc d =
        internal::decode_doc(internal::record_of(impl.db.get_document(docid)));
    if (d.kind != schema::kKindParagraph) continue;
    Paragraph p = internal::paragraph_of(d);
    p.items = internal::normalize::find_sub_items(p.text);
    c.paragraphs.push_back(std::move(p));
  }
  return c;
}

// The ID under which the index keeps the cable a person names: `typed`
// upper-cased, or, when no cable has that ID, the cable whose published ID
// it is ("08ECTION02OF02ATHENS959" -> 08ATHENS959). The index says which
// published IDs exist, so no ID is guessed at.
std::string indexed_id(const internal::SearcherState& impl, std::string_view typed) {
  std::string id = text::upper(text::trim(typed));
  if (impl.db.term_exists(schema::term(schema::kId, id))) return id;
  const std::string published = schema::term(schema::kPublishedId, id);
  if (auto it = impl.db.postlist_begin(published); it != impl.db.postlist_end(published)) {
    return impl.db.get_document(*it).get_value(schema::kSlotCable);
  }
  return id;
}

}  // namespace

Searcher::Searcher(std::unique_ptr<internal::SearcherState> impl) : impl_(std::move(impl)) {}
Searcher::Searcher(Searcher&&) noexcept = default;
Searcher& Searcher::operator=(Searcher&&) noexcept = default;
Searcher::~Searcher() = default;

Searcher Searcher::open(const std::filesystem::path& dir) {
  auto impl = std::make_unique<internal::SearcherState>();
  impl->where = dir.string();
  impl->dir = dir;
  internal::ReadableIndex opened = internal::open_readable(dir);
  impl->db = std::move(opened.all);
  impl->shards = std::move(opened.shards);
  return Searcher(std::move(impl));
}

Results Searcher::search(const Query& q, const SearchOptions& options) const {
  std::lock_guard lock(impl_->mutex);
  const internal::CompiledQuery compiled =
      internal::compile(internal::QueryAccess::node(q), impl_->analyzer);
  return reading(*impl_,
                 [&] { return Runner(*impl_).run(compiled.query, options, &compiled, {}); });
}

Results Searcher::search(std::string_view text, const SearchOptions& options) const {
  const Query q = Query::parse(text);
  std::lock_guard lock(impl_->mutex);
  const internal::CompiledQuery compiled =
      internal::compile(internal::QueryAccess::node(q), impl_->analyzer);
  return reading(*impl_,
                 [&] { return Runner(*impl_).run(compiled.query, options, &compiled, text); });
}

std::optional<Cable> Searcher::cable(std::string_view id_in) const {
  std::lock_guard lock(impl_->mutex);
  return reading(*impl_, [&] { return stored_cable(*impl_, indexed_id(*impl_, id_in)); });
}

std::vector<std::string> Searcher::cited_by(std::string_view id_in) const {
  std::lock_guard lock(impl_->mutex);
  return reading(*impl_, [&] {
    const std::string id = indexed_id(*impl_, id_in);
    Xapian::Enquire enquire(impl_->db);
    enquire.set_query(
        Q(Q::OP_FILTER, kind_filter(schema::kKindCable), Q(schema::term(schema::kCites, id))));
    enquire.set_sort_by_value(schema::kSlotDate, false);
    const Xapian::MSet mset = enquire.get_mset(0, impl_->db.get_doccount());
    std::vector<std::string> out;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      out.push_back(it.get_document().get_value(schema::kSlotCable));
    }
    return out;
  });
}

Results Searcher::more_like_this(std::string_view id_in, std::string_view paragraph,
                                 const SearchOptions& options) const {
  std::lock_guard lock(impl_->mutex);
  return reading(*impl_, [&] {
    const std::string id = indexed_id(*impl_, id_in);
    const std::optional<Cable> cable = stored_cable(*impl_, id);
    if (!cable) return Results{};
    // Xapian's expansion reads the term lists of the given documents, which
    // an index built in bulk does not keep (write/rebuild): the paragraphs'
    // documents are made again, into an in-memory database searched beside
    // the index. Their terms count twice in the statistics, R documents more
    // in N, where R is a cable's paragraphs and N the index's.
    Xapian::WritableDatabase again(std::string(), Xapian::DB_BACKEND_INMEMORY);
    const internal::CableDocuments docs = internal::make_documents(*cable, impl_->analyzer);
    for (std::size_t i = 0; i < cable->paragraphs.size(); ++i) {
      if (paragraph.empty() || cable->paragraphs[i].number == paragraph) {
        again.add_document(docs.docs[i + 1]);
      }
    }
    if (again.get_doccount() == 0) return Results{};
    Xapian::Database both;
    for (const Xapian::Database& shard : impl_->shards) both.add_database(shard);
    both.add_database(again);
    // Xapian numbers the documents of several databases in turn: the k-th
    // of the last of n is (k - 1) * n + n.
    const Xapian::docid n = static_cast<Xapian::docid>(impl_->shards.size() + 1);
    Xapian::RSet rset;
    for (Xapian::docid k = 1; k <= again.get_doccount(); ++k) rset.add_document((k - 1) * n + n);
    Xapian::Enquire enquire(both);
    const PlainWords plain;
    const Xapian::ESet eset = enquire.get_eset(kSimilarTerms, rset, &plain);
    std::vector<Q> terms;
    for (auto t = eset.begin(); t != eset.end(); ++t) terms.emplace_back(*t);
    if (terms.empty()) return Results{};
    const Q like(Q::OP_AND_NOT, Q(Q::OP_OR, terms.begin(), terms.end()),
                 Q(schema::term(schema::kId, id)));
    SearchOptions o = options;
    o.suggest_below = 0;
    return Runner(*impl_).run(like, o, nullptr, {});
  });
}

IndexStats Searcher::stats(std::size_t top) const {
  std::lock_guard lock(impl_->mutex);
  IndexStats s;
  reading(*impl_, [&] {
    Xapian::Database& db = impl_->db;
    s.cables = db.get_termfreq(schema::term(schema::kKind, schema::kKindCable));
    s.paragraphs = db.get_termfreq(schema::term(schema::kKind, schema::kKindParagraph));
    s.schema_version = internal::schema_version(impl_->shards.front());
    Xapian::Enquire enquire(db);
    enquire.set_query(kind_filter(schema::kKindCable));
    for (bool newest : {false, true}) {
      enquire.set_sort_by_value(schema::kSlotDate, newest);
      const Xapian::MSet m = enquire.get_mset(0, 1);
      if (!m.empty())
        (newest ? s.last_date : s.first_date) =
            m.begin().get_document().get_value(schema::kSlotDate);
    }
    impl_->begin_facets();
    internal::count_matches(impl_->shards, kind_filter(schema::kKindCable), impl_->cables,
                            impl_->facets, impl_->shards.size() > 1);
    s.top_tags = internal::FacetCache::top(impl_->facets, Facet::kTag, top);
    s.top_origins = internal::FacetCache::top(impl_->facets, Facet::kOrigin, top);
    return 0;
  });
  if (!impl_->dir.empty()) {
    std::error_code ec;
    for (auto it = std::filesystem::recursive_directory_iterator(impl_->dir, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
      std::error_code fec;
      if (it->is_regular_file(fec)) s.bytes += it->file_size(fec);
    }
  }
  return s;
}

void Searcher::refresh() {
  std::lock_guard lock(impl_->mutex);
  internal::guarded(impl_->where, [&] { impl_->reopen(); });
}

}  // namespace cable
