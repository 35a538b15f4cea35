#include "query/dates.hpp"

namespace cable::query {
namespace {

bool digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

int number(std::string_view s) {
  int n = 0;
  for (char c : s) n = n * 10 + (c - '0');
  return n;
}

int days_in(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

}  // namespace

std::optional<std::size_t> date_fault(std::string_view date) {
  if (date.size() < 4 || !digits(date.substr(0, 4))) return 0;
  if (date.size() == 4) return std::nullopt;
  if (date[4] != '-') return 4;
  if (date.size() < 7 || !digits(date.substr(5, 2))) return 5;
  const int month = number(date.substr(5, 2));
  if (month < 1 || month > 12) return 5;
  if (date.size() == 7) return std::nullopt;
  if (date[7] != '-') return 7;
  if (date.size() != 10 || !digits(date.substr(8, 2))) return 8;
  const int day = number(date.substr(8, 2));
  if (day < 1 || day > days_in(number(date.substr(0, 4)), month)) return 8;
  return std::nullopt;
}

std::string range_low(std::string_view date) { return std::string(date); }

std::string range_high(std::string_view date) {
  std::string s(date);
  s.push_back('\xff');
  return s;
}

}  // namespace cable::query
