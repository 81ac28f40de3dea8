#include "sim/analysis/transit_monthly.h"

#include <cmath>

#include "sim/analysis/stats.h"

namespace sim {

const std::vector<std::string>& transit_statistic_names() {
  static const std::vector<std::string> names{"mean", "p50", "p95", "n"};
  return names;
}

std::vector<std::vector<double>> monthly_transit(const Calendar& cal, const TransitStats& t) {
  const size_t months = static_cast<size_t>(cal.months());
  std::vector<std::vector<double>> by_month(months);
  for (size_t k = 0; k < t.days.size(); ++k) {
    const int m = cal.month_of_day(cal.day_at(t.at[k]));
    if (m >= 0 && static_cast<size_t>(m) < months) by_month[m].push_back(t.days[k]);
  }
  std::vector<std::vector<double>> out(transit_statistic_names().size(), std::vector<double>(months, std::nan("")));
  for (size_t m = 0; m < months; ++m) {
    const auto& v = by_month[m];
    out[kTransitN][m] = static_cast<double>(v.size());
    if (v.empty()) continue;
    double sum = 0;
    for (double x : v) sum += x;  // in delivery order, as the single run's mean: the same bits
    out[kTransitMean][m] = sum / static_cast<double>(v.size());
    out[kTransitP50][m] = percentile(v, 50);
    out[kTransitP95][m] = percentile(v, 95);
  }
  return out;
}

}  // namespace sim
