#pragma once
// What an expansion buys per dollar (compare): the expansions an alternative declares that the base
// does not, their annualised cost, the extra TEU and tonnes delivered per year (paired, common random
// numbers) and the cost per extra TEU or tonne; and the change in shippers' generalized cost.
#include <string>
#include <vector>

#include "sim/analysis/experiment_results.h"
#include "sim/analysis/stats.h"

namespace sim {

// Straight-line, no discounting: capital / lifetime + operating, USD per year.
double annualised_cost(const ExperimentLayout::Expansion& x);

struct PerExtraUnit {
  Summary extra_per_year;  // alternative minus base, delivered after the warm-up, per year
  // Annualised cost / mean extra; the CI is the annualised cost over the extra's CI bounds, NaN
  // (not bounded) unless that CI lies wholly above zero.
  double usd_per_unit = 0, ci_low = 0, ci_high = 0;
};

struct CostEffectiveness {
  std::vector<std::string> expansions;  // declared by the alternative and not by the base
  double annualised_usd = 0;            // their sum, USD per year
  PerExtraUnit teu, tonnes;
};
CostEffectiveness cost_effectiveness(const Experiment& base, const Experiment& alt);

// One service's or flow's cost quantity (cost_quantities() index) over replications and paired.
struct CostDifference {
  std::string source;
  size_t quantity = 0;
  Summary base, alt, diff;
};
// The generalized cost per TEU and per tonne of every service or flow both carry (the mean over
// consignments of each replication, paired replication by replication).
std::vector<CostDifference> generalized_cost_differences(const Experiment& base, const Experiment& alt);

// The replications' values of SOURCE's quantity Q (cost_quantities() index), statistic S (mean, p50, p95).
std::vector<double> cost_values(const Experiment& e, size_t source, size_t q, size_t s);
bool costs_declared(const Experiment& e);

}  // namespace sim
