// store/record_codec: records kept as they are or compressed with a
// dictionary of the index's own, and refused when damaged.
#include "store/record_codec.hpp"

#include <gtest/gtest.h>

#include <xapian.h>

#include <optional>
#include <random>
#include <string>
#include <vector>

#include "cable/error.hpp"
#include "store/schema.hpp"
#include "support/test_support.hpp"

namespace cable::internal {
namespace {

// Records like a real index's: the same few fields, words of one
// vocabulary; `bytes` of them at least.
std::vector<std::string> records(std::size_t bytes, unsigned seed) {
  std::mt19937 rng(seed);
  const std::vector<std::string> vocabulary = test::made_up_words(rng, 3000);
  std::vector<std::string> out;
  std::size_t total = 0;
  while (total < bytes) {
    std::string r =
        "\x01p\x05"
        "09PARIS" +
        std::to_string(rng() % 2000) +
        "\x0a"
        "2009-02-20"
        "\x0d"
        "Embassy Paris"
        "\x0c"
        "CONFIDENTIAL ";
    for (int n = 80 + static_cast<int>(rng() % 80); n > 0; --n) {
      // Zipf-like: the first words of the vocabulary far more often.
      r += vocabulary[static_cast<std::size_t>(rng() % (1 + rng() % vocabulary.size()))];
      r += ' ';
    }
    total += r.size();
    out.push_back(std::move(r));
  }
  return out;
}

TEST(RecordCodecTest, WithoutADictionaryARecordIsKeptAsItIs) {
  const RecordCodec plain;
  EXPECT_EQ(plain.dictionary(), "");
  const std::string packed = plain.pack("a record");
  EXPECT_EQ(packed, std::string(1, schema::kRecordPlain) + "a record");
  EXPECT_EQ(plain.unpack(packed), "a record");
  EXPECT_EQ(plain.unpack(plain.pack("")), "");
}

TEST(RecordCodecTest, TooFewRecordsMakeNoDictionary) {
  EXPECT_FALSE(RecordCodec::train({}));
  EXPECT_FALSE(RecordCodec::train(records(RecordCodec::kMinSampleBytes / 4, 1)));
}

TEST(RecordCodecTest, ADictionaryCompressesRecordsEachReadAlone) {
  const std::optional<std::string> dictionary =
      RecordCodec::train(records(RecordCodec::kMinSampleBytes + 1000, 1));
  ASSERT_TRUE(dictionary);
  const RecordCodec codec(*dictionary, "db");
  EXPECT_EQ(codec.dictionary(), *dictionary);
  std::size_t before = 0, after = 0;
  for (const std::string& r : records(200'000, 2)) {  // records it was not trained on
    const std::string packed = codec.pack(r);
    ASSERT_EQ(packed[0], schema::kRecordZstd);
    EXPECT_EQ(codec.unpack(packed), r);
    before += r.size();
    after += packed.size();
  }
  EXPECT_LT(after * 3, before * 2) << after << " of " << before;
  // A codec of the same dictionary reads them; a record kept as it is too.
  EXPECT_EQ(RecordCodec(*dictionary, "db").unpack(codec.pack("x")), "x");
  EXPECT_EQ(codec.unpack(RecordCodec().pack("y")), "y");
}

TEST(RecordCodecTest, ADamagedRecordOrAnotherDictionaryIsAnIndexError) {
  const std::optional<std::string> one =
      RecordCodec::train(records(RecordCodec::kMinSampleBytes, 1));
  const std::optional<std::string> two =
      RecordCodec::train(records(RecordCodec::kMinSampleBytes, 9));
  ASSERT_TRUE(one && two);
  const RecordCodec codec(*one, "db");
  const std::string packed = codec.pack(records(1000, 3).front());
  const auto index_error = [](const RecordCodec& c, const std::string& stored) {
    try {
      c.unpack(stored);
    } catch (const Error& e) {
      return e.code() == ErrorCode::kIndex && std::string(e.what()).starts_with("db: ");
    }
    return false;
  };
  EXPECT_TRUE(index_error(codec, ""));
  EXPECT_TRUE(index_error(codec, "\x07whatever"));
  EXPECT_TRUE(index_error(codec, packed.substr(0, packed.size() / 2)));
  // The index has no dictionary, or another.
  EXPECT_TRUE(index_error(
      RecordCodec::of(Xapian::WritableDatabase(std::string(), Xapian::DB_BACKEND_INMEMORY), "db"),
      packed));
  EXPECT_TRUE(index_error(RecordCodec(*two, "db"), packed));
  EXPECT_THROW(RecordCodec("not a dictionary", "db"), Error);
}

}  // namespace
}  // namespace cable::internal
