#include "sim/analysis/comparison.h"

#include "sim/analysis/transit_reliability.h"

#include <algorithm>
#include <cmath>

namespace sim {
namespace {

template <class F>
std::vector<double> ok_values(const Experiment& e, F f) {
  std::vector<double> out;
  for (const auto* r : e.succeeded()) out.push_back(f(*r));
  return out;
}

}  // namespace

BindingConstraint binding_constraint(const Experiment& e) {
  // Binding: flagged as a bottleneck (above the rule's utilisation or a growing queue) in most
  // replications, the busiest of those; otherwise the busiest capacity, binding only above the rule.
  const auto ok = e.succeeded();
  BindingConstraint b;
  b.threshold = e.rule.utilisation;
  double best = -1;
  bool best_flagged = false;
  for (size_t i = 0; i < e.layout.resources.size(); ++i) {
    if (!e.rule.is_capacity(e.layout.resource_kinds[i])) continue;
    const auto s = summarize(ok_values(e, [&](const ReplicationResult& r) { return r.utilisation_mean[i]; }));
    double flagged = 0;
    for (const auto* r : ok)
      for (const auto& name : r->bottlenecks) flagged += name == e.layout.resources[i];
    const bool mostly = !ok.empty() && flagged / static_cast<double>(ok.size()) >= 0.5;
    if ((mostly && !best_flagged) || (mostly == best_flagged && s.mean > best)) {
      best = s.mean;
      best_flagged = mostly;
      b = {e.layout.resources[i], e.layout.resource_kinds[i], s, mostly || s.mean > e.rule.utilisation, e.rule.utilisation};
    }
  }
  return b;
}

PairedDifference paired_field(const Experiment& base, const Experiment& alt, std::vector<double> ReplicationResult::*field, size_t i,
                              size_t j, std::string metric, std::string units, double scale) {
  std::vector<double> b, a, d;
  for (size_t r = 0; r < base.reps.size() && r < alt.reps.size(); ++r) {
    if (!base.ok[r] || !alt.ok[r]) continue;
    const auto& bv = base.reps[r].*field;
    const auto& av = alt.reps[r].*field;
    if (i >= bv.size() || j >= av.size() || std::isnan(bv[i]) || std::isnan(av[j])) continue;
    b.push_back(scale * bv[i]);
    a.push_back(scale * av[j]);
    d.push_back(a.back() - b.back());
  }
  PairedDifference p{std::move(metric), std::move(units), summarize(b), summarize(a), summarize(d), false};
  p.significant = p.diff.n > 1 && (p.diff.ci_low > 0 || p.diff.ci_high < 0);
  return p;
}

std::vector<PairedDifference> paired_differences(const Experiment& base, const Experiment& alt) {
  std::vector<PairedDifference> out;
  for (size_t i = 0; i < base.layout.metrics.size(); ++i) {
    const auto& name = base.layout.metrics[i];
    size_t j = 0;
    while (j < alt.layout.metrics.size() && alt.layout.metrics[j] != name) ++j;
    if (j == alt.layout.metrics.size()) continue;
    std::vector<double> b, a, d;
    for (size_t r = 0; r < base.reps.size() && r < alt.reps.size(); ++r) {
      if (!base.ok[r] || !alt.ok[r]) continue;  // pairs need both halves
      b.push_back(base.reps[r].metric_total[i]);
      a.push_back(alt.reps[r].metric_total[j]);
      d.push_back(a.back() - b.back());
    }
    PairedDifference p{name, base.layout.metric_units[i], summarize(b), summarize(a), summarize(d), false};
    p.significant = p.diff.n > 1 && (p.diff.ci_low > 0 || p.diff.ci_high < 0);
    out.push_back(p);
  }
  // Mean transit time of each service both scenarios run: where a route change shows.
  for (size_t i = 0; i < base.layout.sources.size(); ++i) {
    const auto& name = base.layout.sources[i];
    const auto it = std::find(alt.layout.sources.begin(), alt.layout.sources.end(), name);
    if (it == alt.layout.sources.end()) continue;
    const size_t j = static_cast<size_t>(it - alt.layout.sources.begin());
    out.push_back(paired_field(base, alt, &ReplicationResult::transit_mean, i, j, "transit_days:" + name, "d (mean per consignment)"));
  }
  for (auto& p : transit_reliability_differences(base, alt)) out.push_back(std::move(p));
  return out;
}

}  // namespace sim
