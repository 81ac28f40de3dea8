#include "sim/output/experiment_output.h"

#include "sim/analysis/period_binding.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>

#include "sim/analysis/transit_monthly.h"
#include "sim/core/calendar.h"
#include "sim/output/cost_output.h"
#include "sim/output/h5util.h"
#include "sim/record/resource_series.h"

namespace sim {
namespace {

using h5::attr;

template <class F>
std::vector<double> per_rep(const Experiment& e, F f) {
  std::vector<double> out;
  for (size_t r = 0; r < e.reps.size(); ++r) out.push_back(e.ok[r] ? f(e.reps[r]) : std::nan(""));
  return out;
}

template <class F>
std::vector<double> ok_values(const Experiment& e, F f) {
  std::vector<double> out;
  for (const auto* r : e.succeeded()) out.push_back(f(*r));
  return out;
}

void summary_attrs(const H5::H5Object& obj, const std::string& prefix, const Summary& s) {
  attr(obj, prefix + "mean", s.mean);
  attr(obj, prefix + "sd", s.sd);
  attr(obj, prefix + "ci_low", s.ci_low);
  attr(obj, prefix + "ci_high", s.ci_high);
  attr(obj, prefix + "p5", s.p5);
  attr(obj, prefix + "p50", s.p50);
  attr(obj, prefix + "p95", s.p95);
  attr(obj, prefix + "n", static_cast<double>(s.n));
}

// The statistics over replications that the `statistic` dimension holds, in this order.
const std::vector<std::string>& statistic_names() {
  static const std::vector<std::string> names{"mean", "ci_low", "ci_high", "sd", "p5", "p50", "p95", "n"};
  return names;
}
std::vector<double> statistic_values(const Summary& s) { return {s.mean, s.ci_low, s.ci_high, s.sd, s.p5, s.p50, s.p95, double(s.n)}; }

// The axes of a replications group: month, replication, statistic.
h5::Axes experiment_axes(const Experiment& e) {
  return {{"month", h5::month_axis(e.layout.months)},
          {"replication", h5::index_axis(e.reps.size(), "replication number (its random streams are drawn from seed and this)")},
          {"statistic", h5::label_axis(statistic_names(), "over the successful replications: mean, 95% CI (Student t), sd, "
                                                          "percentiles, n")}};
}

std::vector<bool> warm_months(const Experiment& e) {
  return h5::warmup_months(e.layout.months, e.info.start_date, e.info.end_date, e.info.warmup_s);
}

using Matrix = std::vector<std::vector<double>>;

// A [statistic x month] variable: the statistics over replications of VALUE(replication, month);
// months wholly inside the warm-up are NaN.
template <class Value>
H5::DataSet monthly_stats(const H5::Group& g, const std::string& name, const h5::Axes& axes, const std::vector<bool>& warm,
                          Value value) {
  const size_t months = warm.size(), k = statistic_names().size();
  std::vector<double> flat(k * months, std::nan(""));
  for (size_t m = 0; m < months; ++m) {
    if (warm[m]) continue;
    const auto v = statistic_values(summarize(value(m)));
    for (size_t s = 0; s < k; ++s) flat[s * months + m] = v[s];
  }
  return h5::variable(g, name, axes, {"statistic", "month"}, flat);
}

// FIELD picks a [index][month] matrix out of a replication's results (metrics or a resource series):
// its [replication][month] rows for INDEX, warm-up months NaN, failed replications NaN.
template <class Field>
Matrix rows(const Experiment& e, Field field, size_t index, const std::vector<bool>& warm) {
  Matrix out;
  for (size_t r = 0; r < e.reps.size(); ++r) {
    out.push_back(e.ok[r] ? field(e.reps[r])[index] : std::vector<double>{});
    for (size_t m = 0; m < out.back().size() && m < warm.size(); ++m)
      if (warm[m]) out.back()[m] = std::nan("");
  }
  return out;
}

const Matrix& metric_monthly(const ReplicationResult& r) { return r.metric_monthly; }

// One resource series, [resource][month], of a replication.
auto series_of(size_t s) {
  return [s](const ReplicationResult& r) -> const Matrix& { return r.series[s]; };
}

void units_description(const H5::H5Object& o, const std::string& units, const std::string& description) {
  attr(o, "units", units);
  attr(o, "description", description);
}

void write_metrics(const H5::Group& root, const Experiment& e, const h5::Axes& axes, const std::vector<bool>& warm) {
  const auto& l = e.layout;
  auto mg = h5::group(root, "metrics");
  auto tg = h5::group(root, "metric_totals");
  auto sg = h5::group(root, "metric_stats");
  for (size_t i = 0; i < l.metrics.size(); ++i) {
    auto total = [&](const ReplicationResult& r) { return r.metric_total[i]; };
    auto ds = h5::variable2(mg, l.metrics[i], axes, {"replication", "month"}, rows(e, metric_monthly, i, warm));
    units_description(ds, l.metric_units[i], l.metric_descriptions[i]);
    summary_attrs(ds, "total_", summarize(ok_values(e, total)));
    units_description(h5::variable(tg, l.metrics[i], axes, {"replication"}, per_rep(e, total)), l.metric_units[i],
                      "run total after the warm-up: " + l.metric_descriptions[i]);
    auto st = monthly_stats(sg, l.metrics[i], axes, warm, [&](size_t m) {
      return ok_values(e, [&](const ReplicationResult& r) { return r.metric_monthly[i][m]; });
    });
    units_description(st, l.metric_units[i], "statistics over replications of the monthly count: " + l.metric_descriptions[i]);
  }
}

void write_targets(const H5::Group& root, const Experiment& e, const h5::Axes& axes) {
  const auto& l = e.layout;
  auto tg = h5::group(root, "targets");
  for (size_t i = 0; i < l.targets.size(); ++i) {
    const auto& t = l.targets[i];
    auto g = h5::group(tg, std::to_string(i));
    attr(g, "metric", t.metric);
    attr(g, "from", format_date(t.from_day));
    attr(g, "to", format_date(t.to_day));
    attr(g, "observed", t.observed);
    attr(g, "units", l.target_units[i]);
    attr(g, "source", t.source);
    attr(g, "tolerance_pct", t.tolerance_pct);
    auto value = [&](const ReplicationResult& r) { return r.target_simulated[i]; };
    units_description(h5::variable(g, "simulated", axes, {"replication"}, per_rep(e, value)), l.target_units[i],
                      "the metric's total over the target's dates, per replication");
    const auto s = summarize(ok_values(e, value));
    summary_attrs(g, "", s);
    attr(g, "error_pct", 100 * (s.mean - t.observed) / t.observed);
    attr(g, "observed_inside_ci", t.observed >= s.ci_low && t.observed <= s.ci_high ? 1.0 : 0.0);
    attr(g, "inside_tolerance", std::string(inside_tolerance(100 * (s.mean - t.observed) / t.observed, t.tolerance_pct)));
    attr(g, "file", t.file);
  }
}

void write_resources(const H5::Group& root, const Experiment& e, const h5::Axes& axes, const std::vector<bool>& warm) {
  const auto& l = e.layout;
  auto rg = h5::group(root, "resources");
  for (size_t i = 0; i < l.resources.size(); ++i) {
    auto g = h5::group(rg, l.resources[i]);
    attr(g, "kind", l.resource_kinds[i]);
    const auto& table = resource_series();
    for (size_t s = 0; s < table.size(); ++s)
      units_description(h5::variable2(g, table[s].name, axes, {"replication", "month"}, rows(e, series_of(s), i, warm)), table[s].unit,
                        table[s].description);
    const size_t u = resource_series_index("utilisation");
    auto st = monthly_stats(g, "utilisation_stats", axes, warm, [&](size_t m) {
      return ok_values(e, [&](const ReplicationResult& r) { return r.series[u][i][m]; });
    });
    units_description(st, table[u].unit, "statistics over replications of the monthly utilisation");
    summary_attrs(g, "utilisation_", summarize(ok_values(e, [&](const ReplicationResult& r) { return r.utilisation_mean[i]; })));
    double flagged = 0;
    for (const auto* r : e.succeeded())
      for (const auto& b : r->bottlenecks) flagged += b == l.resources[i];
    attr(g, "bottleneck_share", e.succeeded().empty() ? 0.0 : flagged / static_cast<double>(e.succeeded().size()));
  }
}

void write_transit(const H5::Group& root, const Experiment& e, const h5::Axes& axes) {
  const auto& l = e.layout;
  auto trg = h5::group(root, "transit_time");
  for (size_t i = 0; i < l.sources.size(); ++i) {
    auto g = h5::group(trg, l.sources[i]);
    attr(g, "units", std::string("d"));
    const std::pair<const char*, std::vector<double> ReplicationResult::*> stats[] = {
        {"mean", &ReplicationResult::transit_mean}, {"p50", &ReplicationResult::transit_p50}, {"p95", &ReplicationResult::transit_p95}};
    for (const auto& stat : stats) {
      const auto field = stat.second;  // a plain variable: lambdas may not capture structured bindings (C++17)
      units_description(h5::variable(g, stat.first, axes, {"replication"}, per_rep(e, [&](const ReplicationResult& r) { return (r.*field)[i]; })),
                        "d", std::string(stat.first) + " transit time (creation to delivery) of the consignments delivered after the warm-up");
    }
    if (l.transit_within_days > 0) {  // the scenario states `transit_within`
      auto ds = h5::variable(g, "within", axes, {"replication"}, per_rep(e, [&](const ReplicationResult& r) {
        return i < r.transit_within.size() ? r.transit_within[i] : std::nan("");
      }));
      units_description(ds, "1", "share of the consignments delivered after the warm-up whose transit time is at most transit_within_days");
      attr(ds, "transit_within_days", l.transit_within_days);
    }
  }
}

// Monthly transit-time statistics of every replication, one variable per statistic (mean, p50, p95,
// n) over (source, replication, month): xarray opens the group as one dataset, pandas as one table.
// Warm-up months and failed replications are NaN (n too: not measured, unlike a measured 0).
void write_transit_monthly(const H5::Group& root, const Experiment& e, const h5::Axes& axes, const std::vector<bool>& warm) {
  const auto& sources = e.layout.sources;
  const size_t months = warm.size(), reps = e.reps.size();
  std::vector<std::vector<double>> values(transit_statistic_names().size(), std::vector<double>(sources.size() * reps * months, std::nan("")));
  for (size_t s = 0; s < values.size(); ++s)
    for (size_t i = 0; i < sources.size(); ++i)
      for (size_t r = 0; r < reps; ++r) {
        if (!e.ok[r] || i >= e.reps[r].transit_monthly.size()) continue;  // hand-made results may carry none
        const auto& v = e.reps[r].transit_monthly[i][s];
        for (size_t m = 0; m < months && m < v.size(); ++m)
          if (!warm[m]) values[s][(i * reps + r) * months + m] = v[m];
      }
  h5::transit_monthly_group(root, axes, sources, {"source", "replication", "month"}, values);
}

void write_experiment(const H5::Group& root, const Experiment& e) {
  const auto& info = e.info;
  const auto& l = e.layout;
  h5::write_run_attributes(root, info, "caspian-replications/2");
  h5::attr_u64(root, "replications", e.reps.size());
  h5::attr_u64(root, "failed", e.reps.size() - e.succeeded().size());
  const auto bc = binding_constraint(e);
  attr(root, "binding_constraint", bc.resource);
  attr(root, "binding_constraint_utilisation", bc.utilisation.mean);
  attr(root, "binding_constraint_is_binding", bc.binding ? 1.0 : 0.0);
  {  // quarter by quarter (sim/analysis/period_binding.h): the period and what binds in it, or "none"
    std::vector<std::string> periods, binding;
    for (const auto& p : period_binding(e)) {
      periods.push_back(p.period);
      binding.push_back(p.binding ? p.resource : "none");
    }
    if (!periods.empty()) {
      attr(root, "binding_by_period", periods);
      attr(root, "binding_by_period_resource", binding);
    }
  }
  const auto warm = warm_months(e);
  h5::warmup_attrs(root, info, warm);
  const auto axes = experiment_axes(e);

  auto cal = h5::group(root, "calendar");
  attr(h5::string_variable(cal, "month_label", axes, "month", l.months), "description", std::string("YYYY-MM"));

  auto reps = h5::group(root, "replications");
  units_description(h5::variable(reps, "ok", axes, {"replication"}, per_rep(e, [](const ReplicationResult&) { return 1.0; })), "1",
                    "1 for a replication that finished, NaN for one that failed");
  attr(h5::string_variable(reps, "error", axes, "replication", e.errors), "description",
       std::string("why a replication failed (empty if it did not)"));
  units_description(h5::variable(reps, "events", axes, {"replication"}, per_rep(e, [](const ReplicationResult& r) { return r.events; })),
                    "events", "model events in the replication");

  write_metrics(root, e, axes, warm);
  write_targets(root, e, axes);
  write_resources(root, e, axes, warm);
  write_transit(root, e, axes);
  write_transit_monthly(root, e, axes, warm);
  write_experiment_costs(root, e, axes, warm);
}

}  // namespace

void check_result_path(const std::string& path) { h5::writable_target(path); }

namespace {

void write_sampled(const H5::Group& root, const SampledAssumptions& s) {
  auto g = h5::group(root, "sampled_assumptions");
  attr(g, "description", std::string("the assumptions each replication drew from its range (run --sample-assumptions)"));
  attr(g, "design", s.design);
  h5::attr_u64(g, "seed", s.seed);
  const h5::Axes axes = {{"parameter", h5::label_axis(s.parameter, "the scenario's marked assumptions, as --param names them")},
                         {"replication", h5::index_axis(s.values.size(), "replication number")}};
  h5::string_variable(g, "unit", axes, "parameter", s.unit);
  h5::variable(g, "low", axes, {"parameter"}, s.low);
  h5::variable(g, "high", axes, {"parameter"}, s.high);
  h5::variable(g, "base", axes, {"parameter"}, s.base);
  attr(h5::variable2(g, "value", axes, {"replication", "parameter"}, s.values), "description",
       std::string("the value replication r ran with, in the parameter's unit"));
}

}  // namespace

void write_experiment_file(const std::string& path, const Experiment& e, const SampledAssumptions* sampled) {
  h5::TempFile tmp(path);
  h5::guarded("cannot write " + tmp.temp_path(), [&] {
    write_experiment(tmp.root(), e);
    if (sampled) write_sampled(tmp.root(), *sampled);
    return 0;
  });
  tmp.commit();
}

namespace {

// For each month of the base, the same calendar month of the alternative (by label), or npos where
// the alternative has no such month or either run is still warming up: months align by date, so
// scenarios that start on different dates are compared where they overlap.
std::vector<size_t> aligned_months(const Experiment& base, const Experiment& alt) {
  const auto wb = warm_months(base), wa = warm_months(alt);
  std::vector<size_t> out;
  for (size_t m = 0; m < base.layout.months.size(); ++m) {
    const auto& am = alt.layout.months;
    const auto it = std::find(am.begin(), am.end(), base.layout.months[m]);
    const size_t j = it == am.end() ? std::string::npos : static_cast<size_t>(it - am.begin());
    out.push_back(j == std::string::npos || wb[m] || wa[j] ? std::string::npos : j);
  }
  return out;
}

size_t index_of(const std::vector<std::string>& names, const std::string& name) {
  const auto it = std::find(names.begin(), names.end(), name);
  return it == names.end() ? std::string::npos : static_cast<size_t>(it - names.begin());
}

// Monthly paired differences, alternative minus base, replication by replication (both must have
// succeeded): [statistic x month] over the base's months, NaN where the months do not align. NAME is
// a metric, or "transit_days:SOURCE" (the monthly mean transit time; a replication counts in a
// month only if both scenarios delivered that month), "transit_p50_days:" / "transit_p95_days:"
// (the monthly p50 / p95 likewise) or "transit_within_<N>d:SOURCE" (no monthly values: all NaN).
H5::DataSet monthly_difference(const H5::Group& g, const std::string& name, const h5::Axes& axes, const Experiment& base,
                               const Experiment& alt) {
  // Transit rows: the monthly statistic of the same name; the share within a limit has no monthly
  // counterpart (all NaN).
  const std::pair<const char*, size_t> transit_rows[] = {
      {"transit_days:", kTransitMean}, {"transit_p50_days:", kTransitP50}, {"transit_p95_days:", kTransitP95}, {"transit_within_", kTransitN}};
  bool is_transit = false;
  size_t stat = kTransitMean;
  std::string key = name;
  for (const auto& [prefix, st] : transit_rows) {
    if (name.rfind(prefix, 0) != 0) continue;
    is_transit = true;
    stat = st;
    key = name.substr(name.find(':') + 1);
    break;
  }
  const auto& bl = is_transit ? base.layout.sources : base.layout.metrics;
  const auto& al = is_transit ? alt.layout.sources : alt.layout.metrics;
  const size_t i = index_of(bl, key), j = index_of(al, key);
  const auto months = aligned_months(base, alt);
  const auto value = [&](const ReplicationResult& r, size_t k, size_t m) {
    if (!is_transit) return r.metric_monthly[k][m];
    return k < r.transit_monthly.size() ? r.transit_monthly[k][stat][m] : std::nan("");
  };
  std::vector<bool> skip(months.size());
  for (size_t m = 0; m < months.size(); ++m)
    skip[m] = months[m] == std::string::npos || i == std::string::npos || j == std::string::npos || (is_transit && stat == kTransitN);
  return monthly_stats(g, name, axes, skip, [&](size_t m) {
    std::vector<double> d;
    for (size_t r = 0; r < base.reps.size() && r < alt.reps.size(); ++r) {
      if (!base.ok[r] || !alt.ok[r]) continue;
      const double x = value(alt.reps[r], j, months[m]) - value(base.reps[r], i, m);
      if (!std::isnan(x)) d.push_back(x);
    }
    return d;
  });
}

// Run totals of every metric of the base, [scenario x replication], for one table of all scenarios.
void write_totals(const H5::Group& root, const h5::Axes& axes, const std::vector<std::string>& outer,
                  const std::vector<const Experiment*>& runs) {
  auto g = h5::group(root, "totals");
  const auto& l = runs[0]->layout;
  for (size_t i = 0; i < l.metrics.size(); ++i) {
    std::vector<std::vector<double>> table;
    for (const auto* e : runs) {
      const auto& ml = e->layout.metrics;
      const auto it = std::find(ml.begin(), ml.end(), l.metrics[i]);
      const size_t j = static_cast<size_t>(it - ml.begin());
      table.push_back(it == ml.end() ? std::vector<double>{} : per_rep(*e, [&](const ReplicationResult& r) { return r.metric_total[j]; }));
    }
    units_description(h5::variable2(g, l.metrics[i], axes, {outer[0], "replication"}, table), l.metric_units[i],
                      "run total after the warm-up, per " + outer[0] + " and replication: " + l.metric_descriptions[i]);
  }
}

}  // namespace

void write_comparison_file(const std::string& path, const std::vector<std::string>& labels, const std::vector<Experiment>& runs) {
  h5::TempFile tmp(path);
  h5::guarded("cannot write " + tmp.temp_path(), [&] {
    auto root = tmp.root();
    attr(root, "simulator", std::string("caspian"));
    attr(root, "format", std::string("caspian-comparison/2"));
    attr(root, "base", labels[0]);
    attr(root, "scenarios", labels);
    auto sg = h5::group(root, "scenarios");
    attr(sg, "description", std::string("one group per scenario, laid out as a replications file (metrics, transit_monthly, "
                                        "...); /comparison holds the paired differences of each alternative to the base"));
    for (size_t k = 0; k < runs.size(); ++k) write_experiment(h5::group(sg, labels[k]), runs[k]);
    auto axes = experiment_axes(runs[0]);
    axes.push_back({"scenario", h5::label_axis(labels, "the scenario's label; the first is the base")});
    std::vector<const Experiment*> all;
    for (const auto& e : runs) all.push_back(&e);
    write_totals(root, axes, {"scenario"}, all);
    write_comparison_costs(root, labels, runs);
    auto cg = h5::group(root, "comparison");
    for (size_t k = 1; k < runs.size(); ++k) {
      auto ag = h5::group(cg, labels[k]);
      for (const auto& p : paired_differences(runs[0], runs[k])) {
        auto ds = monthly_difference(ag, p.metric, axes, runs[0], runs[k]);
        attr(ds, "units", p.units);
        attr(ds, "description", std::string("paired difference, alternative minus base, common random numbers: the data are "
                                            "monthly (statistic x month; transit times: of the monthly mean transit time; NaN "
                                            "where the months do not align or in the warm-up); diff_*, base_*, alt_* "
                                            "are of the run totals (transit times: of the mean transit time)"));
        summary_attrs(ds, "diff_", p.diff);
        summary_attrs(ds, "base_", p.base);
        summary_attrs(ds, "alt_", p.alt);
        attr(ds, "significant", p.significant ? 1.0 : 0.0);
      }
    }
    return 0;
  });
  tmp.commit();
}

std::pair<double, std::string> number_and_unit(const std::string& text) {
  const char* begin = text.c_str();
  char* end = nullptr;
  const double v = std::strtod(begin, &end);
  if (end == begin) return {std::nan(""), ""};
  std::string unit(end);
  unit.erase(0, unit.find_first_not_of(' '));
  return {v, unit};
}

namespace {

// The grid values into G (/grid, and /totals so that its table carries them), with the keys in /grid.
void write_grid(const H5::Group& grid, h5::Axes axes, const std::vector<std::string>& keys, const std::vector<SweepPoint>& points,
                bool with_keys) {
  axes.push_back({"key", h5::label_axis(keys, "a swept key path")});
  if (with_keys) attr(h5::string_variable(grid, "keys", axes, "key", keys), "description", std::string("the swept key paths, in order"));
  for (size_t k = 0; k < keys.size(); ++k) {
    std::vector<std::string> labels, units;
    std::vector<double> values;
    for (const auto& p : points) {
      const auto [v, u] = number_and_unit(p.values[k]);
      labels.push_back(p.values[k]);
      values.push_back(v);
      units.push_back(u);
    }
    const bool one_unit = std::all_of(units.begin(), units.end(), [&](const std::string& u) { return u == units[0]; });
    auto ds = h5::variable(grid, "values_" + std::to_string(k), axes, {"point"}, values);
    attr(ds, "key", keys[k]);
    attr(ds, "units", one_unit ? units[0] : std::string("mixed: see labels_" + std::to_string(k)));
    attr(ds, "description", "the value of " + keys[k] + " at each point (NaN where it is not a number)");
    auto ls = h5::string_variable(grid, "labels_" + std::to_string(k), axes, "point", labels);
    attr(ls, "key", keys[k]);
    attr(ls, "description", "the value of " + keys[k] + " as given on the command line");
  }
}

}  // namespace

void write_sweep_file(const std::string& path, const std::vector<std::string>& keys, const std::vector<SweepPoint>& points) {
  h5::TempFile tmp(path);
  h5::guarded("cannot write " + tmp.temp_path(), [&] {
    auto root = tmp.root();
    attr(root, "simulator", std::string("caspian"));
    attr(root, "format", std::string("caspian-sweep/2"));
    auto axes = experiment_axes(points.at(0).experiment);
    axes.push_back({"point", h5::index_axis(points.size(), "sweep point (its grid values are in /grid)")});
    write_grid(h5::group(root, "grid"), axes, keys, points, true);
    std::vector<const Experiment*> all;
    for (const auto& p : points) all.push_back(&p.experiment);
    write_totals(root, axes, {"point"}, all);
    write_grid(root.openGroup("totals"), axes, keys, points, false);
    auto pg = h5::group(root, "points");
    attr(pg, "description", std::string("one group per point, laid out as a replications file: metrics, metric_stats, "
                                        "metric_totals, targets, resources, transit_time, transit_monthly, replications; "
                                        "its grid values in grid_keys, grid_values and /grid"));
    for (size_t i = 0; i < points.size(); ++i) {
      auto g = h5::group(pg, std::to_string(i));
      write_experiment(g, points[i].experiment);
      attr(g, "grid_keys", keys);
      attr(g, "grid_values", points[i].values);
    }
    return 0;
  });
  tmp.commit();
}

}  // namespace sim
