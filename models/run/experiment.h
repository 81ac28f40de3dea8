#pragma once
// Multi-run experiments (run -n, sweep, compare) as one experiment of independent units: unit
// u = g * replications + r is replication r of group g (the run, a sweep point, a comparison
// alternative). Replication r draws from the streams (seed, r, name) whatever the worker, shard or
// resume it runs in, so results depend on neither --jobs nor --shard, and scenarios compared share
// their random numbers. Units are checkpointed as they finish (sim/experiment/checkpoint.h).
#include <memory>
#include <string>
#include <vector>

#include "models/run/limits.h"
#include "models/scenario/config.h"
#include "sim/config/doc.h"
#include "sim/experiment/checkpoint.h"
#include "sim/experiment/replication.h"

namespace models {

// One scenario of an experiment, loaded (overrides, seed and overlays applied).
struct ExperimentGroup {
  sim::Document doc;
  Scenario scenario;
  std::string file;  // as given on the command line: it is written into the result file
};

struct ExperimentPlan {
  std::string kind;  // run, sweep or compare
  std::vector<ExperimentGroup> groups;
  int replications = 1;
  std::string extra;  // whatever else shapes the result file: sweep keys and values, comparison labels
  // run -n N --sample-assumptions: groups[0] is the scenario as given (the result file's), groups[1 + r]
  // the scenario with replication r's sampled assumptions; unit r is replication r of group 1 + r, and
  // the result is one experiment of N replications.
  bool sampled = false;
  std::uint64_t units() const {
    return sampled ? static_cast<std::uint64_t>(replications) : groups.size() * static_cast<std::uint64_t>(replications);
  }
};

// A hash of everything that determines the result file: simulator version, kind, replications, and
// per group its merged scenario text, source files, overrides, seed and file name, plus EXTRA.
// Not -j, -o, --summary or --shard.
std::string identity(const ExperimentPlan& plan);

struct UnitOptions {
  int jobs = 1;
  sim::Shard shard;
  bool resume = false;
  std::string checkpoint;            // OUT.ckpt, or the shard file
  std::vector<std::string> command;  // recorded in the checkpoint header for messages and merge
  std::string cwd;
  const sim::UnitOutcomes* merged = nullptr;  // merge: every unit is given, nothing is computed
  // Event budget and memory guard of each run. Not part of the identity: a run within its limits is
  // the same run, and one over them is never checkpointed (the experiment stops with exit 4).
  Limits limits;
};

struct PlanResult {
  std::vector<sim::Experiment> experiments;   // one per group; empty when a shard was run
  std::unique_ptr<sim::Checkpoint> checkpoint;  // remove() it once the result file is complete
  std::size_t resumed = 0;                     // units found in the checkpoint
};

PlanResult run_plan(const ExperimentPlan& plan, const UnitOptions& options);

}  // namespace models
