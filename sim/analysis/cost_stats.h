#pragma once
// Per service or flow: cost, CO2 and generalized cost per TEU and per tonne of the consignments
// delivered after the warm-up (mean, p50, p95 over consignments), and monthly totals; computed once
// for single runs and replications alike (pure, from the recorder's cost ledger).
#include <string>
#include <vector>

#include "sim/record/cost_ledger.h"

namespace sim {

struct CostQuantity {
  const char* name;
  const char* units;
  const char* description;
};
// In the order of CostResults::stats: usd_per_teu, co2_per_teu, generalized_usd_per_teu, then per t.
const std::vector<CostQuantity>& cost_quantities();
// The statistics of each quantity over the consignments, in this order: mean, p50, p95.
const std::vector<std::string>& cost_statistic_names();
// Totals per service or flow, in this order: TEU, t, USD, kg CO2 delivered after the warm-up.
const std::vector<CostQuantity>& cost_total_names();

struct CostResults {
  std::vector<std::vector<double>> stats;                // [source][quantity * 3 + statistic]; NaN: none delivered
  std::vector<std::vector<std::vector<double>>> monthly;  // [source][0: USD, 1: kg CO2][month]
  std::vector<std::vector<double>> totals;               // [source][total]
  double declared = 0;  // 1: the scenario declares costs (stats and monthly mean something)
  bool empty() const { return stats.empty(); }
};

// Empty when the ledger is not active (the scenario declares no costs).
CostResults cost_results(const CostLedger& ledger);

}  // namespace sim
