#include "models/run/experiment.h"

#include "models/run/simulation.h"
#include "sim/kernel/kernel.h"
#include "sim/core/stop.h"
#include "sim/experiment/parallel.h"

namespace models {

sim::Experiment run_replications(const sim::Document& doc, const Scenario& scenario, const std::string& scenario_file,
                                 int replications, int jobs, const std::string& progress_label, const Limits& limits) {
  sim::Progress progress(progress_label, replications);
  const auto outcomes = sim::run_forked(
      replications, jobs,
      [&](int r) {
        Simulation s(doc, scenario, {scenario_file, "", static_cast<std::uint64_t>(r)}, limits);
        s.run();
        return sim::to_bytes(sim::collect(s.recorder(), s.results()));
      },
      [&](int done, int total) {
        progress.update(done);
        (void)total;
      },
      [] { sim::Kernel::prebuild(kEngineName); });
  progress.finish();
  for (const auto& o : outcomes)
    if (o.limit) throw sim::LimitExceeded(o.error);

  sim::Experiment e;
  e.info = run_info(doc, scenario, scenario_file, static_cast<std::uint64_t>(replications));
  for (const auto& o : outcomes) {
    e.ok.push_back(o.ok);
    e.errors.push_back(o.ok ? "" : o.error);
    e.reps.push_back(o.ok ? sim::from_bytes(o.output) : sim::ReplicationResult{});
    if (o.ok && e.layout.metrics.empty() && e.layout.months.empty()) e.layout = e.reps.back().layout;
  }
  e.layout.targets = target_specs(scenario);
  for (const auto& t : scenario.targets)
    for (const auto& m : scenario.metrics)
      if (m.name == t.metric) e.layout.target_units.push_back(sim::measure_unit(m.measure));
  return e;
}

}  // namespace models
