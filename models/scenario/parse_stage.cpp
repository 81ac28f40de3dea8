// YAML -> StageConfig. One parser per stage type, registered by the type name used in scenarios.
#include <functional>
#include <map>

#include "models/scenario/parse.h"
#include "sim/config/reader.h"

namespace models {
namespace {

using sim::MapReader;

std::vector<Window> parse_outages(MapReader& r) {
  std::vector<Window> out;
  const sim::Node* n = r.optional("outages");
  if (!n) return out;
  const auto& items = sim::as_list(*n, r.path("outages"));
  for (size_t i = 0; i < items.size(); ++i) out.push_back(parse_window(items[i], r.path("outages") + "[" + std::to_string(i) + "]"));
  return out;
}

// Dated changes: each item has `date` and some of the keys the stage type allows to change.
template <class Change, class Apply>
void parse_changes(MapReader& r, std::vector<Change>& out, const std::vector<std::string>& keys, Apply apply) {
  each_mapping(r, "changes", [&](const sim::Node& item, MapReader& c) {
    Change ch;
    ch.where = item.where;
    ch.day = sim::as_date(c.required("date"), c.path("date"));
    bool any = false;
    for (const auto& key : keys)
      if (const sim::Node* v = c.optional(key)) {
        apply(ch, key, *v, c.path(key));
        any = true;
      }
    c.optional("reason");
    c.optional("source");
    if (!any) sim::fail(item, c.path("date"), "a change needs a new value for one of its keys besides the date");
    out.push_back(ch);
  });
  std::stable_sort(out.begin(), out.end(), [](const Change& a, const Change& b) { return a.day < b.day; });
}

// Embargoes and halts: dated days for some sources (all of them when `sources` may be left out).
std::vector<SourceWindow> parse_source_windows(MapReader& r, const char* key, bool sources_required) {
  std::vector<SourceWindow> out;
  each_mapping(r, key, [&](const sim::Node& item, MapReader& m) {
    SourceWindow w;
    w.where = item.where;
    w.from_day = sim::as_date(m.required("from"), m.path("from"));
    w.to_day = sim::as_date(m.required("to"), m.path("to"));
    if (w.to_day < w.from_day) sim::fail(item, m.path("to"), "it ends (to) before it starts (from)");
    const sim::Node* src = sources_required ? &m.required("sources") : m.optional("sources");
    if (src) w.sources = sim::as_name_list(*src, m.path("sources"));
    if (const sim::Node* why = m.optional("reason")) w.reason = sim::as_string(*why, m.path("reason"));
    m.optional("source");
    out.push_back(w);
  });
  return out;
}

void parse_sea_area(MapReader& r, StageConfig& s) {
  if (const sim::Node* a = r.optional("sea_area")) {
    s.sea_area = sim::as_name(*a, r.path("sea_area"));
    s.sea_area_where = a->where;
  }
}

double headway_of(const sim::Node& n, const std::string& key) {
  return 1.0 / sim::as_positive(n, key, sim::Dim{sim::Base::Trains, -1});
}

void parse_rail_section(MapReader& r, StageConfig& s) {
  s.servers = -1;
  const sim::Node* rt = r.optional("running_time");
  const sim::Node* dist = r.optional("distance");
  const sim::Node* speed = r.optional("speed");
  if (rt && (dist || speed)) sim::fail(*rt, r.path("running_time"), "give either running_time or distance and speed, not both");
  if (rt) {
    s.service = sim::as_distribution(*rt, r.path("running_time"), sim::dims::duration);
  } else if (dist && speed) {
    s.service = Distribution::constant(sim::as_positive(*dist, r.path("distance"), sim::dims::length) /
                                       sim::as_positive(*speed, r.path("speed"), sim::dims::speed));
  } else {
    sim::fail(r.node(), r.path("running_time"), "a rail section needs running_time, or distance and speed");
  }
  if (const sim::Node* c = r.optional("capacity")) s.headway = headway_of(*c, r.path("capacity"));
  parse_changes(r, s.changes, {"capacity"}, [](StageConfig::Change& ch, const std::string&, const sim::Node& v, const std::string& p) {
    ch.headway = headway_of(v, p);
  });
}

// Terminals, border points and stations: limited parallel handling with a handling time each.
void parse_handling(MapReader& r, StageConfig& s, const char* time_key) {
  s.servers = sim::as_int(r.required("servers"), r.path("servers"), 1, 100000);
  s.service = sim::as_distribution(r.required(time_key), r.path(time_key), sim::dims::duration);
  if (const sim::Node* y = r.optional("yard")) s.yard_teu = sim::as_positive(*y, r.path("yard"), sim::dims::teu);
  s.embargoes = parse_source_windows(r, "embargoes", true);
  // An optional limit on trains handled per day (e.g. a border station's exchange capacity).
  if (const sim::Node* c = r.optional("capacity")) s.headway = headway_of(*c, r.path("capacity"));
  parse_changes(r, s.changes, {"servers", "capacity"}, [](StageConfig::Change& ch, const std::string& key, const sim::Node& v, const std::string& p) {
    if (key == "servers") ch.servers = sim::as_int(v, p, 0, 100000);
    else ch.headway = headway_of(v, p);
  });
  parse_sea_area(r, s);
}

// What a capacity like "52 wagons", "225 TEU" or "13000 t" counts.
sim::Measure unit_of(const sim::Node& n, const std::string& key, double* value) {
  sim::Quantity q;
  try {
    q = sim::parse_quantity(sim::as_string(n, key));
  } catch (const std::invalid_argument& e) {
    sim::fail(n, key, std::string("expected a capacity like 52 wagons, 225 TEU or 13000 t: ") + e.what());
  }
  if (!(q.value > 0) || q.dim.time != 0) sim::fail(n, key, "expected a capacity above zero like 52 wagons, 225 TEU or 13000 t");
  *value = q.value;
  switch (q.dim.base) {
    case sim::Base::Teu: return sim::Measure::Teu;
    case sim::Base::Wagons: return sim::Measure::Wagons;
    case sim::Base::Mass: return sim::Measure::Tonnes;
    default: sim::fail(n, key, "expected a capacity in wagons, TEU or tonnes");
  }
}

sim::Dim dim_of(sim::Measure m, int time) {
  switch (m) {
    case sim::Measure::Teu: return {sim::Base::Teu, time};
    case sim::Measure::Wagons: return {sim::Base::Wagons, time};
    default: return {sim::Base::Mass, time};
  }
}

double load_factor_of(const sim::Node& n, const std::string& key) {
  const double f = sim::as_number(n, key);
  if (!(f > 0 && f <= 1)) sim::fail(n, key, "expected a share of capacity above 0 and at most 1, like 0.85");
  return f;
}

void parse_vessel_line(MapReader& r, StageConfig& s) {
  auto& v = s.vessel;
  v.fleet = sim::as_int(r.required("fleet"), r.path("fleet"), 1, 1000);
  v.unit = unit_of(r.required("capacity"), r.path("capacity"), &v.capacity);
  if (const sim::Node* f = r.optional("load_factor")) v.load_factor = load_factor_of(*f, r.path("load_factor"));
  const sim::Node* rate = r.optional("loading_rate");
  const sim::Node* ltime = r.optional("loading_time");
  if (rate && ltime) sim::fail(*ltime, r.path("loading_time"), "give either loading_rate or loading_time, not both");
  if (rate) v.loading_rate = sim::as_positive(*rate, r.path("loading_rate"), dim_of(v.unit, -1));
  v.loading_time = ltime ? sim::as_distribution(*ltime, r.path("loading_time"), sim::dims::duration) : Distribution::constant(0);
  v.crossing_time = sim::as_distribution(r.required("crossing_time"), r.path("crossing_time"), sim::dims::duration);
  const sim::Node* un = r.optional("unloading_time");
  v.unloading_time = un ? sim::as_distribution(*un, r.path("unloading_time"), sim::dims::duration) : Distribution::constant(0);
  const sim::Node* ret = r.optional("return_time");
  v.return_time = ret ? sim::as_distribution(*ret, r.path("return_time"), sim::dims::duration) : v.crossing_time;
  const std::string policy = r.optional("departure") ? sim::as_string(*r.optional("departure"), r.path("departure")) : "when_full";
  if (policy == "when_full") {
    v.policy = VesselConfig::Policy::WhenFull;
    if (const sim::Node* w = r.optional("max_wait")) v.max_wait = sim::as_positive(*w, r.path("max_wait"), sim::dims::duration);
  } else if (policy == "slots") {
    v.policy = VesselConfig::Policy::Slots;
    v.slot_interval = sim::as_positive(r.required("slot_every"), r.path("slot_every"), sim::dims::duration);
  } else {
    sim::fail(*r.optional("departure"), r.path("departure"), "expected when_full (optionally with max_wait) or slots (with slot_every), got \"" + policy + "\"");
  }
  if (const sim::Node* st = r.optional("storage")) v.storage = sim::as_positive(*st, r.path("storage"), sim::dims::mass);
  if (const sim::Node* b = r.optional("berths")) v.berths = sim::as_int(*b, r.path("berths"), 1, 100);
  if (const sim::Node* bp = r.optional("berth_pool")) {
    v.berth_pool = sim::as_name(*bp, r.path("berth_pool"));
    v.berth_pool_where = bp->where;
  }
  parse_changes(r, v.changes, {"fleet", "load_factor"}, [](VesselConfig::Change& ch, const std::string& key, const sim::Node& n, const std::string& p) {
    if (key == "fleet") ch.fleet = sim::as_int(n, p, 0, 1000);
    else ch.load_factor = load_factor_of(n, p);
  });
  parse_sea_area(r, s);
}

// "7.6 bbl/t": barrels per tonne, to turn a volume rate into tonnes.
double parse_density(const sim::Node& n, const std::string& key) {
  const std::string text = sim::as_string(n, key);
  char* end = nullptr;
  const double v = std::strtod(text.c_str(), &end);
  std::string unit(end);
  unit.erase(0, unit.find_first_not_of(' '));
  if (end == text.c_str() || unit != "bbl/t" || !(v > 0))
    sim::fail(n, key, "expected barrels per tonne like 7.6 bbl/t, got \"" + text + "\"");
  return v;
}

double mass_rate_of(const sim::Node& n, const std::string& key, double density) {
  const sim::Quantity q = sim::as_quantity(n, key, sim::parse_quantity(sim::as_string(n, key)).dim == sim::dims::volume_rate
                                                        ? sim::dims::volume_rate
                                                        : sim::dims::mass_rate);
  if (q.dim == sim::dims::volume_rate) {
    if (density <= 0) sim::fail(n, key, "a volume rate needs `density` (bbl/t) on this pipeline to be turned into tonnes");
    return q.value / density;
  }
  return q.value;
}

void parse_pipeline(MapReader& r, StageConfig& s) {
  auto& p = s.pipeline;
  double density = 0;
  if (const sim::Node* d = r.optional("density")) density = parse_density(*d, r.path("density"));
  const sim::Node& cap = r.required("capacity");
  try {
    p.capacity = mass_rate_of(cap, r.path("capacity"), density);
  } catch (const std::invalid_argument& e) {
    sim::fail(cap, r.path("capacity"), std::string("expected a pumping capacity like 1.2 Mbbl/d or 50 Mt/yr: ") + e.what());
  }
  if (!(p.capacity > 0)) sim::fail(cap, r.path("capacity"), "must be above zero");
  each_mapping(r, "shipper_caps", [&](const sim::Node& item, MapReader& c) {
    PipelineConfig::Cap k;
    k.where = item.where;
    k.source = sim::as_name(c.required("source"), c.path("source"));
    k.cap = mass_rate_of(c.required("cap"), c.path("cap"), density);
    c.optional("reason");
    p.caps.push_back(k);
  });
  parse_changes(r, p.changes, {"capacity"}, [&](PipelineConfig::Change& ch, const std::string&, const sim::Node& v, const std::string& path) {
    ch.capacity = mass_rate_of(v, path, density);
  });
  p.halts = parse_source_windows(r, "halts", false);
  if (const sim::Node* op = r.optional("outage_process")) {
    MapReader o(*op, r.path("outage_process"));
    p.outages_per_year = sim::as_number(o.required("per_year"), o.path("per_year"));
    if (p.outages_per_year < 0) sim::fail(*op, o.path("per_year"), "must not be negative");
    p.outage_duration = sim::as_distribution(o.required("duration"), o.path("duration"), sim::dims::duration);
    o.optional("source");
    o.finish();
  }
}

void parse_train_former(MapReader& r, StageConfig& s) {
  auto& f = s.former;
  f.unit = unit_of(r.required("train_size"), r.path("train_size"), &f.train_size);
  if (f.unit == sim::Measure::Tonnes) sim::fail(r.required("train_size"), r.path("train_size"), "a train size is counted in TEU or wagons");
  if (const sim::Node* w = r.optional("max_wait")) f.max_wait = sim::as_positive(*w, r.path("max_wait"), sim::dims::duration);
}

using StageParser = std::function<void(MapReader&, StageConfig&)>;

const std::map<std::string, StageParser>& registry() {
  static const std::map<std::string, StageParser> types = {
      {"rail_section", parse_rail_section},
      {"terminal", [](MapReader& r, StageConfig& s) { parse_handling(r, s, "handling_time"); }},
      {"border", [](MapReader& r, StageConfig& s) { parse_handling(r, s, "processing_time"); }},
      {"vessel_line", parse_vessel_line},
      {"train_former", parse_train_former},
      {"pipeline", parse_pipeline},
  };
  return types;
}

}  // namespace

std::vector<std::string> stage_types() {
  std::vector<std::string> out;
  for (const auto& [k, v] : registry()) out.push_back(k);
  return out;
}

StageConfig parse_stage(const sim::Node& node, const std::string& path) {
  MapReader r(node, path);
  StageConfig s;
  s.where = node.where;
  s.name = sim::as_name(r.required("name"), r.path("name"));
  const sim::Node& type = r.required("type");
  s.type = sim::as_string(type, r.path("type"));
  const auto it = registry().find(s.type);
  if (it == registry().end()) {
    const std::string hint = sim::closest(s.type, stage_types());
    std::string all;
    for (const auto& t : stage_types()) all += (all.empty() ? "" : ", ") + t;
    sim::fail(type, r.path("type"), "unknown stage type \"" + s.type + "\"" + (hint.empty() ? "" : "; did you mean \"" + hint + "\"?") + " (one of: " + all + ")");
  }
  r.optional("description");
  r.optional("source");  // where the parameters come from, kept in the scenario text
  it->second(r, s);
  if (s.type != "train_former") s.outages = parse_outages(r);  // a formation yard has nothing to close
  r.finish();
  return s;
}

}  // namespace models
