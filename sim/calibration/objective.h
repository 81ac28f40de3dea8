#pragma once
// The pure parts of calibration, apart from any optimiser or model: the objective (weighted least
// squares of relative errors), the scaling of parameters to [0, 1], and the test for parameters the
// observations cannot identify (a flat objective around the optimum).
#include <string>
#include <vector>

namespace sim::calibration {

// An observation's weight: 1 / tolerance^2 (tolerance as a fraction), so that each squared error is
// counted in units of its own tolerance: an objective of 1 is one observation at the edge of its band.
// A tolerance that is not stated counts as kDefaultTolerancePct.
inline constexpr double kDefaultTolerancePct = 5.0;
double weight(double tolerance_pct);

struct Residual {
  double observed = 0, simulated = 0, tolerance_pct = 0;
};
// Relative error (simulated - observed) / observed; observed must not be 0.
double relative_error(const Residual& r);
// Sum over observations of weight * relative error^2.
double objective(const std::vector<Residual>& residuals);

// A bounded parameter mapped to [0, 1] for the optimiser, so that every parameter moves on one scale.
struct Bounds {
  double lo = 0, hi = 1;
};
double to_unit(double value, const Bounds& b);
double from_unit(double u, const Bounds& b);

// Identifiability: the objective at the optimum (f0) and after moving one parameter by -move and
// +move of its value (f_minus, f_plus). Its relative change is (max(f_minus, f_plus) - f0) / max(f0, 1):
// relative to 1 when the fit is better than one tolerance, since a near-zero optimum would make every
// change look large. Below kFlatThreshold the observations do not pin the parameter down.
inline constexpr double kIdentifyMove = 0.05;
inline constexpr double kFlatThreshold = 0.01;
double objective_change(double f0, double f_minus, double f_plus);
bool identified(double f0, double f_minus, double f_plus);

}  // namespace sim::calibration
