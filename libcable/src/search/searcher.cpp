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
#include "search/runner.hpp"
#include "search/searcher_state.hpp"
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

// The words of a cable that more_like_this looks for: its most telling. On the
// shared pages twenty find cables as alike by their tags as forty do, at
// about half the cost (docs/benchmarks.md, "more like this").
constexpr Xapian::termcount kSimilarTerms = 20;

// Runs `fn` on the index, reopening it after a writer's commits (see
// internal::retrying).
template <typename F>
auto reading(internal::SearcherState& impl, F&& fn) -> decltype(fn()) {
  return internal::guarded(impl.where,
                           [&] { return internal::retrying(fn, [&] { impl.reopen(); }); });
}

// Accepts the plain words of the text for "more like this": no prefixed
// term, no stem, nothing of one or two letters.
class PlainWords : public Xapian::ExpandDecider {
 public:
  bool operator()(const std::string& term) const override {
    return term.size() > 2 && !text::is_upper(term[0]);
  }
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
std::optional<Cable> stored_cable(internal::SearcherState& impl, const std::string& id) {
  const Xapian::Database& shard = impl.shards[internal::shard_of(id, impl.shards.size())];
  const std::string fields = shard.get_metadata(schema::term(schema::kMetaCable, id));
  if (fields.empty()) return std::nullopt;
  Cable c = internal::decode_cable_fields(fields);
  impl.begin_records();
  for (Xapian::docid docid : documents_of(impl.db, id)) {
    const internal::StoredDoc d = internal::decode_doc(impl.record(docid));
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
  return reading(*impl_, [&] {
    const internal::CompiledQuery compiled =
        internal::compile(internal::QueryAccess::node(q), impl_->analyzer, impl_->cable_map(),
                          options.glossary, &impl_->db);
    return internal::run_search(*impl_, compiled, options, {});
  });
}

Results Searcher::search(std::string_view text, const SearchOptions& options) const {
  const Query q = Query::parse(text);
  std::lock_guard lock(impl_->mutex);
  return reading(*impl_, [&] {
    const internal::CompiledQuery compiled =
        internal::compile(internal::QueryAccess::node(q), impl_->analyzer, impl_->cable_map(),
                          options.glossary, &impl_->db);
    return internal::run_search(*impl_, compiled, options, text);
  });
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
    enquire.set_query(Q(Q::OP_FILTER, internal::kind_filter(schema::kKindCable),
                        Q(schema::term(schema::kCites, id))));
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
    // in N, where R is a cable's paragraphs and N the index's. The counts
    // must be exact: Xapian otherwise scales a word's count in the database
    // of the relevant documents up to the whole, as if the cable's own
    // paragraphs were a sample of the index, so that its words looked
    // common, and those of a one-paragraph cable in every document.
    Xapian::WritableDatabase again(std::string(), Xapian::DB_BACKEND_INMEMORY);
    const internal::CableDocuments docs =
        internal::make_documents(*cable, impl_->analyzer, internal::RecordCodec());
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
    const Xapian::ESet eset =
        enquire.get_eset(kSimilarTerms, rset, Xapian::Enquire::USE_EXACT_TERMFREQ, &plain);
    std::vector<Q> terms;
    std::vector<Q> cable_terms;
    for (auto t = eset.begin(); t != eset.end(); ++t) {
      terms.emplace_back(*t);
      cable_terms.emplace_back(schema::term(schema::kCableWord, *t));
    }
    if (terms.empty()) return Results{};
    const Q not_itself(schema::term(schema::kId, id));
    internal::CompiledQuery like;
    like.query = Q(Q::OP_AND_NOT, Q(Q::OP_OR, terms.begin(), terms.end()), not_itself);
    like.cables = Q(Q::OP_AND_NOT, Q(Q::OP_OR, cable_terms.begin(), cable_terms.end()), not_itself);
    SearchOptions o = options;
    o.suggest_below = 0;
    return internal::run_search(*impl_, like, o, {}, internal::Total::kLowerBound);
  });
}

std::uint64_t Searcher::cables() const {
  std::lock_guard lock(impl_->mutex);
  return reading(*impl_, [&] {
    return std::uint64_t{impl_->db.get_termfreq(schema::term(schema::kKind, schema::kKindCable))};
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
    enquire.set_query(internal::kind_filter(schema::kKindCable));
    for (bool newest : {false, true}) {
      enquire.set_sort_by_value(schema::kSlotDate, newest);
      const Xapian::MSet m = enquire.get_mset(0, 1);
      if (!m.empty())
        (newest ? s.last_date : s.first_date) =
            m.begin().get_document().get_value(schema::kSlotDate);
    }
    impl_->begin_facets();
    internal::count_matches(impl_->shards, internal::kind_filter(schema::kKindCable), impl_->cables,
                            impl_->facets, {.threads = impl_->shards.size() > 1});
    for (Facet f : all_facets()) s.top[f] = internal::FacetCache::top(impl_->facets, f, top);
    internal::name_tags(s.top, Glossary::builtin());
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
