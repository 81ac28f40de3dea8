#include "models/weather/weather.h"

#include <algorithm>
#include <cmath>

#include "sim/core/units.h"

namespace models {

namespace {

// Storm starts per second in a calendar month of a given year (its real length: leap Februaries too).
double rate_in(const WeatherConfig& cfg, int year, unsigned month) {
  return cfg.storms_per_month[month - 1] / (sim::days_in_month(year, month) * sim::kSecondsPerDay);
}

// The highest rate any month can have, the thinning envelope: each month at its shortest length.
double envelope(const WeatherConfig& cfg) {
  double rmax = 0;
  for (unsigned m = 1; m <= 12; ++m) rmax = std::max(rmax, rate_in(cfg, 2023, m));  // 2023: not a leap year
  return rmax;
}

}  // namespace

sim::Closures draw_storms(const WeatherConfig& cfg, const sim::Calendar& cal, sim::RandomStream rng) {
  std::vector<sim::Closures::Window> w;
  for (const auto& s : cfg.storms) w.push_back(cal.seconds_of_days(s.from_day, s.to_day));
  if (cfg.storms_per_month.empty()) return sim::Closures(std::move(w));
  // Thinning: candidate starts at the stormiest month's rate, kept in proportion to their month's rate.
  const double rmax = envelope(cfg);
  if (rmax <= 0) return sim::Closures(std::move(w));
  const double horizon = cal.horizon_seconds();
  for (double t = -std::log(rng.uniform_open01()) / rmax; t < horizon; t += -std::log(rng.uniform_open01()) / rmax) {
    int y;
    unsigned m, d;
    sim::civil_from_days(cal.day_at(t), y, m, d);
    const bool keep = rng.uniform01() * rmax < rate_in(cfg, y, m);
    const bool winter = std::find(cfg.winter_months.begin(), cfg.winter_months.end(), static_cast<int>(m)) != cfg.winter_months.end();
    const double duration = sim::sample(winter ? cfg.duration_winter : cfg.duration_summer, rng);
    if (keep) w.emplace_back(t, t + duration);
  }
  return sim::Closures(std::move(w));
}

}  // namespace models
