#define _POSIX_C_SOURCE 200809L /* mkdtemp */
/* The C API (bindings/c/cable.h) from C11: every entry point, its errors and
 * its ownership rules. Built with -Wall -Wextra -Werror -pedantic; run under
 * valgrind (ordinary build) and AddressSanitizer (sanitizer build), which fail
 * it on any leak.
 * Usage: c_api_test SOURCE_DIR */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cable.h"

static int failures = 0;

#define CHECK(cond)                                                                           \
  do {                                                                                        \
    if (!(cond)) {                                                                            \
      fprintf(stderr, "%s:%d: CHECK(%s) failed; last error: %s\n", __FILE__, __LINE__, #cond, \
              cable_last_error());                                                            \
      ++failures;                                                                             \
    }                                                                                         \
  } while (0)

struct counts {
  int progress_calls;
  int merging_calls;
  int input_errors;
  cable_status last_code;
};

static void on_progress(const cable_progress* p, void* user) {
  struct counts* c = (struct counts*)user;
  if (p->files_done <= p->files_total) ++c->progress_calls;
  if (p->merging) ++c->merging_calls;
}

struct rewrites {
  int events;
  int first_done;
  uint64_t last_done;
  uint64_t last_total;
};

static void on_rewrite_progress(const cable_progress* p, void* user) {
  struct rewrites* r = (struct rewrites*)user;
  if (!p->rewriting) return;
  if (r->events++ == 0) r->first_done = (int)p->cables;
  r->last_done = p->cables;
  r->last_total = p->rewrite_cables;
}

static void on_input_error(cable_status code, const char* message, void* user) {
  struct counts* c = (struct counts*)user;
  ++c->input_errors;
  c->last_code = code;
  if (!strstr(message, "empty.txt")) fprintf(stderr, "unexpected message: %s\n", message);
}

