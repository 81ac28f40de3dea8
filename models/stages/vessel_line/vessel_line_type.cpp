// vessel_line: its keys, parser, validation and construction. Behaviour: vessel_line.cpp.
#include "models/stages/vessel_line/vessel_line_type.h"

#include <algorithm>
#include <cstdio>

#include "models/network/network.h"
#include "models/stages/common/parse_common.h"
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
  const std::string policy = dep ? sim::as_string(*dep, r.path("departure")) : "when_full";
  if (policy == "when_full") {
    v.policy = VesselConfig::Policy::WhenFull;
    if (const sim::Node* w = r.optional("max_wait")) v.max_wait = sim::as_positive(*w, r.path("max_wait"), sim::dims::duration);
  } else if (policy == "slots") {
    v.policy = VesselConfig::Policy::Slots;
    v.slot_interval = sim::as_positive(r.required("slot_every"), r.path("slot_every"), sim::dims::duration);
  } else {
    sim::fail(*dep, r.path("departure"), "expected when_full (optionally with max_wait) or slots (with slot_every), got \"" + policy + "\"");
  }
}

void parse(MapReader& r, StageConfig& cfg) {
  VesselConfig v;
  v.fleet = sim::as_int(r.required("fleet"), r.path("fleet"), 1, 1000);
  v.unit = unit_of(r.required("capacity"), r.path("capacity"), &v.capacity);
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
  if (const sim::Node* b = r.optional("berths")) v.berths = sim::as_int(*b, r.path("berths"), 1, 100);
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
  cfg.params = v;
}

void validate_refs(const StageConfig& cfg, const ScenarioNames& names) {
  const auto& v = cfg.as<VesselConfig>();
  if (!v.berth_pool.empty())
    require_known(v.berth_pool, names.berth_pools, v.berth_pool_where, "stages[" + cfg.name + "].berth_pool", "berth pool under `berth_pools`");
}

std::string summarise(const StageConfig& cfg) {
  const auto& v = cfg.as<VesselConfig>();
  char buf[160];
  std::snprintf(buf, sizeof buf, "%d vessels x %g %s, crossing %.3g h mean, %s", v.fleet, v.capacity, sim::measure_unit(v.unit),
                v.crossing_time.mean() / 3600, v.policy == VesselConfig::Policy::Slots ? "timetabled slots" : "sails when full");
  std::string s = buf;
  if (v.berths > 1) s += ", " + std::to_string(v.berths) + " loading berths";
  if (!v.berth_pool.empty()) s += ", shares berth pool " + v.berth_pool;
  if (!cfg.sea_area.empty()) s += ", stops in storms (" + cfg.sea_area + ")";
  return s;
}

}  // namespace

StageType vessel_line_type() {
  StageType t;
  t.name = "vessel_line";
  t.description = "a fleet shuttling from an origin port to a destination: rail ferries, container feeders, tankers";
  t.keys = {
      {"fleet", "a whole number 1..1000", "required", "vessels in service"},
      {"capacity", "an amount per vessel like 52 wagons, 225 TEU or 13000 t", "required",
       "what one vessel carries; its unit is what the line loads by"},
      {"load_factor", "a plain number in (0, 1]", "optional, default 1", "usable share of capacity (draught limits at low sea level)"},
      {"loading_rate", "a rate in the capacity's unit like 70 wagons/d", "optional; not with loading_time",
       "the origin port's loading pace"},
      {"loading_time", "a duration distribution", "optional, default 0; not with loading_rate", "time to load one vessel"},
      {"crossing_time", "a duration distribution", "required", "loaded crossing"},
      {"unloading_time", "a duration distribution", "optional, default 0", "time to unload at the destination"},
      {"return_time", "a duration distribution", "optional, default crossing_time", "the empty voyage back"},
      {"departure", "when_full | slots", "optional, default when_full",
       "when_full: sail when the waiting cargo no longer fits; slots: one sailing per slot (a timetable)"},
      {"max_wait", "a duration like 3d", "optional, when_full only; default never", "sail part-loaded this long after the first cargo boarded"},
      {"slot_every", "a duration like 3d", "required with departure: slots", "time between timetabled slots (empty slots are skipped)"},
      {"storage", "a mass like 120 kt", "optional, default none", "shore storage at the origin; queued cargo beyond it is reported as backlog"},
      {"berths", "a whole number 1..100", "optional, default 1", "this line's vessels that can load at the same time"},
      {"berth_pool", "name of a `berth_pools` entry", "optional", "berths shared with other lines at the origin"},
      {"changes", "list of {date, fleet?, load_factor?, reason?, source?}", "optional", "dated fleet and load-factor changes"},
      sea_area_key(),
      outages_key(),
      buffer_key(),
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
