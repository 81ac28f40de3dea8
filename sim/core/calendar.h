#pragma once
// Calendar dates (proleptic Gregorian, UTC, no time zones) and the simulated clock.
// Simulated time is seconds since the scenario's start date at 00:00.
#include <string>
#include <utility>
#include <vector>

namespace sim {

// Days since 1970-01-01.
long days_from_civil(int y, unsigned m, unsigned d);
void civil_from_days(long z, int& y, unsigned& m, unsigned& d);

// Days in a calendar month (1..12) of a proleptic Gregorian year, leap years included.
int days_in_month(int y, unsigned m);

// Parses "YYYY-MM-DD" strictly; throws std::invalid_argument with a sentence.
long parse_date(const std::string& text);
std::string format_date(long day);

class Calendar {
 public:
  Calendar(long start_day, long end_day_exclusive);
  long start_day() const { return start_; }
  long end_day() const { return end_; }  // exclusive
  double horizon_seconds() const;
  double seconds_at(long day) const;  // start of that day
  // A window of whole calendar days [from_day, to_day] (inclusive) as [from, to) in seconds.
  std::pair<double, double> seconds_of_days(long from_day, long to_day) const { return {seconds_at(from_day), seconds_at(to_day + 1)}; }
  long day_at(double seconds) const;
  int days() const { return static_cast<int>(end_ - start_); }
  // Calendar months touched by the run, in order, with their first day and label "2025-01".
  int months() const { return static_cast<int>(month_first_day_.size()); }
  long month_first_day(int i) const { return month_first_day_[i]; }
  std::string month_label(int i) const;
  int month_of_day(long day) const;  // index into months()

 private:
  long start_, end_;
  std::vector<long> month_first_day_;  // first simulated day of each month
};

}  // namespace sim
