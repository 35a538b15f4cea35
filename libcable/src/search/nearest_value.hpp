// The value of a field that the index holds nearest to one it does not:
// the answer to `tag:KTPI` or `origin:tripolli` is a suggestion, not a
// silent zero (docs/query-language.md, "When nothing matches").
#ifndef CABLE_SRC_SEARCH_NEAREST_VALUE_HPP_
#define CABLE_SRC_SEARCH_NEAREST_VALUE_HPP_

#include <xapian.h>

#include <functional>
#include <string>

#include "search/compile.hpp"

namespace cable::internal {

// Whether `v` names nothing in `db`: one of its terms is in no document,
// or, for a value that names something by any of them, all are in none.
bool names_nothing(const Xapian::Database& db, const LocatedValue& v);

// The record of a document of the index, by its ID (store/stored.hpp).
using RecordReader = std::function<std::string(Xapian::docid)>;

// The value of `v`'s field in `db` nearest to `v.text`, written as a query
// writes it (`KTIP`, `"Embassy Tripoli"`: an origin as a record `record`
// reads gives it), or "" when none is near: each
// word within an edit distance of 1 (up to 4 letters), 2 (up to 8) or 3;
// the nearest first, then the one in most documents.
// Cost: one pass over the field's distinct values in the index (a few
// thousand tags at full size), so only for answers that found (almost)
// nothing. @throws Xapian::Error, cable::Error for a damaged record.
std::string nearest_value(const Xapian::Database& db, const RecordReader& record,
                          const LocatedValue& v);

}  // namespace cable::internal

#endif  // CABLE_SRC_SEARCH_NEAREST_VALUE_HPP_
