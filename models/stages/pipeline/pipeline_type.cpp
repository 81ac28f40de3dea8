// pipeline: its keys, parser, validation and construction. Behaviour: pipeline.cpp.
#include "models/stages/pipeline/pipeline_type.h"

#include <algorithm>
#include <cstdio>
#include <stdexcept>
#include <cstdlib>

#include "models/network/network.h"
#include "models/stages/common/parse_common.h"
#include "models/stages/pipeline/pipeline.h"

namespace models {
namespace {

using sim::MapReader;

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
  // A peek at the unit decides which dimension to expect; text that does not parse at all is left to
  // as_quantity, which reports it with file:line (found by tools/fuzz: the peek threw past it, abort).
  sim::Dim expected = sim::dims::mass_rate;
  try {
    if (sim::parse_quantity(sim::as_string(n, key)).dim == sim::dims::volume_rate) expected = sim::dims::volume_rate;
  } catch (const std::invalid_argument&) {
  }
  const sim::Quantity q = sim::as_quantity(n, key, expected);
  if (q.dim == sim::dims::volume_rate) {
    if (density <= 0) sim::fail(n, key, "a volume rate needs `density` (bbl/t) on this pipeline to be turned into tonnes");
    return q.value / density;
  }
  return q.value;
}

void parse_outage_process(MapReader& r, PipelineConfig& p) {
  const sim::Node* op = r.optional("outage_process");
  if (!op) return;
  MapReader o(*op, r.path("outage_process"));
  p.outages_per_year = sim::as_number(o.required("per_year"), o.path("per_year"));
  if (p.outages_per_year < 0) sim::fail(*op, o.path("per_year"), "must not be negative");
  p.outage_duration = sim::as_distribution(o.required("duration"), o.path("duration"), sim::dims::duration);
  o.optional("source");
  o.finish();
}

void parse(MapReader& r, StageConfig& cfg) {
  PipelineConfig p;
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
    const sim::Node* who = renamed_key(c, "shipper", "source");
    k.source = sim::as_name(who ? *who : c.required("shipper"), c.path("shipper"));
    k.cap = mass_rate_of(c.required("cap"), c.path("cap"), density);
    c.optional("reason");
    p.caps.push_back(k);
  });
  parse_changes(r, p.changes, {"capacity"}, [&](PipelineConfig::Change& ch, const std::string&, const sim::Node& v, const std::string& path) {
    ch.capacity = mass_rate_of(v, path, density);
  });
  p.halts = parse_source_windows(r, "halts", false);
  parse_outage_process(r, p);
  cfg.outages = parse_outages(r);
  cfg.params = p;
}

void validate_refs(const StageConfig& cfg, const ScenarioNames& names) {
  const auto& p = cfg.as<PipelineConfig>();
  for (const auto& h : p.halts)
    for (const auto& src : h.sources) require_known(src, names.sources, h.where, "stages[" + cfg.name + "].halts", "service, flow or shipper");
  for (const auto& c : p.caps) require_known(c.source, names.sources, c.where, "stages[" + cfg.name + "].shipper_caps", "shipper");
}

std::string summarise(const StageConfig& cfg) {
  const auto& p = cfg.as<PipelineConfig>();
  char buf[160];
  std::snprintf(buf, sizeof buf, "%.4g Mt/yr shared max-min by its shippers, %zu caps, %zu halts, %g random outages/yr",
                p.capacity * sim::kSecondsPerYear / 1e6, p.caps.size(), p.halts.size(), p.outages_per_year);
  return buf;
}

}  // namespace

StageType pipeline_type() {
  StageType t;
  t.name = "pipeline";
  t.description = "storage and a pipeline whose pumping capacity the shippers routed to it share max-min";
  t.keys = {
      {"capacity", "a mass rate like 50 Mt/yr or, with density, a volume rate like 1.2 Mbbl/d", "required", "pumping capacity"},
      {"density", "barrels per tonne like 7.6 bbl/t", "optional; required for volume rates", "to turn barrels into tonnes"},
      {"shipper_caps", "list of {shipper: name, cap: rate, reason?} (shipper was once called source)", "optional", "a ceiling on a shipper's share"},
      {"changes", "list of {date, capacity, reason?, source?}", "optional", "dated capacity changes"},
      {"halts", "list of {from: date, to: date, cargo_of?: [shippers], reason?, source?} (cargo_of was once called sources)", "optional",
       "dated stops of some shippers' intake (all shippers when `sources` is left out)"},
      {"outage_process", "{per_year: number, duration: distribution, source?}", "optional", "random unplanned stops (a Poisson process)"},
      outages_key(),
  };
  t.parse = parse;
  t.validate = validate_refs;
  t.waits_for_room = false;  // forms or pumps on regardless of what comes next
  t.build = [](const StageConfig& cfg, int index, Network& net, sim::Kernel& kernel) -> std::unique_ptr<Stage> {
    return std::make_unique<Pipeline>(cfg, index, net, kernel, net.sources_through(index));
  };
  t.summary = summarise;
  return t;
}

}  // namespace models
