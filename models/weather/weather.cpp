#include "models/weather/weather.h"

#include <algorithm>
#include <cmath>

namespace models {

StormCalendar::StormCalendar(std::vector<std::pair<double, double>> w) {
  std::sort(w.begin(), w.end());
  for (const auto& s : w) {
    if (s.second <= s.first) continue;
    if (!windows_.empty() && s.first <= windows_.back().second) windows_.back().second = std::max(windows_.back().second, s.second);
    else windows_.push_back(s);
  }
}

StormCalendar::StormCalendar(const WeatherConfig& cfg, const sim::Calendar& cal, sim::RandomStream rng) {
  std::vector<std::pair<double, double>> w;
  for (const auto& s : cfg.storms) w.emplace_back(cal.seconds_at(s.from_day), cal.seconds_at(s.to_day + 1));
  if (!cfg.storms_per_month.empty()) {
    // Thinning: candidate starts at the stormiest month's rate, kept in proportion to their month's rate.
    auto month_of = [&](double t) {
      int y;
      unsigned m, d;
      sim::civil_from_days(cal.day_at(t), y, m, d);
      return static_cast<int>(m);
    };
    auto rate = [&](double t) {  // storms per second in the month of t
      const int m = month_of(t);
      static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
      return cfg.storms_per_month[m - 1] / (mdays[m - 1] * 86400.0);
    };
    double rmax = 0;
    for (int m = 0; m < 12; ++m) {
      static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
      rmax = std::max(rmax, cfg.storms_per_month[m] / (mdays[m] * 86400.0));
    }
    if (rmax > 0) {
      const double horizon = cal.horizon_seconds();
      for (double t = -std::log(rng.uniform_open01()) / rmax; t < horizon; t += -std::log(rng.uniform_open01()) / rmax) {
        const bool keep = rng.uniform01() * rmax < rate(t);
        const bool winter = std::find(cfg.winter_months.begin(), cfg.winter_months.end(), month_of(t)) != cfg.winter_months.end();
        const double d = sim::sample(winter ? cfg.duration_winter : cfg.duration_summer, rng);
        if (keep) w.emplace_back(t, t + d);
      }
    }
  }
  *this = StormCalendar(std::move(w));
}

bool StormCalendar::stormy(double t) const { return calm_from(t) > t; }

double StormCalendar::calm_from(double t) const {
  // First window ending after t; if it has started, calm returns when it ends (windows are disjoint).
  const auto it = std::upper_bound(windows_.begin(), windows_.end(), t, [](double x, const auto& w) { return x < w.second; });
  return it != windows_.end() && it->first <= t ? it->second : t;
}

}  // namespace models
