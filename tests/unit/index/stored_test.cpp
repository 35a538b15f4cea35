// index/stored: a document's record survives the round trip whatever it
// holds, damaged records are refused with the index's error, never read
// past, and the record is a value, not Xapian's (compressed) document data.
#include "index/stored.hpp"

#include <gtest/gtest.h>

#include <string>

#include "cable/error.hpp"
#include "index/analyzer.hpp"
#include "index/documents.hpp"
#include "index/schema.hpp"
#include "support/test_support.hpp"

namespace cable::index {
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

TEST(StoredTest, TheRecordIsAValueAndTheDataEmpty) {
  Analyzer analyzer;
  const Cable cable =
      test::make_cable("09PARIS268", "2009-02-20", {"KTIP"}, {"First words.", "Second words."});
  const CableDocuments docs = make_documents(cable, analyzer);
  ASSERT_EQ(docs.docs.size(), 3u);  // the cable's, then one per paragraph
  EXPECT_EQ(decode_doc(record_of(docs.docs[0])).kind, schema::kKindCable);
  for (std::size_t i = 1; i < docs.docs.size(); ++i) {
    EXPECT_TRUE(docs.docs[i].get_data().empty());
    const StoredDoc d = decode_doc(record_of(docs.docs[i]));
    EXPECT_EQ(d.kind, schema::kKindParagraph);
    EXPECT_EQ(d.order, i);
    EXPECT_EQ(d.text, cable.paragraphs[i - 1].text);
    EXPECT_EQ(d.id, "09PARIS268");
  }
}

}  // namespace
}  // namespace cable::index
