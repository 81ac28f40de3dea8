#pragma once
// Cost, CO2 and generalized cost per TEU and per tonne in the printed summaries (table and JSON) of
// single runs, replications and comparisons; nothing when the scenario declares no costs (except
// compare's cost-effectiveness, which needs only the expansions' prices). Each is one call from the
// summary it belongs to; the JSON pieces are members (",\n  \"costs\": {...}") or "".
#include <ostream>
#include <string>
#include <vector>

#include "sim/analysis/experiment_results.h"
#include "sim/record/recorder.h"

namespace sim {

void print_cost_table(std::ostream& out, const Recorder& rec);
std::string cost_json_member(const Recorder& rec);

void print_experiment_costs(std::ostream& out, const Experiment& e);
std::string experiment_cost_json_member(const Experiment& e);

void print_comparison_costs(std::ostream& out, const std::vector<std::string>& labels, const std::vector<Experiment>& runs);
std::string comparison_cost_json_member(const std::vector<std::string>& labels, const std::vector<Experiment>& runs);

}  // namespace sim
