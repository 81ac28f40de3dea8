// YAML -> StageConfig. One parser per stage type, registered by the type name used in scenarios.
#include <functional>
#include <map>

#include "models/parse.h"
#include "sim/reader.h"

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
template <class Apply>
void parse_changes(MapReader& r, StageConfig& s, const std::vector<std::string>& keys, Apply apply) {
  const sim::Node* n = r.optional("changes");
  if (!n) return;
  const auto& items = sim::as_list(*n, r.path("changes"));
  for (size_t i = 0; i < items.size(); ++i) {
    MapReader c(items[i], r.path("changes") + "[" + std::to_string(i) + "]");
    StageConfig::Change ch;
    ch.where = items[i].where;
    ch.day = sim::as_date(c.required("date"), c.path("date"));
    bool any = false;
    for (const auto& key : keys)
      if (const sim::Node* v = c.optional(key)) {
        apply(ch, key, *v, c.path(key));
        any = true;
      }
    if (!any) sim::fail(items[i], c.path("date"), "a change needs a new value for one of its keys besides the date");
    c.finish();
    s.changes.push_back(ch);
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
  parse_changes(r, s, {"capacity"}, [](StageConfig::Change& ch, const std::string&, const sim::Node& v, const std::string& p) {
    ch.headway = headway_of(v, p);
  });
}

// Terminals, border points and stations: limited parallel handling with a handling time each.
void parse_handling(MapReader& r, StageConfig& s, const char* time_key) {
  s.servers = sim::as_int(r.required("servers"), r.path("servers"), 1, 100000);
  s.service = sim::as_distribution(r.required(time_key), r.path(time_key), sim::dims::duration);
  parse_changes(r, s, {"servers"}, [](StageConfig::Change& ch, const std::string&, const sim::Node& v, const std::string& p) {
    ch.servers = sim::as_int(v, p, 0, 100000);
  });
}

using StageParser = std::function<void(MapReader&, StageConfig&)>;

const std::map<std::string, StageParser>& registry() {
  static const std::map<std::string, StageParser> types = {
      {"rail_section", parse_rail_section},
      {"terminal", [](MapReader& r, StageConfig& s) { parse_handling(r, s, "handling_time"); }},
      {"border", [](MapReader& r, StageConfig& s) { parse_handling(r, s, "processing_time"); }},
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
  s.outages = parse_outages(r);
  r.finish();
  return s;
}

}  // namespace models
