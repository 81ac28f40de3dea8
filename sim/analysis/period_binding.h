#pragma once
// The binding constraint period by period (a quarter by default): what limits the system can change
// over a year (winter storms, a fleet that grows mid-year, an embargo). Per period, each capacity's
// monthly utilisation and queue (the series every replication carries) are judged by the same rule as
// the run's binding constraint (sim/analysis/comparison.h): a resource binds in a period when in most
// replications its utilisation over the period is above the model's threshold or its queue grows
// through the period's months; the busiest such resource is named, else the busiest capacity, which
// then does not bind. Months of the warm-up are left out.
#include <string>
#include <vector>

#include "sim/analysis/experiment_results.h"
#include "sim/analysis/stats.h"

namespace sim {

struct PeriodBinding {
  std::string period;            // "2027-Q1" (or "2027-01..2027-02" for a period the run cuts short)
  std::string first_month, last_month;
  std::string resource, kind;    // the binding (or else busiest) capacity
  Summary utilisation;           // its mean utilisation over the period, across replications
  double queue_end = 0;          // its mean queue (consignments) in the period's last month, across replications
  bool binding = false;
  double share = 0;              // of the replications in which it binds (by `why`)
  std::string why;               // "utilisation above 85%", "queue grows", or "" when nothing binds
};

std::vector<PeriodBinding> period_binding(const Experiment& e);

// One line per period: what binds and why (utilisation with its 95% CI, or the queue it grows to), or that nothing binds.
std::string period_binding_line(const PeriodBinding& p);

}  // namespace sim
