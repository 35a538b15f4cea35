#include "serve/html.hpp"

#include <gtest/gtest.h>

namespace cable::tool::serve {
namespace {

TEST(HtmlTest, EscapeMakesMarkupAndQuotesInert) {
  EXPECT_EQ(escape(R"(<script>"x" & 'y'</script>)"),
            "&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;");
  EXPECT_EQ(escape("Élysée"), "Élysée");
}

TEST(HtmlTest, ControlsThatReorderTextAreShownNotObeyed) {
  EXPECT_EQ(escape("a\u202Eb\u202Cc\u2066d\u2069\u200Fe\u061C"),
            "a[U+202E]b[U+202C]c[U+2066]d[U+2069][U+200F]e[U+061C]");
  EXPECT_EQ(inert_controls("<mark>x</mark>\u202E"), "<mark>x</mark>[U+202E]");
  EXPECT_EQ(escape("\xE2\x80"), "\xE2\x80");  // a cut sequence is left alone
}

TEST(HtmlTest, UrlComponentEncodesAllButUnreserved) {
  EXPECT_EQ(url_component(R"(tag:"a b"&x=1/é)"), "tag%3A%22a%20b%22%26x%3D1%2F%C3%A9");
  EXPECT_EQ(url_component("09PARIS268-a._~"), "09PARIS268-a._~");
}

TEST(HtmlTest, APageEscapesItsTitleAndQuery) {
  const std::string p = page("<t>", "\"><script>", "<p>body</p>");
  EXPECT_NE(p.find("&lt;t&gt;"), std::string::npos);
  EXPECT_NE(p.find("value=\"&quot;&gt;&lt;script&gt;\""), std::string::npos);
  EXPECT_EQ(p.find("<script>"), std::string::npos);
  EXPECT_NE(p.find("<p>body</p>"), std::string::npos);
}

}  // namespace
}  // namespace cable::tool::serve
