#pragma once
// Summary statistics across replications: mean, standard deviation, 95% confidence interval of the
// mean (Student t), and the 5th/50th/95th percentiles.
#include <vector>

namespace sim {

struct Summary {
  int n = 0;
  double mean = 0, sd = 0, ci_low = 0, ci_high = 0, p5 = 0, p50 = 0, p95 = 0;
};

// Quantile P (0 < P < 1) of Student's t with DF degrees of freedom (Boost.Math); NaN when DF < 1.
double t_quantile(double p, int df);
Summary summarize(const std::vector<double>& values);
double percentile(std::vector<double> values, double p);  // linear interpolation, p in [0, 100]

}  // namespace sim
