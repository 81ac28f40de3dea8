#include "sim/analysis/run_results.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace sim {

const char* inside_tolerance(double error_pct, double tolerance_pct) {
  if (!(tolerance_pct > 0)) return "-";
  return std::fabs(error_pct) <= tolerance_pct ? "yes" : "no";
}

std::vector<TargetResult> evaluate_targets(const Recorder& rec, const std::vector<TargetSpec>& targets) {
  std::vector<TargetResult> out;
  for (const auto& t : targets) {
    const auto& ms = rec.metrics();
    const auto it = std::find_if(ms.begin(), ms.end(), [&](const MetricSpec& m) { return m.name == t.metric; });
    const size_t i = static_cast<size_t>(it - ms.begin());
    TargetResult r{t, rec.metric_total(i, t.from_day, t.to_day), 0, measure_unit(it->measure)};
    r.error_pct = t.observed != 0 ? 100.0 * (r.simulated - t.observed) / t.observed : 0;
    out.push_back(r);
  }
  return out;
}

std::vector<Bottleneck> find_bottlenecks(const Recorder& rec, const BottleneckRule& rule) {
  std::vector<Bottleneck> out;
  const double threshold = rule.utilisation;
  for (const auto& r : rec.resources()) {
    if (!rule.is_capacity(r.kind)) continue;
    const double u = r.utilisation.overall_mean();
    if (u > threshold) {
      char buf[96];
      std::snprintf(buf, sizeof buf, "utilisation %.0f%% is above %.0f%%", 100 * u, 100 * threshold);
      out.push_back({r.name, buf, u});
      continue;
    }
    const auto q = r.queue.monthly_mean();
    const size_t n = q.size();
    double mean = 0;
    for (double x : q) mean += x;
    mean /= static_cast<double>(std::max<size_t>(n, 1));
    // A queue growing steadily from empty ends near twice its mean: 1.5x with three rising months.
    if (n >= 4 && q[n - 1] > 1 && q[n - 1] > 1.5 * mean && q[n - 1] > q[n - 2] && q[n - 2] > q[n - 3])
      out.push_back({r.name, "the queue grows month after month without levelling off", u});
  }
  return out;
}

}  // namespace sim
