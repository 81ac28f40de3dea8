#include "models/run/simulation.h"

#include "generated/version.h"
#include "models/network/network.h"
#include "sim/kernel/kernel.h"
#include "sim/kernel/log.h"

namespace models {

namespace {
template <class Targets>
std::vector<sim::TargetSpec> specs_of(const Targets& targets) {
  std::vector<sim::TargetSpec> out;
  for (const auto& t : targets) out.push_back({t.metric, t.from_day, t.to_day, t.observed, t.tolerance_pct, t.source, t.file});
  return out;
}
}  // namespace

std::vector<sim::TargetSpec> target_specs(const Scenario& s) { return specs_of(s.targets); }
std::vector<sim::TargetSpec> skipped_specs(const Scenario& s) { return specs_of(s.skipped); }

sim::RunInfo run_info(const sim::Document& doc, const Scenario& scenario, const std::string& file, std::uint64_t replication,
                      bool with_text) {
  sim::RunInfo info;
  info.version = sim::kVersion;
  info.scenario_name = scenario.name;
  info.scenario_description = scenario.description;
  info.scenario_file = file;
  if (with_text) {  // a fifth of a replication's cost: only for runs that write a result file
    info.scenario_yaml = sim::to_yaml(doc.root);
    info.scenario_sources = doc.sources;
  }
  info.sets = doc.sets;
  info.seed = scenario.seed;
  info.replication = replication;
  info.start_date = sim::format_date(scenario.start_day);
  info.end_date = sim::format_date(scenario.end_day - 1);
  info.warmup_s = scenario.warmup;
  info.transit_within_s = scenario.transit_within;
  return info;
}

Simulation::Simulation(const sim::Document& doc, const Scenario& scenario, RunOptions options, const Limits& limits)
    : scenario_(scenario), options_(std::move(options)), calendar_(scenario.start_day, scenario.end_day) {
  results_.info = run_info(doc, scenario, options_.scenario_file, options_.replication, !options_.output.empty());
  // Open the output first: a path that cannot be written fails before any simulation time is spent.
  if (!options_.output.empty()) file_ = std::make_unique<sim::ResultFile>(options_.output, options_.events);
  recorder_ = std::make_unique<sim::Recorder>(calendar_, place_names(scenario), source_names(scenario), kCargoClasses,
                                              metric_specs(scenario), options_.events ? file_.get() : nullptr, scenario.warmup);
  if (file_) recorder_->keep_fingerprint();  // a single run's identity, with or without its event table
  watch_limits(*recorder_, scenario, limits);
}

Simulation::~Simulation() = default;

sim::BottleneckRule bottleneck_rule() { return {0.85, {kSeaAreaKind}}; }

void Simulation::run() {
  sim::log::set_start_day(scenario_.start_day);
  sim::Kernel kernel(calendar_.horizon_seconds(), kEngineName);
  Network network(scenario_, calendar_, *recorder_, options_.replication, kernel);
  network.start(kernel);
  sim::log::get("kernel")->info("running {} to {}", results_.info.start_date, results_.info.end_date);
  kernel.run();
  results_.in_system = network.in_system();
  recorder_->snapshot(calendar_.horizon_seconds(), results_.in_system);
  recorder_->finish(calendar_.horizon_seconds());
  results_.targets = sim::evaluate_targets(*recorder_, target_specs(scenario_));
  results_.skipped = skipped_specs(scenario_);
  results_.rule = bottleneck_rule();
  results_.bottlenecks = sim::find_bottlenecks(*recorder_, results_.rule);
  if (file_) {
    file_->write_results(*recorder_, results_);
    file_->commit();
  }
}

}  // namespace models
