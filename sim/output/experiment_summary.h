#pragma once
// What replicated runs print (run -n, compare, sweep): terminal tables with means, 95% CIs and units,
// and the `--summary json` bodies (docs/summary-json.md). Each *_json returns the whole summary,
// envelope included: a new section is one more key on the object it returns (and a line in
// docs/summary.schema.json).
#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/output/experiment_output.h"

namespace sim {

// One sentence that names what binds, with its utilisation, or says that nothing binds (and which
// capacity is busiest): never both.
std::string binding_constraint_line(const BindingConstraint& bc);

void print_experiment_table(std::ostream& out, const Experiment& e, const std::string& path);
nlohmann::ordered_json experiment_json(const Experiment& e, const std::string& path);

// LABELS name the scenarios (the first is the base); WARNINGS (e.g. alternatives on different
// calendars) go into the JSON as "warnings": [...].
void print_comparison_table(std::ostream& out, const std::vector<std::string>& labels, const std::vector<Experiment>& runs,
                            const std::string& path);
nlohmann::ordered_json comparison_json(const std::vector<std::string>& labels, const std::vector<Experiment>& runs, const std::string& path,
                               const std::vector<std::string>& warnings);

void print_sweep_table(std::ostream& out, const std::vector<std::string>& keys, const std::vector<SweepPoint>& points,
                       const std::string& path);
nlohmann::ordered_json sweep_json(const std::vector<std::string>& keys, const std::vector<SweepPoint>& points, const std::string& path);

}  // namespace sim
