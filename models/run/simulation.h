#pragma once
// One replication of a scenario in this process: build the network, run the kernel to the horizon,
// compare targets, write the result file. Nothing here parses YAML or prints.
#include <memory>
#include <string>

#include "models/run/limits.h"
#include "models/scenario/config.h"
#include "sim/config/doc.h"
#include "sim/record/recorder.h"
#include "sim/output/result_file.h"

namespace models {

// The name the engine runs under (SimGrid's argv[0]).
inline constexpr const char* kEngineName = "caspian";

// When a resource counts as a bottleneck in this model: above 85% utilisation (assumed: a common
// planning rule of thumb for ports and lines, where queues grow steeply; not calibrated), and weather
// (sea areas) is a condition that stops work, never a capacity that binds.
sim::BottleneckRule bottleneck_rule();

struct RunOptions {
  std::string scenario_file;
  std::string output;  // empty: no result file
  std::uint64_t replication = 0;
  bool events = false;  // the result file holds the event table (run --events)
};

class Simulation {
 public:
  // SCENARIO must outlive the simulation.
  // LIMITS bound the run's events and memory (limits.h): over one, run() throws sim::LimitExceeded.
  Simulation(const sim::Document& doc, const Scenario& scenario, RunOptions options, const Limits& limits = {});
  ~Simulation();
  // Throws sim::SimulationError or sim::OutputError; a failed run leaves no result file.
  void run();
  const sim::Recorder& recorder() const { return *recorder_; }
  const sim::RunResults& results() const { return results_; }

 private:
  const Scenario& scenario_;  // outlives the simulation: workers would otherwise copy it every replication
  RunOptions options_;
  sim::Calendar calendar_;
  std::unique_ptr<sim::ResultFile> file_;
  std::unique_ptr<sim::Recorder> recorder_;
  sim::RunResults results_;
};

std::vector<sim::TargetSpec> target_specs(const Scenario& s);
// Observations outside the run's dates: listed as skipped in the summaries.
std::vector<sim::TargetSpec> skipped_specs(const Scenario& s);
sim::RunInfo run_info(const sim::Document& doc, const Scenario& scenario, const std::string& file, std::uint64_t replication,
                      bool with_text = true);

}  // namespace models
