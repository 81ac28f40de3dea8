#pragma once
// Transit-time reliability: the share of consignments delivered within a stated number of days
// (a scenario's `transit_within`), and the paired differences of p50, p95 and that share between
// two experiments (rows of `caspian compare`, beside the mean transit time's).
#include <string>
#include <vector>

#include "sim/analysis/comparison.h"
#include "sim/analysis/experiment_results.h"

namespace sim {

// Share (0..1) of DAYS at most LIMIT_DAYS; NaN when DAYS is empty or there is no limit (<= 0).
double share_within(const std::vector<double>& days, double limit_days);

// "transit_within_14d" for a 14-day limit ("transit_within_2.5d" for 2.5).
std::string within_metric_name(double limit_days);

// Rows transit_p50_days:<source>, transit_p95_days:<source> and (when both scenarios state the
// same `transit_within`) transit_within_<N>d:<source> in percent, for the sources both experiments have.
std::vector<PairedDifference> transit_reliability_differences(const Experiment& base, const Experiment& alt);

}  // namespace sim
