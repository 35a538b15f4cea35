#include "index/facet_spy.hpp"

namespace cable::index {

void FacetSpy::operator()(const Xapian::Document& doc, double) {
  if (const auto cable = map_.cable_of(doc.get_docid(), hint_)) cache_.see(*cable, doc);
}

}  // namespace cable::index
