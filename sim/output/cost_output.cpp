#include "sim/output/cost_output.h"

#include <cmath>

#include "sim/analysis/cost_effectiveness.h"
#include "sim/analysis/cost_stats.h"

namespace sim {
namespace {

using h5::attr;

void described(const H5::DataSet& ds, const std::string& units, const std::string& description) {
  attr(ds, "units", units);
  attr(ds, "description", description);
}

h5::Axes cost_axes(h5::Axes axes, const std::vector<std::string>& sources) {
  axes.push_back({"source", h5::label_axis(sources, "service, flow or shipper")});
  axes.push_back({"cost_statistic", h5::label_axis(cost_statistic_names(), "over the consignments delivered after the warm-up")});
  return axes;
}

void describe_group(const H5::Group& g) {
  attr(g, "description", std::string("cost (tariffs paid), CO2 and generalized cost (tariffs + value of time x transit time) of the "
                                     "consignments delivered after the warm-up, summed along their routes"));
}

void group_attrs(const H5::Group& g, double vot_teu, double vot_t) {
  describe_group(g);
  attr(g, "value_of_time_usd_per_teu_day", vot_teu * 86400.0);
  attr(g, "value_of_time_usd_per_t_day", vot_t * 86400.0);
}

}  // namespace

void write_run_costs(const H5::Group& root, const Recorder& rec, const h5::Axes& month_axes, const std::vector<bool>& warm) {
  const auto c = cost_results(rec.costs());
  if (c.empty() || c.declared == 0) return;
  const auto& sources = rec.sources();
  const auto axes = cost_axes(month_axes, sources);
  auto g = h5::group(root, "costs");
  group_attrs(g, rec.costs().value_of_time_teu(), rec.costs().value_of_time_t());
  const size_t k = cost_statistic_names().size(), months = warm.size();
  for (size_t q = 0; q < cost_quantities().size(); ++q) {
    std::vector<double> flat;
    for (const auto& row : c.stats)
      for (size_t s = 0; s < k; ++s) flat.push_back(row[q * k + s]);
    described(h5::variable(g, cost_quantities()[q].name, axes, {"source", "cost_statistic"}, flat), cost_quantities()[q].units,
              cost_quantities()[q].description);
  }
  const char* monthly_names[] = {"usd_monthly", "co2_monthly"};
  const char* monthly_units[] = {"USD", "kg CO2"};
  for (size_t i = 0; i < 2; ++i) {
    std::vector<double> flat;
    for (const auto& src : c.monthly)
      for (size_t m = 0; m < months; ++m) flat.push_back(warm[m] || m >= src[i].size() ? std::nan("") : src[i][m]);
    described(h5::variable(g, monthly_names[i], axes, {"source", "month"}, flat), monthly_units[i],
              std::string(i == 0 ? "tariffs" : "CO2") + " of the consignments delivered in each month (warm-up NaN)");
  }
  for (size_t t = 0; t < cost_total_names().size(); ++t) {
    std::vector<double> v;
    for (const auto& row : c.totals) v.push_back(row[t]);
    described(h5::variable(g, std::string("total_") + cost_total_names()[t].name, axes, {"source"}, v), cost_total_names()[t].units,
              cost_total_names()[t].description);
  }
}

void write_experiment_costs(const H5::Group& root, const Experiment& e, const h5::Axes& rep_axes, const std::vector<bool>& warm) {
  if (!costs_declared(e)) return;
  const auto& sources = e.layout.sources;
  const auto axes = cost_axes(rep_axes, sources);
  auto g = h5::group(root, "costs");
  describe_group(g);
  const size_t k = cost_statistic_names().size(), reps = e.reps.size(), months = warm.size();
  const auto has = [&](size_t r, size_t s) { return e.ok[r] && s < e.reps[r].costs.stats.size(); };
  for (size_t q = 0; q < cost_quantities().size(); ++q) {
    const auto& cq = cost_quantities()[q];
    std::vector<double> flat;
    for (size_t s = 0; s < sources.size(); ++s)
      for (size_t r = 0; r < reps; ++r)
        for (size_t st = 0; st < k; ++st) flat.push_back(has(r, s) ? e.reps[r].costs.stats[s][q * k + st] : std::nan(""));
    described(h5::variable(g, cq.name, axes, {"source", "replication", "cost_statistic"}, flat), cq.units,
              std::string(cq.description) + ", each replication's statistics over its consignments");
    std::vector<double> summary;
    for (size_t s = 0; s < sources.size(); ++s)
      for (size_t st = 0; st < k; ++st) {
        const auto v = summarize(cost_values(e, s, q, st));
        for (double x : {v.mean, v.ci_low, v.ci_high, v.sd, v.p5, v.p50, v.p95, double(v.n)}) summary.push_back(x);
      }
    described(h5::variable(g, std::string("summary_") + cq.name, axes, {"source", "cost_statistic", "statistic"}, summary), cq.units,
              std::string(cq.description) + ": the replications' values summarised over replications (mean, 95% CI, ...)");
  }
  const char* monthly_names[] = {"usd_monthly", "co2_monthly"};
  const char* monthly_units[] = {"USD", "kg CO2"};
  for (size_t i = 0; i < 2; ++i) {
    std::vector<double> flat;
    for (size_t s = 0; s < sources.size(); ++s)
      for (size_t r = 0; r < reps; ++r)
        for (size_t m = 0; m < months; ++m) {
          const bool ok = has(r, s) && s < e.reps[r].costs.monthly.size() && m < e.reps[r].costs.monthly[s][i].size() && !warm[m];
          flat.push_back(ok ? e.reps[r].costs.monthly[s][i][m] : std::nan(""));
        }
    described(h5::variable(g, monthly_names[i], axes, {"source", "replication", "month"}, flat), monthly_units[i],
              std::string(i == 0 ? "tariffs" : "CO2") + " of the consignments delivered in each month (warm-up NaN)");
  }
}

void write_comparison_costs(const H5::Group& root, const std::vector<std::string>& labels, const std::vector<Experiment>& runs) {
  bool priced = false;
  for (size_t k = 1; k < runs.size(); ++k) priced = priced || !cost_effectiveness(runs[0], runs[k]).expansions.empty();
  if (!priced) return;
  const std::vector<std::string> alts(labels.begin() + 1, labels.end());
  const h5::Axes axes{{"alternative", h5::label_axis(alts, "an alternative compared with the base (the first scenario)")}};
  std::vector<double> annual, teu, teu_lo, teu_hi, per_teu, per_teu_lo, per_teu_hi, t, per_t, per_t_lo, per_t_hi;
  for (size_t k = 1; k < runs.size(); ++k) {
    const auto ce = cost_effectiveness(runs[0], runs[k]);
    annual.push_back(ce.annualised_usd);
    teu.push_back(ce.teu.extra_per_year.mean);
    teu_lo.push_back(ce.teu.extra_per_year.ci_low);
    teu_hi.push_back(ce.teu.extra_per_year.ci_high);
    per_teu.push_back(ce.teu.usd_per_unit);
    per_teu_lo.push_back(ce.teu.ci_low);
    per_teu_hi.push_back(ce.teu.ci_high);
    t.push_back(ce.tonnes.extra_per_year.mean);
    per_t.push_back(ce.tonnes.usd_per_unit);
    per_t_lo.push_back(ce.tonnes.ci_low);
    per_t_hi.push_back(ce.tonnes.ci_high);
  }
  auto g = h5::group(root, "cost_effectiveness");
  attr(g, "description", std::string("annualised cost of the expansions an alternative declares and the base does not = capital / lifetime + "
                                     "operating (straight line, no discounting), per extra TEU or tonne delivered per year after the "
                                     "warm-up (paired, common random numbers); CI bounds NaN unless the extra's CI lies above zero"));
  described(h5::variable(g, "annualised_cost", axes, {"alternative"}, annual), "USD/yr", "capital / lifetime + operating of the new expansions");
  described(h5::variable(g, "extra_teu", axes, {"alternative"}, teu), "TEU/yr", "mean extra TEU delivered per year");
  described(h5::variable(g, "extra_teu_ci_low", axes, {"alternative"}, teu_lo), "TEU/yr", "95% CI of the extra TEU per year, low");
  described(h5::variable(g, "extra_teu_ci_high", axes, {"alternative"}, teu_hi), "TEU/yr", "95% CI of the extra TEU per year, high");
  described(h5::variable(g, "usd_per_extra_teu", axes, {"alternative"}, per_teu), "USD/TEU", "annualised cost / mean extra TEU per year");
  described(h5::variable(g, "usd_per_extra_teu_ci_low", axes, {"alternative"}, per_teu_lo), "USD/TEU", "95% CI, low");
  described(h5::variable(g, "usd_per_extra_teu_ci_high", axes, {"alternative"}, per_teu_hi), "USD/TEU", "95% CI, high");
  described(h5::variable(g, "extra_tonnes", axes, {"alternative"}, t), "t/yr", "mean extra tonnes delivered per year");
  described(h5::variable(g, "usd_per_extra_tonne", axes, {"alternative"}, per_t), "USD/t", "annualised cost / mean extra tonnes per year");
  described(h5::variable(g, "usd_per_extra_tonne_ci_low", axes, {"alternative"}, per_t_lo), "USD/t", "95% CI, low");
  described(h5::variable(g, "usd_per_extra_tonne_ci_high", axes, {"alternative"}, per_t_hi), "USD/t", "95% CI, high");
}

}  // namespace sim
