// Case and accent folding for indexing and querying: "Élysée" and "ELYSEE"
// both become "elysee", "Straße" becomes "strasse". Both sides of a search
// fold the same way, so a query finds a word however it was written.
#ifndef CABLE_SRC_ANALYSIS_FOLDING_HPP_
#define CABLE_SRC_ANALYSIS_FOLDING_HPP_

#include <string>
#include <string_view>

namespace cable::internal {

// Folds valid UTF-8: canonical decomposition (ICU NFD), combining marks
// removed, full Unicode case folding, recomposition (NFC). ASCII takes a fast
// path. Redaction marks and other symbols pass through unchanged.
std::string fold(std::string_view utf8);

}  // namespace cable::internal

#endif  // CABLE_SRC_ANALYSIS_FOLDING_HPP_
