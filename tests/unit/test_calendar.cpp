// Dates and the run's calendar of months.
#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>

#include "sim/core/calendar.h"

using sim::Calendar;
using sim::days_in_month;
using sim::parse_date;

TEST_CASE("parse_date accepts real dates, leap days included", "[calendar]") {
  CHECK(parse_date("1970-01-01") == 0);
  CHECK(parse_date("1970-01-02") == 1);
  CHECK(parse_date("1969-12-31") == -1);
  CHECK(parse_date("2000-03-01") - parse_date("2000-02-28") == 2);  // 2000 is a leap year (divisible by 400)
  CHECK(parse_date("2024-02-29") == parse_date("2024-02-28") + 1);
  CHECK(parse_date("2025-01-01") == 20089);
  CHECK(parse_date("2025-12-31") - parse_date("2025-01-01") == 364);
  CHECK(parse_date("2024-12-31") - parse_date("2024-01-01") == 365);
}

TEST_CASE("parse_date rejects impossible days and months", "[calendar]") {
  using Catch::Matchers::Contains;
  CHECK_THROWS_WITH(parse_date("2025-02-29"), Contains("does not exist"));
  CHECK_THROWS_WITH(parse_date("2025-02-30"), Contains("does not exist"));
  CHECK_THROWS_WITH(parse_date("1900-02-29"), Contains("does not exist"));  // 1900 is not a leap year
  CHECK_THROWS_WITH(parse_date("2025-04-31"), Contains("does not exist"));
  CHECK_THROWS_WITH(parse_date("2025-01-00"), Contains("does not exist"));
  CHECK_THROWS_WITH(parse_date("2025-13-01"), Contains("month 13"));
  CHECK_THROWS_WITH(parse_date("2025-00-10"), Contains("month 0"));
}

TEST_CASE("parse_date rejects other formats", "[calendar]") {
  for (const char* bad : {"2025-1-5", "2025/01/05", "05-01-2025", "2025-01-05x", "2025-01-0", "20250105",
                          "2025-01-05T00:00", "", "yesterday", "2025-0a-05"}) {
    INFO("date \"" << bad << "\"");
    CHECK_THROWS_AS(parse_date(bad), std::invalid_argument);
  }
}

TEST_CASE("parse_date is strict about signs and spaces inside the date", "[calendar]") {
  // sscanf's %d and %u skip spaces and accept signs, so these 10-character strings slip through.
  for (const char* bad : {"2025-01- 5", "2025- 1-05", "2025-+1-05", "+025-01-05"}) {
    INFO("date \"" << bad << "\"");
    CHECK_THROWS_AS(parse_date(bad), std::invalid_argument);
  }
}

TEST_CASE("days_from_civil and civil_from_days are inverse over four centuries", "[calendar]") {
  const long first = sim::days_from_civil(1900, 1, 1), last = sim::days_from_civil(2300, 12, 31);
  int py = 1899;
  unsigned pm = 12, pd = 31;
  long checked = 0;
  for (long z = first; z <= last; ++z) {
    int y;
    unsigned m, d;
    sim::civil_from_days(z, y, m, d);
    // Each day follows the previous one on the calendar: the next day of the month, or the 1st.
    const bool next_day = y == py && m == pm && d == pd + 1;
    const bool next_month = d == 1 && ((y == py && m == pm + 1) || (y == py + 1 && m == 1 && pm == 12));
    if (!(next_day || next_month) || sim::days_from_civil(y, m, d) != z) {
      FAIL("day " << z << " is " << y << "-" << m << "-" << d << " after " << py << "-" << pm << "-" << pd);
    }
    py = y, pm = m, pd = d;
    ++checked;
  }
  CHECK(checked == last - first + 1);
  CHECK(sim::format_date(sim::days_from_civil(2024, 2, 29)) == "2024-02-29");
  CHECK(sim::format_date(parse_date("1999-12-31") + 1) == "2000-01-01");
}

TEST_CASE("a run across the new year has one month per calendar month touched", "[calendar]") {
  // 2024-12-15 .. 2025-02-10 (inclusive): December (part), January, February (part).
  const Calendar cal(parse_date("2024-12-15"), parse_date("2025-02-11"));
  REQUIRE(cal.months() == 3);
  CHECK(cal.month_label(0) == "2024-12");
  CHECK(cal.month_label(1) == "2025-01");
  CHECK(cal.month_label(2) == "2025-02");
  CHECK(cal.month_first_day(0) == parse_date("2024-12-15"));  // the run's first day, not Dec 1
  CHECK(cal.month_first_day(1) == parse_date("2025-01-01"));
  CHECK(cal.month_first_day(2) == parse_date("2025-02-01"));
  CHECK(cal.days() == 17 + 31 + 10);

  CHECK(cal.month_of_day(parse_date("2024-12-15")) == 0);
  CHECK(cal.month_of_day(parse_date("2024-12-31")) == 0);
  CHECK(cal.month_of_day(parse_date("2025-01-01")) == 1);
  CHECK(cal.month_of_day(parse_date("2025-01-31")) == 1);
  CHECK(cal.month_of_day(parse_date("2025-02-01")) == 2);
  CHECK(cal.month_of_day(parse_date("2025-02-10")) == 2);
}

TEST_CASE("a run starting mid-month: clock and month lookup", "[calendar]") {
  const Calendar cal(parse_date("2025-03-20"), parse_date("2025-05-01"));  // to 30 April
  REQUIRE(cal.months() == 2);
  CHECK(cal.month_label(0) == "2025-03");
  CHECK(cal.month_label(1) == "2025-04");
  CHECK(cal.month_of_day(parse_date("2025-03-31")) == 0);
  CHECK(cal.month_of_day(parse_date("2025-04-01")) == 1);
  CHECK(cal.horizon_seconds() == 42 * 86400.0);
  CHECK(cal.seconds_at(parse_date("2025-04-01")) == 12 * 86400.0);
  CHECK(cal.day_at(12 * 86400.0 - 1) == parse_date("2025-03-31"));
  CHECK(cal.day_at(12 * 86400.0) == parse_date("2025-04-01"));
}

TEST_CASE("a one-day run and an empty run", "[calendar]") {
  const Calendar one(parse_date("2025-01-31"), parse_date("2025-02-01"));
  CHECK(one.months() == 1);
  CHECK(one.month_label(0) == "2025-01");
  CHECK_THROWS_AS(Calendar(parse_date("2025-01-31"), parse_date("2025-01-31")), std::invalid_argument);
}

TEST_CASE("month lengths, leap years included, and whole-day windows in seconds", "[calendar]") {
  CHECK(days_in_month(2025, 1) == 31);
  CHECK(days_in_month(2025, 2) == 28);
  CHECK(days_in_month(2024, 2) == 29);
  CHECK(days_in_month(1900, 2) == 28);  // divisible by 100, not by 400
  CHECK(days_in_month(2000, 2) == 29);
  CHECK(days_in_month(2025, 4) == 30);
  CHECK(days_in_month(2025, 12) == 31);
  const Calendar cal(parse_date("2024-02-01"), parse_date("2024-04-01"));
  // 28 Feb to 1 Mar 2024 inclusive: three days, the 29th among them.
  const auto [from, to] = cal.seconds_of_days(parse_date("2024-02-28"), parse_date("2024-03-01"));
  CHECK(from == 27 * 86400.0);
  CHECK(to == 30 * 86400.0);
}
