#include "parse/routing_header.hpp"

#include <gtest/gtest.h>

namespace cable::internal {
namespace {

TEST(RoutingHeaderTest, ReadsModernHeader) {
  Cable c;
  parse_routing_header(
      "VZCZCXRO8393\nOO RUEHAG\nDE RUEHFR #0268/01 0511811\nZNR UUUUU ZZH\nO 201811Z FEB 09\n"
      "FM AMEMBASSY PARIS\nTO RUEHC/SECSTATE WASHDC IMMEDIATE 5587\n"
      "INFO RUEHZL/EUROPEAN POLITICAL COLLECTIVE PRIORITY",
      c);
  EXPECT_EQ(c.dtg, "201811Z FEB 09");
  EXPECT_EQ(c.precedence, "IMMEDIATE");
  EXPECT_EQ(c.from, "AMEMBASSY PARIS");
  EXPECT_EQ(c.to, std::vector<std::string>{"SECSTATE WASHDC"});
  EXPECT_EQ(c.info, std::vector<std::string>{"EUROPEAN POLITICAL COLLECTIVE"});
}

TEST(RoutingHeaderTest, ReadsOldHeaderWithListedAddressees) {
  Cable c;
  parse_routing_header(
      "P R 281848Z DEC 66\nFM AMEMBASSY BUENOS AIRES\nTO SECSTATE WASHDC PRIORITY\n"
      "INFO USCINCSO\nCINCLANT\nAMEMBASSY RIO DE JANEIRO",
      c);
  EXPECT_EQ(c.precedence, "PRIORITY");
  EXPECT_EQ(c.info, (std::vector<std::string>{"USCINCSO", "CINCLANT", "AMEMBASSY RIO DE JANEIRO"}));
}

TEST(RoutingHeaderTest, PageHeadersAndExclusionsAddressNoOne) {
  Cable c;
  c.id = "09STATE15113";
  parse_routing_header(
      "P 182318Z FEB 09\nFM SECSTATE WASHDC\nTO PAGE 02        STATE   015113  182333Z\n"
      "ALL DIPLOMATIC POSTS COLLECTIVE PRIORITY\nAMEMBASSY TRIPOLI PRIORITY",
      c);
  EXPECT_EQ(c.to,
            (std::vector<std::string>{"ALL DIPLOMATIC POSTS COLLECTIVE", "AMEMBASSY TRIPOLI"}));
  Cable d;
  parse_routing_header(
      "FM AMEMBASSY FOOBAR\nTO RUEHC/SECSTATE WASHDC IMMEDIATE 3355\n"
      "RUEHX/EUROPEAN POLITICAL COLLECTIVE\nXMT/AMEMBASSY SOFIA\nAMEMBASSY BUCHAREST",
      d);
  EXPECT_EQ(d.to, (std::vector<std::string>{"SECSTATE WASHDC", "EUROPEAN POLITICAL COLLECTIVE"}));
}

}  // namespace
}  // namespace cable::internal
