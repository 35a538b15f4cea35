#include "parse/persons.hpp"

#include <gtest/gtest.h>

namespace cable::internal {
namespace {

// 07SAOPAULO212: "TAGS: OVIP BUSH GEORGE …", "SUBJECT: VISIT OF PRESIDENT GEORGE W. BUSH".
TEST(PersonHeadingTest, TakesTheInitialsTheCableWrites) {
  EXPECT_EQ(person_heading("BUSH, GEORGE", "VISIT OF PRESIDENT GEORGE W. BUSH TO SAO PAULO", 2007),
            "BUSH, GEORGE W.");
  EXPECT_EQ(person_heading("STEINBERG, JAMES", "Deputy Secretary James B. Steinberg met", 2010),
            "STEINBERG, JAMES B.");
  EXPECT_EQ(person_heading("BUSH, GEORGE", "former President George H. W. Bush", 1995),
            "BUSH, GEORGE H.W.");
  // Another surname after the initials, or none: no heading from the text.
  EXPECT_EQ(person_heading("SMITH, JOHN", "John F. Kennedy and John Smith", 1995), "SMITH, JOHN");
  EXPECT_EQ(person_heading("SMITH, JOHN", "JOHN W.", 1995), "SMITH, JOHN");
}

// 09BEIJING2964: "TAGS: OVIP STEINBERG JAMES PREL …", the release's heading
// "OVIP (STEINBERG, JAMES B.)" (09SINGAPORE529).
TEST(PersonHeadingTest, TakesTheHeadingOfThePrincipalInOffice) {
  EXPECT_EQ(person_heading("STEINBERG, JAMES", "", 2009), "STEINBERG, JAMES B.");
  EXPECT_EQ(person_heading("STEINBERG, JAMES", "", 1995), "STEINBERG, JAMES");
  // Two Presidents Bush: a name without initials keeps none unless its text has them.
  EXPECT_EQ(person_heading("BUSH, GEORGE", "", 2005), "BUSH, GEORGE");
}

TEST(PersonHeadingTest, KeepsANameThatHasInitialsOrNoGivenName) {
  EXPECT_EQ(person_heading("CLINTON, HILLARY R.", "Hillary Rodham Clinton", 2009),
            "CLINTON, HILLARY R.");
  EXPECT_EQ(person_heading("CLINTON, HILLARY", "Secretary Clinton", 2009), "CLINTON, HILLARY");
  EXPECT_EQ(person_heading("KUAN YEW, LEE", "Lee Kuan Yew", 2009), "KUAN YEW, LEE");
  EXPECT_EQ(person_heading("MADONNA", "", 2009), "MADONNA");
}

}  // namespace
}  // namespace cable::internal
