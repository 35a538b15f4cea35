// The C API (cable.h) over the C++ one. Every entry point catches every
// exception and turns it into a status and this thread's last error.
#include "cable.h"

#include <exception>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "c_support.hpp"
#include "cable/json.hpp"
#include "cable/search.hpp"
#include "cable/version.hpp"
#include "cable/writer.hpp"

using cable::c_api::copy_string;
using cable::c_api::fail;
using cable::c_api::guard;
using cable::c_api::last_error;
using cable::c_api::null_argument;

struct cable_writer {
  cable::Writer writer;
};

struct cable_searcher {
  cable::Searcher searcher;
};

struct cable_hit {
  cable::Hit hit;
};

struct cable_results {
  cable::Results results;
  std::vector<cable_hit> hits;
};

namespace {

// The C statuses carry the C++ codes' values, and cable_sort the order of
// cable::Sort (cable.h): the casts below rely on it.
static_assert(CABLE_ERROR_IO == static_cast<int>(cable::ErrorCode::kIo));
static_assert(CABLE_ERROR_NOT_A_CABLE == static_cast<int>(cable::ErrorCode::kNotACable));
static_assert(CABLE_ERROR_MALFORMED == static_cast<int>(cable::ErrorCode::kMalformed));
static_assert(CABLE_ERROR_QUERY == static_cast<int>(cable::ErrorCode::kQuery));
static_assert(CABLE_ERROR_INDEX_MISSING == static_cast<int>(cable::ErrorCode::kIndexMissing));
static_assert(CABLE_ERROR_INDEX_LOCKED == static_cast<int>(cable::ErrorCode::kIndexLocked));
static_assert(CABLE_ERROR_INDEX_VERSION == static_cast<int>(cable::ErrorCode::kIndexVersion));
static_assert(CABLE_ERROR_INDEX == static_cast<int>(cable::ErrorCode::kIndex));
static_assert(CABLE_ERROR_INTERNAL == static_cast<int>(cable::ErrorCode::kInternal));
static_assert(CABLE_SORT_RELEVANCE == static_cast<int>(cable::Sort::kRelevance));
static_assert(CABLE_SORT_DATE_ASCENDING == static_cast<int>(cable::Sort::kDateAscending));
static_assert(CABLE_SORT_DATE_DESCENDING == static_cast<int>(cable::Sort::kDateDescending));

// The facets named in a comma-separated list.
std::optional<std::vector<cable::Facet>> facets_of(const char* names, std::string* unknown) {
  std::vector<cable::Facet> out;
  if (!names) return out;
  std::string_view rest = names;
  while (!rest.empty()) {
    const std::size_t comma = rest.find(',');
    const std::string_view name = rest.substr(0, comma);
    if (!name.empty()) {
      const std::optional<cable::Facet> f = cable::facet_from_name(name);
      if (!f) {
        *unknown = std::string(name);
        return std::nullopt;
      }
      out.push_back(*f);
    }
    if (comma == std::string_view::npos) break;
    rest.remove_prefix(comma + 1);
  }
  return out;
}

const std::vector<cable::FacetCount>* facet_counts(const cable_results* r, const char* name) {
  if (!r || !name) return nullptr;
  const std::optional<cable::Facet> f = cable::facet_from_name(name);
  if (!f) return nullptr;
  const auto it = r->results.facets.find(*f);
  return it == r->results.facets.end() ? nullptr : &it->second;
}

}  // namespace

