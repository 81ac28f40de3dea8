#pragma once
// What one replication hands back to the parent process (a few numbers per metric, resource, target
// and service, not the event table), and the experiment that collects them in replication order.
#include <cstdint>
#include <string>
#include <vector>

#include "sim/analysis/cost_stats.h"
#include "sim/analysis/run_results.h"
#include "sim/analysis/stats.h"
#include "sim/record/recorder.h"
#include "sim/record/run_info.h"

namespace sim {

// The names and units that index the vectors above: the same for every replication.
struct ExperimentLayout {
  std::vector<std::string> months, metrics, metric_units, metric_descriptions, resources, resource_kinds, sources;
  std::vector<TargetSpec> targets;
  std::vector<std::string> target_units;
  std::vector<TargetSpec> skipped;  // observations outside the run's dates (filled in by the parent)
  double transit_within_days = 0;   // the scenario's `transit_within` (0: none stated)
  // The scenario's expansions, by name (filled in by the parent): compare's cost-effectiveness.
  struct Expansion {
    std::string name, source;
    double capital_usd = 0, operating_usd_per_year = 0, lifetime_years = 0;
    int price_year = 0;
  };
  std::vector<Expansion> expansions;
  int price_year = 0;  // the scenario's cost_basis (0: not stated)
};
struct ReplicationResult {
  std::vector<std::vector<double>> metric_monthly;  // [metric][month]
  std::vector<double> metric_total;                 // [metric], over the run after warm-up
  std::vector<double> target_simulated;             // [target]
  // [series][resource][month], series in the order of resource_series()
  std::vector<std::vector<std::vector<double>>> series;
  std::vector<double> utilisation_mean;                                 // [resource]
  std::vector<double> transit_mean, transit_p50, transit_p95;           // [service or flow], days
  // [service or flow][statistic][month], statistics as transit_statistic_names(): mean, p50, p95, n
  std::vector<std::vector<std::vector<double>>> transit_monthly;
  std::vector<double> transit_within;  // [service or flow], share delivered within `transit_within` (NaN: none stated)
  std::vector<double> created, delivered, in_system;                    // [cargo measure]
  std::vector<std::string> bottlenecks;
  double events = 0;
  ExperimentLayout layout;  // targets are filled in by the parent, from the scenario
  // Appended after the layout in the codec (checkpoint format 3): cost, CO2 and generalized cost per
  // service or flow (empty when the scenario declares no costs), and the years after the warm-up
  // they were measured over.
  CostResults costs;
  double measured_years = 0;
};

ReplicationResult collect(const Recorder& rec, const RunResults& res);

ExperimentLayout layout_of(const Recorder& rec);

struct Experiment {
  RunInfo info;  // replication = number of replications
  ExperimentLayout layout;
  BottleneckRule rule;  // set by the parent from the model, as each replication's was
  std::vector<bool> ok;
  std::vector<std::string> errors;
  std::vector<ReplicationResult> reps;  // index = replication; empty for a failed one
  std::vector<const ReplicationResult*> succeeded() const;
};

}  // namespace sim
