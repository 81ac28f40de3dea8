#include "models/calibration/calibrate.h"

#include <cmath>
#include <cstdio>

#include "models/calibration/overlay.h"
#include "models/run/simulation.h"
#include "models/scenario/observations.h"
#include "models/scenario/parse.h"
#include "sim/calibration/optimise.h"
#include "sim/config/doc.h"
#include "sim/core/calendar.h"
#include "sim/core/errors.h"
#include "sim/core/stop.h"
#include "sim/experiment/parallel.h"
#include "sim/experiment/replication.h"
#include "sim/kernel/kernel.h"
#include "sim/output/json_summary.h"
#include "sim/output/text_format.h"

namespace models::calibration {
namespace {

namespace cal = sim::calibration;

std::string fmt(double v, int digits = 6) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.*g", digits, v);
  return buf;
}

// The calibration observations, from the --targets files, as a scenario's observations.
std::vector<TargetConfig> read_targets(const std::vector<std::string>& files) {
  std::vector<TargetConfig> out;
  for (const auto& f : files) {
    sim::Node path;
    path.kind = sim::Node::Kind::Scalar;
    path.scalar = f;
    path.where = sim::Where{"--targets", 0, 0};
    const auto items = read_observation_file(path);
    for (size_t i = 0; i < items.size(); ++i) out.push_back(parse_target(items[i], sim::item_path("targets", items[i], i), true));
  }
  if (out.empty()) throw sim::ScenarioError(sim::Where{"--targets", 0, 0}, "targets", "no observations to calibrate against");
  return out;
}

// The scenario with the parameters at VALUES and the calibration observations as its only targets.
Scenario scenario_at(const Options& o, const std::vector<Param>& params, const std::vector<double>& values,
                     const std::vector<TargetConfig>& observations, sim::Document* doc_out = nullptr) {
  std::vector<std::string> sets = o.sets;
  for (size_t i = 0; i < params.size(); ++i) sets.push_back(set_assignment(params[i], values[i]));
  sim::Document doc = sim::load_document(o.scenario, sets);
  expand_observations(doc);
  Scenario s = load_scenario(doc);
  s.targets = observations;
  s.skipped.clear();
  if (o.seed) s.seed = *o.seed;
  validate(s);  // the observations: known metrics, right units, inside the run's dates
  if (doc_out) *doc_out = std::move(doc);
  return s;
}

// N replications at VALUES (same seed and indices every time: common random numbers); the simulated
// value of each observation, per replication.
std::vector<std::vector<double>> simulate(const Options& o, const std::vector<Param>& params, const std::vector<double>& values,
                                          const std::vector<TargetConfig>& observations) {
  sim::Document doc;
  const Scenario s = scenario_at(o, params, values, observations, &doc);
  const auto outcomes = sim::run_forked(
      o.replications, o.jobs,
      [&](int r) {
        Simulation sim(doc, s, {o.scenario, "", static_cast<std::uint64_t>(r)}, o.limits);
        sim.run();
        return sim::to_bytes(sim::collect(sim.recorder(), sim.results()));
      },
      {}, [] { sim::Kernel::prebuild(kEngineName); });
  for (const auto& out : outcomes)  // over a limit: the others were stopped (their outcomes say nothing)
    if (out.limit) throw sim::LimitExceeded(out.error);
  std::vector<std::vector<double>> per_obs(observations.size());
  for (const auto& out : outcomes) {
    if (!out.ok) throw sim::SimulationError("a replication failed during calibration: " + out.error);
    const auto rep = sim::from_bytes(out.output);
    for (size_t i = 0; i < observations.size(); ++i) per_obs[i].push_back(rep.target_simulated[i]);
  }
  return per_obs;
}

double objective_of(const std::vector<std::vector<double>>& sims, const std::vector<TargetConfig>& obs) {
  std::vector<cal::Residual> res;
  for (size_t i = 0; i < obs.size(); ++i) res.push_back({obs[i].observed, sim::summarize(sims[i]).mean, obs[i].tolerance_pct});
  return cal::objective(res);
}

std::vector<double> values_of(const std::vector<Param>& params, const std::vector<double>& unit) {
  std::vector<double> v;
  for (size_t i = 0; i < params.size(); ++i) v.push_back(cal::from_unit(unit[i], params[i].bounds));
  return v;
}

std::string show(const std::vector<Param>& params, const std::vector<double>& values) {
  std::string s;
  for (size_t i = 0; i < params.size(); ++i) s += (i ? ", " : "") + params[i].key + "=" + value_text(params[i], values[i]);
  return s;
}

}  // namespace

