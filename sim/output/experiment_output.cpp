#include "sim/output/experiment_output.h"

#include <cmath>
#include <cstdio>
#include <algorithm>
#include <map>

#include "sim/core/calendar.h"
#include "sim/output/h5util.h"
#include "sim/output/summary.h"
#include "sim/output/text_format.h"
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

// FIELD picks a [index][month] matrix out of a replication's results (metrics or a resource series).
using Matrix = std::vector<std::vector<double>>;
template <class Field>
void monthly_summary(const H5::Group& g, const Experiment& e, Field field, size_t index, const std::string& units) {
  const size_t months = e.layout.months.size();
  std::vector<double> mean(months), lo(months), hi(months), p5(months), p95(months);
  for (size_t m = 0; m < months; ++m) {
    const auto s = summarize(ok_values(e, [&](const ReplicationResult& r) { return field(r)[index][m]; }));
    mean[m] = s.mean;
    lo[m] = s.ci_low;
    hi[m] = s.ci_high;
    p5[m] = s.p5;
    p95[m] = s.p95;
  }
  for (const auto& [name, v] : std::vector<std::pair<std::string, std::vector<double>>>{
           {"monthly_mean", mean}, {"monthly_ci_low", lo}, {"monthly_ci_high", hi}, {"monthly_p5", p5}, {"monthly_p95", p95}})
    attr(h5::series(g, name, v), "units", units);
}

template <class Field>
Matrix rows(const Experiment& e, Field field, size_t index) {
  Matrix out;
  for (size_t r = 0; r < e.reps.size(); ++r) out.push_back(e.ok[r] ? field(e.reps[r])[index] : std::vector<double>{});
  return out;
}

const Matrix& metric_monthly(const ReplicationResult& r) { return r.metric_monthly; }

// One resource series, [resource][month], of a replication.
auto series_of(size_t s) {
  return [s](const ReplicationResult& r) -> const Matrix& { return r.series[s]; };
}

void write_experiment(const H5::Group& root, const Experiment& e) {
  const auto& info = e.info;
  const auto& l = e.layout;
  h5::write_run_attributes(root, info, "caspian-replications/1");
  h5::attr_u64(root, "replications", e.reps.size());
  h5::attr_u64(root, "failed", e.reps.size() - e.succeeded().size());
  const auto bc = binding_constraint(e);
  attr(root, "binding_constraint", bc.resource);
  attr(root, "binding_constraint_utilisation", bc.utilisation.mean);
  attr(root, "binding_constraint_is_binding", bc.binding ? 1.0 : 0.0);
  const size_t months = l.months.size();

  auto cal = h5::group(root, "calendar");
  h5::strings(cal, "month", l.months);

  auto reps = h5::group(root, "replications");
  h5::series(reps, "ok", per_rep(e, [](const ReplicationResult&) { return 1.0; }));
  std::vector<std::string> errors = e.errors;
  h5::strings(reps, "error", errors);
  attr(h5::series(reps, "events", per_rep(e, [](const ReplicationResult& r) { return r.events; })), "units", std::string("events"));

  auto mg = h5::group(root, "metrics");
  for (size_t i = 0; i < l.metrics.size(); ++i) {
    auto g = h5::group(mg, l.metrics[i]);
    attr(g, "units", l.metric_units[i]);
    attr(g, "description", l.metric_descriptions[i]);
    attr(h5::matrix(g, "monthly", rows(e, metric_monthly, i), months), "dims", std::string("replication x month"));
    attr(h5::series(g, "total", per_rep(e, [&](const ReplicationResult& r) { return r.metric_total[i]; })), "units", l.metric_units[i]);
    summary_attrs(g, "total_", summarize(ok_values(e, [&](const ReplicationResult& r) { return r.metric_total[i]; })));
    monthly_summary(g, e, metric_monthly, i, l.metric_units[i]);
  }

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
    h5::series(g, "simulated", per_rep(e, [&](const ReplicationResult& r) { return r.target_simulated[i]; }));
    const auto s = summarize(ok_values(e, [&](const ReplicationResult& r) { return r.target_simulated[i]; }));
    summary_attrs(g, "", s);
    attr(g, "error_pct", 100 * (s.mean - t.observed) / t.observed);
    attr(g, "observed_inside_ci", t.observed >= s.ci_low && t.observed <= s.ci_high ? 1.0 : 0.0);
    attr(g, "inside_tolerance", std::string(inside_tolerance(100 * (s.mean - t.observed) / t.observed, t.tolerance_pct)));
    attr(g, "file", t.file);
  }

  auto rg = h5::group(root, "resources");
  for (size_t i = 0; i < l.resources.size(); ++i) {
    auto g = h5::group(rg, l.resources[i]);
    attr(g, "kind", l.resource_kinds[i]);
    const auto& table = resource_series();
    for (size_t s = 0; s < table.size(); ++s) {
      auto ds = h5::matrix(g, table[s].name, rows(e, series_of(s), i), months);
      attr(ds, "units", table[s].unit);
      attr(ds, "description", table[s].description);
    }
    const size_t u = resource_series_index("utilisation");
    monthly_summary(g, e, series_of(u), i, table[u].unit);
    summary_attrs(g, "utilisation_", summarize(ok_values(e, [&](const ReplicationResult& r) { return r.utilisation_mean[i]; })));
    double flagged = 0;
    for (const auto* r : e.succeeded())
      for (const auto& b : r->bottlenecks) flagged += b == l.resources[i];
    attr(g, "bottleneck_share", e.succeeded().empty() ? 0.0 : flagged / static_cast<double>(e.succeeded().size()));
  }

  auto trg = h5::group(root, "transit_time");
  for (size_t i = 0; i < l.sources.size(); ++i) {
    auto g = h5::group(trg, l.sources[i]);
    attr(g, "units", std::string("d"));
    h5::series(g, "mean", per_rep(e, [&](const ReplicationResult& r) { return r.transit_mean[i]; }));
    h5::series(g, "p50", per_rep(e, [&](const ReplicationResult& r) { return r.transit_p50[i]; }));
    h5::series(g, "p95", per_rep(e, [&](const ReplicationResult& r) { return r.transit_p95[i]; }));
  }
}