extern "C" {

const char* cable_version(void) { return cable::version(); }

const char* cable_last_error(void) { return last_error.message.c_str(); }

size_t cable_last_error_position(void) { return last_error.position; }

void cable_string_free(char* s) { delete[] s; }

// ---- Writing ----

void cable_writer_options_init(cable_writer_options* options) {
  if (!options) return;
  const cable::WriterOptions defaults;
  options->shards = 0;
  options->jobs = 0;
  options->commit_every = defaults.commit_every;
  options->segment_cables = defaults.segment_cables;
}

cable_status cable_writer_open(const char* path, const cable_writer_options* options,
                               cable_writer** out) {
  if (!path) return null_argument("path");
  if (!out) return null_argument("out");
  *out = nullptr;
  return guard([&] {
    cable::WriterOptions o;
    o.shards = 0;
    o.jobs = 0;
    if (options) {
      o.shards = options->shards;
      o.jobs = options->jobs;
      o.commit_every = options->commit_every;
      o.segment_cables = options->segment_cables;
    }
    *out = new cable_writer{cable::Writer::open(path, o)};
  });
}

void cable_writer_destroy(cable_writer* writer) {
  if (!writer) return;
  // A failed last commit has nowhere to go but the last error.
  (void)guard([&] { writer->writer.commit(); });
  delete writer;
}

cable_status cable_writer_index_path(cable_writer* writer, const char* path,
                                     cable_progress_fn progress, cable_input_error_fn on_error,
                                     void* user, cable_index_summary* summary) {
  if (!writer) return null_argument("writer");
  if (!path) return null_argument("path");
  return guard([&] {
    cable::ErrorSink errors;
    if (on_error) {
      errors = [&](const cable::Error& e) {
        on_error(static_cast<cable_status>(static_cast<int>(e.code())), e.what(), user);
      };
    }
    cable::ProgressSink progress_sink;
    if (progress) {
      progress_sink = [&](const cable::IndexProgress& p) {
        const cable_progress c{p.files_done,        p.files_total,   p.bytes_done,
                               p.bytes_total,       p.cables,        p.merging ? 1 : 0,
                               p.rewriting ? 1 : 0, p.rewrite_cables};
        progress(&c, user);
      };
    }
    const cable::IndexSummary s = writer->writer.index_path(path, errors, progress_sink);
    writer->writer.commit();
    if (summary) {
      *summary = cable_index_summary{
          s.files,      s.files_unchanged, s.cables_added, s.cables_replaced, s.cables_unchanged,
          s.paragraphs, s.failed,          s.bytes,        s.shards_rewritten};
    }
  });
}

cable_status cable_writer_remove(cable_writer* writer, const char* id, int* removed) {
  if (!writer) return null_argument("writer");
  if (!id) return null_argument("id");
  return guard([&] {
    const bool was = writer->writer.remove(id);
    writer->writer.commit();
    if (removed) *removed = was ? 1 : 0;
  });
}

cable_status cable_writer_commit(cable_writer* writer) {
  if (!writer) return null_argument("writer");
  return guard([&] { writer->writer.commit(); });
}

// ---- Searching ----

cable_status cable_searcher_open(const char* path, cable_searcher** out) {
  if (!path) return null_argument("path");
  if (!out) return null_argument("out");
  *out = nullptr;
  return guard([&] { *out = new cable_searcher{cable::Searcher::open(path)}; });
}

void cable_searcher_destroy(cable_searcher* searcher) { delete searcher; }

cable_status cable_searcher_refresh(cable_searcher* searcher) {
  if (!searcher) return null_argument("searcher");
  return guard([&] { searcher->searcher.refresh(); });
}

void cable_search_options_init(cable_search_options* options) {
  if (!options) return;
  const cable::SearchOptions defaults;
  options->offset = defaults.offset;
  options->limit = defaults.limit;
  options->sort = CABLE_SORT_RELEVANCE;
  options->grouping = CABLE_GROUP_CABLE;
  options->exact_total = 0;
  options->facets = nullptr;
  options->facet_limit = defaults.facet_limit;
  options->snippet_length = defaults.snippet_length;
  options->shard_threads = defaults.shard_threads ? 1 : 0;
}

cable_status cable_search(cable_searcher* searcher, const char* query,
                          const cable_search_options* options, cable_results** out) {
  if (!searcher) return null_argument("searcher");
  if (!query) return null_argument("query");
  if (!out) return null_argument("out");
  *out = nullptr;
  cable::SearchOptions o;
  if (options) {
    std::string unknown;
    std::optional<std::vector<cable::Facet>> facets;
    if (const cable_status status = guard([&] { facets = facets_of(options->facets, &unknown); });
        status != CABLE_OK) {
      return status;
    }
    if (!facets) {
      std::string names;
      for (cable::Facet f : cable::all_facets()) {
        names += (names.empty() ? "" : ", ") + std::string(cable::facet_name(f));
      }
      return fail(CABLE_ERROR_INVALID_ARGUMENT,
                  "unknown facet '" + unknown + "' (facets: " + names + ")");
    }
    if (options->sort < CABLE_SORT_RELEVANCE || options->sort > CABLE_SORT_DATE_DESCENDING) {
      return fail(CABLE_ERROR_INVALID_ARGUMENT, "unknown sort order");
    }
    if (options->grouping != CABLE_GROUP_CABLE && options->grouping != CABLE_GROUP_PARAGRAPH) {
      return fail(CABLE_ERROR_INVALID_ARGUMENT, "unknown grouping");
    }
    o.offset = options->offset;
    o.limit = options->limit;
    o.sort = static_cast<cable::Sort>(options->sort);
    o.grouping = options->grouping == CABLE_GROUP_CABLE ? cable::Grouping::kCable
                                                        : cable::Grouping::kParagraph;
    o.facets = *facets;
    o.facet_limit = options->facet_limit;
    o.snippet_length = options->snippet_length;
    o.shard_threads = options->shard_threads != 0;
  }
  return guard([&] {
    auto* r = new cable_results{searcher->searcher.search(query, o), {}};
    r->hits.reserve(r->results.hits.size());
    for (cable::Hit& h : r->results.hits) r->hits.push_back(cable_hit{std::move(h)});
    r->results.hits.clear();
    *out = r;
  });
}

void cable_results_destroy(cable_results* results) { delete results; }

uint64_t cable_results_total(const cable_results* r) { return r ? r->results.total : 0; }

int cable_results_total_exact(const cable_results* r) {
  return r && r->results.total_exact ? 1 : 0;
}

const char* cable_results_suggestion(const cable_results* r) {
  return r ? r->results.suggestion.c_str() : "";
}

size_t cable_results_hit_count(const cable_results* r) { return r ? r->hits.size() : 0; }

const cable_hit* cable_results_hit(const cable_results* r, size_t i) {
  return r && i < r->hits.size() ? &r->hits[i] : nullptr;
}

const char* cable_hit_cable(const cable_hit* h) { return h ? h->hit.cable.c_str() : ""; }
const char* cable_hit_paragraph(const cable_hit* h) { return h ? h->hit.paragraph.c_str() : ""; }
uint32_t cable_hit_order(const cable_hit* h) { return h ? h->hit.order : 0; }
const char* cable_hit_marking(const cable_hit* h) { return h ? h->hit.marking.c_str() : ""; }
const char* cable_hit_date(const cable_hit* h) { return h ? h->hit.date.c_str() : ""; }
const char* cable_hit_subject(const cable_hit* h) { return h ? h->hit.subject.c_str() : ""; }
const char* cable_hit_origin(const cable_hit* h) { return h ? h->hit.origin.c_str() : ""; }
const char* cable_hit_classification(const cable_hit* h) {
  return h ? h->hit.classification.c_str() : "";
}
const char* cable_hit_snippet(const cable_hit* h) { return h ? h->hit.snippet.c_str() : ""; }
double cable_hit_score(const cable_hit* h) { return h ? h->hit.score : 0; }
uint64_t cable_hit_other_matches(const cable_hit* h) { return h ? h->hit.other_matches : 0; }

size_t cable_results_facet_size(const cable_results* r, const char* facet) {
  const auto* counts = facet_counts(r, facet);
  return counts ? counts->size() : 0;
}

cable_status cable_results_facet_value(const cable_results* r, const char* facet, size_t i,
                                       const char** value, uint64_t* count) {
  if (!r) return null_argument("results");
  if (!facet) return null_argument("facet");
  if (!cable::facet_from_name(facet)) {
    return fail(CABLE_ERROR_INVALID_ARGUMENT, std::string("unknown facet '") + facet + "'");
  }
  const auto* counts = facet_counts(r, facet);
  if (!counts || i >= counts->size()) {
    return fail(CABLE_ERROR_INVALID_ARGUMENT,
                std::string("facet '") + facet + "' has no value " + std::to_string(i));
  }
  if (value) *value = (*counts)[i].value.c_str();
  if (count) *count = (*counts)[i].count;
  return CABLE_OK;
}

const char* cable_results_facet_name(const cable_results* r, const char* facet, size_t i) {
  const auto* counts = facet_counts(r, facet);
  return counts && i < counts->size() ? (*counts)[i].name.c_str() : "";
}

cable_status cable_get(cable_searcher* searcher, const char* id, char** json) {
  if (!searcher) return null_argument("searcher");
  if (!id) return null_argument("id");
  if (!json) return null_argument("json");
  *json = nullptr;
  std::optional<cable::Cable> found;
  const cable_status status = guard([&] { found = searcher->searcher.cable(id); });
  if (status != CABLE_OK) return status;
  if (!found) return fail(CABLE_ERROR_NOT_FOUND, std::string(id) + ": no such cable in the index");
  return guard([&] { *json = copy_string(cable::to_json(*found)); });
}

size_t cable_strings_size(const cable_strings* list) { return list ? list->items.size() : 0; }

const char* cable_strings_get(const cable_strings* list, size_t i) {
  return list && i < list->items.size() ? list->items[i].c_str() : nullptr;
}

void cable_strings_destroy(cable_strings* list) { delete list; }

cable_status cable_cited_by(cable_searcher* searcher, const char* id, cable_strings** out) {
  if (!searcher) return null_argument("searcher");
  if (!id) return null_argument("id");
  if (!out) return null_argument("out");
  *out = nullptr;
  return guard([&] { *out = new cable_strings{searcher->searcher.cited_by(id)}; });
}

}  // extern "C"
