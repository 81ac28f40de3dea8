#pragma once
// Comparing experiments: paired differences under common random numbers, and the capacity that
// binds an experiment's throughput.
#include <string>
#include <vector>

#include "sim/analysis/experiment_results.h"

namespace sim {

struct PairedDifference {
  std::string metric, units;
  Summary base, alt, diff;  // of the run totals; diff = alt - base, replication by replication
  bool significant = false;  // the 95% CI of the difference excludes zero
};
std::vector<PairedDifference> paired_differences(const Experiment& base, const Experiment& alt);
// One per-source row: FIELD[I] of the base against FIELD[J] of the alternative (x SCALE), replication
// by replication, over the replications where both succeeded and neither value is NaN.
PairedDifference paired_field(const Experiment& base, const Experiment& alt, std::vector<double> ReplicationResult::*field, size_t i,
                              size_t j, std::string metric, std::string units, double scale = 1);

// The busiest capacity (conditions such as weather excluded): what limits throughput when it is
// flagged as a bottleneck in most replications or its mean utilisation is above the rule's.
struct BindingConstraint {
  std::string resource, kind;  // the busiest capacity, binding or not
  Summary utilisation;
  bool binding = false;
  double threshold = 0;  // the rule's utilisation, 0..1
};
BindingConstraint binding_constraint(const Experiment& e);

}  // namespace sim
