// rail_section, terminal and border: their keys, parsers and construction. The behaviour they share
// is in processor.cpp.
#include "models/stages/processor/processor_types.h"

#include <algorithm>
#include <cstdio>

#include "models/network/network.h"
#include "models/stages/common/parse_common.h"
#include "models/stages/processor/processor.h"

namespace models {
namespace {

using sim::KeyDoc;
using sim::MapReader;

KeyDoc capacity_key(const char* what) {
  return {"capacity", "a train rate like 14 trains/d", "optional, default unlimited",
          std::string("at most this many trains start per unit time (a minimum headway)") + what +
              "; loose containers and wagons do not use train paths"};
}

std::unique_ptr<Stage> build_processor(const StageConfig& cfg, int index, Network& net, sim::Kernel&) {
  return std::make_unique<Processor>(cfg, index, net, net.stream("stage/" + cfg.name));
}

std::string hours(double seconds) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3g h", seconds / 3600);
  return buf;
}

std::string summarise(const StageConfig& cfg) {
  const auto& p = cfg.as<ProcessorConfig>();
  std::string s = (p.servers < 0 ? std::string("trains in parallel") : std::to_string(p.servers) + " servers") + ", " +
                  hours(p.service.mean()) + " mean per consignment";
  if (p.headway > 0) s += ", " + std::to_string(static_cast<int>(86400.0 / p.headway + 0.5)) + " trains/d";
  if (!p.changes.empty()) s += ", " + std::to_string(p.changes.size()) + " dated changes";
  if (!cfg.sea_area.empty()) s += ", stops in storms (" + cfg.sea_area + ")";
  return s;
}

void validate_embargoes(const StageConfig& cfg, const ScenarioNames& names) {
  for (const auto& w : cfg.as<ProcessorConfig>().embargoes)
    for (const auto& src : w.sources) require_known(src, names.sources, w.where, "stages[" + cfg.name + "].embargoes", "service, flow or shipper");
}

void parse_rail_section(MapReader& r, StageConfig& cfg) {
  ProcessorConfig p;
  p.servers = -1;
  const sim::Node* rt = r.optional("running_time");
  const sim::Node* dist = r.optional("distance");
  const sim::Node* speed = r.optional("speed");
  if (rt && (dist || speed)) sim::fail(*rt, r.path("running_time"), "give either running_time or distance and speed, not both");
  if (rt) {
    p.service = sim::as_distribution(*rt, r.path("running_time"), sim::dims::duration);
  } else if (dist && speed) {
    p.service = sim::Distribution::constant(sim::as_positive(*dist, r.path("distance"), sim::dims::length) /
                                            sim::as_positive(*speed, r.path("speed"), sim::dims::speed));
  } else {
    sim::fail(r.node(), r.path("running_time"), "a rail section needs running_time, or distance and speed");
  }
  if (const sim::Node* c = r.optional("capacity")) p.headway = headway_of(*c, r.path("capacity"));
  parse_changes(r, p.changes, {"capacity"}, [](ProcessorConfig::Change& ch, const std::string&, const sim::Node& v, const std::string& path) {
    ch.headway = headway_of(v, path);
  });
  cfg.outages = parse_outages(r);
  parse_buffer(r, cfg);
  cfg.params = p;
}

// Terminals and border points: limited parallel handling with a handling time each.
void parse_handling(MapReader& r, StageConfig& cfg, const char* time_key) {
  ProcessorConfig p;
  p.servers = sim::as_int(r.required("servers"), r.path("servers"), 1, 100000);
  p.service = sim::as_distribution(r.required(time_key), r.path(time_key), sim::dims::duration);
  if (const sim::Node* y = r.optional("yard")) p.yard_teu = sim::as_positive(*y, r.path("yard"), sim::dims::teu);
  p.embargoes = parse_source_windows(r, "embargoes", true);
  if (const sim::Node* c = r.optional("capacity")) p.headway = headway_of(*c, r.path("capacity"));
  parse_changes(r, p.changes, {"servers", "capacity"}, [](ProcessorConfig::Change& ch, const std::string& key, const sim::Node& v, const std::string& path) {
    if (key == "servers") ch.servers = sim::as_int(v, path, 0, 100000);
    else ch.headway = headway_of(v, path);
  });
  parse_sea_area(r, cfg);
  cfg.outages = parse_outages(r);
  parse_buffer(r, cfg);
  cfg.params = p;
}

sim::KeyDocs handling_keys(const char* time_key, const char* what) {
  return {
      {"servers", "a whole number 1..100000", "required", std::string("consignments ") + what + " in parallel"},
      {time_key, "a duration distribution like 6h or {dist: exponential, mean: 4.5h}", "required", "time per consignment"},
      capacity_key(", e.g. a station's exchange capacity"),
      {"changes", "list of {date, servers?, capacity?, reason?, source?}", "optional",
       "dated capacity changes; servers 0 closes the stage; a change dated before the start is in force from it"},
      {"yard", "a container count like 3000 TEU", "optional",
       "yard capacity: its occupancy (queued TEU / capacity) is reported as resource <name>:yard"},
      {"embargoes", "list of {from: date, to: date, cargo_of: [names], reason?, source?} (cargo_of was once called sources)", "optional",
       "these services, flows or shippers are not handled on these days; they wait while other cargo passes"},
      sea_area_key(),
      outages_key(),
      buffer_key(),
  };
}

}  // namespace

StageType rail_section_type() {
  StageType t;
  t.name = "rail_section";
  t.description = "a railway line: trains run in parallel (no server limit), optionally headway-limited";
  t.keys = {
      {"running_time", "a duration distribution like {dist: triangular, min: 3d, mode: 4d, max: 6d}",
       "one of running_time | distance + speed", "time to run the section"},
      {"distance", "a length like 500 km", "with speed", "length of the section: running time = distance / speed"},
      {"speed", "a speed like 40 km/h, 1500 km/d or 14 kn", "with distance", "constant running speed"},
      capacity_key(""),
      {"changes", "list of {date, capacity, reason?, source?}", "optional", "dated changes of the train rate"},
      outages_key(),
      buffer_key(),
  };
  t.parse = parse_rail_section;
  t.validate = [](const StageConfig&, const ScenarioNames&) {};
  t.build = build_processor;
  t.summary = summarise;
  return t;
}

StageType terminal_type() {
  StageType t;
  t.name = "terminal";
  t.description = "a port or inland terminal: limited parallel handling";
  t.keys = handling_keys("handling_time", "handled");
  t.parse = [](MapReader& r, StageConfig& cfg) { parse_handling(r, cfg, "handling_time"); };
  t.validate = validate_embargoes;
  t.build = build_processor;
  t.summary = summarise;
  return t;
}

StageType border_type() {
  StageType t;
  t.name = "border";
  t.description = "a border crossing or gauge-change station: limited parallel processing";
  t.keys = handling_keys("processing_time", "processed");
  t.parse = [](MapReader& r, StageConfig& cfg) { parse_handling(r, cfg, "processing_time"); };
  t.validate = validate_embargoes;
  t.build = build_processor;
  t.summary = summarise;
  return t;
}

}  // namespace models