Result calibrate(const Options& o, std::ostream& progress) {
  // Everything is checked before the first simulation: the keys and bounds, then the observations.
  const sim::Document base = sim::load_document(o.scenario, o.sets);
  std::vector<Param> params;
  for (const auto& spec : o.params) params.push_back(resolve_param(base.root, spec));
  for (size_t i = 0; i < params.size(); ++i)
    for (size_t j = 0; j < i; ++j)
      if (params[i].path == params[j].path) throw sim::ScenarioError(sim::Where{"--param " + params[i].spec, 0, 0}, params[i].key, "given twice");
  const auto observations = read_targets(o.target_files);
  std::vector<double> start;
  for (const auto& p : params) start.push_back(p.start);
  const Scenario s0 = scenario_at(o, params, start, observations);

  Result r;
  r.scenario_name = s0.name;
  r.seed = s0.seed;
  r.replications = o.replications;
  const auto before = simulate(o, params, start, observations);
  r.objective_before = objective_of(before, observations);
  progress << "calibrate: start  objective " << fmt(r.objective_before, 5) << "  " << show(params, start) << std::endl;

  int evals = 0;
  double best = r.objective_before;
  auto f = [&](const std::vector<double>& unit) {
    const auto values = values_of(params, unit);
    const double v = objective_of(simulate(o, params, values, observations), observations);
    best = std::min(best, v);
    progress << "calibrate: eval " << ++evals << "  objective " << fmt(v, 5) << "  best " << fmt(best, 5) << "  " << show(params, values)
             << std::endl;
    return v;
  };
  std::vector<double> x0;
  for (const auto& p : params) x0.push_back(cal::to_unit(p.start, p.bounds));
  const auto opt = cal::minimise(f, x0, o.max_evals);
  r.algorithm = opt.algorithm;
  r.stopped = opt.stopped;
  r.evaluations = opt.evaluations;
  std::vector<double> fitted = values_of(params, opt.x);
  if (opt.f > r.objective_before) fitted = start;  // never hand back a worse fit than the start
  const auto after = simulate(o, params, fitted, observations);
  r.objective_after = objective_of(after, observations);

  // Identifiability: the objective under a +-5% move of each parameter at the optimum (within bounds).
  for (size_t i = 0; i < params.size(); ++i) {
    double fm = r.objective_after, fp = r.objective_after;
    for (int sign : {-1, 1}) {
      auto moved = fitted;
      moved[i] = std::clamp(fitted[i] * (1 + sign * cal::kIdentifyMove), params[i].bounds.lo, params[i].bounds.hi);
      if (moved[i] == fitted[i]) continue;
      (sign < 0 ? fm : fp) = objective_of(simulate(o, params, moved, observations), observations);
    }
    r.params.push_back({params[i], fitted[i], cal::objective_change(r.objective_after, fm, fp), cal::identified(r.objective_after, fm, fp)});
    progress << "calibrate: " << params[i].key << (r.params.back().identified ? " identified" : " NOT identified")
             << " (objective " << (r.params.back().objective_change >= 0 ? "+" : "") << fmt(100 * r.params.back().objective_change, 3)
             << "% under a 5% move)" << std::endl;
  }
  const int runs = 1 + r.evaluations + 1 + 2 * static_cast<int>(params.size());
  r.replications_used = runs * o.replications;

  const auto specs = target_specs(s0);
  for (size_t i = 0; i < observations.size(); ++i) {
    std::string units;
    for (const auto& m : s0.metrics)
      if (m.name == observations[i].metric) units = sim::measure_unit(m.measure);
    r.observations.push_back({specs[i], units, sim::summarize(before[i]), sim::summarize(after[i])});
  }
  r.overlay = o.overlay;
  return r;
}

