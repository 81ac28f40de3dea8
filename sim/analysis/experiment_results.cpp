#include "sim/analysis/experiment_results.h"

#include "sim/core/units.h"

#include <cmath>

#include "sim/analysis/transit_monthly.h"
#include "sim/analysis/transit_reliability.h"
#include "sim/record/resource_series.h"

namespace sim {

ReplicationResult collect(const Recorder& rec, const RunResults& res) {
  ReplicationResult r;
  const auto& cal = rec.calendar();
  for (size_t m = 0; m < rec.metrics().size(); ++m) {
    r.metric_monthly.push_back(rec.metric_monthly(m));
    r.metric_total.push_back(rec.metric_total(m, cal.start_day(), cal.end_day() - 1));
  }
  for (const auto& t : res.targets) r.target_simulated.push_back(t.simulated);
  for (const auto& d : resource_series()) {
    auto& per_resource = r.series.emplace_back();
    for (const auto& s : rec.resources()) per_resource.push_back(d.of(s));
  }
  for (const auto& s : rec.resources()) r.utilisation_mean.push_back(s.utilisation.overall_mean());
  for (const auto& t : rec.transit()) {
    double sum = 0;
    for (double d : t.days) sum += d;
    r.transit_mean.push_back(t.days.empty() ? std::nan("") : sum / static_cast<double>(t.days.size()));
    r.transit_p50.push_back(percentile(t.days, 50));
    r.transit_p95.push_back(percentile(t.days, 95));
    r.transit_monthly.push_back(monthly_transit(cal, t));
    r.transit_within.push_back(share_within(t.days, res.info.transit_within_s / 86400.0));
  }
  for (int mi = 0; mi < kCargoMeasures; ++mi) {
    const auto m = static_cast<Measure>(mi);
    r.created.push_back(rec.created().get(m));
    r.delivered.push_back(rec.delivered().get(m));
    r.in_system.push_back(res.in_system.get(m));
  }
  for (const auto& b : res.bottlenecks) r.bottlenecks.push_back(b.resource);
  r.events = static_cast<double>(rec.events());
  r.layout = layout_of(rec);
  r.layout.transit_within_days = res.info.transit_within_s / 86400.0;
  r.costs = cost_results(rec.costs());
  r.measured_years = (cal.horizon_seconds() - res.info.warmup_s) / kSecondsPerYear;
  return r;
}

ExperimentLayout layout_of(const Recorder& rec) {
  ExperimentLayout l;
  const auto& cal = rec.calendar();
  for (int m = 0; m < cal.months(); ++m) l.months.push_back(cal.month_label(m));
  for (const auto& m : rec.metrics()) {
    l.metrics.push_back(m.name);
    l.metric_units.push_back(measure_unit(m.measure));
    l.metric_descriptions.push_back(m.description);
  }
  for (const auto& r : rec.resources()) {
    l.resources.push_back(r.name);
    l.resource_kinds.push_back(r.kind);
  }
  l.sources = rec.sources();
  return l;
}

std::vector<const ReplicationResult*> Experiment::succeeded() const {
  std::vector<const ReplicationResult*> out;
  for (size_t i = 0; i < reps.size(); ++i)
    if (ok[i]) out.push_back(&reps[i]);
  return out;
}

}  // namespace sim
