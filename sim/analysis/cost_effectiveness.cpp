#include "sim/analysis/cost_effectiveness.h"

#include <algorithm>
#include <cmath>

#include "sim/analysis/cost_stats.h"

namespace sim {

double annualised_cost(const ExperimentLayout::Expansion& x) { return x.capital_usd / x.lifetime_years + x.operating_usd_per_year; }

std::vector<double> cost_values(const Experiment& e, size_t source, size_t q, size_t s) {
  std::vector<double> out;
  for (const auto* r : e.succeeded())
    if (source < r->costs.stats.size()) {
      const double v = r->costs.stats[source][q * cost_statistic_names().size() + s];
      if (!std::isnan(v)) out.push_back(v);  // a replication that delivered none of it
    }
  return out;
}

bool costs_declared(const Experiment& e) {
  const auto ok = e.succeeded();
  return !ok.empty() && ok.front()->costs.declared > 0;
}

namespace {

// Total delivered of TOTAL (cost_total_names() index) per year, alternative minus base, by replication.
Summary extra_per_year(const Experiment& base, const Experiment& alt, size_t total) {
  std::vector<double> diff;
  for (size_t r = 0; r < base.reps.size() && r < alt.reps.size(); ++r) {
    if (!base.ok[r] || !alt.ok[r]) continue;
    const auto sum = [&](const ReplicationResult& x) {
      double s = 0;
      for (const auto& t : x.costs.totals) s += t[total];
      return x.measured_years > 0 ? s / x.measured_years : std::nan("");
    };
    diff.push_back(sum(alt.reps[r]) - sum(base.reps[r]));
  }
  return summarize(diff);
}

PerExtraUnit per_extra(double annual, const Summary& extra) {
  PerExtraUnit p;
  p.extra_per_year = extra;
  p.usd_per_unit = extra.mean > 0 ? annual / extra.mean : std::nan("");
  const bool bounded = extra.n >= 2 && extra.ci_low > 0;
  p.ci_low = bounded ? annual / extra.ci_high : std::nan("");
  p.ci_high = bounded ? annual / extra.ci_low : std::nan("");
  return p;
}

}  // namespace

CostEffectiveness cost_effectiveness(const Experiment& base, const Experiment& alt) {
  CostEffectiveness c;
  for (const auto& x : alt.layout.expansions) {
    const bool in_base = std::any_of(base.layout.expansions.begin(), base.layout.expansions.end(), [&](const auto& b) { return b.name == x.name; });
    if (in_base) continue;
    c.expansions.push_back(x.name);
    c.annualised_usd += annualised_cost(x);
  }
  c.teu = per_extra(c.annualised_usd, extra_per_year(base, alt, 0));
  c.tonnes = per_extra(c.annualised_usd, extra_per_year(base, alt, 1));
  return c;
}

std::vector<CostDifference> generalized_cost_differences(const Experiment& base, const Experiment& alt) {
  std::vector<CostDifference> out;
  for (size_t q : {size_t{2}, size_t{5}}) {  // generalized_usd_per_teu, generalized_usd_per_t
    for (size_t s = 0; s < base.layout.sources.size(); ++s) {
      const auto it = std::find(alt.layout.sources.begin(), alt.layout.sources.end(), base.layout.sources[s]);
      if (it == alt.layout.sources.end()) continue;
      const size_t a = static_cast<size_t>(it - alt.layout.sources.begin());
      std::vector<double> bv, av, dv;
      for (size_t r = 0; r < base.reps.size() && r < alt.reps.size(); ++r) {
        if (!base.ok[r] || !alt.ok[r] || s >= base.reps[r].costs.stats.size() || a >= alt.reps[r].costs.stats.size()) continue;
        const double x = base.reps[r].costs.stats[s][q * 3], y = alt.reps[r].costs.stats[a][q * 3];
        if (std::isnan(x) || std::isnan(y)) continue;
        bv.push_back(x);
        av.push_back(y);
        dv.push_back(y - x);
      }
      if (dv.empty()) continue;
      out.push_back({base.layout.sources[s], q, summarize(bv), summarize(av), summarize(dv)});
    }
  }
  return out;
}

}  // namespace sim
