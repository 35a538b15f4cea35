#include "query/dates.hpp"

#include <chrono>
#include <cstdio>

namespace cable::internal::query {
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

namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::sys_days;
using std::chrono::year;
using std::chrono::year_month_day;

year_month_day first_day(std::string_view d) {
  if (d.empty()) return year(1900) / 1 / 1;
  const int y = number(d.substr(0, 4));
  const unsigned m = d.size() >= 7 ? static_cast<unsigned>(number(d.substr(5, 2))) : 1;
  const unsigned dd = d.size() >= 10 ? static_cast<unsigned>(number(d.substr(8, 2))) : 1;
  return year(y) / month(m) / day(dd);
}

year_month_day last_day(std::string_view d) {
  if (d.empty()) return year(2099) / 12 / 31;
  const int y = number(d.substr(0, 4));
  if (d.size() == 4) return year(y) / 12 / 31;
  const unsigned m = static_cast<unsigned>(number(d.substr(5, 2)));
  if (d.size() == 7) return year_month_day(year(y) / month(m) / std::chrono::last);
  return year(y) / month(m) / day(static_cast<unsigned>(number(d.substr(8, 2))));
}

std::string iso(const year_month_day& d, int parts) {
  char buf[16];
  const int y = static_cast<int>(d.year());
  const unsigned m = static_cast<unsigned>(d.month());
  const unsigned dd = static_cast<unsigned>(d.day());
  if (parts == 1) std::snprintf(buf, sizeof buf, "%04d", y % 10000);
  if (parts == 2) std::snprintf(buf, sizeof buf, "%04d-%02u", y % 10000, m % 100);
  if (parts == 3) std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y % 10000, m % 100, dd % 100);
  return buf;
}

}  // namespace

DateCover cover(std::string_view from, std::string_view to) {
  DateCover c;
  const sys_days hi = sys_days(last_day(to));
  sys_days d = sys_days(first_day(from));
  while (d <= hi) {
    const year_month_day ymd(d);
    const year_month_day year_end = ymd.year() / 12 / 31;
    const year_month_day month_end(ymd.year() / ymd.month() / std::chrono::last);
    if (ymd.month() == month(1) && ymd.day() == day(1) && sys_days(year_end) <= hi) {
      c.years.push_back(iso(ymd, 1));
      d = sys_days(year_end) + std::chrono::days(1);
    } else if (ymd.day() == day(1) && sys_days(month_end) <= hi) {
      c.months.push_back(iso(ymd, 2));
      d = sys_days(month_end) + std::chrono::days(1);
    } else {
      c.days.push_back(iso(ymd, 3));
      d += std::chrono::days(1);
    }
  }
  return c;
}

}  // namespace cable::internal::query
