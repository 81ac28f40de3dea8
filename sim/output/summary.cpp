#include "sim/output/summary.h"

#include <cmath>
#include <cstdio>

#include "sim/analysis/stats.h"
#include "sim/output/cost_summary.h"
#include "sim/output/text_format.h"
#include "sim/output/transit_output.h"

namespace sim {
namespace {

std::string fmt(double v, int decimals = 0) { return format_number(v, decimals); }  // counts: whole by default

double total(const std::vector<double>& v) {
  double s = 0;
  for (double x : v) s += x;
  return s;
}

std::string num(double v) { return json_number(v); }

}  // namespace

std::string tolerance_json(double error_pct, double tolerance_pct) {
  const std::string v = inside_tolerance(error_pct, tolerance_pct);
  return v == "yes" ? "true" : v == "no" ? "false" : "null";
}

std::string skipped_json(const TargetSpec& t) {
  return "{\"metric\": " + json_escape(t.metric) + ", \"from\": " + json_escape(format_date(t.from_day)) + ", \"to\": " +
         json_escape(format_date(t.to_day)) + ", \"observed\": " + num(t.observed) + ", \"tolerance_pct\": " + num(t.tolerance_pct) +
         ", \"source\": " + json_escape(t.source) + ", \"file\": " + json_escape(t.file) +
         ", \"reason\": \"outside the run's dates (after the warm-up)\"}";
}

std::string json_escape(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + "\"";
}

void print_table(std::ostream& out, const Recorder& rec, const RunResults& res, const std::string& path) {
  const auto& i = res.info;
  out << "Scenario  " << i.scenario_name << "  (" << i.start_date << " to " << i.end_date << ", seed " << i.seed
      << ", replication " << i.replication << ", caspian " << i.version << ")\n\n";
  out << "Metrics (total over the run; monthly series in the result file)\n";
  out << "  " << pad("metric", 28) << lpad("total", 14) << "  " << pad("unit", 8) << "description\n";
  for (size_t m = 0; m < rec.metrics().size(); ++m) {
    const auto& spec = rec.metrics()[m];
    out << "  " << pad(spec.name, 28) << lpad(fmt(total(rec.metric_daily(m)), 1), 14) << "  "
        << pad(measure_unit(spec.measure), 8) << spec.description << "\n";
  }
  if (!res.targets.empty()) {
    out << "\nTargets (observed vs simulated)\n";
    out << "  " << pad("metric", 27) << pad("period", 25) << lpad("observed", 12) << lpad("simulated", 14) << lpad("error", 9)
        << "  " << pad("in tolerance", 14) << "source\n";
    for (const auto& t : res.targets) {
      char err[32];
      std::snprintf(err, sizeof err, "%+.1f%%", t.error_pct);
      const std::string tol = t.spec.tolerance_pct > 0 ? std::string(inside_tolerance(t.error_pct, t.spec.tolerance_pct)) + " (" + fmt(t.spec.tolerance_pct, 0) + "%)" : "-";
      out << "  " << pad(t.spec.metric, 27) << pad(format_date(t.spec.from_day) + " to " + format_date(t.spec.to_day), 25)
          << lpad(fmt(t.spec.observed), 12) << lpad(fmt(t.simulated, 1), 14) << lpad(err, 9) << "  " << pad(tol, 14) << t.spec.source << "\n";
    }
  }
  if (!res.skipped.empty())
    out << "  (" << res.skipped.size() << " observation" << (res.skipped.size() == 1 ? "" : "s") << " outside the run's dates skipped; listed in --summary json)\n";
  out << "\nResources (mean over the run)\n";
  out << "  " << pad("resource", 28) << pad("kind", 14) << lpad("utilisation", 12) << lpad("mean queue", 12) << lpad("max queue", 11) << "\n";
  for (const auto& r : rec.resources()) {
    double qmax = 0;
    for (double x : r.queue.monthly_max()) qmax = std::max(qmax, x);
    out << "  " << pad(r.name, 28) << pad(r.kind, 14) << lpad(fmt(100 * r.utilisation.overall_mean(), 1) + "%", 12)
        << lpad(fmt(r.queue.overall_mean(), 2), 12) << lpad(fmt(qmax), 11) << "\n";
  }
  out << "\nBottlenecks: ";
  if (res.bottlenecks.empty())
    out << "none (no capacity above " << fmt(100 * res.rule.utilisation) << "% utilisation or with a growing queue)\n";
  else {
    out << "\n";
    for (const auto& b : res.bottlenecks) out << "  " << pad(b.resource, 28) << b.reason << "\n";
  }
  out << "\nTransit times, creation to delivery (days)\n";
  out << "  " << pad("service/flow", 28) << lpad("delivered", 10) << lpad("mean", 9) << lpad("p50", 9) << lpad("p95", 9) << "\n";
  for (size_t s = 0; s < rec.sources().size(); ++s) {
    const auto& d = rec.transit()[s].days;
    out << "  " << pad(rec.sources()[s], 28) << lpad(fmt(static_cast<double>(d.size())), 10)
        << lpad(fmt(d.empty() ? NAN : total(d) / static_cast<double>(d.size()), 2), 9) << lpad(fmt(percentile(d, 50), 2), 9)
        << lpad(fmt(percentile(d, 95), 2), 9) << "\n";
  }
  print_transit_within(out, rec, res.info.transit_within_s);
  print_cost_table(out, rec);
  const Amounts &c = rec.created(), &d = rec.delivered();
  out << "\nConservation (TEU): created " << fmt(c.teu, 1) << " = delivered " << fmt(d.teu, 1) << " + in the network "
      << fmt(res.in_system.teu, 1) << "\n";
  char fp[24];
  std::snprintf(fp, sizeof fp, "%016llx", static_cast<unsigned long long>(rec.fingerprint()));
  out << "Events: " << fmt(static_cast<double>(rec.events())) << " (fingerprint " << fp << ")\n";
  if (!path.empty()) out << "Results: " << path << "\n";
}

void print_json(std::ostream& out, const Recorder& rec, const RunResults& res, const std::string& path) {
  const auto& i = res.info;
  out << "{\n  \"scenario\": " << json_escape(i.scenario_name) << ",\n  \"version\": " << json_escape(i.version)
      << ",\n  \"seed\": " << i.seed << ",\n  \"replication\": " << i.replication << ",\n  \"start_date\": "
      << json_escape(i.start_date) << ",\n  \"end_date\": " << json_escape(i.end_date) << ",\n  \"results\": "
      << json_escape(path) << ",\n  \"months\": [";
  const auto& cal = rec.calendar();
  for (int m = 0; m < cal.months(); ++m) out << (m ? ", " : "") << json_escape(cal.month_label(m));
  out << "],\n  \"metrics\": {";
  for (size_t m = 0; m < rec.metrics().size(); ++m) {
    const auto& spec = rec.metrics()[m];
    out << (m ? "," : "") << "\n    " << json_escape(spec.name) << ": {\"units\": " << json_escape(measure_unit(spec.measure))
        << ", \"description\": " << json_escape(spec.description) << ", \"total\": " << num(total(rec.metric_daily(m)))
        << ", \"monthly\": [";
    const auto mv = rec.metric_monthly(m);
    for (size_t k = 0; k < mv.size(); ++k) out << (k ? ", " : "") << num(mv[k]);
    out << "]}";
  }
  out << "\n  },\n  \"targets\": [";
  for (size_t t = 0; t < res.targets.size(); ++t) {
    const auto& r = res.targets[t];
    out << (t ? "," : "") << "\n    {\"metric\": " << json_escape(r.spec.metric) << ", \"from\": " << json_escape(format_date(r.spec.from_day))
        << ", \"to\": " << json_escape(format_date(r.spec.to_day)) << ", \"units\": " << json_escape(r.units)
        << ", \"observed\": " << num(r.spec.observed) << ", \"simulated\": " << num(r.simulated)
        << ", \"error_pct\": " << num(r.error_pct) << ", \"tolerance_pct\": " << num(r.spec.tolerance_pct)
        << ", \"inside_tolerance\": " << tolerance_json(r.error_pct, r.spec.tolerance_pct)
        << ", \"source\": " << json_escape(r.spec.source) << ", \"file\": " << json_escape(r.spec.file) << "}";
  }
  out << "\n  ],\n  \"skipped_observations\": [";
  for (size_t t = 0; t < res.skipped.size(); ++t) out << (t ? "," : "") << "\n    " << skipped_json(res.skipped[t]);
  out << "\n  ],\n  \"resources\": {";
  bool first = true;
  for (const auto& r : rec.resources()) {
    out << (first ? "" : ",") << "\n    " << json_escape(r.name) << ": {\"kind\": " << json_escape(r.kind)
        << ", \"utilisation\": " << num(r.utilisation.overall_mean()) << ", \"queue_mean\": " << num(r.queue.overall_mean()) << "}";
    first = false;
  }
  out << "\n  },\n  \"bottlenecks\": [";
  for (size_t b = 0; b < res.bottlenecks.size(); ++b)
    out << (b ? ", " : "") << "{\"resource\": " << json_escape(res.bottlenecks[b].resource) << ", \"reason\": "
        << json_escape(res.bottlenecks[b].reason) << "}";
  out << "],\n  \"transit_time_days\": {";
  for (size_t s = 0; s < rec.sources().size(); ++s) {
    const auto& d = rec.transit()[s].days;
    out << (s ? "," : "") << "\n    " << json_escape(rec.sources()[s]) << ": {\"delivered\": " << d.size()
        << ", \"mean\": " << num(d.empty() ? NAN : total(d) / static_cast<double>(d.size())) << ", \"p50\": " << num(percentile(d, 50))
        << ", \"p95\": " << num(percentile(d, 95)) << "}";
  }
  out << "\n  },\n  \"conservation\": {";
  for (int mi = 0; mi < kCargoMeasures; ++mi) {
    const auto m = static_cast<Measure>(mi);
    out << (mi ? "," : "") << "\n    " << json_escape(measure_name(m)) << ": {\"created\": " << num(rec.created().get(m))
        << ", \"delivered\": " << num(rec.delivered().get(m)) << ", \"in_system\": " << num(res.in_system.get(m)) << "}";
  }
  char fp[24];
  std::snprintf(fp, sizeof fp, "%016llx", static_cast<unsigned long long>(rec.fingerprint()));
  out << "\n  }" << cost_json_member(rec) << ",\n  \"events\": " << rec.events() << ",\n  \"fingerprint\": \"" << fp << "\"\n}\n";
}

}  // namespace sim
