#include "sim/output/transit_output.h"

#include <cmath>

#include "sim/analysis/stats.h"
#include "sim/analysis/transit_reliability.h"
#include "sim/output/text_format.h"

namespace sim {

void print_transit_within(std::ostream& out, const Recorder& rec, double limit_s) {
  if (!(limit_s > 0)) return;
  const double limit = limit_s / 86400.0;
  out << "Delivered within " << format_number(limit, limit == std::floor(limit) ? 0 : 1) << " d (transit_within)\n";
  for (size_t s = 0; s < rec.sources().size(); ++s) {
    const double share = share_within(rec.transit()[s].days, limit);
    if (!std::isnan(share)) out << "  " << pad(rec.sources()[s], 28) << lpad(format_number(100 * share, 1) + "%", 9) << "\n";
  }
}

namespace {

std::string mean_ci(const Summary& s, double scale, int decimals) {
  if (s.n == 0) return "-";
  return format_number(scale * s.mean, decimals) + " [" + format_number(scale * s.ci_low, decimals) + ", " +
         format_number(scale * s.ci_high, decimals) + "]";
}

template <class F>
Summary over_reps(const Experiment& e, F f) {
  std::vector<double> v;
  for (const auto* r : e.succeeded())
    if (!std::isnan(f(*r))) v.push_back(f(*r));
  return summarize(v);
}

}  // namespace

void print_transit_reliability(std::ostream& out, const Experiment& e) {
  const auto& l = e.layout;
  const bool within = l.transit_within_days > 0;
  out << "\nTransit times, creation to delivery: mean over replications [95% CI]\n";
  out << "  " << pad("service/flow", 28) << lpad("p50 (d)", 24) << lpad("p95 (d)", 24);
  if (within) out << lpad("within " + format_number(l.transit_within_days, 0) + " d (%)", 24);
  out << "\n";
  for (size_t i = 0; i < l.sources.size(); ++i) {
    const auto p50 = over_reps(e, [&](const ReplicationResult& r) { return r.transit_p50[i]; });
    if (p50.n == 0) continue;  // nothing delivered after the warm-up
    const auto p95 = over_reps(e, [&](const ReplicationResult& r) { return r.transit_p95[i]; });
    out << "  " << pad(l.sources[i], 28) << lpad(mean_ci(p50, 1, 2), 24) << lpad(mean_ci(p95, 1, 2), 24);
    if (within)
      out << lpad(mean_ci(over_reps(e, [&](const ReplicationResult& r) { return i < r.transit_within.size() ? r.transit_within[i] : std::nan(""); }), 100, 1), 24);
    out << "\n";
  }
}

}  // namespace sim
