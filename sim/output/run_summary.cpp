#include "sim/output/run_summary.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "sim/analysis/stats.h"
#include "sim/output/cost_summary.h"
#include "sim/output/json_summary.h"
#include "sim/output/text_format.h"
#include "sim/output/transit_output.h"

namespace sim {
namespace {

using json = json_out::json;
using Align = Table::Align;
using Fit = Table::Fit;

double total(const std::vector<double>& v) {
  double s = 0;
  for (double x : v) s += x;
  return s;
}

double mean_of(const std::vector<double>& v) { return v.empty() ? NAN : total(v) / static_cast<double>(v.size()); }

double queue_max(const ResourceStats& r) {
  double m = 0;
  for (double x : r.queue.monthly_max()) m = std::max(m, x);
  return m;
}

std::string fingerprint(const Recorder& rec) {
  char fp[24];
  std::snprintf(fp, sizeof fp, "%016llx", static_cast<unsigned long long>(rec.fingerprint()));
  return fp;
}

void metrics_table(std::ostream& out, const Recorder& rec) {
  out << "Metrics (total over the run; monthly series in the result file)\n";
  Table t({{"metric", Align::Left, Fit::Abbreviate}, {"total", Align::Right}, {"unit"}, {"description", Align::Left, Fit::Wrap}});
  for (size_t m = 0; m < rec.metrics().size(); ++m) {
    const auto& spec = rec.metrics()[m];
    t.add_row({spec.name, format_number(total(rec.metric_daily(m)), 1), measure_unit(spec.measure), spec.description});
  }
  t.print(out);
}

void targets_table(std::ostream& out, const RunResults& res) {
  if (!res.targets.empty()) {
    out << "\nTargets (observed vs simulated; its source under each)\n";
    Table t({{"metric", Align::Left, Fit::Abbreviate}, {"period"}, {"observed", Align::Right}, {"simulated", Align::Right}, {"unit"},
             {"error", Align::Right}, {"tolerance"}});
    for (const auto& r : res.targets) {
      const std::string tol = r.spec.tolerance_pct > 0
                                  ? std::string(inside_tolerance(r.error_pct, r.spec.tolerance_pct)) + " (" + format_number(r.spec.tolerance_pct, 0) + "%)"
                                  : "-";
      t.add_row({r.spec.metric, format_date(r.spec.from_day) + ".." + format_date(r.spec.to_day), format_number(r.spec.observed, 0),
                 format_number(r.simulated, 1), r.units, format_pct(r.error_pct), tol},
                "source: " + r.spec.source);
    }
    t.print(out);
  }
  if (!res.skipped.empty())
    out << "  (" << res.skipped.size() << " observation" << (res.skipped.size() == 1 ? "" : "s")
        << " outside the run's dates skipped; listed in --summary json)\n";
}

void resources_table(std::ostream& out, const Recorder& rec) {
  out << "\nResources (mean over the run; queues in consignments)\n";
  Table t({{"resource", Align::Left, Fit::Abbreviate}, {"kind"}, {"utilisation", Align::Right}, {"mean queue", Align::Right},
           {"max queue", Align::Right}});
  for (const auto& r : rec.resources())
    t.add_row({r.name, r.kind, format_number(100 * r.utilisation.overall_mean(), 1) + "%", format_number(r.queue.overall_mean(), 2),
               format_number(queue_max(r), 0)});
  t.print(out);
}

void bottlenecks_table(std::ostream& out, const RunResults& res) {
  out << "\nBottlenecks: ";
  if (res.bottlenecks.empty()) {
    out << "none (no capacity above " << format_number(100 * res.rule.utilisation, 0) << "% utilisation or with a growing queue)\n";
    return;
  }
  out << "\n";
  Table t({{"resource", Align::Left, Fit::Abbreviate}, {"reason", Align::Left, Fit::Wrap}});
  for (const auto& b : res.bottlenecks) t.add_row({b.resource, b.reason});
  t.print(out);
}

void transit_table(std::ostream& out, const Recorder& rec) {
  out << "\nTransit times, creation to delivery (days)\n";
  Table t({{"service/flow", Align::Left, Fit::Abbreviate}, {"delivered", Align::Right}, {"mean d", Align::Right}, {"p50 d", Align::Right},
           {"p95 d", Align::Right}});
  for (size_t s = 0; s < rec.sources().size(); ++s) {
    const auto& d = rec.transit()[s].days;
    t.add_row({rec.sources()[s], format_number(static_cast<double>(d.size()), 0), format_number(mean_of(d), 2),
               format_number(percentile(d, 50), 2), format_number(percentile(d, 95), 2)});
  }
  t.print(out);
}

}  // namespace

void print_run_table(std::ostream& out, const Recorder& rec, const RunResults& res, const std::string& path) {
  const auto& i = res.info;
  out << wrap_text("Scenario  " + i.scenario_name + "  (" + i.start_date + " to " + i.end_date + ", seed " + std::to_string(i.seed) +
                   ", replication " + std::to_string(i.replication) + ", caspian " + i.version + ")")
      << "\n\n";
  metrics_table(out, rec);
  targets_table(out, res);
  resources_table(out, rec);
  bottlenecks_table(out, res);
  transit_table(out, rec);
  print_transit_within(out, rec, res.info.transit_within_s);
  print_cost_table(out, rec);
  const Amounts &c = rec.created(), &d = rec.delivered();
  out << "\nConservation (TEU): created " << format_number(c.teu, 1) << " = delivered " << format_number(d.teu, 1) << " + in the network "
      << format_number(res.in_system.teu, 1) << "\n";
  out << "Events: " << format_number(static_cast<double>(rec.events()), 0) << " (fingerprint " << fingerprint(rec) << ")\n";
  if (!path.empty()) out << "Results: " << path << "\n";
}

namespace {

json metrics_json(const Recorder& rec) {
  json out = json::object();
  for (size_t m = 0; m < rec.metrics().size(); ++m) {
    const auto& spec = rec.metrics()[m];
    json monthly = json::array();
    for (double v : rec.metric_monthly(m)) monthly.push_back(json_out::number(v));
    out[spec.name] = {{"units", measure_unit(spec.measure)}, {"description", spec.description},
                      {"total", json_out::number(total(rec.metric_daily(m)))}, {"monthly", monthly}};
  }
  return out;
}

json targets_json(const RunResults& res) {
  json out = json::array();
  for (const auto& r : res.targets)
    out.push_back({{"metric", r.spec.metric},
                   {"from", format_date(r.spec.from_day)},
                   {"to", format_date(r.spec.to_day)},
                   {"units", r.units},
                   {"observed", json_out::number(r.spec.observed)},
                   {"simulated", json_out::number(r.simulated)},
                   {"error_pct", json_out::number(r.error_pct)},
                   {"tolerance_pct", json_out::number(r.spec.tolerance_pct)},
                   {"inside_tolerance", json_out::tolerance_verdict(r.error_pct, r.spec.tolerance_pct)},
                   {"source", r.spec.source},
                   {"file", r.spec.file}});
  return out;
}

json resources_json(const Recorder& rec) {
  json out = json::object();
  for (const auto& r : rec.resources())
    out[r.name] = {{"kind", r.kind},
                   {"utilisation", {{"mean", json_out::number(r.utilisation.overall_mean())}, {"units", "fraction of capacity, 0-1"}}},
                   {"queue", {{"mean", json_out::number(r.queue.overall_mean())}, {"max", json_out::number(queue_max(r))}, {"units", "consignments"}}}};
  return out;
}

json transit_json(const Recorder& rec) {
  json out = json::object();
  for (size_t s = 0; s < rec.sources().size(); ++s) {
    const auto& d = rec.transit()[s].days;
    out[rec.sources()[s]] = {{"delivered", d.size()},
                             {"mean", json_out::number(mean_of(d))},
                             {"p50", json_out::number(percentile(d, 50))},
                             {"p95", json_out::number(percentile(d, 95))},
                             {"units", "d"}};
  }
  return out;
}

json conservation_json(const Recorder& rec, const RunResults& res) {
  json out = json::object();
  for (int mi = 0; mi < kCargoMeasures; ++mi) {
    const auto m = static_cast<Measure>(mi);
    out[measure_name(m)] = {{"created", json_out::number(rec.created().get(m))}, {"delivered", json_out::number(rec.delivered().get(m))},
                            {"in_system", json_out::number(res.in_system.get(m))}, {"units", measure_unit(m)}};
  }
  return out;
}

}  // namespace

json run_summary_json(const Recorder& rec, const RunResults& res, const std::string& path) {
  const auto& i = res.info;
  json j = json_out::envelope("run", "single", {{i.scenario_file, i.scenario_name, json_out::label_of(i.scenario_file)}});
  j["seed"] = i.seed;
  j["replication"] = i.replication;
  j["start_date"] = i.start_date;
  j["end_date"] = i.end_date;
  j["results"] = path;
  j["months"] = json::array();
  for (int m = 0; m < rec.calendar().months(); ++m) j["months"].push_back(rec.calendar().month_label(m));
  j["metrics"] = metrics_json(rec);
  j["targets"] = targets_json(res);
  j["skipped_observations"] = json::array();
  for (const auto& t : res.skipped) j["skipped_observations"].push_back(json_out::skipped(t));
  j["resources"] = resources_json(rec);
  j["bottlenecks"] = json::array();
  for (const auto& b : res.bottlenecks) j["bottlenecks"].push_back({{"resource", b.resource}, {"reason", b.reason}});
  j["transit_time_days"] = transit_json(rec);
  j["conservation"] = conservation_json(rec, res);
  if (auto costs = cost_json(rec); !costs.is_null()) j["costs"] = costs;
  j["events"] = rec.events();
  j["fingerprint"] = fingerprint(rec);
  return j;
}

}  // namespace sim
