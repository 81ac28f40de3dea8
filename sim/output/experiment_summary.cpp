#include "sim/output/experiment_summary.h"

#include <cmath>

#include "sim/analysis/period_binding.h"
#include "sim/core/calendar.h"
#include "sim/output/cost_summary.h"
#include "sim/output/json_summary.h"
#include "sim/output/text_format.h"
#include "sim/output/transit_output.h"

namespace sim {
namespace {

using json = json_out::json;
using Align = Table::Align;
using Fit = Table::Fit;

const char* const kUtilisationUnits = "fraction of capacity, 0-1";

template <class F>
Summary over_replications(const Experiment& e, F f) {
  std::vector<double> v;
  for (const auto* r : e.succeeded()) v.push_back(f(*r));
  return summarize(v);
}

Summary metric_total(const Experiment& e, size_t i) {
  return over_replications(e, [&](const ReplicationResult& r) { return r.metric_total[i]; });
}
Summary target_simulated(const Experiment& e, size_t i) {
  return over_replications(e, [&](const ReplicationResult& r) { return r.target_simulated[i]; });
}
Summary utilisation(const Experiment& e, size_t i) {
  return over_replications(e, [&](const ReplicationResult& r) { return r.utilisation_mean[i]; });
}
Summary transit(const Experiment& e, std::vector<double> ReplicationResult::*field, size_t i) {
  return over_replications(e, [&](const ReplicationResult& r) { return i < (r.*field).size() ? (r.*field)[i] : std::nan(""); });
}

// Share of the successful replications that flagged resource I as a bottleneck.
double bottleneck_share(const Experiment& e, size_t i) {
  const auto ok = e.succeeded();
  double flagged = 0;
  for (const auto* r : ok)
    for (const auto& b : r->bottlenecks) flagged += b == e.layout.resources[i];
  return ok.empty() ? 0.0 : flagged / static_cast<double>(ok.size());
}

json_out::ScenarioRef ref_of(const Experiment& e, const std::string& label) {
  return {e.info.scenario_file, e.info.scenario_name, label.empty() ? json_out::label_of(e.info.scenario_file) : label};
}

std::string mean_text(const Summary& s, int decimals = 1) { return format_number(s.mean, decimals); }
std::string ci_text(const Summary& s, int decimals = 1) { return format_ci(s.ci_low, s.ci_high, decimals); }

}  // namespace

std::string binding_constraint_line(const BindingConstraint& bc) {
  const std::string limit = format_number(100 * bc.threshold, 0) + "%";
  if (bc.resource.empty()) return "Binding constraint: none (the model has no capacity to bind)";
  const std::string use = format_number(100 * bc.utilisation.mean, 1) + "% [95% CI " + format_number(100 * bc.utilisation.ci_low, 1) + ", " +
                          format_number(100 * bc.utilisation.ci_high, 1) + "]";
  if (bc.binding)
    return "Binding constraint: " + bc.resource + " (" + bc.kind + "), utilisation " + use + "; its queue grows or it runs above " + limit +
           " in most replications";
  return "Binding constraint: none. No capacity runs above " + limit +
         " or queues up without bound, so supply sets the volume; the busiest is " + bc.resource + " (" + bc.kind + ") at " + use;
}

// ---- run -n ----

namespace {

void experiment_metrics_table(std::ostream& out, const Experiment& e) {
  const auto& l = e.layout;
  out << "Metrics: run totals over replications (mean, 95% CI, sd, 5th and 95th percentiles)\n";
  Table t({{"metric", Align::Left, Fit::Abbreviate}, {"mean", Align::Right}, {"95% CI", Align::Right}, {"sd", Align::Right},
           {"p5", Align::Right}, {"p95", Align::Right}, {"unit"}});
  for (size_t i = 0; i < l.metrics.size(); ++i) {
    const auto s = metric_total(e, i);
    t.add_row({l.metrics[i], mean_text(s), ci_text(s), format_number(s.sd, 1), format_number(s.p5, 1), format_number(s.p95, 1), l.metric_units[i]});
  }
  t.print(out);
}

void experiment_targets_table(std::ostream& out, const Experiment& e) {
  const auto& l = e.layout;
  if (!l.targets.empty()) {
    out << "\nTargets: observed vs simulated mean (95% CI)\n";
    Table t({{"metric", Align::Left, Fit::Abbreviate}, {"period"}, {"observed", Align::Right}, {"simulated", Align::Right},
             {"95% CI", Align::Right}, {"unit"}, {"error", Align::Right}, {"in CI"}, {"tolerance"}});
    for (size_t i = 0; i < l.targets.size(); ++i) {
      const auto& tg = l.targets[i];
      const auto s = target_simulated(e, i);
      const double err = 100 * (s.mean - tg.observed) / tg.observed;
      const std::string tol =
          tg.tolerance_pct > 0 ? (std::fabs(err) <= tg.tolerance_pct ? "yes" : "NO") + std::string(" (") + format_number(tg.tolerance_pct, 0) + "%)" : "-";
      t.add_row({tg.metric, format_date(tg.from_day) + ".." + format_date(tg.to_day), format_number(tg.observed, 0), mean_text(s), ci_text(s),
                 l.target_units[i], format_pct(err), tg.observed >= s.ci_low && tg.observed <= s.ci_high ? "yes" : "no", tol});
    }
    t.print(out);
  }
  if (!l.skipped.empty())
    out << "  (" << l.skipped.size() << " observation" << (l.skipped.size() == 1 ? "" : "s")
        << " outside the run's dates skipped; listed in --summary json)\n";
}

void experiment_resources_table(std::ostream& out, const Experiment& e) {
  const auto& l = e.layout;
  out << "\nResources: mean utilisation over replications (95% CI), share of replications flagged as a bottleneck\n";
  Table t({{"resource", Align::Left, Fit::Abbreviate}, {"kind"}, {"utilisation %", Align::Right}, {"95% CI", Align::Right},
           {"bottleneck in", Align::Right}});
  for (size_t i = 0; i < l.resources.size(); ++i) {
    const auto s = utilisation(e, i);
    const double share = bottleneck_share(e, i);
    t.add_row({l.resources[i], l.resource_kinds[i], format_number(100 * s.mean, 1), format_ci(100 * s.ci_low, 100 * s.ci_high, 1),
               share > 0 ? format_number(100 * share, 0) + "% of reps" : "-"});
  }
  t.print(out);
}

void experiment_transit_table(std::ostream& out, const Experiment& e) {
  const auto& l = e.layout;
  if (l.sources.empty()) return;
  out << "\nTransit times, creation to delivery: mean over replications of each replication's figure (days)\n";
  Table t({{"service/flow", Align::Left, Fit::Abbreviate}, {"mean d", Align::Right}, {"95% CI", Align::Right}, {"p50 d", Align::Right},
           {"p95 d", Align::Right}, {"95% CI of p95", Align::Right}});
  for (size_t i = 0; i < l.sources.size(); ++i) {
    const auto m = transit(e, &ReplicationResult::transit_mean, i), p50 = transit(e, &ReplicationResult::transit_p50, i),
               p95 = transit(e, &ReplicationResult::transit_p95, i);
    t.add_row({l.sources[i], mean_text(m, 2), ci_text(m, 2), mean_text(p50, 2), mean_text(p95, 2), ci_text(p95, 2)});
  }
  t.print(out);
}

}  // namespace

void print_experiment_table(std::ostream& out, const Experiment& e, const std::string& path) {
  const auto ok = e.succeeded();
  out << wrap_text("Scenario  " + e.info.scenario_name + "  (" + e.info.start_date + " to " + e.info.end_date + ", seed " +
                   std::to_string(e.info.seed) + ", " + std::to_string(e.reps.size()) + " replications, " +
                   std::to_string(e.reps.size() - ok.size()) + " failed, caspian " + e.info.version + ")")
      << "\n\n";
  for (size_t r = 0; r < e.reps.size(); ++r)
    if (!e.ok[r]) out << "  replication " << r << " failed: " << e.errors[r] << "\n";
  experiment_metrics_table(out, e);
  experiment_targets_table(out, e);
  experiment_resources_table(out, e);
  experiment_transit_table(out, e);
  print_transit_reliability(out, e);
  out << "\n" << wrap_text(binding_constraint_line(binding_constraint(e))) << "\n";
  const auto periods = period_binding(e);
  if (periods.size() > 1) {
    out << "Binding constraint by quarter (utilisation over the quarter, 95% CI):\n";
    for (const auto& p : periods) out << "  " << wrap_text(period_binding_line(p), kMaxLineWidth - 2, "    ") << "\n";
  }
  print_experiment_costs(out, e);
  if (!path.empty()) out << "\nResults: " << path << "\n";
}

namespace {

json experiment_metrics_json(const Experiment& e) {
  const auto& l = e.layout;
  json out = json::object();
  for (size_t i = 0; i < l.metrics.size(); ++i)
    out[l.metrics[i]] = {{"units", l.metric_units[i]},
                         {"description", i < l.metric_descriptions.size() ? l.metric_descriptions[i] : ""},
                         {"total", json_out::summary(metric_total(e, i), l.metric_units[i])}};
  return out;
}

json experiment_targets_json(const Experiment& e) {
  const auto& l = e.layout;
  json out = json::array();
  for (size_t i = 0; i < l.targets.size(); ++i) {
    const auto& t = l.targets[i];
    const auto s = target_simulated(e, i);
    const double err = 100 * (s.mean - t.observed) / t.observed;
    out.push_back({{"metric", t.metric},
                   {"from", format_date(t.from_day)},
                   {"to", format_date(t.to_day)},
                   {"units", l.target_units[i]},
                   {"observed", json_out::number(t.observed)},
                   {"simulated", json_out::summary(s, l.target_units[i])},
                   {"error_pct", json_out::number(err)},
                   {"tolerance_pct", json_out::number(t.tolerance_pct)},
                   {"inside_tolerance", json_out::tolerance_verdict(err, t.tolerance_pct)},
                   {"observed_inside_ci", t.observed >= s.ci_low && t.observed <= s.ci_high},
                   {"source", t.source},
                   {"file", t.file}});
  }
  return out;
}

json experiment_resources_json(const Experiment& e) {
  const auto& l = e.layout;
  json out = json::object();
  for (size_t i = 0; i < l.resources.size(); ++i)
    out[l.resources[i]] = {{"kind", l.resource_kinds[i]},
                           {"utilisation", json_out::summary(utilisation(e, i), kUtilisationUnits)},
                           {"bottleneck_share", json_out::number(bottleneck_share(e, i))}};
  return out;
}

json experiment_transit_json(const Experiment& e) {
  json out = json::object();
  for (size_t i = 0; i < e.layout.sources.size(); ++i)
    out[e.layout.sources[i]] = {{"mean", json_out::summary(transit(e, &ReplicationResult::transit_mean, i), "d")},
                                {"p50", json_out::summary(transit(e, &ReplicationResult::transit_p50, i), "d")},
                                {"p95", json_out::summary(transit(e, &ReplicationResult::transit_p95, i), "d")},
                                {"units", "d"}};
  return out;
}

}  // namespace

json experiment_json(const Experiment& e, const std::string& path) {
  json j = json_out::envelope("run", "replications", {ref_of(e, "")});
  j["seed"] = e.info.seed;
  j["replications"] = e.reps.size();
  j["failed"] = json::array();
  for (size_t r = 0; r < e.reps.size(); ++r)
    if (!e.ok[r]) j["failed"].push_back({{"replication", r}, {"reason", e.errors[r]}});
  j["start_date"] = e.info.start_date;
  j["end_date"] = e.info.end_date;
  j["results"] = path;
  j["metrics"] = experiment_metrics_json(e);
  j["targets"] = experiment_targets_json(e);
  j["skipped_observations"] = json::array();
  for (const auto& t : e.layout.skipped) j["skipped_observations"].push_back(json_out::skipped(t));
  const auto bc = binding_constraint(e);
  j["binding_constraint"] = {{"resource", bc.resource},
                             {"kind", bc.kind},
                             {"utilisation", json_out::summary(bc.utilisation, kUtilisationUnits)},
                             {"binding", bc.binding},
                             {"threshold", json_out::number(bc.threshold)}};
  j["binding_by_period"] = json::array();
  for (const auto& p : period_binding(e))
    j["binding_by_period"].push_back({{"period", p.period},
                                      {"from", p.first_month},
                                      {"to", p.last_month},
                                      {"resource", p.resource},
                                      {"kind", p.kind},
                                      {"utilisation", json_out::summary(p.utilisation, kUtilisationUnits)},
                                      {"queue_end", {{"mean", json_out::number(p.queue_end)}, {"units", "consignments"}}},
                                      {"binding", p.binding},
                                      {"why", p.why},
                                      {"share_of_replications", json_out::number(p.share)}});
  j["resources"] = experiment_resources_json(e);
  j["transit_time_days"] = experiment_transit_json(e);
  if (auto costs = experiment_cost_json(e); !costs.is_null()) j["costs"] = costs;
  return j;
}

// ---- compare ----

void print_comparison_table(std::ostream& out, const std::vector<std::string>& labels, const std::vector<Experiment>& runs,
                            const std::string& path) {
  out << wrap_text("Comparison against " + labels[0] + " (" + std::to_string(runs[0].reps.size()) +
                   " replications each, common random numbers; differences are alternative minus base, run totals, means over "
                   "replications)")
      << "\n";
  for (size_t k = 1; k < runs.size(); ++k) {
    // Metrics, then transit times ("transit_days:SOURCE", one unit) in a table of their own.
    const std::string transit = "transit_days:";
    Table metrics({{"metric", Align::Left, Fit::Abbreviate}, {"base", Align::Right}, {"alternative", Align::Right},
                   {"difference", Align::Right}, {"95% CI", Align::Right}, {"significant"}, {"unit"}});
    Table transits({{"service/flow", Align::Left, Fit::Abbreviate}, {"base", Align::Right}, {"alternative", Align::Right},
                    {"difference", Align::Right}, {"95% CI", Align::Right}, {"significant"}});
    std::string transit_units;
    for (const auto& d : paired_differences(runs[0], runs[k])) {
      const bool is_transit = d.metric.rfind(transit, 0) == 0;
      std::vector<std::string> row{is_transit ? d.metric.substr(transit.size()) : d.metric, mean_text(d.base), mean_text(d.alt),
                                   mean_text(d.diff), ci_text(d.diff), d.significant ? "yes" : "no"};
      if (is_transit) transits.add_row(row), transit_units = d.units;
      else row.push_back(d.units), metrics.add_row(row);
    }
    out << "\n" << labels[k] << "\n";
    metrics.print(out);
    if (!transit_units.empty()) {
      out << "\n" << labels[k] << ": transit times, " << transit_units << " (transit_days:<service/flow> in the JSON and the file)\n";
      transits.print(out);
    }
  }
  print_comparison_costs(out, labels, runs);
  if (!path.empty()) out << "\nResults: " << path << "\n";
}

json comparison_json(const std::vector<std::string>& labels, const std::vector<Experiment>& runs, const std::string& path,
                     const std::vector<std::string>& warnings) {
  std::vector<json_out::ScenarioRef> refs;
  for (size_t k = 0; k < runs.size(); ++k) refs.push_back(ref_of(runs[k], labels[k]));
  json j = json_out::envelope("compare", "comparison", refs);
  j["base"] = labels[0];
  j["replications"] = runs[0].reps.size();
  j["results"] = path;
  j["warnings"] = warnings;
  j["alternatives"] = json::object();
  for (size_t k = 1; k < runs.size(); ++k) {
    json& alt = j["alternatives"][labels[k]] = json::object();
    for (const auto& d : paired_differences(runs[0], runs[k]))
      alt[d.metric] = {{"units", d.units},
                       {"base", json_out::summary(d.base, d.units)},
                       {"alternative", json_out::summary(d.alt, d.units)},
                       {"difference", json_out::summary(d.diff, d.units)},
                       {"significant", d.significant}};
  }
  j["costs"] = comparison_cost_json(labels, runs);
  return j;
}

// ---- sweep ----

namespace {

// The unit of grid key K if every point gives the same one ("" for plain numbers), else null.
json grid_units(const std::vector<SweepPoint>& points, size_t k) {
  const std::string first = number_and_unit(points[0].values[k]).second;
  for (const auto& p : points)
    if (number_and_unit(p.values[k]).second != first) return nullptr;
  return first;
}

}  // namespace

void print_sweep_table(std::ostream& out, const std::vector<std::string>& keys, const std::vector<SweepPoint>& points, const std::string& path) {
  if (points.empty()) return;
  const auto& l = points[0].experiment.layout;
  out << "Sweep over " << points.size() << " points, " << points[0].experiment.reps.size()
      << " replications each: run totals, mean over replications and its 95% CI\n";
  for (size_t i = 0; i < l.metrics.size(); ++i) {
    out << "\n" << l.metrics[i] << " (" << l.metric_units[i] << ")\n";
    std::vector<Table::Column> columns;
    for (const auto& k : keys) columns.push_back({k, Align::Left, Fit::Abbreviate});
    columns.push_back({"mean", Align::Right});
    columns.push_back({"95% CI", Align::Right});
    Table t(columns);
    for (const auto& p : points) {
      std::vector<std::string> row = p.values;
      const auto s = metric_total(p.experiment, i);
      row.push_back(mean_text(s));
      row.push_back(ci_text(s));
      t.add_row(row);
    }
    t.print(out);
  }
  std::vector<std::vector<std::string>> values;
  std::vector<const Experiment*> runs;
  for (const auto& p : points) {
    values.push_back(p.values);
    runs.push_back(&p.experiment);
  }
  print_sweep_costs(out, keys, values, runs);
  if (!path.empty()) out << "\nResults: " << path << "\n";
}

json sweep_json(const std::vector<std::string>& keys, const std::vector<SweepPoint>& points, const std::string& path) {
  const auto& first = points.at(0).experiment;
  json j = json_out::envelope("sweep", "sweep", {ref_of(first, "")});
  j["replications"] = first.reps.size();
  j["results"] = path;
  j["grid"] = json::array();
  for (size_t k = 0; k < keys.size(); ++k) j["grid"].push_back({{"key", keys[k]}, {"units", grid_units(points, k)}});
  j["points"] = json::array();
  const auto& l = first.layout;
  for (const auto& p : points) {
    json values = json::array(), metrics = json::object();
    for (const auto& v : p.values) values.push_back(json_out::number(number_and_unit(v).first));
    for (size_t i = 0; i < l.metrics.size(); ++i) metrics[l.metrics[i]] = json_out::summary(metric_total(p.experiment, i), l.metric_units[i]);
    json point = {{"values", values}, {"labels", p.values}, {"metrics", metrics}};
    if (auto costs = experiment_cost_json(p.experiment); !costs.is_null()) point["costs"] = costs;
    j["points"].push_back(point);
  }
  return j;
}

}  // namespace sim
