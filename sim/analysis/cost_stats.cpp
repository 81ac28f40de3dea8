#include "sim/analysis/cost_stats.h"

#include <cmath>
#include <numeric>

#include "sim/analysis/stats.h"

namespace sim {

const std::vector<CostQuantity>& cost_quantities() {
  static const std::vector<CostQuantity> q = {
      {"usd_per_teu", "USD/TEU", "tariffs paid along the route per TEU"},
      {"co2_per_teu", "kg CO2/TEU", "CO2 emitted along the route per TEU"},
      {"generalized_usd_per_teu", "USD/TEU", "tariffs + value of time x transit time, per TEU"},
      {"usd_per_t", "USD/t", "tariffs paid along the route per tonne"},
      {"co2_per_t", "kg CO2/t", "CO2 emitted along the route per tonne"},
      {"generalized_usd_per_t", "USD/t", "tariffs + value of time x transit time, per tonne"},
  };
  return q;
}

const std::vector<std::string>& cost_statistic_names() {
  static const std::vector<std::string> names{"mean", "p50", "p95"};
  return names;
}

const std::vector<CostQuantity>& cost_total_names() {
  static const std::vector<CostQuantity> t = {
      {"teu", "TEU", "TEU delivered after the warm-up"},
      {"tonnes", "t", "tonnes delivered after the warm-up"},
      {"usd", "USD", "tariffs paid by the consignments delivered after the warm-up"},
      {"co2", "kg CO2", "CO2 emitted by the consignments delivered after the warm-up"},
  };
  return t;
}

namespace {

void add_stats(std::vector<double>& out, const std::vector<double>& v) {
  const double mean = v.empty() ? std::nan("") : std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size());
  out.push_back(mean);
  out.push_back(percentile(v, 50));
  out.push_back(percentile(v, 95));
}

}  // namespace

CostResults cost_results(const CostLedger& ledger) {
  CostResults r;
  if (!ledger.active()) return r;
  r.declared = ledger.declared() ? 1.0 : 0.0;
  for (const auto& s : ledger.sources()) {
    std::vector<double> st;
    for (const auto* v : {&s.usd_per_teu, &s.co2_per_teu, &s.gen_per_teu, &s.usd_per_t, &s.co2_per_t, &s.gen_per_t}) add_stats(st, *v);
    r.stats.push_back(st);
    r.monthly.push_back({s.monthly_usd, s.monthly_co2});
    r.totals.push_back({s.teu, s.tonnes, s.usd, s.kg_co2});
  }
  return r;
}

}  // namespace sim