void write_overlay(const Options& o, const Result& r) {
  std::string files;
  for (const auto& f : o.target_files) files += (files.empty() ? "" : ", ") + f;
  std::vector<std::string> header = {
      "Calibrated by `caspian calibrate` against " + files + ": the mean of " + std::to_string(r.replications) +
          " replications (seed " + std::to_string(r.seed) + ", common random numbers), " + r.algorithm + ".",
      "Objective (sum of squared relative errors in units of each tolerance): " + fmt(r.objective_before, 4) + " at the start, " +
          fmt(r.objective_after, 4) + " fitted; " + std::to_string(r.evaluations) + " evaluations, " + r.stopped + ".",
      "Final errors:"};
  if (!o.sets.empty()) {
    std::string sets;
    for (const auto& x : o.sets) sets += " --set " + x;
    header.insert(header.end() - 1, "Calibrated with" + sets + " applied: values set that are not fitted here are NOT in this overlay.");
  }
  for (const auto& ob : r.observations) {
    const double err = 100 * (ob.after.mean - ob.spec.observed) / ob.spec.observed;
    char line[256];
    std::snprintf(line, sizeof line, "  %s %s..%s: observed %s, simulated %s (%+.1f%%, tolerance %s%%)", ob.spec.metric.c_str(),
                  sim::format_date(ob.spec.from_day).c_str(), sim::format_date(ob.spec.to_day).c_str(), fmt(ob.spec.observed).c_str(),
                  fmt(ob.after.mean).c_str(), err, ob.spec.tolerance_pct > 0 ? fmt(ob.spec.tolerance_pct).c_str() : "-");
    header.push_back(line);
  }
  std::vector<OverlayValue> values;
  for (const auto& p : r.params)
    values.push_back({&p.param, p.fitted,
                      "calibrated by caspian calibrate against " + files + " (" +
                          (p.param.scale ? "scaled by " + fmt(p.fitted) + ", start 1" : "start " + value_text(p.param, p.param.start)) + ", bounds " +
                          fmt(p.param.bounds.lo) + ".." + fmt(p.param.bounds.hi) + (p.param.unit.empty() ? "" : " " + p.param.unit) +
                          "; final objective " + fmt(r.objective_after, 4) + (p.identified ? "" : "; NOT identified by these observations") + ")"});
  write_atomically(o.overlay, overlay_text(header, extends_path(o.scenario, o.overlay), values));
}

