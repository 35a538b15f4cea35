// Indexes a directory of cables and runs a faceted search, through the
// installed library (examples/consumer/CMakeLists.txt).
// Usage: consumer INDEX_DIR CORPUS_DIR
#include <cable/cable.hpp>

#include <iostream>

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: consumer INDEX_DIR CORPUS_DIR\n";
    return 2;
  }
  try {
    {
      cable::Writer writer = cable::Writer::open(argv[1]);
      const cable::IndexSummary s = writer.index_path(argv[2]);
      writer.commit();
      std::cout << "libcable " << cable::version() << " (built against " << CABLE_VERSION_STRING
                << "): " << s.cables_added << " cables added\n";
    }
    cable::SearchOptions options;
    options.facets = {cable::Facet::kTag, cable::Facet::kYear};
    const cable::Results r =
        cable::Searcher::open(argv[1]).search("trafficking OR harbour", options);
    std::cout << r.total << " cables match\n";
    for (const cable::Hit& hit : r.hits) {
      std::cout << "  " << hit.cable << " paragraph " << hit.paragraph << "\n";
    }
    for (const cable::FacetCount& year : r.facets.at(cable::Facet::kYear)) {
      std::cout << "  year " << year.value << ": " << year.count << "\n";
    }
  } catch (const cable::Error& e) {
    std::cerr << "consumer: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
