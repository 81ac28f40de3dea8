#include "models/scenario/describe.h"

#include <algorithm>

#include "generated/version.h"
#include "models/scenario/sections.h"
#include "models/stages/stage_type.h"
#include "sim/core/calendar.h"
#include "sim/core/units.h"
#include "sim/output/text_format.h"

namespace models {
namespace {

using nlohmann::json;
constexpr size_t kWidth = 118;  // terminal lines stay within 120 columns

json keys_json(const sim::KeyDocs& keys) {
  json out = json::array();
  for (const auto& k : keys) out.push_back({{"key", k.key}, {"value", k.value}, {"presence", k.presence}, {"description", k.description}});
  return out;
}

// TEXT from column INDENT, wrapped at word boundaries within kWidth.
std::string wrap(const std::string& text, size_t indent, size_t first_column) {
  std::string out, word;
  size_t col = first_column;
  auto put = [&] {
    if (word.empty()) return;
    if (col + word.size() + 1 > kWidth && col > indent) {
      out += "\n" + std::string(indent, ' ');
      col = indent;
    } else if (!out.empty() && col > indent) {
      out += ' ';
      ++col;
    }
    out += word;
    col += word.size();
    word.clear();
  };
  for (char c : text) {
    if (c == ' ') put();
    else word += c;
  }
  put();
  return out;
}

void print_key_table(std::ostream& out, const sim::KeyDocs& keys) {
  size_t w = 0;
  for (const auto& k : keys) w = std::max(w, k.key.size());
  for (const auto& k : keys) {
    const std::string head = "    " + k.key + std::string(w - k.key.size() + 2, ' ');
    out << head << wrap(k.description + ". [" + k.presence + "] " + k.value, head.size(), head.size()) << "\n";
  }
}

}  // namespace

json describe_keys_json() {
  json types = json::array();
  for (const auto& t : stage_types()) types.push_back({{"name", t.name}, {"description", t.description}, {"keys", keys_json(t.keys)}});
  json sections = json::array();
  for (const auto& s : scenario_sections()) sections.push_back({{"name", s.name}, {"description", s.description}, {"keys", keys_json(s.keys)}});
  std::vector<std::string> dists, counts, events;
  for (int k = 0; k <= static_cast<int>(sim::Distribution::Kind::Empirical); ++k) dists.push_back(sim::kind_name(static_cast<sim::Distribution::Kind>(k)));
  for (int m = 0; m < sim::kMeasures; ++m) counts.push_back(sim::measure_name(static_cast<sim::Measure>(m)));
  for (int e = 0; e < sim::kEventKinds; ++e) events.push_back(sim::event_kind_name(static_cast<sim::EventKind>(e)));
  return {{"format", "caspian-describe/1"},
          {"version", sim::kVersion},
          {"command", "describe"},
          {"stage_common_keys", keys_json(common_stage_keys())},
          {"stage_types", types},
          {"sections", sections},
          {"values",
           {{"distributions", dists},
            {"counts", counts},
            {"events", events},
            {"classes", kCargoClasses},
            {"departure", {"when_full", "slots"}},
            {"units", sim::unit_names()}}}};
}

void print_keys(std::ostream& out) {
  out << "Stage types (every stage also has:";
  for (const auto& k : common_stage_keys()) out << " " << k.key;
  out << ")\n";
  for (const auto& t : stage_types()) {
    out << "\n  " << t.name << ": " << wrap(t.description, 4, 4 + t.name.size()) << "\n";
    print_key_table(out, t.keys);
  }
  out << "\nScenario sections\n";
  for (const auto& s : scenario_sections()) {
    out << "\n  " << s.name << ": " << wrap(s.description, 4, 4 + s.name.size()) << "\n";
    print_key_table(out, s.keys);
  }
  const json v = describe_keys_json()["values"];
  out << "\nValues\n";
  for (const auto& [what, list] : v.items()) {
    std::string line;
    for (const auto& x : list) line += (line.empty() ? "" : ", ") + x.get<std::string>();
    out << "  " << what << ": " << wrap(line, 4, 4 + what.size()) << "\n";
  }
}

json describe_scenario_json(const Scenario& s) {
  json stages = json::array(), sources = json::array(), metrics = json::array(), targets = json::array();
  for (const auto& st : s.stages) stages.push_back({{"name", st.name}, {"type", st.type}, {"summary", stage_type(st.type).summary(st)}});
  for (const auto& src : s.sources)
    sources.push_back({{"name", src.name}, {"kind", src.kind}, {"class", kCargoClasses[src.cargo_class]}, {"route", src.route}});
  for (const auto& m : s.metrics)
    metrics.push_back({{"name", m.name}, {"count", sim::measure_name(m.measure)}, {"units", sim::measure_unit(m.measure)},
                       {"event", sim::event_kind_name(m.event)}, {"at", m.at}, {"class", m.classes}, {"cargo_of", m.sources},
                       {"description", m.description}});
  for (const auto& t : s.targets)
    targets.push_back({{"metric", t.metric}, {"from", sim::format_date(t.from_day)}, {"to", sim::format_date(t.to_day)},
                       {"observed", t.observed}, {"units", sim::measure_unit(t.unit)}, {"tolerance_pct", t.tolerance_pct}, {"source", t.source}});
  json expansions = json::array();
  for (const auto& x : s.expansions)
    expansions.push_back({{"name", x.name}, {"description", x.description}, {"capital_cost", x.capital_usd},
                          {"operating_cost", x.operating_usd_per_year}, {"lifetime_years", x.lifetime_years},
                          {"price_year", x.price_year}, {"units", {{"capital_cost", "USD"}, {"operating_cost", "USD/yr"}}},
                          {"source", x.source}});
  json weather = json::array(), pools = json::array();
  for (const auto& w : s.weather) weather.push_back(w.name);
  for (const auto& p : s.berth_pools) pools.push_back({{"name", p.name}, {"berths", p.berths}});
  return {{"format", "caspian-describe/1"}, {"version", sim::kVersion}, {"command", "describe"}, {"scenario", s.name},
          {"start", sim::format_date(s.start_day)}, {"end", sim::format_date(s.end_day - 1)}, {"warmup_days", s.warmup / 86400.0},
          {"stages", stages}, {"sources", sources}, {"metrics", metrics}, {"targets", targets}, {"weather", weather},
          {"berth_pools", pools}, {"expansions", expansions}};
}

void print_scenario(std::ostream& out, const Scenario& s) {
  out << s.name << "  (" << sim::format_date(s.start_day) << " to " << sim::format_date(s.end_day - 1) << ")\n";
  size_t w = 0;
  for (const auto& st : s.stages) w = std::max(w, st.name.size() + st.type.size() + 3);
  out << "\nStages\n";
  for (const auto& st : s.stages) {
    const std::string head = "  " + st.name + " (" + st.type + ")" + std::string(w - st.name.size() - st.type.size() - 3 + 2, ' ');
    out << head << wrap(stage_type(st.type).summary(st), head.size(), head.size()) << "\n";
  }
  out << "\nServices, flows and shippers (route)\n";
  for (const auto& src : s.sources) {
    std::string route;
    for (const auto& r : src.route) route += (route.empty() ? "" : " > ") + r;
    const std::string head = "  " + src.name + " (" + src.kind + ", " + kCargoClasses[src.cargo_class] + ")  ";
    out << head << wrap(route, 6, head.size()) << "\n";
  }
  out << "\nMetrics\n";
  for (const auto& m : s.metrics) {
    std::string where = m.at.empty() ? "anywhere" : "";
    for (const auto& a : m.at) where += (where.empty() ? "" : ", ") + a;
    const std::string head = "  " + m.name + ": " + sim::measure_unit(m.measure) + " at " + sim::event_kind_name(m.event) + ", ";
    out << head << wrap(where, 6, head.size()) << "\n";
  }
  if (!s.targets.empty()) out << "\nTargets\n";
  for (const auto& t : s.targets)
    out << "  " << t.metric << " " << sim::format_date(t.from_day) << " to " << sim::format_date(t.to_day) << ": " << t.observed << " "
        << sim::measure_unit(t.unit) << "\n";
  if (!s.expansions.empty()) out << "\nExpansions (USD of the price year)\n";
  for (const auto& x : s.expansions)
    out << "  " << x.name << ": capital " << sim::format_number(x.capital_usd / 1e6, 1) << " M USD, operating "
        << sim::format_number(x.operating_usd_per_year / 1e6, 2) << " M USD/yr, " << sim::format_number(x.lifetime_years, 0)
        << " yr, " << x.price_year << " USD\n"
        << "    " << wrap(x.source, 4, 4) << "\n";
}

}  // namespace models