std::string fmt(double v, int decimals = 1) { return format_number(v, decimals); }  // means: one decimal by default

std::string num(double v) { return json_number(v); }

std::string summary_json(const Summary& s) {
  return "{\"n\": " + std::to_string(s.n) + ", \"mean\": " + num(s.mean) + ", \"sd\": " + num(s.sd) + ", \"ci_low\": " +
         num(s.ci_low) + ", \"ci_high\": " + num(s.ci_high) + ", \"p5\": " + num(s.p5) + ", \"p50\": " + num(s.p50) +
         ", \"p95\": " + num(s.p95) + "}";
}

}  // namespace

void check_result_path(const std::string& path) { h5::writable_target(path); }

void write_experiment_file(const std::string& path, const Experiment& e) {
  h5::TempFile tmp(path);
  h5::guarded("cannot write " + tmp.temp_path(), [&] {
    write_experiment(tmp.root(), e);
    return 0;
  });
  tmp.commit();
}

void write_comparison_file(const std::string& path, const std::vector<std::string>& labels, const std::vector<Experiment>& runs) {
  h5::TempFile tmp(path);
  h5::guarded("cannot write " + tmp.temp_path(), [&] {
    auto root = tmp.root();
    attr(root, "simulator", std::string("caspian"));
    attr(root, "format", std::string("caspian-comparison/1"));
    attr(root, "base", labels[0]);
    attr(root, "scenarios", labels);
    auto sg = h5::group(root, "scenarios");
    for (size_t k = 0; k < runs.size(); ++k) write_experiment(h5::group(sg, labels[k]), runs[k]);
    auto cg = h5::group(root, "comparison");
    for (size_t k = 1; k < runs.size(); ++k) {
      auto ag = h5::group(cg, labels[k]);
      for (const auto& p : paired_differences(runs[0], runs[k])) {
        auto g = h5::group(ag, p.metric);
        attr(g, "units", p.units);
        attr(g, "description", std::string("paired difference of run totals, alternative minus base, common random numbers"));
        summary_attrs(g, "diff_", p.diff);
        summary_attrs(g, "base_", p.base);
        summary_attrs(g, "alt_", p.alt);
        attr(g, "significant", p.significant ? 1.0 : 0.0);
      }
    }
    return 0;
  });
  tmp.commit();
}