int main(int argc, char** argv) {
  char corpus[4096];
  char dir[] = "/tmp/cable-c-test-XXXXXX";
  char db[4200];
  char bad[4200];
  cable_writer* writer = NULL;
  cable_writer* second = NULL;
  cable_writer_options wopts;
  cable_index_summary summary;
  struct counts counts = {0, 0, 0, CABLE_OK};
  cable_searcher* searcher = NULL;
  cable_search_options opts;
  cable_results* results = NULL;
  cable_results* other = NULL;
  const cable_hit* hit = NULL;
  const char* value = NULL;
  uint64_t count = 0;
  size_t i = 0;
  char* json = NULL;
  cable_strings* citing = NULL;
  int removed = -1;
  FILE* f = NULL;

  if (argc != 2) {
    fprintf(stderr, "usage: c_api_test SOURCE_DIR\n");
    return 2;
  }
  snprintf(corpus, sizeof corpus, "%s/corpus", argv[1]);
  if (!mkdtemp(dir)) return 2;
  snprintf(db, sizeof db, "%s/db", dir);
  snprintf(bad, sizeof bad, "%s/empty.txt", dir);
  f = fopen(bad, "w");
  if (f) fclose(f);

  CHECK(strcmp(cable_version(), "") != 0);

  /* Writing, with progress and an input that fails. */
  cable_writer_options_init(&wopts);
  CHECK(wopts.segment_cables == 20000);
  wopts.shards = 2;
  wopts.segment_cables = 2; /* the sample's five cables: a segment for the last ones */
  wopts.commit_every = 1;
  CHECK(cable_writer_open(db, &wopts, &writer) == CABLE_OK);
  CHECK(cable_writer_open(db, NULL, &second) == CABLE_ERROR_INDEX_LOCKED);
  CHECK(second == NULL);
  CHECK(strstr(cable_last_error(), "index is locked by another writer") != NULL);
  CHECK(cable_writer_index_path(writer, corpus, on_progress, on_input_error, &counts, &summary) ==
        CABLE_OK);
  CHECK(summary.cables_added == 5);
  CHECK(summary.failed == 0);
  CHECK(summary.shards_rewritten == 0);
  CHECK(counts.progress_calls > 0);
  CHECK(counts.merging_calls > 0); /* the segments merged into the shards */
  CHECK(cable_writer_index_path(writer, bad, NULL, on_input_error, &counts, NULL) == CABLE_OK);
  CHECK(counts.input_errors == 1);
  CHECK(counts.last_code == CABLE_ERROR_NOT_A_CABLE);
  CHECK(cable_writer_index_path(writer, "/no/such/path", NULL, NULL, NULL, &summary) == CABLE_OK);
  CHECK(summary.failed == 1);
  CHECK(cable_writer_commit(writer) == CABLE_OK);

  /* Searching: hits, facets, paging, sorting, grouping. */
  CHECK(cable_searcher_open(db, &searcher) == CABLE_OK);
  cable_search_options_init(&opts);
  opts.facets = "tag,year";
  CHECK(cable_search(searcher, "tag:KTIP trafficking", &opts, &results) == CABLE_OK);
  CHECK(cable_results_total(results) >= 1);
  CHECK(cable_results_total_exact(results) == 1);
  CHECK(cable_results_hit_count(results) >= 1);
  hit = cable_results_hit(results, 0);
  CHECK(hit != NULL);
  CHECK(strlen(cable_hit_cable(hit)) > 0);
  CHECK(strstr(cable_hit_snippet(hit), "<b>") != NULL);
  CHECK(cable_hit_score(hit) > 0);
  CHECK(strlen(cable_hit_date(hit)) >= 10);
  CHECK(cable_results_hit(results, 1000) == NULL);
  CHECK(cable_results_facet_size(results, "tag") >= 1);
  CHECK(cable_results_facet_value(results, "tag", 0, &value, &count) == CABLE_OK);
  CHECK(value != NULL && count >= 1);
  /* Every tag of the bundled corpus has a meaning in the glossary. */
  CHECK(strlen(cable_results_facet_name(results, "tag", 0)) > 0);
  CHECK(strcmp(cable_results_facet_name(results, "tag", 100000), "") == 0);
  CHECK(cable_results_facet_size(results, "origin") == 0);
  CHECK(cable_results_facet_value(results, "tag", 100000, &value, &count) ==
        CABLE_ERROR_INVALID_ARGUMENT);
  CHECK(cable_results_facet_value(results, "colour", 0, &value, &count) ==
        CABLE_ERROR_INVALID_ARGUMENT);
  cable_results_destroy(results);
  results = NULL;

  cable_search_options_init(&opts);
  opts.grouping = CABLE_GROUP_PARAGRAPH;
  opts.sort = CABLE_SORT_DATE_DESCENDING;
  opts.limit = 2;
  opts.offset = 1;
  opts.exact_total = 1;
  CHECK(cable_search(searcher, "the", &opts, &results) == CABLE_OK);
  CHECK(cable_results_hit_count(results) == 2);
  for (i = 0; i < cable_results_hit_count(results); ++i) {
    CHECK(cable_hit_order(cable_results_hit(results, i)) <= 1000);
  }
  cable_results_destroy(results);
  results = NULL;

  /* One thread per shard or one thread: the same answer. */
  cable_search_options_init(&opts);
  CHECK(opts.shard_threads == 1);
  opts.exact_total = 1;
  CHECK(cable_search(searcher, "the", &opts, &results) == CABLE_OK);
  opts.shard_threads = 0;
  CHECK(cable_search(searcher, "the", &opts, &other) == CABLE_OK);
  CHECK(cable_results_total(results) == cable_results_total(other));
  CHECK(cable_results_hit_count(results) == cable_results_hit_count(other));
  for (i = 0; i < cable_results_hit_count(results); ++i) {
    CHECK(strcmp(cable_hit_cable(cable_results_hit(results, i)),
                 cable_hit_cable(cable_results_hit(other, i))) == 0);
  }
  cable_results_destroy(results);
  cable_results_destroy(other);
  results = NULL;
  other = NULL;

  /* Errors: a malformed query with its position, an unknown facet, NULLs. */
  CHECK(cable_search(searcher, "tag:KTIP \"forced labour", NULL, &results) == CABLE_ERROR_QUERY);
  CHECK(results == NULL);
  CHECK(cable_last_error_position() == 9);
  CHECK(strstr(cable_last_error(), "never closed") != NULL);
  opts.facets = "tag,colour";
  CHECK(cable_search(searcher, "harbour", &opts, &results) == CABLE_ERROR_INVALID_ARGUMENT);
  CHECK(strstr(cable_last_error(), "colour") != NULL);
  CHECK(cable_search(NULL, "harbour", NULL, &results) == CABLE_ERROR_INVALID_ARGUMENT);
  CHECK(cable_search(searcher, NULL, NULL, &results) == CABLE_ERROR_INVALID_ARGUMENT);

  /* The glossary of TAGS codes. */
  {
    char* name = NULL;
    const char* kind = NULL;
    cable_strings* codes = NULL;
    CHECK(cable_tag_info("ktip", &name, &kind) == CABLE_OK);
    CHECK(name != NULL && strcmp(name, "Trafficking in Persons") == 0);
    CHECK(kind != NULL && strcmp(kind, "program") == 0);
    cable_string_free(name);
    name = NULL;
    CHECK(cable_tag_info("KTPI", &name, NULL) == CABLE_ERROR_NOT_FOUND);
    CHECK(name == NULL && strstr(cable_last_error(), "KTPI") != NULL);
    CHECK(cable_tag_info(NULL, &name, NULL) == CABLE_ERROR_INVALID_ARGUMENT);
    CHECK(cable_tags_matching("libya", &codes) == CABLE_OK);
    CHECK(cable_strings_size(codes) >= 1 && strcmp(cable_strings_get(codes, 0), "LY") == 0);
    cable_strings_destroy(codes);
  }

  /* A cable by ID, cited-by. */
  CHECK(cable_get(searcher, "09PARIS268", &json) == CABLE_OK);
  CHECK(json != NULL && strstr(json, "\"09PARIS268\"") != NULL);
  cable_string_free(json);
  json = NULL;
  CHECK(cable_get(searcher, "99NOWHERE1", &json) == CABLE_ERROR_NOT_FOUND);
  CHECK(json == NULL);
  CHECK(cable_cited_by(searcher, "09ATLANTIS399", &citing) == CABLE_OK);
  CHECK(cable_strings_size(citing) == 1);
  CHECK(cable_strings_get(citing, 0) != NULL &&
        strcmp(cable_strings_get(citing, 0), "09ATLANTIS402") == 0);
  CHECK(cable_strings_get(citing, 1) == NULL);
  cable_strings_destroy(citing);

  /* Deleting, seen after a refresh. */
  CHECK(cable_writer_remove(writer, "09PARIS268", &removed) == CABLE_OK);
  CHECK(removed == 1);
  CHECK(cable_writer_remove(writer, "09PARIS268", &removed) == CABLE_OK);
  CHECK(removed == 0);
  CHECK(cable_searcher_refresh(searcher) == CABLE_OK);
  CHECK(cable_get(searcher, "09PARIS268", &json) == CABLE_ERROR_NOT_FOUND);

  /* Replacing a cable of a shard built in bulk writes that shard anew, with
   * term lists, and reports how far it is. */
  {
    char db2[4200];
    char changed[4200];
    char file[4300];
    struct rewrites r = {0, -1, 0, 0};
    cable_writer* rewriter = NULL;
    snprintf(db2, sizeof db2, "%s/db2", dir);
    snprintf(changed, sizeof changed, "%s/changed", dir);
    snprintf(file, sizeof file, "%s/08ATLANTIS77.txt", changed);
    CHECK(mkdir(changed, 0700) == 0);
    f = fopen(file, "w");
    CHECK(f != NULL);
    if (f) {
      fputs(
          "08ATLANTIS77\nA CHANGED CABLE\nMon Mar 09 20:15:00 +0100 2008\nUNCLASSIFIED\n"
          "Embassy Atlantis\n\nUNCLAS ATLANTIS 000077\n\nTAGS: PGOV\n"
          "SUBJECT: A CHANGED CABLE\n\n1. Gunboats arrived.\n",
          f);
      fclose(f);
    }
    CHECK(cable_writer_open(db2, &wopts, &rewriter) == CABLE_OK);
    CHECK(cable_writer_index_path(rewriter, corpus, NULL, NULL, NULL, &summary) == CABLE_OK);
    CHECK(summary.shards_rewritten == 0);
    CHECK(cable_writer_index_path(rewriter, changed, on_rewrite_progress, NULL, &r, &summary) ==
          CABLE_OK);
    CHECK(summary.cables_replaced == 1);
    CHECK(summary.shards_rewritten == 1);
    CHECK(r.events >= 2);
    CHECK(r.first_done == 0);
    CHECK(r.last_total >= 1 && r.last_done == r.last_total);
    cable_writer_destroy(rewriter);
  }

  /* A missing index. */
  cable_searcher_destroy(searcher);
  searcher = NULL;
  CHECK(cable_searcher_open("/no/such/index", &searcher) == CABLE_ERROR_INDEX_MISSING);
  CHECK(searcher == NULL);
  CHECK(strstr(cable_last_error(), "/no/such/index") != NULL);

  /* Destroying NULL is fine. */
  cable_writer_destroy(writer);
  cable_writer_destroy(NULL);
  cable_searcher_destroy(NULL);
  cable_results_destroy(NULL);
  cable_strings_destroy(NULL);
  cable_string_free(NULL);

  remove(bad);
  {
    char cmd[4300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0) fprintf(stderr, "could not remove %s\n", dir);
  }
  if (failures) fprintf(stderr, "%d check(s) failed\n", failures);
  return failures ? 1 : 0;
}
