// YAML -> Scenario: the run's calendar and seed, the lists of stages and sources, metrics, targets.
#include <cmath>
#include <algorithm>
#include <cstdlib>

#include "models/scenario/observations.h"
#include "models/costs/parse_costs.h"
#include "models/scenario/parse.h"
#include "models/scenario/sections.h"
#include "models/stages/common/parse_common.h"
#include "sim/config/reader.h"
#include "sim/core/units.h"

namespace models {

const std::vector<std::string> kCargoClasses = {"transit", "import", "export", "domestic"};

namespace {

using sim::MapReader;

template <class F>
void each_item(MapReader& r, const char* key, F f) {
  const sim::Node* n = r.optional(key);
  if (!n) return;
  const auto& items = sim::as_list(*n, r.path(key));
  for (size_t i = 0; i < items.size(); ++i) f(items[i], sim::item_path(r.path(key), items[i], i));
}

// Items under KEY if it is a list (0 otherwise: each_item reports that). Reserving them up front
// keeps a large scenario's memory at the structs' own size: a growing vector of stage configs
// (several hundred bytes each) briefly holds 1.5x its contents at every reallocation.
size_t items_under(MapReader& r, const char* key) {
  const sim::Node* n = r.optional(key);
  return n && n->is_seq() ? n->items.size() : 0;
}

// Names of the stages that say their type: a stage without one is likely an overlay's misspelling of
// one of these (merging adds a named item the base lacks as a new item).
std::vector<std::string> typed_stage_names(const sim::Node& root) {
  std::vector<std::string> names;
  if (!root.is_map()) return names;
  for (const auto& [k, list] : root.entries) {
    if (k != "stages" || !list.is_seq()) continue;
    for (const auto& item : list.items) {
      if (!item.is_map()) continue;
      std::string name;
      bool has_type = false;
      for (const auto& [key, v] : item.entries) {
        if (key == "name" && v.is_scalar()) name = v.scalar;
        has_type = has_type || key == "type";
      }
      if (has_type && !name.empty()) names.push_back(name);
    }
  }
  return names;
}

std::vector<std::string> names_or_one(const sim::Node* n, const std::string& key) {
  if (!n) return {};
  if (n->is_scalar()) return {sim::as_name(*n, key)};
  return sim::as_name_list(*n, key);
}

template <class E>
E parse_enum(const sim::Node& n, const std::string& key, int count, const char* (*name)(E), const char* what) {
  const std::string s = sim::as_string(n, key);
  std::vector<std::string> all;
  for (int i = 0; i < count; ++i) {
    all.push_back(name(static_cast<E>(i)));
    if (s == all.back()) return static_cast<E>(i);
  }
  std::string list;
  for (const auto& a : all) list += (list.empty() ? "" : ", ") + a;
  const std::string hint = sim::closest(s, all);
  sim::fail(n, key, std::string("unknown ") + what + " \"" + s + "\"" + (hint.empty() ? "" : "; did you mean \"" + hint + "\"?") + " (one of: " + list + ")");
}

double parse_percent(const sim::Node& n, const std::string& key) {
  const std::string s = sim::as_string(n, key);
  char* end = nullptr;
  const double v = std::strtod(s.c_str(), &end);
  std::string unit(end);
  unit.erase(0, unit.find_first_not_of(' '));
  if (end == s.c_str() || unit != "%" || v < 0) sim::fail(n, key, "expected a percentage like 2%, got \"" + s + "\"");
  return v;
}

WeatherConfig parse_weather(const sim::Node& node, const std::string& path) {
  MapReader r(node, path);
  r.declare(section_keys("weather"));
  WeatherConfig w;
  w.where = node.where;
  w.name = sim::as_name(r.required("name"), r.path("name"));
  r.optional("description");
  r.optional("source");
  for (const char* k : {"duration_winter", "duration_summer"})
    if (!r.node().find("storms_per_month") && r.node().find(k))
      sim::fail(*r.node().find(k), r.path(k), "storm durations need `storms_per_month`, the storm process they belong to");
  if (const sim::Node* n = r.optional("storms_per_month")) {
    w.storms_per_month = parse_monthly(*n, r.path("storms_per_month"));
    w.duration_winter = sim::as_distribution(r.required("duration_winter"), r.path("duration_winter"), sim::dims::duration);
    w.duration_summer = sim::as_distribution(r.required("duration_summer"), r.path("duration_summer"), sim::dims::duration);
  }
  w.winter_months = {11, 12, 1, 2, 3};
  if (const sim::Node* n = r.optional("winter_months")) {
    w.winter_months.clear();
    const auto& items = sim::as_list(*n, r.path("winter_months"));
    for (size_t i = 0; i < items.size(); ++i) w.winter_months.push_back(sim::as_int(items[i], r.path("winter_months"), 1, 12));
  }
  if (const sim::Node* n = r.optional("storms")) {
    const auto& items = sim::as_list(*n, r.path("storms"));
    for (size_t i = 0; i < items.size(); ++i) {
      const Window win = parse_window(items[i], r.path("storms") + "[" + std::to_string(i) + "]");
      if (win.to_day < win.from_day) sim::fail(items[i], r.path("storms"), "the storm ends (to) before it starts (from)");
      w.storms.push_back({win.from_day, win.to_day});
    }
  }
  r.finish();
  return w;
}

}  // namespace

MetricConfig parse_metric(const sim::Node& node, const std::string& path) {
  MapReader r(node, path);
  r.declare(section_keys("metrics"));
  MetricConfig m;
  m.where = node.where;
  m.name = sim::as_name(r.required("name"), r.path("name"));
  if (const sim::Node* d = r.optional("description")) m.description = sim::as_string(*d, r.path("description"));
  m.measure = parse_enum<sim::Measure>(r.required("count"), r.path("count"), sim::kMeasures, sim::measure_name, "count");
  if (const sim::Node* e = r.optional("event"))
    m.event = parse_enum<sim::EventKind>(*e, r.path("event"), sim::kEventKinds, sim::event_kind_name, "event");
  m.at = names_or_one(r.optional("at"), r.path("at"));
  m.classes = names_or_one(r.optional("class"), r.path("class"));
  m.sources = names_or_one(renamed_key(r, "cargo_of", "source"), r.path("cargo_of"));
  if (const sim::Node* t = r.optional("transit")) m.transit = sim::as_bool(*t, r.path("transit")) ? 1 : 0;
  r.finish();
  return m;
}

TargetConfig parse_target(const sim::Node& node, const std::string& path, bool observation) {
  MapReader r(node, path);
  r.declare(section_keys(observation ? "observations" : "targets"));
  TargetConfig t;
  t.where = node.where;
  const sim::Node& metric = r.required("metric");
  t.metric = sim::as_name(metric, r.path("metric"));
  t.metric_where = metric.where;
  t.from_day = sim::as_date(r.required("from"), r.path("from"));
  t.to_day = sim::as_date(r.required("to"), r.path("to"));
  const sim::Node& obs = r.required("observed");
  sim::Quantity q;
  try {
    q = sim::parse_quantity(sim::as_string(obs, r.path("observed")));
  } catch (const std::invalid_argument& e) {
    sim::fail(obs, r.path("observed"), std::string("expected a count with its unit, like 95483 TEU, 317 trains or 1.392 Mt: ") + e.what());
  }
  using sim::Base;
  if (q.dim.time != 0) sim::fail(obs, r.path("observed"), "expected a total over the period, not a rate");
  if (!(std::fabs(q.value) <= sim::kMaxMagnitude)) sim::fail(obs, r.path("observed"), "\"" + obs.scalar + "\" is out of range: at most 1e12");
  switch (q.dim.base) {
    case Base::Teu: t.unit = sim::Measure::Teu; break;
    case Base::Wagons: t.unit = sim::Measure::Wagons; break;
    case Base::Trains: t.unit = sim::Measure::Trains; break;
    case Base::Mass: t.unit = sim::Measure::Tonnes; break;
    default: sim::fail(obs, r.path("observed"), "expected TEU, wagons, trains or a mass");
  }
  t.observed = q.value;
  if (const sim::Node* tol = r.optional("tolerance")) t.tolerance_pct = parse_percent(*tol, r.path("tolerance"));
  t.source = sim::as_string(r.required("source"), r.path("source"));
  if (observation) {  // written in place: the scenario file it was written in
    const sim::Node* file = r.optional("file");
    t.file = file ? sim::as_string(*file, r.path("file")) : std::string(node.where.file);
  }
  r.finish();
  return t;
}

namespace {

// Observations whose period is not inside the run's statistics (after the warm-up) are kept aside as
// skipped: one observation file serves runs of different years.
void add_observations(Scenario& s, const sim::Node& list) {
  const auto& items = sim::as_list(list, "observations");
  std::vector<sim::Node> all;
  for (const auto& item : items) {
    if (item.is_scalar()) {
      for (auto& o : read_observation_file(item)) all.push_back(std::move(o));
    } else {
      all.push_back(item);
    }
  }
  const double warmup_days = s.warmup / 86400.0;
  for (size_t i = 0; i < all.size(); ++i) {
    TargetConfig t = parse_target(all[i], sim::item_path("observations", all[i], i), true);
    const bool inside = static_cast<double>(t.from_day - s.start_day) >= warmup_days && t.to_day < s.end_day;
    (inside ? s.targets : s.skipped).push_back(t);
  }
}

}  // namespace

Scenario parse_scenario(const sim::Document& doc) {
  MapReader r(doc.root, "");
  r.declare(section_keys("scenario"));
  Scenario s;
  s.where = doc.root.where;
  s.name = sim::as_string(r.required("name"), "name");
  if (const sim::Node* d = r.optional("description")) s.description = sim::as_string(*d, "description");
  s.start_day = sim::as_date(r.required("start"), "start");
  const sim::Node* end = r.optional("end");
  const sim::Node* horizon = r.optional("horizon");
  if (end && horizon) sim::fail(*horizon, "horizon", "give either end or horizon, not both");
  if (end) {
    s.end_day = sim::as_date(*end, "end") + 1;  // `end` is the last simulated day
  } else if (horizon) {
    const double secs = sim::as_positive(*horizon, "horizon", sim::dims::duration);
    if (secs < 86400.0 || secs != static_cast<double>(static_cast<long>(secs / 86400.0)) * 86400.0)
      sim::fail(*horizon, "horizon", "the horizon must be a whole number of days, like 365d");
    s.end_day = s.start_day + static_cast<long>(secs / 86400.0);
  } else {
    sim::fail(doc.root, "end", "missing required key \"end\" (the last simulated day) or \"horizon\" (like 365d)");
  }
  if (s.end_day <= s.start_day) sim::fail(end ? *end : *horizon, end ? "end" : "horizon", "the run must end after it starts");
  if (const sim::Node* seed = r.optional("seed")) {
    const double v = sim::as_number(*seed, "seed");
    if (v < 0 || v != static_cast<double>(static_cast<std::uint64_t>(v)) || v > 9.007199254740992e15)
      sim::fail(*seed, "seed", "expected a whole number from 0 to 2^53");
    s.seed = static_cast<std::uint64_t>(v);
  }
  if (const sim::Node* w = r.optional("warmup")) {
    s.warmup = sim::as_quantity(*w, "warmup", sim::dims::duration).value;
    if (s.warmup < 0 || s.warmup >= static_cast<double>(s.end_day - s.start_day) * 86400.0)
      sim::fail(*w, "warmup", "the warm-up must be shorter than the run");
  }
  if (const sim::Node* w = r.optional("transit_within")) s.transit_within = sim::as_positive(*w, "transit_within", sim::dims::duration);
  each_item(r, "weather", [&](const sim::Node& n, const std::string& p) { s.weather.push_back(parse_weather(n, p)); });
  each_item(r, "berth_pools", [&](const sim::Node& n, const std::string& p) {
    MapReader b(n, p);
    b.declare(section_keys("berth_pools"));
    BerthPoolConfig pool;
    pool.where = n.where;
    pool.name = sim::as_name(b.required("name"), b.path("name"));
    pool.berths = sim::as_int(b.required("berths"), b.path("berths"), 1, 1000);
    b.optional("description");
    b.optional("source");
    b.finish();
    s.berth_pools.push_back(pool);
  });
  s.stages.reserve(items_under(r, "stages"));
  s.sources.reserve(items_under(r, "services") + items_under(r, "flows") + items_under(r, "shippers"));
  const auto typed = typed_stage_names(r.node());
  each_item(r, "stages", [&](const sim::Node& n, const std::string& p) { s.stages.push_back(parse_stage(n, p, typed)); });
  each_item(r, "services", [&](const sim::Node& n, const std::string& p) {
    s.sources.push_back(parse_source(n, p, true, s.start_day, s.end_day));
  });
  each_item(r, "flows", [&](const sim::Node& n, const std::string& p) {
    s.sources.push_back(parse_source(n, p, false, s.start_day, s.end_day));
  });
  each_item(r, "shippers", [&](const sim::Node& n, const std::string& p) { s.sources.push_back(parse_shipper(n, p, s.start_day, s.end_day)); });
  each_item(r, "metrics", [&](const sim::Node& n, const std::string& p) { s.metrics.push_back(parse_metric(n, p)); });
  each_item(r, "targets", [&](const sim::Node& n, const std::string& p) { s.targets.push_back(parse_target(n, p, false)); });
  if (const sim::Node* obs = r.optional("observations")) add_observations(s, *obs);
  each_item(r, "expansions", [&](const sim::Node& n, const std::string& p) { s.expansions.push_back(parse_expansion(n, p)); });
  if (const sim::Node* b = r.optional("cost_basis")) s.cost_basis = parse_cost_basis(*b, "cost_basis");
  r.finish();
  return s;
}

Scenario load_scenario(const sim::Document& doc) {
  Scenario s = parse_scenario(doc);
  validate(s);
  return s;
}

}  // namespace models
