// store/stored: a document's record survives the round trip whatever it
// holds, damaged records are refused with the index's error, never read
// past, and the record is a value, not Xapian's (compressed) document data.
#include "store/stored.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "analysis/analyzer.hpp"
#include "analysis/documents.hpp"
#include "cable/error.hpp"
#include "cable/json.hpp"
#include "store/facets.hpp"
#include "store/record_codec.hpp"
#include "store/schema.hpp"
#include "support/test_support.hpp"

namespace cable::internal {
namespace {

StoredDoc sample() {
  StoredDoc d;
  d.id = "09PARIS268";
  d.kind = "p";
  d.order = 300;  // two bytes as LEB128
  d.number = "3";
  d.marking = "SBU";
  d.text = std::string(200, 'x') + " \xC3\xA9l\xC3\xA9" + std::string(1, '\0') + "end";
  d.date = "2009-02-20T16:08";
  d.subject = "FRANCE: NINTH ANNUAL TRAFFICKING IN PERSONS (TIP) REPORT";
  d.origin = "Embassy Paris";
  d.classification = "UNCLASSIFIED//FOR OFFICIAL USE ONLY";
  return d;
}

TEST(StoredTest, RoundTrip) {
  const StoredDoc d = sample();
  const StoredDoc back = decode_doc(encode(d));
  EXPECT_EQ(back.id, d.id);
  EXPECT_EQ(back.kind, d.kind);
  EXPECT_EQ(back.order, d.order);
  EXPECT_EQ(back.number, d.number);
  EXPECT_EQ(back.marking, d.marking);
  EXPECT_EQ(back.text, d.text);
  EXPECT_EQ(back.date, d.date);
  EXPECT_EQ(back.subject, d.subject);
  EXPECT_EQ(back.origin, d.origin);
  EXPECT_EQ(back.classification, d.classification);
  EXPECT_EQ(decode_doc(encode(StoredDoc{})).text, "");
}

void expect_damaged(const std::string& data) {
  try {
    decode_doc(data);
    ADD_FAILURE() << "accepted " << data.size() << " bytes";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kIndex);
    EXPECT_NE(std::string(e.what()).find("damaged"), std::string::npos) << e.what();
  }
}

TEST(StoredTest, DamagedDataIsRefused) {
  const std::string good = encode(sample());
  for (std::size_t n = 0; n < good.size(); ++n) expect_damaged(good.substr(0, n));  // every cut
  expect_damaged(good + "x");                                                       // extra bytes
  expect_damaged(std::string(11, '\xff'));  // a number longer than 64 bits
  // An order whose only set bit is past 64 bits: read as 0 if unchecked.
  expect_damaged(std::string(1, '\0') + std::string(9, '\x80') + '\x02' + std::string(8, '\0'));
  expect_damaged("\x01p\xff\xff\xff\xff\x7f");  // an order past 32 bits
  expect_damaged("{\"id\":\"09PARIS268\"}");    // JSON, as schema version 3 stored
}

// A Cable with every field set, each to a value of its own.
Cable full_cable() {
  Cable c;
  c.id = "08ATHENS959";
  c.published_id = "08ECTION02OF02ATHENS959";
  c.subject = "GREECE: A SUBJECT";
  c.subject_marking = "S/NF";
  c.date = "2008-07-11T15:02";
  c.dtg = "111502Z JUL 08";
  c.classification = "SECRET//NOFORN";
  c.origin = "Embassy Athens";
  c.precedence = "IMMEDIATE";
  c.from = "AMEMBASSY ATHENS";
  c.to = {"SECSTATE WASHDC", "USMISSION USNATO"};
  c.info = {"AMEMBASSY ANKARA"};
  c.captions = {"SIPDIS", "NOFORN"};
  c.handling = {"DEPARTMENT FOR EUR/SE"};
  c.eo = "12958: DECL: 07/11/2018";
  c.declassify_on = "2018-07-11";
  c.classified_by = "Ambassador Daniel Speckhard, reasons 1.4 (b) and (d)";
  c.tags = {"PREL", "IRAQI FREEDOM"};
  c.persons = {"STEINBERG, JAMES B."};
  c.references = {Reference{"A", "ATHENS 900", "08ATHENS900", "cable"},
                  Reference{"B", "EMAIL OF 3 JULY", "", "email"}};
  c.paragraphs = {
      Paragraph{"1", "C", "Text \xE2\x80\x9Cquoted\xE2\x80\x9D.", {SubItem{"A", "one"}}}};
  c.signature = "SPECKHARD";
  c.text = "the body";
  c.raw_header = "P 111502Z JUL 08";
  c.raw_body = "S E C R E T";
  c.warnings = {"a warning"};
  c.source = Source{"cables.csv", Format::kCsv, 12, 340};
  return c;
}

// A field added to Cable must be added to the stored record and to this
// test: the size of Cable tells when one is.
static_assert(sizeof(Cable) ==
                  17 * sizeof(std::string) + 9 * sizeof(std::vector<std::string>) + sizeof(Source),
              "a field was added to cable::Cable: store it (store/stored.cpp) and set it above");

TEST(StoredTest, EveryFieldOfACableRoundTripsButItsTexts) {
  const Cable c = full_cable();
  const Cable back = decode_cable_fields(encode_cable_fields(c));
  Cable expected = c;
  expected.paragraphs.clear();
  expected.text.clear();
  expected.raw_header.clear();
  expected.raw_body.clear();
  EXPECT_EQ(to_json(back), to_json(expected));
  EXPECT_EQ(back.source.file, "cables.csv");
  EXPECT_EQ(back.source.format, Format::kCsv);
  EXPECT_EQ(back.source.row, 12u);
  EXPECT_EQ(back.source.line, 340u);
  EXPECT_TRUE(back.text.empty() && back.raw_body.empty());
}

// `cable check` compares a cable document's facet lines with those of its
// stored fields: every facet's values must come back.
TEST(StoredTest, TheStoredFieldsGiveTheFacetLinesOfTheCable) {
  const Cable c = full_cable();
  const std::string lines = facet_lines(c);
  EXPECT_EQ(facet_lines(decode_cable_fields(encode_cable_fields(c))), lines);
  for (const std::string_view line :
       {"t:IRAQI FREEDOM\n", "o:Embassy Athens\n", "c:SECRET//NOFORN\n", "y:2008\n", "m:2008-07\n",
        "p:NOFORN\n", "n:STEINBERG, JAMES B.\n", "e:IMMEDIATE\n"}) {
    EXPECT_NE(lines.find(line), std::string::npos) << line << " in\n" << lines;
  }
}

TEST(StoredTest, TheContentHashIsEveryFieldButTheSource) {
  const Cable c = full_cable();
  Cable moved = c;
  moved.source = Source{"elsewhere.txt", Format::kText, 0, 0};
  EXPECT_EQ(content_hash(moved), content_hash(c));
  for (auto change : std::vector<void (*)(Cable&)>{
           [](Cable& x) { x.raw_body += "!"; }, [](Cable& x) { x.text += "!"; },
           [](Cable& x) { x.paragraphs[0].items[0].text += "!"; },
           [](Cable& x) { x.references[1].kind = "memo"; }, [](Cable& x) { x.warnings.clear(); },
           [](Cable& x) { x.tags.swap(x.persons); }}) {
    Cable other = c;
    change(other);
    EXPECT_NE(content_hash(other), content_hash(c));
  }
}

TEST(StoredTest, ADamagedCableRecordIsRefused) {
  const std::string good = encode_cable_fields(full_cable());
  for (std::size_t n = 0; n < good.size(); n += 7) {
    EXPECT_THROW(decode_cable_fields(good.substr(0, n)), Error) << n;
  }
  EXPECT_THROW(decode_cable_fields(to_json(full_cable())), Error);  // as schema 8 stored it
}

TEST(StoredTest, FileRecords) {
  const FileRecord f = decode_file_record(encode(FileRecord{"0123456789abcdef", 42}));
  EXPECT_EQ(f.hash, "0123456789abcdef");
  EXPECT_EQ(f.cables, 42u);
  for (const char* damaged : {"", "0123456789abcdef", "0123 4x", " 12", "0123 "}) {
    EXPECT_EQ(decode_file_record(damaged).hash, "") << damaged;
  }
}

TEST(StoredTest, TheRecordIsAValueAndTheDataEmpty) {
  Analyzer analyzer;
  const Cable cable =
      test::make_cable("09PARIS268", "2009-02-20", {"KTIP"}, {"First words.", "Second words."});
  const RecordCodec plain;
  const CableDocuments docs = make_documents(cable, analyzer, plain);
  ASSERT_EQ(docs.docs.size(), 3u);  // the cable's, then one per paragraph
  EXPECT_EQ(decode_doc(plain.unpack(record_of(docs.docs[0]))).kind, schema::kKindCable);
  // The facet lines are the cable document's alone (schema 15).
  EXPECT_EQ(docs.docs[0].get_value(schema::kSlotFacets), facet_lines(cable));
  EXPECT_NE(facet_lines(cable), "");
  for (std::size_t i = 1; i < docs.docs.size(); ++i) {
    EXPECT_TRUE(docs.docs[i].get_data().empty());
    EXPECT_EQ(docs.docs[i].get_value(schema::kSlotFacets), "");
    const StoredDoc d = decode_doc(plain.unpack(record_of(docs.docs[i])));
    EXPECT_EQ(d.kind, schema::kKindParagraph);
    EXPECT_EQ(d.order, i);
    EXPECT_EQ(d.text, cable.paragraphs[i - 1].text);
    EXPECT_EQ(d.id, "09PARIS268");
  }
}

// A paragraph's own terms: its words and stems, its kind, its cable's ID,
// its key and its marking. The cable's fields (tags, origin, class, dates,
// captions, persons, precedence, references, subject, the ID as published)
// are on the cable document alone (schema 16); a search over paragraphs
// filters by them through their cables (search/cable_filter).
TEST(StoredTest, TheCablesFieldsAreOnItsCableDocumentAlone) {
  Analyzer analyzer;
  Cable cable = test::make_cable("09PARIS268", "2009-02-20", {"KTIP", "PREL"},
                                 {"Trafficking words.", "Second words."}, "FRANCE: TIP REPORT");
  cable.published_id = "09PARISS268";
  cable.captions = {"SIPDIS"};
  cable.persons = {"SARKOZY, NICOLAS"};
  cable.precedence = "PRIORITY";
  Reference r;
  r.id = "08PARIS100";
  cable.references.push_back(r);
  const CableDocuments docs = make_documents(cable, analyzer, RecordCodec());
  ASSERT_EQ(docs.docs.size(), 3u);
  const auto terms_of = [](const Xapian::Document& d) {
    std::vector<std::string> out;
    for (auto t = d.termlist_begin(); t != d.termlist_end(); ++t) out.push_back(*t);
    return out;
  };
  const std::vector<std::string> head = terms_of(docs.docs[0]);
  for (const char* t : {"KKTIP", "KPREL", "XOatlantis", "XOFembassy atlantis", "XCconfidential",
                        "XPSIPDIS", "XNSARKOZY, NICOLAS", "XEPRIORITY", "XR08PARIS100", "Y2009",
                        "M2009-02", "D2009-02-20", "Sfrance", "XJ09PARISS268", "XI09PARIS268"}) {
    EXPECT_NE(std::find(head.begin(), head.end(), t), head.end()) << t;
  }
  for (std::size_t i = 1; i < docs.docs.size(); ++i) {
    for (const std::string& t : terms_of(docs.docs[i])) {
      const bool own =
          std::islower(static_cast<unsigned char>(t[0])) ||
          (t[0] == 'Z' && t.size() > 1 && std::islower(static_cast<unsigned char>(t[1]))) ||
          t.rfind("XK", 0) == 0 || t == "XI09PARIS268" || t == "Q09PARIS268#" + std::to_string(i) ||
          t == "XMc";
      EXPECT_TRUE(own) << "paragraph " << i << " holds " << t;
    }
  }
}

}  // namespace
}  // namespace cable::internal