void print_table(std::ostream& out, const Result& r) {
  using Align = sim::Table::Align;
  using Fit = sim::Table::Fit;
  out << sim::wrap_text("Calibration (" + r.algorithm + "; " + std::to_string(r.evaluations) + " evaluations x " + std::to_string(r.replications) +
                        " replications, seed " + std::to_string(r.seed) + "; " + std::to_string(r.replications_used) + " replications in all; " +
                        r.stopped + ")")
      << "\n";
  out << "Objective: " << sim::format_significant(r.objective_before, 5) << " -> " << sim::format_significant(r.objective_after, 5)
      << "  (sum of squared relative errors, each in units of its tolerance)\n\nParameters (identified: the objective changes by 1% or "
         "more under a 5% move)\n";
  sim::Table p({{"key", Align::Left, Fit::Abbreviate}, {"start", Align::Right}, {"fitted", Align::Right}, {"bounds", Align::Right}, {"unit"},
                {"identified"}, {"objective change", Align::Right}});
  for (const auto& f : r.params)
    p.add_row({f.param.key, sim::format_significant(f.param.start, 6), sim::format_significant(f.fitted, 6),
               sim::format_significant(f.param.bounds.lo, 6) + ".." + sim::format_significant(f.param.bounds.hi, 6), f.param.unit,
               f.identified ? "yes" : "NO", sim::format_pct(100 * f.objective_change)});
  p.print(out);
  out << "\nObservations: observed, simulated mean before and after [95% CI after], error after\n";
  sim::Table o({{"metric", Align::Left, Fit::Abbreviate}, {"period"}, {"observed", Align::Right}, {"before", Align::Right}, {"after", Align::Right},
                {"95% CI", Align::Right}, {"unit"}, {"error", Align::Right}, {"tolerance"}});
  for (const auto& ob : r.observations) {
    const double err = 100 * (ob.after.mean - ob.spec.observed) / ob.spec.observed;
    const std::string tol = ob.spec.tolerance_pct > 0 ? (std::fabs(err) <= ob.spec.tolerance_pct ? "yes" : "no") : "-";
    o.add_row({ob.spec.metric, sim::format_date(ob.spec.from_day) + ".." + sim::format_date(ob.spec.to_day), sim::format_number(ob.spec.observed, 0),
               sim::format_number(ob.before.mean, 1), sim::format_number(ob.after.mean, 1), sim::format_ci(ob.after.ci_low, ob.after.ci_high, 1),
               ob.units, sim::format_pct(err), tol});
  }
  o.print(out);
  out << "\nOverlay: " << r.overlay << "\n";
}

sim::json_out::json to_json(const Options& o, const Result& r) {
  using sim::json_out::json;
  using sim::json_out::number;
  json j = sim::json_out::envelope("calibrate", "calibration", {{o.scenario, r.scenario_name, sim::json_out::label_of(o.scenario)}});
  j.update({{"algorithm", r.algorithm},
            {"stopped", r.stopped},
            {"evaluations", r.evaluations},
            {"replications", r.replications},
            {"replications_used", r.replications_used},
            {"seed", r.seed},
            {"objective_before", number(r.objective_before)},
            {"objective_after", number(r.objective_after)},
            {"overlay", r.overlay},
            {"parameters", json::array()},
            {"observations", json::array()},
            {"unidentified", json::array()}});
  for (const auto& p : r.params) {
    j["parameters"].push_back({{"key", p.param.key}, {"units", p.param.unit}, {"scale", p.param.scale}, {"start", number(p.param.start)},
                               {"fitted", number(p.fitted)}, {"lo", number(p.param.bounds.lo)}, {"hi", number(p.param.bounds.hi)},
                               {"objective_change", number(p.objective_change)}, {"identified", p.identified}});
    if (!p.identified) j["unidentified"].push_back(p.param.key);
  }
  for (const auto& ob : r.observations) {
    const double err = 100 * (ob.after.mean - ob.spec.observed) / ob.spec.observed;
    j["observations"].push_back({{"metric", ob.spec.metric},
                                 {"from", sim::format_date(ob.spec.from_day)},
                                 {"to", sim::format_date(ob.spec.to_day)},
                                 {"units", ob.units},
                                 {"observed", number(ob.spec.observed)},
                                 {"tolerance_pct", number(ob.spec.tolerance_pct)},
                                 {"source", ob.spec.source},
                                 {"file", ob.spec.file},
                                 {"before", sim::json_out::summary(ob.before, ob.units)},
                                 {"after", sim::json_out::summary(ob.after, ob.units)},
                                 {"error_pct_before", number(100 * (ob.before.mean - ob.spec.observed) / ob.spec.observed)},
                                 {"error_pct_after", number(err)},
                                 {"inside_tolerance", sim::json_out::tolerance_verdict(err, ob.spec.tolerance_pct)}});
  }
  return j;
}

}  // namespace models::calibration
