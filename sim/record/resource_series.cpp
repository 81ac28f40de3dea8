#include "sim/record/resource_series.h"

#include <algorithm>
#include <stdexcept>

namespace sim {

std::vector<double> ResourceSeries::of(const ResourceStats& r) const {
  const TimeWeighted& tw = r.*level;
  return figure == Monthly::Mean ? tw.monthly_mean() : tw.monthly_max();
}

const std::vector<ResourceSeries>& resource_series() {
  using R = ResourceStats;
  static const std::vector<ResourceSeries> table = {
      {"utilisation", "fraction of capacity, 0-1", "busy fraction of capacity, time-weighted monthly mean", &R::utilisation, Monthly::Mean},
      {"queue_mean", "consignments", "consignments waiting, time-weighted monthly mean", &R::queue, Monthly::Mean},
      {"queue_max", "consignments", "consignments waiting, monthly maximum", &R::queue, Monthly::Max},
      {"queue_teu_mean", "TEU", "TEU in the waiting consignments, time-weighted monthly mean", &R::queue_teu, Monthly::Mean},
      {"queue_teu_max", "TEU", "TEU in the waiting consignments, monthly maximum", &R::queue_teu, Monthly::Max},
      {"queue_wagons_mean", "wagons", "wagons in the waiting consignments, time-weighted monthly mean", &R::queue_wagons, Monthly::Mean},
      {"queue_wagons_max", "wagons", "wagons in the waiting consignments, monthly maximum", &R::queue_wagons, Monthly::Max},
      {"storage_tonnes_mean", "t", "tonnes waiting, up to the stage's storage, time-weighted monthly mean", &R::queue_tonnes, Monthly::Mean},
      {"storage_tonnes_max", "t", "tonnes waiting, up to the stage's storage, monthly maximum", &R::queue_tonnes, Monthly::Max},
      {"backlog_tonnes_mean", "t", "tonnes waiting beyond the stage's storage, time-weighted monthly mean", &R::backlog_tonnes, Monthly::Mean},
  };
  return table;
}

size_t resource_series_index(const std::string& name) {
  const auto& t = resource_series();
  const auto it = std::find_if(t.begin(), t.end(), [&](const ResourceSeries& s) { return s.name == name; });
  if (it == t.end()) throw std::logic_error("no resource series called " + name);
  return static_cast<size_t>(it - t.begin());
}

std::vector<TimeWeighted ResourceStats::*> resource_levels() {
  std::vector<TimeWeighted ResourceStats::*> out;
  for (const auto& s : resource_series())
    if (std::find(out.begin(), out.end(), s.level) == out.end()) out.push_back(s.level);
  return out;
}

}  // namespace sim
