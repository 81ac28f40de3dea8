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

// The busiest capacity (weather excluded): what limits throughput when its utilisation is high.
struct BindingConstraint {
  std::string resource, kind;
  Summary utilisation;
  bool binding = false;  // mean utilisation above 85%
};
BindingConstraint binding_constraint(const Experiment& e);

}  // namespace sim
