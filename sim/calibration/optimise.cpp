#include "sim/calibration/optimise.h"

#include <nlopt.hpp>

#include <algorithm>
#include <exception>
#include <stdexcept>

namespace sim::calibration {
namespace {

struct Context {
  const std::function<double(const std::vector<double>&)>* f = nullptr;
  int evaluations = 0;
  std::vector<double> best_x;  // kept here: NLopt's own copy is not returned when it throws
  double best_f = 0;
  // NLopt turns any exception of the objective into "nlopt failure": an interrupt, a limit or a
  // failed replication would lose its kind and message. It is kept here and rethrown as it was.
  std::exception_ptr failure;
};

double call(const std::vector<double>& x, std::vector<double>& grad, void* data) {
  (void)grad;  // derivative-free: NLopt never asks for a gradient
  auto* c = static_cast<Context*>(data);
  double v = 0;
  try {
    v = (*c->f)(x);
  } catch (...) {
    c->failure = std::current_exception();
    throw nlopt::forced_stop();
  }
  if (c->evaluations++ == 0 || v < c->best_f) {
    c->best_f = v;
    c->best_x = x;
  }
  return v;
}

std::string why(nlopt::result r) {
  switch (r) {
    case nlopt::SUCCESS: return "converged";
    case nlopt::XTOL_REACHED: return "converged (parameter steps below tolerance)";
    case nlopt::FTOL_REACHED: return "converged (objective changes below tolerance)";
    case nlopt::STOPVAL_REACHED: return "objective reached its floor";
    case nlopt::MAXEVAL_REACHED: return "evaluation budget used up (--max-evals)";
    default: return "stopped (NLopt result " + std::to_string(static_cast<int>(r)) + ")";
  }
}

}  // namespace

OptimiseResult minimise(const std::function<double(const std::vector<double>&)>& f, std::vector<double> x0, int max_evals,
                        double xtol) {
  const unsigned n = static_cast<unsigned>(x0.size());
  if (n == 0) throw std::invalid_argument("nothing to calibrate: no parameters");
  const auto algorithm = n >= 2 ? nlopt::LN_BOBYQA : nlopt::LN_SBPLX;
  nlopt::opt opt(algorithm, n);
  opt.set_lower_bounds(std::vector<double>(n, 0.0));
  opt.set_upper_bounds(std::vector<double>(n, 1.0));
  opt.set_xtol_abs(xtol);
  opt.set_ftol_abs(1e-6);
  opt.set_stopval(1e-9);
  opt.set_maxeval(max_evals);
  for (auto& v : x0) v = std::clamp(v, 0.0, 1.0);
  // First steps of a tenth of each range: large enough to leave a flat spot of the stochastic objective.
  opt.set_initial_step(std::vector<double>(n, 0.1));
  Context c;
  c.f = &f;
  opt.set_min_objective(call, &c);
  OptimiseResult out;
  out.algorithm = opt.get_algorithm_name();
  double best = 0;
  try {
    out.stopped = why(opt.optimize(x0, best));
  } catch (const nlopt::roundoff_limited&) {
    out.stopped = "stopped by round-off (the objective is flat at this resolution)";
  } catch (const nlopt::forced_stop&) {
    if (c.failure) std::rethrow_exception(c.failure);
    throw;
  }
  out.x = c.best_x;
  out.f = c.best_f;
  out.evaluations = c.evaluations;
  return out;
}

}  // namespace sim::calibration
