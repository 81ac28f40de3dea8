#pragma once
// `caspian sensitivity`: how much each parameter moves each metric. Morris elementary effects
// (screening) or one-at-a-time swings (a tornado chart) over parameters named as `caspian calibrate`
// names them (models/calibration/params: KEY=LO..HI). Every design point is a group of the same
// replications (common random numbers) in one experiment of independent units
// (models/run/experiment.h), so --resume, --shard and merge work as for run -n, sweep and compare.
#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "models/calibration/params.h"
#include "sim/analysis/experiment_results.h"
#include "sim/analysis/sensitivity.h"
#include "sim/config/doc.h"
#include "sim/output/json_summary.h"

namespace models::sensitivity {

struct Options {
  std::string method = "morris";
  int trajectories = 10, levels = 4, replications = 10;
  std::uint64_t seed = 0;  // draws the Morris design (the scenario's seed unless --seed)
};

struct Setup {
  std::vector<calibration::Param> params;
  sim::sensitivity::Design design;
  std::vector<std::vector<std::string>> sets;  // per design point: the --set assignments of its parameters
  std::vector<std::vector<double>> values;     // per design point, in the parameters' units (scenario value where not set)
  std::string extra;                           // what shapes the result beyond the scenarios (for the plan's identity)
};

// Resolves SPECS in the scenario ROOT (sim::ScenarioError for a bad one) and draws the design.
Setup setup(const sim::Node& root, const std::vector<std::string>& specs, const Options& o);

// The `assumed:` ranges marked in a scenario, as KEY=LO..HI specs (see assumptions.cpp).
std::vector<std::string> marked_assumptions(const sim::Node& root);
// Resolves every marked range (sim::ScenarioError at the range if one excludes its value, names an
// unknown key or is malformed); returns how many there are.
size_t check_assumptions(const sim::Node& root);

// Effects per metric from the experiment of every design point (in design order).
sim::sensitivity::Report report(const Setup& s, const Options& o, const std::vector<sim::Experiment>& points);

// The `--summary json` (envelope of docs/summary-json.md; kind = the method, "morris" or "oat").
sim::json_out::json to_json(const sim::sensitivity::Report& r, const sim::json_out::ScenarioRef& scenario, const std::string& path);

// --sample-assumptions (sampling.cpp): per replication, a draw of every marked assumption.
struct Sample {
  std::string design;  // uniform or lhs
  std::uint64_t seed = 0;
  std::vector<calibration::Param> params;
  std::vector<std::vector<double>> values;     // [replication][parameter], in the parameters' units
  std::vector<std::vector<std::string>> sets;  // [replication]: the --set assignments
  std::string extra;                           // for the experiment's identity
};
// Throws sim::ScenarioError (at WHERE, the scenario file) when the scenario marks no ranges.
Sample sample_assumptions(const sim::Node& root, const std::string& where, const std::string& design, int n, std::uint64_t seed);
sim::json_out::json to_json(const Sample& s);
void print_table(std::ostream& out, const sim::sensitivity::Report& r, const std::string& path);

}  // namespace models::sensitivity
