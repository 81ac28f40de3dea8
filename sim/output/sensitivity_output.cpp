#include "sim/output/sensitivity_output.h"

#include "sim/output/h5util.h"

namespace sim {
namespace {

void write_metric(const H5::Group& g, const sensitivity::Report& r, const sensitivity::MetricReport& m) {
  h5::attr(g, "units", m.units);
  h5::attr(g, "description", "effects on the metric's total after the warm-up, ranked by |effect| (largest first)");
  std::vector<std::string> names;
  std::vector<double> effect, lo, hi, aux, aux_lo, aux_hi, aux2, sigma;
  for (const auto& row : m.rows) {
    names.push_back(r.params[static_cast<size_t>(row.parameter)].key);
    effect.push_back(row.effect.mean), lo.push_back(row.effect.ci_low), hi.push_back(row.effect.ci_high);
    aux.push_back(row.aux.mean), aux_lo.push_back(row.aux.ci_low), aux_hi.push_back(row.aux.ci_high);
    aux2.push_back(row.aux2.mean), sigma.push_back(row.sigma);
  }
  h5::strings(g, "parameter", names);
  const bool morris = r.method == "morris";
  h5::attr(h5::series(g, "effect", effect), "description", morris ? "mu*: mean |elementary effect| over the whole range" : "swing: metric at HI - metric at LO");
  h5::series(g, "effect_ci_low", lo);
  h5::series(g, "effect_ci_high", hi);
  if (morris) {
    h5::attr(h5::series(g, "mu", aux), "description", "mean signed elementary effect over the whole range");
    h5::series(g, "mu_ci_low", aux_lo);
    h5::series(g, "mu_ci_high", aux_hi);
    h5::attr(h5::series(g, "sigma", sigma), "description", "sd of the elementary effects over trajectories (interactions, non-linearity)");
  } else {
    h5::attr(h5::series(g, "low", aux), "description", "metric with the parameter at LO, the others at the scenario's values");
    h5::attr(h5::series(g, "high", aux2), "description", "metric with the parameter at HI");
    h5::attr(g, "base", m.base);
  }
  size_t reps = m.output.empty() ? 0 : m.output[0].size();
  h5::attr(h5::matrix(g, "output", m.output, reps), "description", "metric total at each design point [point][replication used]");
}

}  // namespace

void write_sensitivity_file(const std::string& path, const RunInfo& info, const sensitivity::Report& r) {
  h5::TempFile tmp(path);
  h5::guarded("cannot write " + tmp.temp_path(), [&] {
    auto root = tmp.root();
    h5::write_run_attributes(root, info, "caspian-sensitivity/1");
    h5::attr(root, "command", "sensitivity");
    h5::attr(root, "method", r.method);
    h5::attr_u64(root, "replications", static_cast<std::uint64_t>(r.replications));
    std::vector<double> used(r.used.begin(), r.used.end());
    auto params = h5::group(root, "parameters");
    std::vector<std::string> keys, units;
    std::vector<double> low, high, base;
    for (const auto& p : r.params) keys.push_back(p.key), units.push_back(p.unit), low.push_back(p.low), high.push_back(p.high), base.push_back(p.base);
    h5::strings(params, "key", keys);
    h5::strings(params, "unit", units);
    h5::series(params, "low", low);
    h5::series(params, "high", high);
    h5::series(params, "base", base);
    auto design = h5::group(root, "design");
    h5::series(design, "replications_used", used);
    h5::attr(h5::matrix(design, "values", r.values, r.params.size()), "description", "parameter values at each design point [point][parameter]");
    h5::attr(h5::matrix(design, "unit_cube", r.design.points, r.params.size()), "description",
             "the design in [0, 1] (0 = low, 1 = high; NaN = the scenario's value)");
    if (r.method == "morris") {
      h5::attr(design, "trajectories", static_cast<double>(r.design.trajectories));
      h5::attr(design, "levels", static_cast<double>(r.design.levels));
      h5::attr(design, "delta", r.design.delta);
      h5::series(design, "moved", std::vector<double>(r.design.moved.begin(), r.design.moved.end()));
    }
    auto metrics = h5::group(root, "metrics");
    for (const auto& m : r.metrics) write_metric(h5::group(metrics, m.name), r, m);
  });
  tmp.commit();
}

}  // namespace sim
