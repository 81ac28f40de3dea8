#pragma once
// Summary statistics across replications: mean, standard deviation, 95% confidence interval of the
// mean (Student t), and the 5th/50th/95th percentiles.
#include <vector>

namespace sim {

struct Summary {
  int n = 0;
  double mean = 0, sd = 0, ci_low = 0, ci_high = 0, p5 = 0, p50 = 0, p95 = 0;
};

// Two-sided 97.5% quantile of Student's t with DF degrees of freedom.
double t_quantile_975(int df);
Summary summarize(const std::vector<double>& values);
double percentile(std::vector<double> values, double p);  // linear interpolation, p in [0, 100]

}  // namespace sim
