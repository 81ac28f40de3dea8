#include "sim/calibration/objective.h"

#include <algorithm>
#include <stdexcept>

namespace sim::calibration {

double weight(double tolerance_pct) {
  const double t = (tolerance_pct > 0 ? tolerance_pct : kDefaultTolerancePct) / 100.0;
  return 1.0 / (t * t);
}

double relative_error(const Residual& r) {
  if (r.observed == 0) throw std::invalid_argument("an observed value of 0 has no relative error");
  return (r.simulated - r.observed) / r.observed;
}

double objective(const std::vector<Residual>& residuals) {
  double f = 0;
  for (const auto& r : residuals) {
    const double e = relative_error(r);
    f += weight(r.tolerance_pct) * e * e;
  }
  return f;
}

double to_unit(double value, const Bounds& b) { return b.hi > b.lo ? (value - b.lo) / (b.hi - b.lo) : 0.0; }
double from_unit(double u, const Bounds& b) { return b.lo + std::clamp(u, 0.0, 1.0) * (b.hi - b.lo); }

double objective_change(double f0, double f_minus, double f_plus) {
  return (std::max(f_minus, f_plus) - f0) / std::max(f0, 1.0);
}

bool identified(double f0, double f_minus, double f_plus) { return objective_change(f0, f_minus, f_plus) >= kFlatThreshold; }

}  // namespace sim::calibration
