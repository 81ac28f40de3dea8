#pragma once
// Cost, CO2 and generalized cost per TEU and per tonne in the printed summaries (table and JSON) of
// single runs, replications, sweeps and comparisons; nothing when the scenario declares no costs (except
// compare's cost-effectiveness, which needs only the expansions' prices). Each is one call from the
// summary it belongs to: the tables print with sim::Table, the JSON is the value of the summary's
// "costs" key (null: leave the key out).
#include <ostream>
#include <string>
#include <vector>

#include "sim/analysis/experiment_results.h"
#include "sim/output/json_summary.h"
#include "sim/record/recorder.h"

namespace sim {

void print_cost_table(std::ostream& out, const Recorder& rec);
json_out::json cost_json(const Recorder& rec);

void print_experiment_costs(std::ostream& out, const Experiment& e);
json_out::json experiment_cost_json(const Experiment& e);

// A sweep: one row per grid point, service/flow and quantity (the replications' mean over consignments),
// and each point's "costs" in the JSON is experiment_cost_json of that point.
void print_sweep_costs(std::ostream& out, const std::vector<std::string>& keys, const std::vector<std::vector<std::string>>& point_values,
                       const std::vector<const Experiment*>& points);

void print_comparison_costs(std::ostream& out, const std::vector<std::string>& labels, const std::vector<Experiment>& runs);
json_out::json comparison_cost_json(const std::vector<std::string>& labels, const std::vector<Experiment>& runs);

}  // namespace sim
