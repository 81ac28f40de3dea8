#pragma once
// `caspian calibrate`: fits scenario parameters so that the mean of N replications meets observations.
// Every evaluation runs the same N replications (same seed, same replication indices: common random
// numbers), so the objective changes only with the parameters. Evaluations fork their replications
// through the same machinery as `caspian run -n` (sim/experiment/parallel).
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "models/calibration/params.h"
#include "models/run/limits.h"
#include "sim/output/json_summary.h"
#include "sim/analysis/stats.h"
#include "sim/record/observe.h"

namespace models::calibration {

struct Options {
  std::string scenario, overlay;
  std::vector<std::string> sets, target_files, params;
  int replications = 10, jobs = 1, max_evals = 100;
  std::optional<std::uint64_t> seed;
  Limits limits;  // event budget and memory guard of every replication, as for run -n
};

struct ObservationFit {
  sim::TargetSpec spec;
  std::string units;
  sim::Summary before, after;  // simulated over the replications
};

struct ParamFit {
  Param param;
  double fitted = 0;
  double objective_change = 0;  // under a +-5% move at the optimum (sim::calibration::objective_change)
  bool identified = true;
};

struct Result {
  std::vector<ParamFit> params;
  std::vector<ObservationFit> observations;
  double objective_before = 0, objective_after = 0;
  int evaluations = 0, replications = 0, replications_used = 0;
  std::uint64_t seed = 0;
  std::string algorithm, stopped, overlay, scenario_name;
};

// Checks everything (keys, bounds, observation files, metrics, dates) before any simulation: throws
// sim::ScenarioError for bad input. Progress goes to PROGRESS, one line per evaluation.
Result calibrate(const Options& o, std::ostream& progress);
// The overlay (extends the scenario, sets each fitted value with its provenance).
void write_overlay(const Options& o, const Result& r);
void print_table(std::ostream& out, const Result& r);
// The `--summary json` (envelope of docs/summary-json.md, kind "calibration").
sim::json_out::json to_json(const Options& o, const Result& r);

}  // namespace models::calibration
