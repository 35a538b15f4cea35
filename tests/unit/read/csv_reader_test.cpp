#include "read/csv_reader.hpp"

#include <gtest/gtest.h>

#include <ios>
#include <sstream>
#include <streambuf>
#include <string>

#include "cable/error.hpp"

namespace cable::internal {
namespace {

constexpr const char* kRow1 =
    "\"1\",\"12/28/1966 18:48\",\"66X1\",\"Embassy X\",\"UNCLASSIFIED\",\"66STATE1|66X0\","
    "\"P R 281848Z DEC 66\nFM X\",\"UNCLAS X 1\n\nSHAH\\'S \\\"VIEW\\\" C:\\\\\n\"\n";
constexpr const char* kRow2 =
    "\"2\",\"2/25/1972 9:30\",\"72X2\",\"Embassy X\",\"SECRET\",\"\",\"h\",\"b\"\n";

// Serves `bytes`, then fails as libstdc++'s file buffer does on a read error:
// it throws, and the stream reading it sets badbit.
class FailingBuf : public std::streambuf {
 public:
  explicit FailingBuf(std::string bytes) : bytes_(std::move(bytes)) {
    setg(bytes_.data(), bytes_.data(), bytes_.data() + bytes_.size());
  }

 protected:
  int_type underflow() override { throw std::ios_base::failure("read error"); }

 private:
  std::string bytes_;
};

TEST(CsvReaderTest, AReadErrorIsNamedNotTakenForTheEnd) {
  FailingBuf buf(std::string(kRow2) + std::string(kRow1).substr(0, 40));
  std::istream in(&buf);
  CsvCableReader reader(in, "c.csv");
  RawCable raw;
  try {
    while (reader.next(raw)) {
    }
    FAIL() << "the read error was taken for the end of the file";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kIo);
    EXPECT_NE(std::string(e.what()).find("c.csv"), std::string::npos) << e.what();
  }
  // And again at the next call, with no record made of what came before.
  try {
    reader.next(raw);
    FAIL() << "no error at the next call";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kIo);
  }
}

TEST(CsvReaderTest, ReadsEscapesAndMultiLineFields) {
  std::istringstream in(std::string(kRow1) + kRow2);
  CsvCableReader reader(in, "c.csv");
  RawCable raw;
  ASSERT_TRUE(reader.next(raw));
  EXPECT_EQ(raw.id, "66X1");
  EXPECT_EQ(raw.date, "1966-12-28T18:48");
  EXPECT_EQ(raw.cited, (std::vector<std::string>{"66STATE1", "66X0"}));
  EXPECT_EQ(raw.header, "P R 281848Z DEC 66\nFM X");
  EXPECT_EQ(raw.body, "UNCLAS X 1\n\nSHAH'S \"VIEW\" C:\\\n");
  EXPECT_EQ(raw.source.row, 1u);
  ASSERT_TRUE(reader.next(raw));
  EXPECT_EQ(raw.id, "72X2");
  EXPECT_EQ(raw.source.line, 6u);
  EXPECT_FALSE(reader.next(raw));
}

TEST(CsvReaderTest, ReportsBrokenRecordAndGoesOn) {
  std::istringstream in(
      std::string("\"1\",\"1/1/2000 0:00\",\"00X1\",\"o\",\"c\",\"\",\"h\",\"b\"x\"\n") + kRow2);
  CsvCableReader reader(in, "c.csv");
  RawCable raw;
  try {
    reader.next(raw);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kMalformed);
    EXPECT_NE(std::string(e.what()).find("c.csv:1"), std::string::npos) << e.what();
  }
  ASSERT_TRUE(reader.next(raw));
  EXPECT_EQ(raw.id, "72X2");
}

TEST(CsvReaderTest, UnterminatedQuoteIsMalformed) {
  std::istringstream in("\"1\",\"1/1/2000 0:00\",\"00X1\",\"o\",\"c\",\"\",\"h\",\"never ends\n");
  CsvCableReader reader(in, "c.csv");
  RawCable raw;
  EXPECT_THROW(reader.next(raw), Error);
}

}  // namespace
}  // namespace cable::internal
