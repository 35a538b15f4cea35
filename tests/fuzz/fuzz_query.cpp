// Fuzz target: the query language, parsed and compiled to a Xapian query.
#include <cstdint>
#include <string_view>

#include "analysis/analyzer.hpp"
#include "cable/error.hpp"
#include "cable/query.hpp"
#include "search/compile.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const cable::internal::Analyzer analyzer;
  static const cable::internal::CableMap cables;  // empty: nothing is matched
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  try {
    const cable::Query q = cable::Query::parse(input);
    (void)q.describe();
    (void)cable::internal::compile(cable::internal::QueryAccess::node(q), analyzer, cables);
  } catch (const cable::QueryError&) {
    // A clear refusal, with a position, is a correct answer to garbage.
  }
  return 0;
}
