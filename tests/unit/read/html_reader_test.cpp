#include "read/html_reader.hpp"

#include <gtest/gtest.h>

#include "cable/error.hpp"

namespace cable::internal {
namespace {

constexpr const char* kPage =
    "<html><body><h3>Viewing cable 10X5, A SUBJECT</h3><table class='cable'><tr><th>a</th></tr>"
    "<tr><td><a>10X5</a></td><td>2010-01-06 11:20</td><td>r</td><td>SECRET</td><td>Embassy X</td>"
    "</tr></table><code><pre>R 061120Z JAN 10&#x000A;FM AMEMBASSY X</pre></code>"
    "<code><pre>S E C R E T X 000005 &#x000A;said &not one8 and AF&AD <<240168>><br>next"
    "&#x000A;<strong>bold</strong> &para end</pre></code></body></html>";

TEST(HtmlReaderTest, KeepsTextAsWrittenAndDecodesLineBreaks) {
  const RawCable raw = read_html(kPage, "p.html");
  EXPECT_EQ(raw.id, "10X5");
  EXPECT_EQ(raw.date, "2010-01-06T11:20");
  EXPECT_EQ(raw.subject, "A SUBJECT");
  EXPECT_EQ(raw.header, "R 061120Z JAN 10\nFM AMEMBASSY X");
  EXPECT_EQ(raw.body,
            "S E C R E T X 000005 \nsaid &not one8 and AF&AD <<240168>>\nnext\nbold &para end");
}

TEST(HtmlReaderTest, KeepsAngleBracketsThatOpenNoElement) {
  // The site never escaped '<': "<<next week>>" is text, not a <next> element.
  std::string page(kPage);
  page.replace(page.find("<<240168>>"), 10, "<<next week>> <br/>and <3");
  const RawCable raw = read_html(page, "p.html");
  EXPECT_NE(raw.body.find("AF&AD <<next week>> \nand <3\nnext"), std::string::npos) << raw.body;
}

TEST(HtmlReaderTest, RejectsPagesWithoutCable) {
  EXPECT_THROW(read_html("<html><body><p>hello</p></body></html>", "x.html"), Error);
  EXPECT_TRUE(looks_like_html("<!DOCTYPE html><html>"));
  EXPECT_FALSE(looks_like_html("09PARIS268\n"));
}

}  // namespace
}  // namespace cable::internal
