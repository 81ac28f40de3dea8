// --sample-assumptions: every replication of `run -n N` draws the scenario's marked assumptions from
// their ranges (sim/analysis/sampling), so the spread over replications, and the 95% interval the
// summary gives, holds parameter uncertainty as well as randomness.
#include "models/sensitivity/sensitivity.h"

#include "sim/analysis/sampling.h"
#include "sim/core/errors.h"

namespace models::sensitivity {

Sample sample_assumptions(const sim::Node& root, const std::string& where, const std::string& design, int n, std::uint64_t seed) {
  const auto marked = marked_assumptions(root);
  if (marked.empty())
    throw sim::ScenarioError(sim::Where{where, 0, 0}, "assumed", "--sample-assumptions: the scenario marks no `assumed:` ranges to sample");
  Sample s;
  s.design = design;
  s.seed = seed;
  for (const auto& spec : marked) s.params.push_back(calibration::resolve_param(root, spec));
  s.extra = "sample-assumptions;" + design + ";" + std::to_string(seed) + ";";
  for (const auto& p : s.params) s.extra += p.spec + ";";
  for (const auto& row : sim::sampling::unit_design(design, n, static_cast<int>(s.params.size()), seed)) {
    s.values.emplace_back();
    s.sets.emplace_back();
    for (size_t i = 0; i < s.params.size(); ++i) {
      const auto& p = s.params[i];
      const double v = p.bounds.lo + row[i] * (p.bounds.hi - p.bounds.lo);
      s.values.back().push_back(v);
      s.sets.back().push_back(calibration::set_assignment(p, v));
    }
  }
  return s;
}

sim::json_out::json to_json(const Sample& s) {
  auto out = sim::json_out::json::object();
  out["design"] = s.design;
  out["seed"] = s.seed;
  out["parameters"] = sim::json_out::json::array();
  for (size_t i = 0; i < s.params.size(); ++i) {
    const auto& p = s.params[i];
    auto vals = sim::json_out::json::array();
    for (const auto& row : s.values) vals.push_back(row[i]);
    out["parameters"].push_back({{"parameter", p.key}, {"units", p.unit}, {"low", p.bounds.lo}, {"high", p.bounds.hi},
                                 {"base", p.start}, {"values", vals}});
  }
  return out;
}

}  // namespace models::sensitivity
