/* libcable — the C API.
 *
 * A stable C interface to libcable for C programs and for other languages'
 * foreign-function interfaces. It covers indexing (with progress), deleting,
 * searching with the whole query language and every option (paging, sorting,
 * grouping, exact facets), fetching a cable, cited-by, and the version.
 *
 *   cable_searcher* s = NULL;
 *   if (cable_searcher_open("cables.db", &s) != CABLE_OK) {
 *     fprintf(stderr, "%s\n", cable_last_error());
 *     return 1;
 *   }
 *   cable_search_options o;
 *   cable_search_options_init(&o);
 *   o.facets = "tag,year";
 *   cable_results* r = NULL;
 *   if (cable_search(s, "tag:KTIP trafficking", &o, &r) == CABLE_OK) {
 *     for (size_t i = 0; i < cable_results_hit_count(r); ++i) {
 *       const cable_hit* h = cable_results_hit(r, i);
 *       printf("%s ¶%s\n", cable_hit_cable(h), cable_hit_paragraph(h));
 *     }
 *   }
 *   cable_results_destroy(r);
 *   cable_searcher_destroy(s);
 *
 * Rules that hold for every function:
 * - Every function that can fail returns a cable_status; CABLE_OK is 0.
 *   After a failure, cable_last_error() gives a one-line message naming the
 *   file, index or query position at fault. No C++ exception ever leaves
 *   this API.
 * - Handles are typed and opaque. Every *_destroy function accepts NULL.
 * - Ownership: a handle returned through an out-parameter belongs to the
 *   caller, who frees it with its *_destroy function; a `char*` returned
 *   through an out-parameter is freed with cable_string_free(). A `const
 *   char*` or `const` handle returned by an accessor belongs to the object
 *   it came from and lives as long as that object.
 * - Strings are UTF-8 and NUL-terminated.
 * - Threads: a handle may be used by one thread at a time (a searcher by
 *   several: its calls are serialized); cable_last_error() is per thread.
 *
 * Copyright (C) 2026 The libcable authors. SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef CABLE_H_
#define CABLE_H_

#include <stddef.h>
#include <stdint.h>

/* Every function here is exported from the shared library, whatever the
 * visibility the rest of it is built with. */
#ifndef CABLE_C_API
#define CABLE_C_API __attribute__((visibility("default")))
#endif

