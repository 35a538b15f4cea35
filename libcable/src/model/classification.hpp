// Classification: canonical names, and the banner line that opens a body
// ("C O N F I D E N T I A L SECTION 01 OF 02 PARIS 003956").
#ifndef CABLE_SRC_MODEL_CLASSIFICATION_HPP_
#define CABLE_SRC_MODEL_CLASSIFICATION_HPP_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cable::internal {

// "UNCLASSIFIED//FOR OFFICIAL USE ONLY", "C O N F I D E N T I A L", "UNCLAS",
// "SECRET//NOFORN" -> the canonical name (record.hpp); `s` trimmed and
// upper-cased when it is none of the known forms; empty for empty input.
std::string canonical_classification(std::string_view s);

// The values of `classification` a `class:` query matches, as the index
// holds them: the whole name and each "//" part, lower case with spaces
// folded ("SECRET//NOFORN" -> "secret//noforn", "secret", "noforn").
std::vector<std::string> class_values(std::string_view classification);

// The index value (as class_values() gives it) that a `class:` query's
// `typed` value names: a whole classification in any form
// canonical_classification() knows ("SECRET//NF", "unclas", "S E C R E T"),
// or one part ("noforn", "nf", "fouo"); nullopt for anything else, since the
// classifications form a closed set.
std::optional<std::string> class_query_value(std::string_view typed);

// The values class_query_value() accepts, for an error message:
// "unclassified, confidential, secret, …, or a combination such as secret//noforn".
std::string class_query_values();

// The byte offset where a classification banner starts in `line`, when the
// line ends with one: a classification (spaced or not, possibly glued to
// what precedes it: "PRIORITYUNCLAS"), optionally SECTION NN OF NN, the
// origin and a serial number equal to `serial` (any number when `serial` is
// empty).
std::optional<std::size_t> find_banner(std::string_view line, std::string_view serial);

}  // namespace cable::internal

#endif  // CABLE_SRC_MODEL_CLASSIFICATION_HPP_
