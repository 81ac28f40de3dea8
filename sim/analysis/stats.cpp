#include "sim/analysis/stats.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include <boost/math/distributions/students_t.hpp>

namespace sim {

double t_quantile(double p, int df) {
  if (df < 1) return std::numeric_limits<double>::quiet_NaN();
  return boost::math::quantile(boost::math::students_t(static_cast<double>(df)), p);
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
  const double half = s.n > 1 ? t_quantile(0.975, s.n - 1) * s.sd / std::sqrt(static_cast<double>(s.n)) : nan;
  s.ci_low = s.mean - half;
  s.ci_high = s.mean + half;
  s.p5 = percentile(v, 5);
  s.p50 = percentile(v, 50);
  s.p95 = percentile(v, 95);
  return s;
}

}  // namespace sim