#ifdef __cplusplus
extern "C" {
#endif

/** What a call came to. The values never change; new ones may be added. */
typedef enum cable_status {
  CABLE_OK = 0,
  CABLE_ERROR_IO = 40,               /**< A file or directory could not be read. */
  CABLE_ERROR_NOT_A_CABLE = 50,      /**< Readable, but no cable in a known form. */
  CABLE_ERROR_MALFORMED = 51,        /**< A known form, but broken. */
  CABLE_ERROR_QUERY = 60,            /**< A malformed query: see cable_last_error_position(). */
  CABLE_ERROR_INDEX_MISSING = 70,    /**< No index at the path. */
  CABLE_ERROR_INDEX_LOCKED = 71,     /**< Another writer holds the index. */
  CABLE_ERROR_INDEX_VERSION = 72,    /**< The index has another schema version. */
  CABLE_ERROR_INDEX = 73,            /**< The index cannot be read or written. */
  CABLE_ERROR_INVALID_ARGUMENT = 80, /**< A NULL where a value is needed, an unknown facet, … */
  CABLE_ERROR_NOT_FOUND = 81,        /**< No cable with that ID (or tag with that code). */
  CABLE_ERROR_NO_MEMORY = 98,        /**< An allocation failed. */
  CABLE_ERROR_INTERNAL = 99          /**< A bug in libcable; please report it. */
} cable_status;

/** The library version, "0.1.0". Static storage. */
CABLE_C_API const char* cable_version(void);

/** The message of this thread's last failure ("" when none). Valid until the
 *  next failing call on this thread. */
CABLE_C_API const char* cable_last_error(void);

/** For CABLE_ERROR_QUERY: the byte offset of the fault in the query text. */
CABLE_C_API size_t cable_last_error_position(void);

/** Frees a string this API returned through an out-parameter. NULL is fine. */
CABLE_C_API void cable_string_free(char* s);

/* ---- Writing ------------------------------------------------------------ */

/** An index open for writing. */
typedef struct cable_writer cable_writer;

/** Options of a new writer; set by cable_writer_options_init(). */
typedef struct cable_writer_options {
  size_t shards;       /**< Shards of a new index (1..16); 0 = one per core. */
  size_t jobs;         /**< Parser threads; 0 = one per core. */
  size_t commit_every; /**< Cables per commit, per shard (default 250). */
  /** A build into an empty index of several shards: cables per segment,
   *  merged at the end (default 20000; 0 = none; WriterOptions::segment_cables). */
  size_t segment_cables;
} cable_writer_options;

CABLE_C_API void cable_writer_options_init(cable_writer_options* options);

/** Opens the index in directory `path` for writing, creating it if needed.
 *  `options` may be NULL. Errors: CABLE_ERROR_INDEX_LOCKED,
 *  CABLE_ERROR_INDEX_VERSION, CABLE_ERROR_INDEX. */
CABLE_C_API cable_status cable_writer_open(const char* path, const cable_writer_options* options,
                                           cable_writer** out);

/** Commits and closes. NULL is fine. */
CABLE_C_API void cable_writer_destroy(cable_writer* writer);

/** Where an indexing run is; passed to the progress callback. */
typedef struct cable_progress {
  uint64_t files_done;  /**< Files read so far. */
  uint64_t files_total; /**< Files found. */
  uint64_t bytes_done;  /**< Bytes of the files read so far. */
  uint64_t bytes_total; /**< Bytes of the files found. */
  uint64_t cables;      /**< Cables read so far; while `rewriting`, written anew so far. */
  /** Nonzero when every file is read and the shards are being merged with
   *  the segments a large build into an empty index writes: the last step. */
  int merging;
  /** Nonzero while a shard built in bulk, without term lists, is written anew
   *  with them because a cable in it is replaced (once per shard, about as
   *  long as indexing its cables took; docs/schema.md). Then `cables` and
   *  `rewrite_cables` count the cables written and to write, summed over the
   *  shards being rewritten, and the other counts are zero. */
  int rewriting;
  uint64_t rewrite_cables; /**< With `rewriting`: the cables to write anew. */
} cable_progress;

/** What an indexing run did. */
typedef struct cable_index_summary {
  uint64_t files;            /**< Files found. */
  uint64_t files_unchanged;  /**< Files skipped: indexed before with the same content. */
  uint64_t cables_added;     /**< Cables new to the index. */
  uint64_t cables_replaced;  /**< Cables whose content changed, rewritten. */
  uint64_t cables_unchanged; /**< Cables left as they were, those of unchanged files too. */
  uint64_t paragraphs;       /**< Paragraph documents written. */
  uint64_t failed;           /**< Inputs that could not be read: each went to the error callback. */
  uint64_t bytes;            /**< Bytes of the files found. */
  uint64_t shards_rewritten; /**< Shards built in bulk, without term lists, written anew with
                                  them because cables in them were replaced (docs/schema.md). */
} cable_index_summary;

/** Called with progress; `user` is the pointer given to cable_writer_index_path. */
typedef void (*cable_progress_fn)(const cable_progress* progress, void* user);
/** Called once per input that could not be read, with its code and message. */
typedef void (*cable_input_error_fn)(cable_status code, const char* message, void* user);

/** Indexes the file or directory `path` (recursively, any input form) and
 *  commits. Inputs that cannot be read go to `on_error` (may be NULL) and are
 *  counted in `summary->failed`; they do not fail the call. `progress`,
 *  `on_error` and `summary` may be NULL. The callbacks run one at a time:
 *  `progress` on the calling thread (on the thread of a shard being
 *  rewritten, while `rewriting`), `on_error` there or on one of the
 *  writer's threads. A `path` that does not exist is such an input:
 *  CABLE_ERROR_IO to `on_error`, one failed input. Errors: CABLE_ERROR_INDEX. */
CABLE_C_API cable_status cable_writer_index_path(cable_writer* writer, const char* path,
                                                 cable_progress_fn progress,
                                                 cable_input_error_fn on_error, void* user,
                                                 cable_index_summary* summary);

/** Removes the cable `id` and commits; `*removed` (may be NULL) tells whether
 *  it was there. */
CABLE_C_API cable_status cable_writer_remove(cable_writer* writer, const char* id, int* removed);

/** Commits what was written. */
CABLE_C_API cable_status cable_writer_commit(cable_writer* writer);

/* ---- Searching ---------------------------------------------------------- */

/** An index open for searching. */
typedef struct cable_searcher cable_searcher;

/** Opens the index in `path` for searching. Errors: CABLE_ERROR_INDEX_MISSING,
 *  CABLE_ERROR_INDEX_VERSION, CABLE_ERROR_INDEX. */
CABLE_C_API cable_status cable_searcher_open(const char* path, cable_searcher** out);
CABLE_C_API void cable_searcher_destroy(cable_searcher* searcher);

/** Makes the latest commit visible. */
CABLE_C_API cable_status cable_searcher_refresh(cable_searcher* searcher);

typedef enum cable_sort {
  CABLE_SORT_RELEVANCE = 0,
  CABLE_SORT_DATE_ASCENDING = 1,
  CABLE_SORT_DATE_DESCENDING = 2
} cable_sort;

typedef enum cable_grouping {
  CABLE_GROUP_CABLE = 0,    /**< One hit per cable: its best paragraph. */
  CABLE_GROUP_PARAGRAPH = 1 /**< One hit per matching paragraph. */
} cable_grouping;

/** Search options; set by cable_search_options_init(), then change fields. */
typedef struct cable_search_options {
  size_t offset;           /**< Hits to skip. */
  size_t limit;            /**< Hits to return (at most 10,000). Default 10. */
  cable_sort sort;         /**< Order of the hits. Default: relevance. */
  cable_grouping grouping; /**< One hit per cable (default) or per paragraph. */
  int exact_total;         /**< Ignored: totals are always exact (kept for older callers). */
  const char* facets;      /**< Comma-separated facet names ("tag,origin,class,year,month,
                                caption,person"), or NULL for none. */
  size_t facet_limit;      /**< Values per facet, most frequent first; 0 = all. Default 10. */
  size_t snippet_length;   /**< Characters (about). Default 240. */
  int shard_threads;       /**< Non-zero (default): on an index of several shards, a search
                                that reads many postings matches each shard in a thread of
                                its own (the same answer, sooner). 0: one thread, for a
                                server already answering a search per core. */
} cable_search_options;

CABLE_C_API void cable_search_options_init(cable_search_options* options);

/** The answer to one search. */
typedef struct cable_results cable_results;
/** One hit of a cable_results. */
typedef struct cable_hit cable_hit;

/** Runs `query` (the query language, docs/query-language.md). `options` may
 *  be NULL for the defaults. Errors: CABLE_ERROR_QUERY (with
 *  cable_last_error_position()), CABLE_ERROR_INVALID_ARGUMENT (unknown
 *  facet), CABLE_ERROR_INDEX. */
CABLE_C_API cable_status cable_search(cable_searcher* searcher, const char* query,
                                      const cable_search_options* options, cable_results** out);
CABLE_C_API void cable_results_destroy(cable_results* results);

/** Matching cables (or paragraphs, when grouped by paragraph). */
CABLE_C_API uint64_t cable_results_total(const cable_results* results);
/** Non-zero when the total is exact (always, in this version), else a lower bound. */
CABLE_C_API int cable_results_total_exact(const cable_results* results);
/** A respelled query when few cables matched, or "". */
CABLE_C_API const char* cable_results_suggestion(const cable_results* results);
CABLE_C_API size_t cable_results_hit_count(const cable_results* results);
/** Hit `i` (0-based), or NULL when `i` is out of range. */
CABLE_C_API const cable_hit* cable_results_hit(const cable_results* results, size_t i);

CABLE_C_API const char* cable_hit_cable(const cable_hit* hit);     /**< "09PARIS268" */
CABLE_C_API const char* cable_hit_paragraph(const cable_hit* hit); /**< "4", or "" */
CABLE_C_API uint32_t cable_hit_order(const cable_hit* hit);        /**< 0 = subject, 1 = first ¶ */
CABLE_C_API const char* cable_hit_marking(const cable_hit* hit);
CABLE_C_API const char* cable_hit_date(const cable_hit* hit);
CABLE_C_API const char* cable_hit_subject(const cable_hit* hit);
CABLE_C_API const char* cable_hit_origin(const cable_hit* hit);
CABLE_C_API const char* cable_hit_classification(const cable_hit* hit);
CABLE_C_API const char* cable_hit_snippet(const cable_hit* hit); /**< HTML-escaped, <b>…</b> */
CABLE_C_API double cable_hit_score(const cable_hit* hit);
CABLE_C_API uint64_t cable_hit_other_matches(const cable_hit* hit);

/** Values counted for `facet` ("tag", …); 0 when it was not asked for. */
CABLE_C_API size_t cable_results_facet_size(const cable_results* results, const char* facet);
/** Value `i` of `facet`, most frequent first: its text and count. Errors:
 *  CABLE_ERROR_INVALID_ARGUMENT (unknown facet, `i` out of range). */
CABLE_C_API cable_status cable_results_facet_value(const cable_results* results, const char* facet,
                                                   size_t i, const char** value, uint64_t* count);

/** The meaning of value `i` of `facet` (a tag's, from the glossary: "Trafficking
 *  in Persons"), or "" (another facet, a code without one, `i` out of range). */
CABLE_C_API const char* cable_results_facet_name(const cable_results* results, const char* facet,
                                                 size_t i);

/** The cable `id` as JSON (docs/formats.md), into `*json` (free with
 *  cable_string_free()). Errors: CABLE_ERROR_NOT_FOUND. */
CABLE_C_API cable_status cable_get(cable_searcher* searcher, const char* id, char** json);

/** A list of strings. */
typedef struct cable_strings cable_strings;
CABLE_C_API size_t cable_strings_size(const cable_strings* list);
/** String `i`, or NULL when out of range. */
CABLE_C_API const char* cable_strings_get(const cable_strings* list, size_t i);
CABLE_C_API void cable_strings_destroy(cable_strings* list);

/** The IDs of the cables whose REF list cites `id`, oldest first. */
CABLE_C_API cable_status cable_cited_by(cable_searcher* searcher, const char* id,
                                        cable_strings** out);

/* TAGS codes and what they mean, from the glossary compiled into the
 * library (cable/tags.hpp, libcable/data/tags.tsv). Reentrant. */

/** What TAGS code `code` means (its case ignored; "OBAMA, BARACK" is read as
 *  a person): its meaning into `*name` (free with cable_string_free()) and,
 *  when `kind` is not NULL, its kind into `*kind` ("subject", "geo", "org",
 *  "program", "person"; a static string). Errors: CABLE_ERROR_NOT_FOUND when
 *  the glossary does not know the code. */
CABLE_C_API cable_status cable_tag_info(const char* code, char** name, const char** kind);
/** The codes `text` names, best first: the code itself, then those whose
 *  meaning is `text`, then those whose meaning holds each of its words,
 *  whole ("libya": LY; "korea": KN, KS), into `*codes` (free with
 *  cable_strings_destroy()); empty for blank text. Errors:
 *  CABLE_ERROR_INVALID_ARGUMENT (a NULL argument), CABLE_ERROR_NO_MEMORY. */
CABLE_C_API cable_status cable_tags_matching(const char* text, cable_strings** codes);

#ifdef __cplusplus
}
#endif

#endif /* CABLE_H_ */
