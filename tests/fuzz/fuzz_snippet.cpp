// Fuzz target: snippets (search/snippet) over arbitrary paragraph text. The
// first line of the input is the query (parsed and compiled as a search
// would), the rest the text; every length from 1 to 512 is exercised.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/analyzer.hpp"
#include "cable/error.hpp"
#include "cable/query.hpp"
#include "search/compile.hpp"
#include "search/snippet.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const cable::internal::Analyzer analyzer;
  static const cable::internal::CableMap cables;  // empty: nothing is matched
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::size_t newline = input.find('\n');
  if (newline == std::string_view::npos) return 0;
  try {
    const cable::Query q = cable::Query::parse(input.substr(0, newline));
    const cable::internal::CompiledQuery compiled =
        cable::internal::compile(cable::internal::QueryAccess::node(q), analyzer, cables);
    std::vector<std::string> wildcards;
    for (const auto& w : compiled.wildcards) wildcards.push_back(w.text);
    cable::internal::SnippetMaker snippets(compiled.query, wildcards);
    const std::string_view text = input.substr(newline + 1);
    const std::size_t length = 1 + (size % 512);
    (void)snippets.make(text, length, "<b>", "</b>");
  } catch (const cable::QueryError&) {
    // Not a query: nothing to highlight.
  }
  return 0;
}
