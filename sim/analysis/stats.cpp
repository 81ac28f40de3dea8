#include "sim/analysis/stats.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace sim {

double t_quantile_975(int df) {
  // Exact table for small samples (standard statistical tables), Cornish-Fisher expansion beyond.
  static const double table[] = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
                                 2.201,  2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
                                 2.080,  2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042};
  if (df <= 0) return std::numeric_limits<double>::quiet_NaN();
  if (df <= 30) return table[df - 1];
  const double z = 1.959963984540054, n = df;
  const double z3 = z * z * z, z5 = z3 * z * z, z7 = z5 * z * z;
  return z + (z3 + z) / (4 * n) + (5 * z5 + 16 * z3 + 3 * z) / (96 * n * n) +
         (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * n * n * n);
}

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return std::numeric_limits<double>::quiet_NaN();
  std::sort(v.begin(), v.end());
  const double pos = p / 100.0 * static_cast<double>(v.size() - 1);
  const auto lo = static_cast<size_t>(std::floor(pos));
  const size_t hi = std::min(lo + 1, v.size() - 1);
  return v[lo] + (pos - static_cast<double>(lo)) * (v[hi] - v[lo]);
}

Summary summarize(const std::vector<double>& v) {
  Summary s;
  s.n = static_cast<int>(v.size());
  const double nan = std::numeric_limits<double>::quiet_NaN();
  if (v.empty()) return {0, nan, nan, nan, nan, nan, nan, nan};
  double sum = 0;
  for (double x : v) sum += x;
  s.mean = sum / s.n;
  double ss = 0;
  for (double x : v) ss += (x - s.mean) * (x - s.mean);
  s.sd = s.n > 1 ? std::sqrt(ss / (s.n - 1)) : nan;
  const double half = s.n > 1 ? t_quantile_975(s.n - 1) * s.sd / std::sqrt(static_cast<double>(s.n)) : nan;
  s.ci_low = s.mean - half;
  s.ci_high = s.mean + half;
  s.p5 = percentile(v, 5);
  s.p50 = percentile(v, 50);
  s.p95 = percentile(v, 95);
  return s;
}

}  // namespace sim
