#pragma once
// HDF5 files of replicated runs: per-replication series with a replication dimension, plus summary
// statistics; the paired comparison of alternatives against a base under common random numbers, and
// sweeps over a grid of parameter values. Their terminal tables and JSON are in experiment_summary.h.
#include <cstdint>
#include <ostream>
#include <string>
#include <utility>
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

// A grid value as a number and its unit ("4 /d" -> 4, "/d"); NaN and "" when it is not a number.
std::pair<double, std::string> number_and_unit(const std::string& text);

}  // namespace sim
