#include "analysis/documents.hpp"

#include <fmt/format.h>
#include <xxhash.h>

#include "analysis/folding.hpp"
#include "model/classification.hpp"
#include "store/facets.hpp"
#include "store/schema.hpp"
#include "store/stored.hpp"
#include "util/text.hpp"

namespace cable::internal {
namespace {

// Xapian refuses terms longer than 245 bytes; no real facet value comes near.
constexpr std::size_t kMaxTerm = 240;

void add_term(Xapian::Document& doc, const std::string& term) {
  if (term.size() <= kMaxTerm) doc.add_boolean_term(term);
}

}  // namespace

std::string content_hash(const Cable& cable) {
  const std::string content = encode_cable_content(cable);
  return fmt::format("{:016x}", XXH3_64bits(content.data(), content.size()));
}

std::vector<std::string> records_of(const Cable& c) {
  std::vector<std::string> out;
  StoredDoc stored;
  stored.id = c.id;
  stored.date = c.date;
  stored.subject = c.subject;
  stored.origin = c.origin;
  stored.classification = c.classification;
  stored.kind = schema::kKindCable;
  stored.text = c.subject;
  out.push_back(encode(stored));
  std::uint32_t order = 0;
  for (const Paragraph& p : c.paragraphs) {
    stored.kind = schema::kKindParagraph;
    stored.order = ++order;
    stored.number = p.number;
    stored.marking = p.marking;
    stored.text = p.text;
    out.push_back(encode(stored));
  }
  return out;
}

CableDocuments make_documents(const Cable& c, Analyzer& analyzer, const RecordCodec& codec) {
  CableDocuments out;
  const std::vector<std::string> origin_words = analyzer.words(c.origin);
  const std::string origin_full = text::fold_spaces(fold(c.origin));
  const std::vector<std::string> classes = class_values(c.classification);

  // What every document of the cable holds: its kind, the cable's ID, its
  // own key; the date and the ID as values, to sort and group hits.
  const auto own = [&](Xapian::Document& doc, std::string_view kind, std::uint32_t order) {
    add_term(doc, schema::term(schema::kKind, kind));
    add_term(doc, schema::term(schema::kId, c.id));
    add_term(doc, schema::term(schema::kDocKey, c.id + "#" + std::to_string(order)));
    doc.add_value(schema::kSlotDate, c.date);
    doc.add_value(schema::kSlotCable, c.id);
  };
  // The cable's fields, on its cable document alone (schema::on_cable_document_only).
  const auto fields = [&](Xapian::Document& doc) {
    // id: finds a cable under the damaged ID the release published too.
    if (!c.published_id.empty()) {
      add_term(doc, schema::term(schema::kPublishedId, c.published_id));
    }
    for (const std::string& t : c.tags) add_term(doc, schema::term(schema::kTag, t));
    for (const std::string& w : origin_words) add_term(doc, schema::term(schema::kOrigin, w));
    if (!origin_full.empty()) add_term(doc, schema::term(schema::kOriginFull, origin_full));
    for (const std::string& v : classes) add_term(doc, schema::term(schema::kClass, v));
    for (const std::string& p : c.captions) add_term(doc, schema::term(schema::kCaption, p));
    for (const std::string& p : c.persons) add_term(doc, schema::term(schema::kPerson, p));
    if (!c.precedence.empty()) add_term(doc, schema::term(schema::kPrecedence, c.precedence));
    for (const Reference& r : c.references) {
      if (!r.id.empty()) add_term(doc, schema::term(schema::kCites, r.id));
    }
    if (c.date.size() >= 4) add_term(doc, schema::term(schema::kYear, c.date.substr(0, 4)));
    if (c.date.size() >= 7) add_term(doc, schema::term(schema::kMonth, c.date.substr(0, 7)));
    if (c.date.size() >= 10) add_term(doc, schema::term(schema::kDay, c.date.substr(0, 10)));
  };
  const std::vector<std::string> records = records_of(c);
  Xapian::Document head;
  analyzer.start(head);
  analyzer.index_text(c.subject);
  analyzer.index_text(c.subject, schema::kSubject);
  own(head, schema::kKindCable, 0);
  fields(head);
  head.add_value(schema::kSlotFacets, facet_lines(c));
  head.add_value(schema::kSlotRecord, codec.pack(records[0]));
  out.docs.push_back(std::move(head));

  std::uint32_t order = 0;
  for (const Paragraph& p : c.paragraphs) {
    ++order;
    Xapian::Document doc;
    analyzer.start(doc);
    analyzer.index_text(p.text);
    own(doc, schema::kKindParagraph, order);
    if (!p.marking.empty()) {
      const std::string marking =
          schema::term(schema::kMarking, text::fold_spaces(fold(p.marking)));
      add_term(doc, marking);
      add_term(out.docs.front(), marking);
    }
    doc.add_value(schema::kSlotRecord, codec.pack(records[order]));
    out.docs.push_back(std::move(doc));
  }
  out.paragraphs = order;
  return out;
}

}  // namespace cable::internal
