#pragma once
// Output of replicated runs: HDF5 (per-replication series with a replication dimension, plus summary
// statistics), terminal tables and JSON. Also the paired comparison of alternatives against a base
// under common random numbers, and sweeps over a grid of parameter values.
#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "sim/analysis/comparison.h"

namespace sim {

struct SweepPoint {
  std::vector<std::string> values;  // one per grid key, as given on the command line
  Experiment experiment;
};

// Throws OutputError now for a result path the writers below would refuse (a device, FIFO, directory,
// dangling link): before any run is spent, and before a checkpoint is put beside it.
void check_result_path(const std::string& path);

// run -n N --sample-assumptions: what each replication drew (models/sensitivity/sampling.cpp).
struct SampledAssumptions {
  std::string design;
  std::uint64_t seed = 0;
  std::vector<std::string> parameter, unit;
  std::vector<double> low, high, base;
  std::vector<std::vector<double>> values;  // [replication][parameter], in `unit`
};

// Each writes a complete file under a temporary name and renames it when done.
// SAMPLED, when given, goes into the group /sampled_assumptions.
void write_experiment_file(const std::string& path, const Experiment& e, const SampledAssumptions* sampled = nullptr);
void write_comparison_file(const std::string& path, const std::vector<std::string>& labels, const std::vector<Experiment>& runs);
void write_sweep_file(const std::string& path, const std::vector<std::string>& keys, const std::vector<SweepPoint>& points);

// One sentence that names what binds, with its utilisation, or says that nothing binds (and which
// capacity is busiest): never both.
std::string binding_constraint_line(const BindingConstraint& bc);

void print_experiment(std::ostream& out, const Experiment& e, bool json, const std::string& path);
// WARNINGS (e.g. alternatives on different calendars) go into the JSON as "warnings": [...].
void print_comparison(std::ostream& out, const std::vector<std::string>& labels, const std::vector<Experiment>& runs, bool json,
                      const std::string& path, const std::vector<std::string>& warnings = {});
void print_sweep(std::ostream& out, const std::vector<std::string>& keys, const std::vector<SweepPoint>& points, bool json,
                 const std::string& path);

}  // namespace sim
