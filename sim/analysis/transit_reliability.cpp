#include "sim/analysis/transit_reliability.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace sim {

double share_within(const std::vector<double>& days, double limit_days) {
  if (days.empty() || !(limit_days > 0)) return std::nan("");
  const auto n = std::count_if(days.begin(), days.end(), [&](double d) { return d <= limit_days; });
  return static_cast<double>(n) / static_cast<double>(days.size());
}

std::string within_metric_name(double limit_days) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "transit_within_%gd", limit_days);
  return buf;
}

std::vector<PairedDifference> transit_reliability_differences(const Experiment& base, const Experiment& alt) {
  std::vector<PairedDifference> out;
  const double limit = base.layout.transit_within_days;
  // A share within different limits is not a difference of anything: compared only when both state the same.
  const bool within = limit > 0 && alt.layout.transit_within_days == limit;
  for (size_t i = 0; i < base.layout.sources.size(); ++i) {
    const auto& name = base.layout.sources[i];
    const auto it = std::find(alt.layout.sources.begin(), alt.layout.sources.end(), name);
    if (it == alt.layout.sources.end()) continue;
    const size_t j = static_cast<size_t>(it - alt.layout.sources.begin());
    out.push_back(paired_field(base, alt, &ReplicationResult::transit_p50, i, j, "transit_p50_days:" + name, "d (median per consignment)"));
    out.push_back(paired_field(base, alt, &ReplicationResult::transit_p95, i, j, "transit_p95_days:" + name, "d (95th percentile per consignment)"));
    if (within)
      out.push_back(paired_field(base, alt, &ReplicationResult::transit_within, i, j, within_metric_name(limit) + ":" + name,
                           "% of consignments delivered within the limit", 100));
  }
  return out;
}

}  // namespace sim
