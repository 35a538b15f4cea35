/* Indexes a directory of cables and searches it with facets, through the C
 * API (bindings/c/cable.h). The tests build and run it.
 * Usage: search INDEX_DIR CORPUS_DIR QUERY */
#include <stdio.h>

#include "cable.h"

static int report(cable_status status) {
  fprintf(stderr, "search: %s\n", cable_last_error());
  return (int)status;
}

int main(int argc, char** argv) {
  cable_writer* writer = NULL;
  cable_searcher* searcher = NULL;
  cable_results* results = NULL;
  cable_search_options options;
  cable_index_summary summary;
  cable_status status;
  size_t i;

  if (argc != 4) {
    fprintf(stderr, "usage: search INDEX_DIR CORPUS_DIR QUERY\n");
    return 2;
  }
  if ((status = cable_writer_open(argv[1], NULL, &writer)) != CABLE_OK) return report(status);
  status = cable_writer_index_path(writer, argv[2], NULL, NULL, NULL, &summary);
  cable_writer_destroy(writer);
  if (status != CABLE_OK) return report(status);
  printf("indexed %llu cables (%llu unchanged)\n", (unsigned long long)summary.cables_added,
         (unsigned long long)summary.cables_unchanged);

  if ((status = cable_searcher_open(argv[1], &searcher)) != CABLE_OK) return report(status);
  cable_search_options_init(&options);
  options.facets = "tag,year";
  status = cable_search(searcher, argv[3], &options, &results);
  if (status != CABLE_OK) {
    cable_searcher_destroy(searcher);
    return report(status);
  }
  printf("%llu cables match %s\n", (unsigned long long)cable_results_total(results), argv[3]);
  for (i = 0; i < cable_results_hit_count(results); ++i) {
    const cable_hit* hit = cable_results_hit(results, i);
    printf("  %s paragraph %s (%s): %s\n", cable_hit_cable(hit), cable_hit_paragraph(hit),
           cable_hit_date(hit), cable_hit_snippet(hit));
  }
  for (i = 0; i < cable_results_facet_size(results, "year"); ++i) {
    const char* year = NULL;
    uint64_t count = 0;
    cable_results_facet_value(results, "year", i, &year, &count);
    printf("  year %s: %llu\n", year, (unsigned long long)count);
  }
  cable_results_destroy(results);
  cable_searcher_destroy(searcher);
  return 0;
}
