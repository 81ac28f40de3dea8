#pragma once
// Storms per sea area. Storm windows for the whole run are drawn up front from the area's own random
// stream (a Poisson process of storm starts with monthly rates, durations longer in winter), plus any
// documented storms given as dates. Vessels do not sail and ports do not work while a storm is on.
#include <string>
#include <utility>
#include <vector>

#include "sim/core/calendar.h"
#include "sim/core/closures.h"
#include "sim/core/random.h"
#include "sim/config/doc.h"

namespace models {

// The recorder's resource kind of a sea area's storm time: a condition, not a capacity.
inline constexpr const char* kSeaAreaKind = "sea_area";

struct WeatherConfig {
  std::string name;
  std::vector<double> storms_per_month;  // 12 expected storm starts per calendar month (Jan..Dec)
  sim::Distribution duration_winter, duration_summer;
  std::vector<int> winter_months;  // 1..12
  struct Storm {
    long from_day, to_day;  // inclusive
  };
  std::vector<Storm> storms;  // documented episodes, always present
  sim::Where where;
};

// The storm windows of one sea area over the run: the documented episodes plus the drawn ones.
sim::Closures draw_storms(const WeatherConfig& cfg, const sim::Calendar& cal, sim::RandomStream rng);

}  // namespace models
