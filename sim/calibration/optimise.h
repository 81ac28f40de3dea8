#pragma once
// A bounded, derivative-free minimiser over [0, 1]^n: NLopt's BOBYQA (Sbplx for one parameter, where
// BOBYQA's quadratic model needs at least two). The objective is an expensive simulation, so the
// budget is counted in evaluations.
#include <functional>
#include <string>
#include <vector>

namespace sim::calibration {

struct OptimiseResult {
  std::vector<double> x;  // in [0, 1]
  double f = 0;
  int evaluations = 0;
  std::string algorithm, stopped;  // stopped: why NLopt stopped (converged, evaluation budget, ...)
};

// F(x) >= 0 for x in [0, 1]^n (a sum of squares: the search stops when it reaches 1e-9). X0 is the start (in [0, 1]); the search stops when a step changes every
// coordinate by less than XTOL or after MAX_EVALS evaluations.
OptimiseResult minimise(const std::function<double(const std::vector<double>&)>& f, std::vector<double> x0, int max_evals,
                        double xtol = 1e-3);

}  // namespace sim::calibration
