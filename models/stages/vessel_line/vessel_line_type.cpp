// vessel_line: its keys, parser, validation and construction. Behaviour: vessel_line.cpp.
#include "models/stages/vessel_line/vessel_line_type.h"

#include <algorithm>
#include <cstdio>

#include "models/network/network.h"
#include "models/stages/common/parse_common.h"
#include "models/stages/vessel_line/timetable.h"
#include "models/stages/vessel_line/vessel_line.h"

namespace models {
namespace {

using sim::MapReader;

double load_factor_of(const sim::Node& n, const std::string& key) {
  const double f = sim::as_number(n, key);
  if (!(f > 0 && f <= 1)) sim::fail(n, key, "expected a share of capacity above 0 and at most 1, like 0.85");
  return f;
}

void parse_departure(MapReader& r, VesselConfig& v) {
  const sim::Node* dep = r.optional("departure");
  const sim::Node* tt = r.optional("timetable");
  const std::string policy = dep ? sim::as_string(*dep, r.path("departure")) : tt ? "timetable" : "when_full";
  if (tt && policy != "timetable")
    sim::fail(*tt, r.path("timetable"), "a timetable replaces the departure rule: set `departure: timetable` (it is \"" + policy + "\")");
  if (policy == "when_full") {
    v.policy = VesselConfig::Policy::WhenFull;
    if (const sim::Node* w = r.optional("max_wait")) v.max_wait = sim::as_positive(*w, r.path("max_wait"), sim::dims::duration);
  } else if (policy == "slots") {
    v.policy = VesselConfig::Policy::Slots;
    v.slot_interval = sim::as_positive(r.required("slot_every"), r.path("slot_every"), sim::dims::duration);
  } else if (policy == "timetable") {
    v.policy = VesselConfig::Policy::Timetable;
    v.timetable = parse_timetable(r.required("timetable"), r.path("timetable"));
    if (const sim::Node* w = r.optional("max_wait"))  // an overlay clears a base's with `max_wait: ~`
      sim::fail(*w, r.path("max_wait"), "a timetabled line sails only at its departures: no max_wait with a timetable (`max_wait: ~` clears one set in a base scenario)");
  } else {
    sim::fail(*dep, r.path("departure"),
              "expected when_full (optionally with max_wait), slots (with slot_every) or timetable (with timetable), got \"" + policy + "\"");
  }
}

// `fleet: 6` with `capacity: 52 wagons` (every vessel alike), or `fleet: [{count: 3, capacity:
// 12400 t}, {count: 2, capacity: 8000 t}]` (classes of different sizes, one unit for all).
void parse_fleet(MapReader& r, VesselConfig& v) {
  const sim::Node& fleet = r.required("fleet");
  const sim::Node* cap = r.optional("capacity");
  if (!fleet.is_seq()) {
    v.fleet = sim::as_int(fleet, r.path("fleet"), 1, 1000);
    if (!cap) sim::fail(r.node(), r.path("capacity"), "a fleet given as a number needs `capacity` (an amount per vessel like 52 wagons, 225 TEU or 13000 t)");
    v.unit = unit_of(*cap, r.path("capacity"), &v.capacity);
    return;
  }
  if (cap) sim::fail(*cap, r.path("capacity"), "give each vessel class its capacity inside `fleet`, not `capacity` beside a list");
  const auto& items = sim::as_list(fleet, r.path("fleet"));
  if (items.empty()) sim::fail(fleet, r.path("fleet"), "expected at least one vessel class like {count: 3, capacity: 12400 t}");
  v.fleet = 0;
  for (size_t i = 0; i < items.size(); ++i) {
    MapReader c(items[i], r.path("fleet") + "[" + std::to_string(i) + "]");
    VesselConfig::VesselClass vc;
    if (const sim::Node* n = c.optional("name")) vc.name = sim::as_name(*n, c.path("name"));
    vc.count = sim::as_int(c.required("count"), c.path("count"), 1, 1000);
    const sim::Measure unit = unit_of(c.required("capacity"), c.path("capacity"), &vc.capacity);
    if (i > 0 && unit != v.unit)
      sim::fail(c.required("capacity"), c.path("capacity"), std::string("every vessel class must count in the same unit as the first (") + sim::measure_unit(v.unit) + ")");
    v.unit = unit;
    c.optional("description");
    c.optional("source");
    c.finish();
    v.fleet += vc.count;
    v.classes.push_back(vc);
  }
  if (v.fleet > 1000) sim::fail(fleet, r.path("fleet"), "at most 1000 vessels in all");
  v.capacity = v.classes.front().capacity;
}

void parse(MapReader& r, StageConfig& cfg) {
  VesselConfig v;
  parse_fleet(r, v);
  if (const sim::Node* f = r.optional("load_factor")) v.load_factor = load_factor_of(*f, r.path("load_factor"));
  const sim::Node* rate = r.optional("loading_rate");
  const sim::Node* ltime = r.optional("loading_time");
  if (rate && ltime) sim::fail(*ltime, r.path("loading_time"), "give either loading_rate or loading_time, not both");
  if (rate) v.loading_rate = sim::as_positive(*rate, r.path("loading_rate"), dim_of(v.unit, -1));
  v.loading_time = ltime ? sim::as_distribution(*ltime, r.path("loading_time"), sim::dims::duration) : sim::Distribution::constant(0);
  v.crossing_time = sim::as_distribution(r.required("crossing_time"), r.path("crossing_time"), sim::dims::duration);
  const sim::Node* un = r.optional("unloading_time");
  v.unloading_time = un ? sim::as_distribution(*un, r.path("unloading_time"), sim::dims::duration) : sim::Distribution::constant(0);
  const sim::Node* ret = r.optional("return_time");
  v.return_time = ret ? sim::as_distribution(*ret, r.path("return_time"), sim::dims::duration) : v.crossing_time;
  parse_departure(r, v);
  if (const sim::Node* st = r.optional("storage")) v.storage = sim::as_positive(*st, r.path("storage"), sim::dims::mass);
  if (const sim::Node* b = r.optional("berths")) {
    v.berths = sim::as_int(*b, r.path("berths"), 1, 100);
    if (v.policy == VesselConfig::Policy::Timetable && v.berths > 1)
      sim::fail(*b, r.path("berths"), "a timetabled line sails one vessel per departure: expected berths: 1 with a timetable");
  }
  if (const sim::Node* bp = r.optional("berth_pool")) {
    v.berth_pool = sim::as_name(*bp, r.path("berth_pool"));
    v.berth_pool_where = bp->where;
  }
  parse_changes(r, v.changes, {"fleet", "load_factor"}, [](VesselConfig::Change& ch, const std::string& key, const sim::Node& n, const std::string& p) {
    if (key == "fleet") ch.fleet = sim::as_int(n, p, 0, 1000);
    else ch.load_factor = load_factor_of(n, p);
  });
  parse_sea_area(r, cfg);
  cfg.outages = parse_outages(r);
  parse_buffer(r, cfg);
  parse_entry_embargoes(r, cfg);
  cfg.params = v;
}

void validate_refs(const StageConfig& cfg, const ScenarioNames& names) {
  const auto& v = cfg.as<VesselConfig>();
  for (const auto& w : cfg.entry_embargoes)
    for (const auto& src : w.sources) require_known(src, names.sources, w.where, "stages[" + cfg.name + "].embargoes", "service, flow or shipper");
  if (!v.berth_pool.empty())
    require_known(v.berth_pool, names.berth_pools, v.berth_pool_where, "stages[" + cfg.name + "].berth_pool", "berth pool under `berth_pools`");
}

std::string summarise(const StageConfig& cfg) {
  const auto& v = cfg.as<VesselConfig>();
  char buf[160];
  std::string fleet;
  if (v.classes.empty()) {
    std::snprintf(buf, sizeof buf, "%d vessels x %g %s", v.fleet, v.capacity, sim::measure_unit(v.unit));
    fleet = buf;
  } else {
    for (const auto& c : v.classes) {
      std::snprintf(buf, sizeof buf, "%s%d x %g %s", fleet.empty() ? "" : " + ", c.count, c.capacity, sim::measure_unit(v.unit));
      fleet += buf;
    }
    fleet = std::to_string(v.fleet) + " vessels (" + fleet + ")";
  }
  std::snprintf(buf, sizeof buf, ", crossing %.3g h mean, %s", v.crossing_time.mean() / 3600,
                v.policy == VesselConfig::Policy::Slots ? "timetabled slots" : v.policy == VesselConfig::Policy::Timetable ? "" : "sails when full");
  std::string s = fleet + buf;
  if (v.policy == VesselConfig::Policy::Timetable) {
    std::snprintf(buf, sizeof buf, "timetable: every %g h from %g h, cut-off %g h", v.timetable.every / 3600, v.timetable.at / 3600, v.timetable.cutoff / 3600);
    s += buf;
  }
  if (v.berths > 1) s += ", " + std::to_string(v.berths) + " loading berths";
  if (!v.berth_pool.empty()) s += ", shares berth pool " + v.berth_pool;
  if (!cfg.sea_area.empty()) s += ", stops in storms (" + cfg.sea_area + ")";
  if (!cfg.entry_embargoes.empty()) s += ", " + std::to_string(cfg.entry_embargoes.size()) + " entry embargo(es)";
  return s;
}

}  // namespace

StageType vessel_line_type() {
  StageType t;
  t.name = "vessel_line";
  t.description = "a fleet shuttling from an origin port to a destination: rail ferries, container feeders, tankers";
  t.keys = {
      {"fleet", "a whole number 1..1000, or a list of {count, capacity, name?, description?, source?}", "required",
       "vessels in service; a list gives classes of different sizes (e.g. [{count: 3, capacity: 12400 t}, {count: 2, "
       "capacity: 8000 t}]), numbered in list order: a fleet change keeps the first N, added vessels are the last class's size"},
      {"capacity", "an amount per vessel like 52 wagons, 225 TEU or 13000 t", "required with a number fleet; not with a list",
       "what one vessel carries; its unit is what the line loads by"},
      {"load_factor", "a plain number in (0, 1]", "optional, default 1", "usable share of capacity (draught limits at low sea level)"},
      {"loading_rate", "a rate in the capacity's unit like 70 wagons/d", "optional; not with loading_time",
       "the origin port's loading pace"},
      {"loading_time", "a duration distribution", "optional, default 0; not with loading_rate", "time to load one vessel"},
      {"crossing_time", "a duration distribution", "required", "loaded crossing"},
      {"unloading_time", "a duration distribution", "optional, default 0", "time to unload at the destination"},
      {"return_time", "a duration distribution", "optional, default crossing_time", "the empty voyage back"},
      {"departure", "when_full | slots | timetable", "optional, default when_full (timetable when `timetable` is given)",
       "when_full: sail when the waiting cargo no longer fits; slots: one sailing per slot, or earlier when full; "
       "timetable: sail only at the timetable's departures (docs/timetable.md)"},
      {"timetable", "{every: a duration, at?: \"HH:MM\" or a duration, cutoff?: a duration shorter than every}",
       "required with departure: timetable; berths must be 1",
       "one sailing every `every` from `at` (a clock time on the first day, or a duration after the start; default 0) with "
       "what boarded by `cutoff` before it; no vessel in port by the cut-off: that sailing is missed; nothing boarded: "
       "no sailing; not with max_wait (an overlay clears a base's with max_wait: ~)"},
      {"max_wait", "a duration like 3d", "optional, when_full only; default never", "sail part-loaded this long after the first cargo boarded"},
      {"slot_every", "a duration like 3d", "required with departure: slots", "time between timetabled slots (empty slots are skipped)"},
      {"storage", "a mass like 120 kt", "optional, default none", "shore storage at the origin; queued cargo beyond it is reported as backlog"},
      {"berths", "a whole number 1..100", "optional, default 1", "this line's vessels that can load at the same time"},
      {"berth_pool", "name of a `berth_pools` entry", "optional", "berths shared with other lines at the origin"},
      {"changes", "list of {date, fleet?, load_factor?, reason?, source?}", "optional", "dated fleet and load-factor changes"},
      sea_area_key(),
      outages_key(),
      buffer_key(),
      entry_embargoes_key(),
  };
  t.parse = parse;
  t.validate = validate_refs;
  t.build = [](const StageConfig& cfg, int index, Network& net, sim::Kernel&) -> std::unique_ptr<Stage> {
    return std::make_unique<VesselLine>(cfg, index, net, net.stream("stage/" + cfg.name));
  };
  t.summary = summarise;
  return t;
}

}  // namespace models