void write_sweep_file(const std::string& path, const std::vector<std::string>& keys, const std::vector<SweepPoint>& points) {
  h5::TempFile tmp(path);
  h5::guarded("cannot write " + tmp.temp_path(), [&] {
    auto root = tmp.root();
    attr(root, "simulator", std::string("caspian"));
    attr(root, "format", std::string("caspian-sweep/1"));
    auto grid = h5::group(root, "grid");
    h5::strings(grid, "keys", keys);
    for (size_t k = 0; k < keys.size(); ++k) {
      std::vector<std::string> column;
      for (const auto& p : points) column.push_back(p.values[k]);
      h5::strings(grid, "values_" + std::to_string(k), column);
    }
    auto pg = h5::group(root, "points");
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

void print_experiment(std::ostream& out, const Experiment& e, bool json, const std::string& path) {
  const auto& l = e.layout;
  const auto ok = e.succeeded();
  if (json) {
    out << "{\n  \"scenario\": " << json_escape(e.info.scenario_name) << ",\n  \"version\": " << json_escape(e.info.version)
        << ",\n  \"seed\": " << e.info.seed << ",\n  \"replications\": " << e.reps.size() << ",\n  \"failed\": [";
    bool first = true;
    for (size_t r = 0; r < e.reps.size(); ++r)
      if (!e.ok[r]) {
        out << (first ? "" : ", ") << "{\"replication\": " << r << ", \"reason\": " << json_escape(e.errors[r]) << "}";
        first = false;
      }
    out << "],\n  \"results\": " << json_escape(path) << ",\n  \"metrics\": {";
    for (size_t i = 0; i < l.metrics.size(); ++i)
      out << (i ? "," : "") << "\n    " << json_escape(l.metrics[i]) << ": {\"units\": " << json_escape(l.metric_units[i])
          << ", \"total\": " << summary_json(summarize(ok_values(e, [&](const ReplicationResult& r) { return r.metric_total[i]; }))) << "}";
    out << "\n  },\n  \"targets\": [";
    for (size_t i = 0; i < l.targets.size(); ++i) {
      const auto s = summarize(ok_values(e, [&](const ReplicationResult& r) { return r.target_simulated[i]; }));
      const auto& t = l.targets[i];
      out << (i ? "," : "") << "\n    {\"metric\": " << json_escape(t.metric) << ", \"from\": " << json_escape(format_date(t.from_day))
          << ", \"to\": " << json_escape(format_date(t.to_day)) << ", \"observed\": " << num(t.observed)
          << ", \"simulated\": " << summary_json(s) << ", \"error_pct\": " << num(100 * (s.mean - t.observed) / t.observed)
          << ", \"tolerance_pct\": " << num(t.tolerance_pct)
          << ", \"inside_tolerance\": " << tolerance_json(100 * (s.mean - t.observed) / t.observed, t.tolerance_pct)
          << ", \"observed_inside_ci\": " << (t.observed >= s.ci_low && t.observed <= s.ci_high ? "true" : "false")
          << ", \"units\": " << json_escape(l.target_units[i]) << ", \"source\": " << json_escape(t.source)
          << ", \"file\": " << json_escape(t.file) << "}";
    }
    out << "\n  ],\n  \"skipped_observations\": [";
    for (size_t i = 0; i < l.skipped.size(); ++i) out << (i ? "," : "") << "\n    " << skipped_json(l.skipped[i]);
    const auto bc = binding_constraint(e);
    out << "\n  ],\n  \"binding_constraint\": {\"resource\": " << json_escape(bc.resource) << ", \"kind\": " << json_escape(bc.kind)
        << ", \"utilisation\": " << summary_json(bc.utilisation) << ", \"binding\": " << (bc.binding ? "true" : "false")
        << "},\n  \"resources\": {";
    for (size_t i = 0; i < l.resources.size(); ++i)
      out << (i ? "," : "") << "\n    " << json_escape(l.resources[i]) << ": {\"kind\": " << json_escape(l.resource_kinds[i])
          << ", \"utilisation\": " << summary_json(summarize(ok_values(e, [&](const ReplicationResult& r) { return r.utilisation_mean[i]; }))) << "}";
    out << "\n  }\n}\n";
    return;
  }
  out << "Scenario  " << e.info.scenario_name << "  (" << e.info.start_date << " to " << e.info.end_date << ", seed "
      << e.info.seed << ", " << e.reps.size() << " replications, " << e.reps.size() - ok.size() << " failed, caspian "
      << e.info.version << ")\n\n";
  for (size_t r = 0; r < e.reps.size(); ++r)
    if (!e.ok[r]) out << "  replication " << r << " failed: " << e.errors[r] << "\n";
  out << "Metrics: run totals over replications\n";
  out << "  " << pad("metric", 28) << lpad("mean", 13) << lpad("95% CI", 27) << lpad("sd", 11) << lpad("p5", 12) << lpad("p95", 12) << "  unit\n";
  for (size_t i = 0; i < l.metrics.size(); ++i) {
    const auto s = summarize(ok_values(e, [&](const ReplicationResult& r) { return r.metric_total[i]; }));
    out << "  " << pad(l.metrics[i], 28) << lpad(fmt(s.mean), 13) << lpad("[" + fmt(s.ci_low) + ", " + fmt(s.ci_high) + "]", 27)
        << lpad(fmt(s.sd), 11) << lpad(fmt(s.p5), 12) << lpad(fmt(s.p95), 12) << "  " << l.metric_units[i] << "\n";
  }
  if (!l.targets.empty()) {
    out << "\nTargets: observed vs simulated mean (95% CI)\n";
    out << "  " << pad("metric", 26) << pad("period", 25) << lpad("observed", 11) << lpad("simulated", 12) << lpad("95% CI", 24)
        << lpad("error", 8) << "  in CI  in tolerance\n";
    for (size_t i = 0; i < l.targets.size(); ++i) {
      const auto& t = l.targets[i];
      const auto s = summarize(ok_values(e, [&](const ReplicationResult& r) { return r.target_simulated[i]; }));
      const double err = 100 * (s.mean - t.observed) / t.observed;
      char e_buf[32];
      std::snprintf(e_buf, sizeof e_buf, "%+.1f%%", err);
      const std::string tol = t.tolerance_pct > 0 ? (std::fabs(err) <= t.tolerance_pct ? "yes" : "NO") + std::string(" (") + fmt(t.tolerance_pct, 0) + "%)" : "-";
      out << "  " << pad(t.metric, 26) << pad(format_date(t.from_day) + " to " + format_date(t.to_day), 25) << lpad(fmt(t.observed, 0), 11)
          << lpad(fmt(s.mean), 12) << lpad("[" + fmt(s.ci_low) + ", " + fmt(s.ci_high) + "]", 24) << lpad(e_buf, 8) << "  "
          << pad(t.observed >= s.ci_low && t.observed <= s.ci_high ? "yes" : "no", 7) << tol << "\n";
    }
  }
  if (!l.skipped.empty())
    out << "  (" << l.skipped.size() << " observation" << (l.skipped.size() == 1 ? "" : "s") << " outside the run's dates skipped; listed in --summary json)\n";
  out << "\nResources: mean utilisation over replications (share of replications flagged as a bottleneck)\n";
  for (size_t i = 0; i < l.resources.size(); ++i) {
    const auto s = summarize(ok_values(e, [&](const ReplicationResult& r) { return r.utilisation_mean[i]; }));
    double flagged = 0;
    for (const auto* r : ok)
      for (const auto& b : r->bottlenecks) flagged += b == l.resources[i];
    out << "  " << pad(l.resources[i], 34) << pad(l.resource_kinds[i], 14) << lpad(fmt(100 * s.mean) + "%", 8)
        << (flagged > 0 ? "   bottleneck in " + fmt(100 * flagged / static_cast<double>(ok.size()), 0) + "% of replications" : "") << "\n";
  }
  out << "\n" << binding_constraint_line(binding_constraint(e)) << "\n";
  if (!path.empty()) out << "\nResults: " << path << "\n";
}

std::string binding_constraint_line(const BindingConstraint& bc) {
  const std::string limit = fmt(100 * bc.threshold, 0) + "%";
  if (bc.resource.empty()) return "Binding constraint: none (the model has no capacity to bind)";
  const std::string use = fmt(100 * bc.utilisation.mean) + "% [95% CI " + fmt(100 * bc.utilisation.ci_low) + ", " +
                          fmt(100 * bc.utilisation.ci_high) + "]";
  if (bc.binding)
    return "Binding constraint: " + bc.resource + " (" + bc.kind + "), utilisation " + use +
           "; its queue grows or it runs above " + limit + " in most replications";
  return "Binding constraint: none. No capacity runs above " + limit +
         " or queues up without bound, so supply sets the volume; the busiest is " + bc.resource + " (" + bc.kind + ") at " + use;
}

void print_comparison(std::ostream& out, const std::vector<std::string>& labels, const std::vector<Experiment>& runs, bool json,
                      const std::string& path, const std::vector<std::string>& warnings) {
  if (json) {
    out << "{\n  \"base\": " << json_escape(labels[0]) << ",\n  \"replications\": " << runs[0].reps.size() << ",\n  \"results\": "
        << json_escape(path) << ",\n  \"warnings\": [";
    for (size_t i = 0; i < warnings.size(); ++i) out << (i ? ", " : "") << json_escape(warnings[i]);
    out << "],\n  \"alternatives\": {";
    for (size_t k = 1; k < runs.size(); ++k) {
      out << (k > 1 ? "," : "") << "\n    " << json_escape(labels[k]) << ": {";
      const auto diffs = paired_differences(runs[0], runs[k]);
      for (size_t i = 0; i < diffs.size(); ++i)
        out << (i ? "," : "") << "\n      " << json_escape(diffs[i].metric) << ": {\"units\": " << json_escape(diffs[i].units)
            << ", \"base\": " << summary_json(diffs[i].base) << ", \"alternative\": " << summary_json(diffs[i].alt)
            << ", \"difference\": " << summary_json(diffs[i].diff) << ", \"significant\": " << (diffs[i].significant ? "true" : "false") << "}";
      out << "\n    }";
    }
    out << "\n  }\n}\n";
    return;
  }
  out << "Comparison against " << labels[0] << " (" << runs[0].reps.size()
      << " replications each, common random numbers; differences are alternative minus base, run totals)\n";
  for (size_t k = 1; k < runs.size(); ++k) {
    out << "\n" << labels[k] << "\n";
    out << "  " << pad("metric", 28) << lpad("base", 13) << lpad("alternative", 13) << lpad("difference", 13) << lpad("95% CI", 27) << "  significant\n";
    for (const auto& d : paired_differences(runs[0], runs[k]))
      out << "  " << pad(d.metric, 28) << lpad(fmt(d.base.mean), 13) << lpad(fmt(d.alt.mean), 13) << lpad(fmt(d.diff.mean), 13)
          << lpad("[" + fmt(d.diff.ci_low) + ", " + fmt(d.diff.ci_high) + "]", 27) << "  " << (d.significant ? "yes" : "no") << "  "
          << d.units << "\n";
  }
  if (!path.empty()) out << "\nResults: " << path << "\n";
}

void print_sweep(std::ostream& out, const std::vector<std::string>& keys, const std::vector<SweepPoint>& points, bool json,
                 const std::string& path) {
  if (points.empty()) return;
  const auto& l = points[0].experiment.layout;
  if (json) {
    out << "{\n  \"keys\": [";
    for (size_t k = 0; k < keys.size(); ++k) out << (k ? ", " : "") << json_escape(keys[k]);
    out << "],\n  \"results\": " << json_escape(path) << ",\n  \"points\": [";
    for (size_t p = 0; p < points.size(); ++p) {
      out << (p ? "," : "") << "\n    {\"values\": [";
      for (size_t k = 0; k < keys.size(); ++k) out << (k ? ", " : "") << json_escape(points[p].values[k]);
      out << "], \"metrics\": {";
      const auto& e = points[p].experiment;
      for (size_t i = 0; i < l.metrics.size(); ++i)
        out << (i ? ", " : "") << json_escape(l.metrics[i]) << ": "
            << summary_json(summarize(ok_values(e, [&](const ReplicationResult& r) { return r.metric_total[i]; })));
      out << "}}";
    }
    out << "\n  ]\n}\n";
    return;
  }
  out << "Sweep over " << points.size() << " points, " << points[0].experiment.reps.size() << " replications each (mean run totals)\n  ";
  for (const auto& k : keys) out << pad(k, 30);
  for (const auto& m : l.metrics) out << lpad(m, 24);
  out << "\n";
  for (const auto& p : points) {
    out << "  ";
    for (const auto& v : p.values) out << pad(v, 30);
    for (size_t i = 0; i < l.metrics.size(); ++i)
      out << lpad(fmt(summarize(ok_values(p.experiment, [&](const ReplicationResult& r) { return r.metric_total[i]; })).mean), 24);
    out << "\n";
  }
  if (!path.empty()) out << "\nResults: " << path << "\n";
}

}  // namespace sim
