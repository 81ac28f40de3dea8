#include "sim/core/calendar.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace sim {

// Howard Hinnant's public-domain civil calendar algorithms.
long days_from_civil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

void civil_from_days(long z, int& y, unsigned& m, unsigned& d) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y = static_cast<int>(yoe) + static_cast<int>(era * 400) + (m <= 2);
}

int days_in_month(int y, unsigned m) {
  static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return mdays[(m - 1) % 12] + (m == 2 && leap ? 1 : 0);
}

long parse_date(const std::string& text) {
  int y = 0;
  unsigned m = 0, d = 0;
  char tail = 0;
  bool digits = text.size() == 10;
  for (size_t i = 0; digits && i < text.size(); ++i)
    digits = (i == 4 || i == 7) ? text[i] == '-' : std::isdigit(static_cast<unsigned char>(text[i])) != 0;
  if (!digits || std::sscanf(text.c_str(), "%4d-%2u-%2u%c", &y, &m, &d, &tail) != 3)
    throw std::invalid_argument("\"" + text + "\" is not a date of the form YYYY-MM-DD");
  if (m < 1 || m > 12) throw std::invalid_argument("\"" + text + "\" has month " + std::to_string(m));
  if (d < 1 || static_cast<int>(d) > days_in_month(y, m))
    throw std::invalid_argument("\"" + text + "\": day " + std::to_string(d) + " does not exist in that month");
  return days_from_civil(y, m, d);
}

std::string format_date(long day) {
  int y;
  unsigned m, d;
  civil_from_days(day, y, m, d);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, m, d);
  return buf;
}

Calendar::Calendar(long start_day, long end_day_exclusive) : start_(start_day), end_(end_day_exclusive) {
  if (end_ <= start_) throw std::invalid_argument("the run ends before it starts");
  for (long day = start_; day < end_;) {
    month_first_day_.push_back(day);
    int y;
    unsigned m, d;
    civil_from_days(day, y, m, d);
    day = m == 12 ? days_from_civil(y + 1, 1, 1) : days_from_civil(y, m + 1, 1);
  }
}

double Calendar::horizon_seconds() const { return seconds_at(end_); }
double Calendar::seconds_at(long day) const { return static_cast<double>(day - start_) * 86400.0; }
long Calendar::day_at(double seconds) const { return start_ + static_cast<long>(std::floor(seconds / 86400.0)); }

std::string Calendar::month_label(int i) const { return format_date(month_first_day_[i]).substr(0, 7); }

int Calendar::month_of_day(long day) const {
  const auto it = std::upper_bound(month_first_day_.begin(), month_first_day_.end(), day);
  return std::max(0, static_cast<int>(it - month_first_day_.begin()) - 1);
}

}  // namespace sim
