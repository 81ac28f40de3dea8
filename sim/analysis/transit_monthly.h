#pragma once
// Transit times by delivery month: the statistics a single run writes per service and a replication
// sends back to its parent, computed in one place so that both agree to the bit.
#include <string>
#include <vector>

#include "sim/core/calendar.h"
#include "sim/record/recorder.h"

namespace sim {

// The statistics of a month's deliveries, in the order monthly_transit() returns them.
const std::vector<std::string>& transit_statistic_names();  // mean, p50, p95, n
constexpr size_t kTransitMean = 0, kTransitP50 = 1, kTransitP95 = 2, kTransitN = 3;

// [statistic][month] over the calendar's months: mean, p50, p95 (days) and n (consignments
// delivered in the month). A month without deliveries has n = 0 and NaN statistics.
std::vector<std::vector<double>> monthly_transit(const Calendar& cal, const TransitStats& t);

}  // namespace sim
