// search/compile: a query of filters alone is known to weigh nothing, as
// Xapian finds when it sets up the match; anything the compiler is unsure of
// counts as weighted (the slower, always exact path).
#include "search/compile.hpp"

#include <gtest/gtest.h>
#include <xapian.h>

#include <string>
#include <utility>

#include "cable/query.hpp"
#include "cable/writer.hpp"
#include "store/database.hpp"
#include "store/schema.hpp"
#include "support/test_support.hpp"
#include "support/weightless.hpp"

namespace cable::internal {
namespace {

TEST(CompileTest, FiltersAloneAreKnownToWeighNothing) {
  test::TempDir dir;
  {
    Writer w = Writer::open(dir.path() / "db", {});
    w.add(test::make_cable("09ATLANTIS1", "2009-03-01", {"PREL"}, {"Fishing quotas."}));
    w.add(test::make_cable("10ATLANTIS2", "2010-03-01", {"KTIP"}, {"Harbour fishing."}));
    w.commit();
  }
  const Xapian::Database db = open_readable(dir.path() / "db").all;
  const Analyzer analyzer;
  const CableMap cables;  // empty: phrases are not matched here
  const auto compiled = [&](const char* text) {
    return compile(QueryAccess::node(Query::parse(text)), analyzer, cables);
  };
  for (const char* filters : {"tag:PREL", "tag:PREL date:2009..2010", "origin:atlantis tag:KTIP",
                              "tag:PREL -fishing", "tag:PREL NOT fishing", "tag:PREL OR tag:KTIP",
                              "class:unclassified NOT (harbour OR x*)", "NOT fishing"}) {
    const CompiledQuery c = compiled(filters);
    EXPECT_FALSE(c.weighted) << filters;
    EXPECT_TRUE(test::weightless(db, c.query)) << filters;
  }
  for (const char* weighted :
       {"fishing", "tag:PREL fishing", "subject:harbour", "\"fishing quotas\"", "fish*",
        "fishing NEAR quotas", "tag:PREL OR fishing"}) {
    EXPECT_TRUE(compiled(weighted).weighted) << weighted;
  }
}

// A free-text phrase of a TAGS line is one tag ("IRAQI FREEDOM", 05ROME3585).
TEST(CompileTest, ATagOfSeveralWordsIsFoundAsWritten) {
  test::TempDir dir;
  {
    Writer w = Writer::open(dir.path() / "db", {});
    w.add(test::make_cable("05ROME3585", "2005-11-29", {"PREL", "IRAQI FREEDOM"}, {"Text."}));
    w.commit();
  }
  const Xapian::Database db = open_readable(dir.path() / "db").all;
  const Analyzer analyzer;
  const CableMap cables;  // empty: phrases are not matched here
  const auto found = [&](const char* q) {
    Xapian::Enquire enquire(db);
    enquire.set_query(compile(QueryAccess::node(Query::parse(q)), analyzer, cables).query);
    return !enquire.get_mset(0, 10).empty();
  };
  for (const char* q : {"tag:\"iraqi  freedom\"", "tag:\"IRAQI FREEDOM\"", "tag:prel"}) {
    EXPECT_TRUE(found(q)) << q;
  }
  EXPECT_FALSE(found("tag:iraqi"));
}

// The classifications are a closed set: a value outside it is a mistake to
// name, not a question whose answer is 0 cables.
TEST(CompileTest, ClassIsAClosedField) {
  test::TempDir dir;
  {
    Writer w = Writer::open(dir.path() / "db", {});
    Cable secret = test::make_cable("09ATLANTIS1", "2009-03-01", {"PREL"}, {"Fishing."});
    secret.classification = "SECRET//NOFORN";
    w.add(secret);
    Cable fouo = test::make_cable("09ATLANTIS2", "2009-03-01", {"PREL"}, {"Fishing."});
    fouo.classification = "UNCLASSIFIED//FOR OFFICIAL USE ONLY";
    w.add(fouo);
    w.commit();
  }
  const Xapian::Database db = open_readable(dir.path() / "db").all;
  const Analyzer analyzer;
  const CableMap cables;
  const auto count = [&](const char* q) {
    Xapian::Enquire enquire(db);
    enquire.set_query(
        Xapian::Query(Xapian::Query::OP_FILTER,
                      compile(QueryAccess::node(Query::parse(q)), analyzer, cables).query,
                      Xapian::Query(schema::term(schema::kKind, schema::kKindCable))));
    return enquire.get_mset(0, 10).size();
  };
  for (const char* q : {"class:secret", "class:\"SECRET//NF\"", "class:\"S E C R E T//NOFORN\"",
                        "class:NoForn", "class:nf"}) {
    EXPECT_EQ(count(q), 1u) << q;
  }
  for (const char* q : {"class:unclas", "class:fouo", "class:\"for  official use only\""}) {
    EXPECT_EQ(count(q), 1u) << q;
  }
  EXPECT_EQ(count("class:confidential"), 0u);
  // The message names the value, whichever name the field was typed with.
  for (const auto& [q, position] :
       {std::pair{"fishing class:secert", 14u}, std::pair{"classification:secert", 15u}}) {
    try {
      count(q);
      ADD_FAILURE() << q << " was accepted";
    } catch (const QueryError& e) {
      EXPECT_EQ(e.position(), position);
      const std::string message = e.what();
      EXPECT_EQ(message.find("class:"), std::string::npos) << message;
      EXPECT_NE(message.find("\"secert\" is no classification"), std::string::npos) << message;
      EXPECT_NE(message.find("secret, top secret, noforn"), std::string::npos) << message;
    }
  }
}

// The index reads "_" between words as a space: a wildcard is read the same
// way, and one that becomes two words is refused at its position.
TEST(CompileTest, AWildcardIsOneWordAsTheIndexReadsIt) {
  const Analyzer analyzer;
  const CableMap cables;
  const auto compiled = [&](const char* q) {
    return compile(QueryAccess::node(Query::parse(q)), analyzer, cables);
  };
  EXPECT_EQ(
      compiled("Kingd*").cables.get_description(),
      Xapian::Query(schema::term(schema::kCableWord, std::string("kingd") + schema::kWildcard))
          .get_description());
  try {
    compiled("fishing united_k*");
    ADD_FAILURE() << "united_k* was accepted";
  } catch (const QueryError& e) {
    EXPECT_EQ(e.position(), 8u);
    EXPECT_NE(std::string(e.what()).find("united_k* is more than one word"), std::string::npos)
        << e.what();
  }
}

}  // namespace
}  // namespace cable::internal
