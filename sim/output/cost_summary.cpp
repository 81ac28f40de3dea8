#include "sim/output/cost_summary.h"

#include <cmath>

#include "sim/analysis/cost_effectiveness.h"
#include "sim/analysis/cost_stats.h"
#include "sim/output/text_format.h"

namespace sim {
namespace {

using json = json_out::json;
using json_out::number;
using json_out::summary;
using Align = Table::Align;
using Fit = Table::Fit;

const char* kNote = "per consignment delivered after the warm-up: mean, p50, p95 over consignments";

std::string f(double v, int d = 0) { return format_number(v, d); }

// Whether source S carries quantity Q at all (TEU quantities for containers, tonne ones for oil).
bool carries(const CostResults& c, size_t s, size_t q) { return !std::isnan(c.stats[s][q * 3]); }

json basis(double vot_teu, double vot_t) {
  return {{"currency", "USD"}, {"value_of_time_usd_per_teu_day", vot_teu * 86400.0}, {"value_of_time_usd_per_t_day", vot_t * 86400.0},
          {"generalized_cost", "tariffs + value of time x transit time (creation to delivery)"}};
}

}  // namespace

void print_cost_table(std::ostream& out, const Recorder& rec) {
  const auto c = cost_results(rec.costs());
  if (c.empty() || c.declared == 0) return;
  const auto& q = cost_quantities();
  out << "\n" << wrap_text("Costs and CO2 along the route (" + std::string(kNote) + "; value of time " +
                          f(rec.costs().value_of_time_teu() * 86400.0, 2) + " USD/TEU/d, " + f(rec.costs().value_of_time_t() * 86400.0, 3) +
                          " USD/t/d)")
      << "\n";
  Table t({{"service/flow", Align::Left, Fit::Abbreviate}, {"quantity"}, {"mean", Align::Right}, {"p50", Align::Right}, {"p95", Align::Right},
           {"unit"}});
  for (size_t s = 0; s < c.stats.size(); ++s)
    for (size_t k = 0; k < q.size(); ++k) {
      if (!carries(c, s, k)) continue;
      const auto& v = c.stats[s];
      t.add_row({rec.sources()[s], q[k].name, f(v[k * 3], 1), f(v[k * 3 + 1], 1), f(v[k * 3 + 2], 1), q[k].units});
    }
  t.print(out);
}

json cost_json(const Recorder& rec) {
  const auto c = cost_results(rec.costs());
  if (c.empty() || c.declared == 0) return nullptr;
  json j = {{"basis", basis(rec.costs().value_of_time_teu(), rec.costs().value_of_time_t())}, {"statistics", kNote}};
  json per = json::object();
  for (size_t s = 0; s < c.stats.size(); ++s) {
    json src = json::object();
    for (size_t k = 0; k < cost_quantities().size(); ++k) {
      const auto& v = c.stats[s];
      src[cost_quantities()[k].name] = {{"units", cost_quantities()[k].units}, {"mean", number(v[k * 3])}, {"p50", number(v[k * 3 + 1])}, {"p95", number(v[k * 3 + 2])}};
    }
    for (size_t t = 0; t < cost_total_names().size(); ++t)
      src["total_" + std::string(cost_total_names()[t].name)] = {{"units", cost_total_names()[t].units}, {"value", number(c.totals[s][t])}};
    json usd = json::array(), co2 = json::array();
    for (double v : c.monthly[s][0]) usd.push_back(number(v));
    for (double v : c.monthly[s][1]) co2.push_back(number(v));
    src["monthly"] = {{"usd", usd}, {"kg_co2", co2}, {"units", {{"usd", "USD"}, {"kg_co2", "kg CO2"}}}};
    per[rec.sources()[s]] = src;
  }
  j["sources"] = per;
  return j;
}

void print_experiment_costs(std::ostream& out, const Experiment& e) {
  if (!costs_declared(e)) return;
  const auto& q = cost_quantities();
  out << "\nCosts and CO2 along the route: mean over replications (95% CI) of each replication's mean, p50, p95 over consignments\n";
  Table t({{"service/flow", Align::Left, Fit::Abbreviate}, {"quantity"}, {"mean", Align::Right}, {"95% CI", Align::Right},
           {"p50", Align::Right}, {"p95", Align::Right}, {"unit"}});
  for (size_t s = 0; s < e.layout.sources.size(); ++s)
    for (size_t k = 0; k < q.size(); ++k) {
      const auto m = summarize(cost_values(e, s, k, 0));
      if (m.n == 0) continue;
      t.add_row({e.layout.sources[s], q[k].name, f(m.mean, 1), format_ci(m.ci_low, m.ci_high, 1), f(summarize(cost_values(e, s, k, 1)).mean, 1),
                 f(summarize(cost_values(e, s, k, 2)).mean, 1), q[k].units});
    }
  t.print(out);
}

void print_sweep_costs(std::ostream& out, const std::vector<std::string>& keys, const std::vector<std::vector<std::string>>& point_values,
                       const std::vector<const Experiment*>& points) {
  if (points.empty() || !costs_declared(*points[0])) return;
  const auto& q = cost_quantities();
  out << "\nCosts and CO2 per point: mean over replications (95% CI) of each replication's mean over consignments\n";
  std::vector<Table::Column> columns;
  for (const auto& k : keys) columns.push_back({k, Align::Left, Fit::Abbreviate});
  for (Table::Column c : {Table::Column{"service/flow", Align::Left, Fit::Abbreviate}, Table::Column{"quantity"}, Table::Column{"mean", Align::Right},
                          Table::Column{"95% CI", Align::Right}, Table::Column{"unit"}})
    columns.push_back(c);
  Table t(columns);
  for (size_t p = 0; p < points.size(); ++p) {
    const Experiment& e = *points[p];
    for (size_t s = 0; s < e.layout.sources.size(); ++s)
      for (size_t k = 0; k < q.size(); ++k) {
        const auto m = summarize(cost_values(e, s, k, 0));
        if (m.n == 0) continue;
        std::vector<std::string> row = point_values[p];
        for (const auto& cell : {e.layout.sources[s], std::string(q[k].name), f(m.mean, 1), format_ci(m.ci_low, m.ci_high, 1), std::string(q[k].units)})
          row.push_back(cell);
        t.add_row(row);
      }
  }
  t.print(out);
}

json experiment_cost_json(const Experiment& e) {
  if (!costs_declared(e)) return nullptr;
  json per = json::object();
  for (size_t s = 0; s < e.layout.sources.size(); ++s) {
    json src = json::object();
    for (size_t k = 0; k < cost_quantities().size(); ++k) {
      json stats = {{"units", cost_quantities()[k].units}};
      for (size_t st = 0; st < cost_statistic_names().size(); ++st) stats[cost_statistic_names()[st]] = summary(summarize(cost_values(e, s, k, st)), cost_quantities()[k].units);
      src[cost_quantities()[k].name] = stats;
    }
    per[e.layout.sources[s]] = src;
  }
  return {{"statistics", "per quantity, the replications' mean, p50 and p95 over consignments, each summarised over replications (95% CI)"},
          {"price_year", e.layout.price_year},
          {"sources", per}};
}

namespace {

json per_extra_json(const PerExtraUnit& p, const char* unit) {
  return {{"extra_per_year", summary(p.extra_per_year, std::string(unit) + "/yr")}, {"extra_units", std::string(unit) + "/yr"},
          {"usd_per_extra", number(p.usd_per_unit)}, {"ci_low", number(p.ci_low)}, {"ci_high", number(p.ci_high)},
          {"units", std::string("USD/") + unit}};
}

const char* kFormula = "annualised cost = capital / lifetime + operating (straight line, no discounting), divided by the extra "
                       "delivered per year after the warm-up (alternative minus base, paired); the CI divides by the extra's CI bounds "
                       "and is null unless that CI lies above zero";

std::string ratio_text(const PerExtraUnit& p, const char* unit) {
  const auto& x = p.extra_per_year;
  std::string s = "extra " + f(x.mean, 1) + " " + unit + "/yr [95% CI " + f(x.ci_low, 1) + ", " + f(x.ci_high, 1) + "]";
  if (std::isnan(p.usd_per_unit)) return s + ": no extra carried, no cost per extra " + unit;
  s += ": " + f(p.usd_per_unit, 2) + " USD per extra " + unit;
  return s + (std::isnan(p.ci_low) ? " (CI not bounded: the extra's CI reaches 0)" : " [95% CI " + f(p.ci_low, 2) + ", " + f(p.ci_high, 2) + "]");
}

}  // namespace

void print_comparison_costs(std::ostream& out, const std::vector<std::string>& labels, const std::vector<Experiment>& runs) {
  for (size_t k = 1; k < runs.size(); ++k) {
    const auto ce = cost_effectiveness(runs[0], runs[k]);
    const auto diffs = generalized_cost_differences(runs[0], runs[k]);
    const bool gen = costs_declared(runs[0]) && costs_declared(runs[k]) && !diffs.empty();
    if (ce.expansions.empty() && !gen) continue;
    out << "\nCosts: " << labels[k] << "\n";
    if (!ce.expansions.empty()) {
      std::string names;
      for (const auto& n : ce.expansions) names += (names.empty() ? "" : ", ") + n;
      out << "  " << wrap_text("expansions " + names + ": annualised cost " + f(ce.annualised_usd / 1e6, 3) +
                               " M USD/yr (capital / lifetime + operating, no discounting)", kMaxLineWidth - 2, "    ") << "\n";
      out << "  " << wrap_text(ratio_text(ce.teu, "TEU"), kMaxLineWidth - 2, "    ") << "\n";
      if (ce.tonnes.extra_per_year.mean != 0) out << "  " << wrap_text(ratio_text(ce.tonnes, "t"), kMaxLineWidth - 2, "    ") << "\n";
    }
    if (!gen) continue;
    Table t({{"generalized cost", Align::Left, Fit::Abbreviate}, {"unit"}, {"base", Align::Right}, {"alternative", Align::Right},
             {"difference", Align::Right}, {"95% CI", Align::Right}});
    for (const auto& d : diffs)
      t.add_row({d.source, cost_quantities()[d.quantity].units, f(d.base.mean, 1), f(d.alt.mean, 1), f(d.diff.mean, 2),
                 format_ci(d.diff.ci_low, d.diff.ci_high, 2)});
    t.print(out);
  }
}

json comparison_cost_json(const std::vector<std::string>& labels, const std::vector<Experiment>& runs) {
  json alts = json::object();
  for (size_t k = 1; k < runs.size(); ++k) {
    const auto ce = cost_effectiveness(runs[0], runs[k]);
    json gen = json::object();
    for (const auto& d : generalized_cost_differences(runs[0], runs[k])) {
      const std::string units = cost_quantities()[d.quantity].units;
      gen[d.source][cost_quantities()[d.quantity].name] = {{"units", units}, {"base", summary(d.base, units)},
                                                            {"alternative", summary(d.alt, units)}, {"difference", summary(d.diff, units)}};
    }
    alts[labels[k]] = {{"expansions", ce.expansions}, {"annualised_cost_usd_per_year", number(ce.annualised_usd)},
                       {"per_extra_teu", per_extra_json(ce.teu, "TEU")}, {"per_extra_tonne", per_extra_json(ce.tonnes, "t")},
                       {"generalized_cost", gen}};
  }
  return {{"formula", kFormula}, {"alternatives", alts}};
}

}  // namespace sim
