#pragma once
// The /costs group of result files (written only when the scenario declares costs): per service or
// flow, cost, CO2 and generalized cost per TEU and per tonne (mean, p50, p95 over consignments) and
// monthly totals, with units and descriptions and the dimension scales of the other groups. Single
// runs: (source, cost_statistic) and (source, month); replication files add `replication`, and
// summary_* over the `statistic` axis of the replications (mean, 95% CI, ...).
#include <H5Cpp.h>

#include <string>
#include <vector>

#include "sim/analysis/experiment_results.h"
#include "sim/output/h5util.h"
#include "sim/record/recorder.h"

namespace sim {

// AXES: the file's `month` axis; WARM: months wholly inside the warm-up (NaN).
void write_run_costs(const H5::Group& root, const Recorder& rec, const h5::Axes& axes, const std::vector<bool>& warm);
// AXES: month, replication and statistic (over replications) as the replications group has them.
void write_experiment_costs(const H5::Group& root, const Experiment& e, const h5::Axes& axes, const std::vector<bool>& warm);
// /cost_effectiveness of a comparison file: per alternative, its new expansions' annualised cost and
// the cost per extra TEU and tonne.
void write_comparison_costs(const H5::Group& root, const std::vector<std::string>& labels, const std::vector<Experiment>& runs);

}  // namespace sim
