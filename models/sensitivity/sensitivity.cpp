#include "models/sensitivity/sensitivity.h"

#include <cmath>
#include <cstdio>

#include "sim/core/errors.h"
#include "sim/output/text_format.h"

namespace models::sensitivity {
namespace ss = sim::sensitivity;

Setup setup(const sim::Node& root, const std::vector<std::string>& specs, const Options& o) {
  Setup s;
  if (specs.empty()) throw sim::ScenarioError(sim::Where{"--param", 0, 0}, "", "give at least one --param KEY=LO..HI (or --assumptions)");
  for (const auto& spec : specs) {
    s.params.push_back(calibration::resolve_param(root, spec));
    for (size_t i = 0; i + 1 < s.params.size(); ++i)
      if (s.params[i].path == s.params.back().path)
        throw sim::ScenarioError(sim::Where{"--param " + spec, 0, 0}, s.params.back().key, "the same parameter is given twice");
  }
  const int k = static_cast<int>(s.params.size());
  s.design = o.method == "morris" ? ss::morris_design(k, o.trajectories, o.levels, o.seed) : ss::oat_design(k);
  s.extra = o.method + ";" + std::to_string(o.trajectories) + ";" + std::to_string(o.levels) + ";" + std::to_string(o.seed) + ";";
  for (const auto& p : s.params) s.extra += p.spec + ";";
  for (const auto& x : s.design.points) {
    s.sets.emplace_back();
    s.values.emplace_back();
    for (size_t i = 0; i < s.params.size(); ++i) {
      const auto& p = s.params[i];
      if (std::isnan(x[i])) {
        s.values.back().push_back(p.start);
        continue;
      }
      const double v = p.bounds.lo + x[i] * (p.bounds.hi - p.bounds.lo);
      s.values.back().push_back(v);
      s.sets.back().push_back(calibration::set_assignment(p, v));
    }
  }
  return s;
}

ss::Report report(const Setup& s, const Options& o, const std::vector<sim::Experiment>& points) {
  ss::Report r;
  r.method = o.method;
  r.design = s.design;
  r.values = s.values;
  r.replications = o.replications;
  for (const auto& p : s.params) r.params.push_back({p.key, p.unit, p.bounds.lo, p.bounds.hi, p.start});
  // Common random numbers pair replication r across points: keep only those that ran everywhere.
  for (int rep = 0; rep < o.replications; ++rep) {
    bool all = true;
    for (const auto& e : points) all = all && e.ok[static_cast<size_t>(rep)];
    if (all) r.used.push_back(rep);
  }
  if (r.used.empty()) {
    std::string why;
    for (const auto& e : points)
      for (size_t rep = 0; rep < e.ok.size() && why.empty(); ++rep)
        if (!e.ok[rep]) why = e.errors[rep];
    throw sim::SimulationError("no replication ran at every design point; the first failure: " + why);
  }
  const auto& layout = points[0].layout;
  for (size_t m = 0; m < layout.metrics.size(); ++m) {
    ss::MetricReport mr{layout.metrics[m], layout.metric_units[m], {}, 0, {}};
    for (const auto& e : points) {
      mr.output.emplace_back();
      for (int rep : r.used) mr.output.back().push_back(e.reps[static_cast<size_t>(rep)].metric_total[m]);
    }
    ss::analyse(r, mr);
    r.metrics.push_back(std::move(mr));
  }
  return r;
}

namespace {
sim::json_out::json num(double v) { return sim::json_out::number(v); }
sim::json_out::json ci(const ss::Estimate& e) { return sim::json_out::json::array({num(e.ci_low), num(e.ci_high)}); }
}  // namespace

sim::json_out::json to_json(const ss::Report& r, const sim::json_out::ScenarioRef& scenario, const std::string& path) {
  sim::json_out::json j = sim::json_out::envelope("sensitivity", r.method, {scenario});
  j["method"] = r.method, j["replications"] = r.replications, j["replications_used"] = r.used.size();
  j["design_points"] = r.design.points.size(), j["results"] = path;
  if (r.method == "morris") j["trajectories"] = r.design.trajectories, j["levels"] = r.design.levels;
  j["parameters"] = sim::json_out::json::array();
  for (const auto& p : r.params) j["parameters"].push_back({{"parameter", p.key}, {"units", p.unit}, {"low", num(p.low)}, {"high", num(p.high)}, {"base", num(p.base)}});
  j["metrics"] = sim::json_out::json::object();
  for (const auto& m : r.metrics) {
    auto& rows = j["metrics"][m.name] = sim::json_out::json::array();
    for (const auto& row : m.rows) {
      sim::json_out::json x{{"parameter", r.params[static_cast<size_t>(row.parameter)].key}, {"effect", num(row.effect.mean)}, {"ci", ci(row.effect)},
                       {"units", m.units}};
      if (r.method == "morris") x["mu"] = num(row.aux.mean), x["mu_ci"] = ci(row.aux), x["sigma"] = num(row.sigma);
      else x["low"] = num(row.aux.mean), x["high"] = num(row.aux2.mean), x["base"] = num(m.base);
      rows.push_back(x);
    }
  }
  return j;
}

void print_table(std::ostream& out, const ss::Report& r, const std::string& path) {
  using Align = sim::Table::Align;
  const bool morris = r.method == "morris";
  out << sim::wrap_text((morris ? "Morris screening: " + std::to_string(r.design.trajectories) + " trajectories, " + std::to_string(r.design.levels) + " levels"
                                 : std::string("One-at-a-time swings")) +
                        ", " + std::to_string(r.design.points.size()) + " design points x " + std::to_string(r.used.size()) + " replications" +
                        (static_cast<int>(r.used.size()) < r.replications ? " (of " + std::to_string(r.replications) + ": failed ones dropped everywhere)" : ""))
      << "\neffect = " << (morris ? "mu* (mean |elementary effect|)" : "metric at HI - metric at LO")
      << " over each parameter's whole range, 95% CI over replications; ranked\n";
  for (const auto& m : r.metrics) {
    out << "\n" << m.name << " (" << m.units << ")" << (morris ? "" : ", at the scenario's values " + sim::format_number(m.base, 1)) << "\n";
    sim::Table t({{"parameter", Align::Left, sim::Table::Fit::Abbreviate}, {"effect", Align::Right}, {"95% CI", Align::Right},
                  {morris ? "mu" : "low", Align::Right}, {morris ? "sigma" : "high", Align::Right}, {"unit"}});
    for (const auto& row : m.rows)
      t.add_row({r.params[static_cast<size_t>(row.parameter)].key, sim::format_number(row.effect.mean, 1),
                 sim::format_ci(row.effect.ci_low, row.effect.ci_high, 1), sim::format_number(row.aux.mean, 1),
                 sim::format_number(morris ? row.sigma : row.aux2.mean, 1), m.units});
    t.print(out);
  }
  out << "\nResults: " << path << "\n";
}

}  // namespace models::sensitivity
