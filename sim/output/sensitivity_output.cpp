#include "sim/output/sensitivity_output.h"

#include "sim/output/h5util.h"

namespace sim {
namespace {

// The file's coordinates: parameters by key, design points, replications used, and ranks.
h5::Axes axes_of(const sensitivity::Report& r, size_t ranks) {
  std::vector<std::string> keys;
  for (const auto& p : r.params) keys.push_back(p.key);
  std::vector<double> used(r.used.begin(), r.used.end());
  h5::Axis replication = h5::index_axis(used.size(), "replications that succeeded at every design point");
  replication.values = used;
  return {{"parameter", h5::label_axis(keys, "the parameters screened (--param keys)")},
          {"point", h5::index_axis(r.values.size(), "design point")},
          {"replication", replication},
          {"rank", h5::index_axis(ranks, "rank by |effect|, largest first")}};
}

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
  const auto ax = axes_of(r, m.rows.size());
  auto var = [&](const char* name, const std::vector<double>& v, const std::string& units, const std::string& what) {
    auto d = h5::variable(g, name, ax, {"rank"}, v);
    h5::attr(d, "units", units);
    h5::attr(d, "description", what);
  };
  h5::string_variable(g, "parameter", ax, "rank", names);  // the parameter axis is not used in this group
  const bool morris = r.method == "morris";
  var("effect", effect, m.units, morris ? "mu*: mean |elementary effect| over the whole range" : "swing: metric at HI - metric at LO");
  var("effect_ci_low", lo, m.units, "95% CI of the effect, low");
  var("effect_ci_high", hi, m.units, "95% CI of the effect, high");
  if (morris) {
    var("mu", aux, m.units, "mean signed elementary effect over the whole range");
    var("mu_ci_low", aux_lo, m.units, "95% CI of mu, low");
    var("mu_ci_high", aux_hi, m.units, "95% CI of mu, high");
    var("sigma", sigma, m.units, "sd of the elementary effects over trajectories (interactions, non-linearity)");
  } else {
    var("low", aux, m.units, "metric with the parameter at LO, the others at the scenario's values");
    var("high", aux2, m.units, "metric with the parameter at HI");
    h5::attr(g, "base", m.base);
  }
  auto out = h5::variable2(g, "output", ax, {"point", "replication"}, m.output);
  h5::attr(out, "units", m.units);
  h5::attr(out, "description", "metric total at each design point and replication used");
}

void write_design(const H5::Group& root, const sensitivity::Report& r) {
  const auto ax = axes_of(r, 0);
  auto params = h5::group(root, "parameters");
  std::vector<std::string> units;
  std::vector<double> low, high, base;
  for (const auto& p : r.params) units.push_back(p.unit), low.push_back(p.low), high.push_back(p.high), base.push_back(p.base);
  h5::string_variable(params, "unit", ax, "parameter", units);
  h5::attr(h5::variable(params, "low", ax, {"parameter"}, low), "description", "LO, in the parameter's unit");
  h5::attr(h5::variable(params, "high", ax, {"parameter"}, high), "description", "HI, in the parameter's unit");
  h5::attr(h5::variable(params, "base", ax, {"parameter"}, base), "description", "the scenario's value");
  auto design = h5::group(root, "design");
  h5::attr(h5::variable2(design, "values", ax, {"point", "parameter"}, r.values), "description",
           "parameter values at each design point, in their units");
  h5::attr(h5::variable2(design, "unit_cube", ax, {"point", "parameter"}, r.design.points), "description",
           "the design in [0, 1] (0 = low, 1 = high; NaN = the scenario's value)");
  if (r.method == "morris") {
    h5::attr(design, "trajectories", static_cast<double>(r.design.trajectories));
    h5::attr(design, "levels", static_cast<double>(r.design.levels));
    h5::attr(design, "delta", r.design.delta);
    std::vector<double> moved(r.design.moved.begin(), r.design.moved.end());
    h5::Axes steps = {{"step", h5::index_axis(moved.size(), "step of a trajectory, in order")}};
    h5::attr(h5::variable(design, "moved", steps, {"step"}, moved), "description",
             "index of the parameter moved at each step (trajectory t, step s at t k + s)");
  }
}

}  // namespace

void write_sensitivity_file(const std::string& path, const RunInfo& info, const sensitivity::Report& r) {
  h5::TempFile tmp(path);
  h5::guarded("cannot write " + tmp.temp_path(), [&] {
    auto root = tmp.root();
    h5::write_run_attributes(root, info, "caspian-sensitivity/2");
    h5::attr(root, "command", "sensitivity");
    h5::attr(root, "method", r.method);
    h5::attr_u64(root, "replications", static_cast<std::uint64_t>(r.replications));
    write_design(root, r);
    auto metrics = h5::group(root, "metrics");
    for (const auto& m : r.metrics) write_metric(h5::group(metrics, m.name), r, m);
  });
  tmp.commit();
}

}  // namespace sim
