#include "sim/output/json_summary.h"

#include <cmath>

#include "generated/version.h"
#include "sim/analysis/run_results.h"
#include "sim/core/calendar.h"

namespace sim::json_out {

std::string label_of(const std::string& path) {
  const auto slash = path.rfind('/');
  std::string stem = path.substr(slash == std::string::npos ? 0 : slash + 1);
  if (const auto dot = stem.rfind('.'); dot != std::string::npos) stem = stem.substr(0, dot);
  return stem;
}

json envelope(const std::string& command, const std::string& kind, const std::vector<ScenarioRef>& scenarios) {
  json list = json::array();
  for (const auto& s : scenarios) list.push_back({{"file", s.file}, {"name", s.name}, {"label", s.label}});
  return {{"format", "caspian-summary"}, {"version", kSummaryVersion}, {"caspian", kVersion},
          {"command", command},         {"kind", kind},               {"scenarios", list}};
}

json number(double v) { return std::isfinite(v) ? json(v) : json(nullptr); }

json summary(const Summary& s, const std::string& units) {
  return {{"n", s.n},           {"mean", number(s.mean)}, {"sd", number(s.sd)},   {"ci_low", number(s.ci_low)}, {"ci_high", number(s.ci_high)},
          {"p5", number(s.p5)}, {"p50", number(s.p50)},   {"p95", number(s.p95)}, {"units", units}};
}

json tolerance_verdict(double error_pct, double tolerance_pct) {
  const std::string v = sim::inside_tolerance(error_pct, tolerance_pct);
  return v == "yes" ? json(true) : v == "no" ? json(false) : json(nullptr);
}

json skipped(const TargetSpec& t) {
  return {{"metric", t.metric},
          {"from", format_date(t.from_day)},
          {"to", format_date(t.to_day)},
          {"observed", number(t.observed)},
          {"tolerance_pct", number(t.tolerance_pct)},
          {"source", t.source},
          {"file", t.file},
          {"reason", "outside the run's dates (after the warm-up)"}};
}

// Invalid UTF-8 (a scenario file in another encoding) is replaced rather than thrown on.
void print_summary(std::ostream& out, const json& j) { out << j.dump(2, ' ', false, json::error_handler_t::replace) << "\n"; }

}  // namespace sim::json_out
