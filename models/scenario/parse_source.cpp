// YAML -> SourceConfig: block-train services (schedules) and stochastic flows (arrival processes).
#include <algorithm>
#include <cstdlib>

#include "models/scenario/parse.h"
#include "models/scenario/sections.h"
#include "sim/config/reader.h"

namespace models {
namespace {

using sim::MapReader;

int parse_class(const sim::Node& n, const std::string& key) {
  const std::string c = sim::as_string(n, key);
  const auto it = std::find(kCargoClasses.begin(), kCargoClasses.end(), c);
  if (it == kCargoClasses.end()) {
    const std::string hint = sim::closest(c, kCargoClasses);
    sim::fail(n, key, "unknown cargo class \"" + c + "\"" + (hint.empty() ? "" : "; did you mean \"" + hint + "\"?") +
                          " (one of: transit, import, export, domestic)");
  }
  return static_cast<int>(it - kCargoClasses.begin());
}

// Exactly one way of saying when consignments come.
ScheduleConfig parse_schedule(MapReader& r, bool is_service) {
  ScheduleConfig s;
  const std::vector<std::string> keys = is_service ? std::vector<std::string>{"every", "per_week", "dates", "rate"}
                                                   : std::vector<std::string>{"every", "arrivals"};
  std::vector<const sim::Node*> given;
  std::string which;
  for (const auto& k : keys)
    if (const sim::Node* n = r.optional(k)) {
      given.push_back(n);
      which = k;
    }
  std::string list;
  for (const auto& k : keys) list += (list.empty() ? "" : ", ") + k;
  if (given.size() != 1)
    sim::fail(given.empty() ? r.node() : *given[1], r.path(given.empty() ? keys[0] : which),
              "say when consignments come with exactly one of: " + list);
  const sim::Node& n = *given[0];
  const std::string path = r.path(which);
  if (which == "every") {
    s.kind = ScheduleConfig::Kind::Interval;
    s.interval = sim::as_distribution(n, path, sim::dims::duration);
    if (!(s.interval.mean() > 0)) sim::fail(n, path, "the interval must be above zero");
  } else if (which == "per_week") {
    s.kind = ScheduleConfig::Kind::Interval;
    const double per_week = sim::as_number(n, path);
    if (!(per_week > 0)) sim::fail(n, path, "expected a number of departures per week above zero");
    s.interval = Distribution::constant(7 * 86400.0 / per_week);
  } else if (which == "dates") {
    s.kind = ScheduleConfig::Kind::Dates;
    const auto& items = sim::as_list(n, path);
    for (size_t i = 0; i < items.size(); ++i) s.dates.push_back(sim::as_date(items[i], path + "[" + std::to_string(i) + "]"));
    std::sort(s.dates.begin(), s.dates.end());
  } else {  // rate (services, evenly spaced) or arrivals (flows, Poisson)
    s.kind = ScheduleConfig::Kind::Rate;
    s.poisson = which == "arrivals";
    s.rate = sim::as_positive(n, path, is_service ? sim::Dim{sim::Base::Trains, -1} : sim::dims::frequency);
  }
  if (const sim::Node* g = r.optional("growth")) {
    if (s.kind != ScheduleConfig::Kind::Rate) sim::fail(*g, r.path("growth"), "growth applies to `rate` or `arrivals` only");
    const std::string text = sim::as_string(*g, r.path("growth"));
    char* end = nullptr;
    const double pct = std::strtod(text.c_str(), &end);
    std::string unit(end);
    unit.erase(std::remove(unit.begin(), unit.end(), ' '), unit.end());
    if (end == text.c_str() || unit != "%/yr" || !(pct > -100))
      sim::fail(*g, r.path("growth"), "expected a yearly growth rate like 10%/yr (or -5%/yr), got \"" + text + "\"");
    s.growth = pct / 100;
  }
  if (const sim::Node* p = r.optional("profile")) {
    if (s.kind != ScheduleConfig::Kind::Rate) sim::fail(*p, r.path("profile"), "a monthly profile applies to `rate` or `arrivals` only");
    s.profile = parse_monthly(*p, r.path("profile"));
  }
  return s;
}

Distribution parse_amount(MapReader& r, const char* key, sim::Dim dim) {
  const sim::Node* n = r.optional(key);
  return n ? sim::as_distribution(*n, r.path(key), dim) : Distribution::constant(0);
}

// What every source has: a name, a cargo class, a route through stages.
void parse_identity(MapReader& r, SourceConfig& s, const sim::Node& node, const int* default_class) {
  s.where = node.where;
  s.name = sim::as_name(r.required("name"), r.path("name"));
  r.optional("description");
  r.optional("source");
  s.cargo_class = default_class && !r.node().find("class") ? *default_class : parse_class(r.required("class"), r.path("class"));
  // ADY counts a container as transit when it crosses Azerbaijan, whatever its trade class; by
  // default only class transit is.
  const sim::Node* t = r.optional("transit");
  s.transit = t ? sim::as_bool(*t, r.path("transit")) : kCargoClasses[static_cast<size_t>(s.cargo_class)] == "transit";
  const sim::Node& route = r.required("route");
  s.route = sim::as_name_list(route, r.path("route"));
  for (const auto& item : route.items) s.route_where.push_back(item.where);
  if (s.route.empty()) sim::fail(route, r.path("route"), "a route needs at least one stage");
}

// The days a source is active: the whole run unless `first` or `until` say otherwise.
void parse_active_days(MapReader& r, SourceConfig& s, long start_day, long end_day) {
  s.first_day = start_day;
  s.until_day = end_day - 1;
  if (const sim::Node* f = r.optional("first")) s.first_day = sim::as_date(*f, r.path("first"));
  if (const sim::Node* u = r.optional("until")) s.until_day = sim::as_date(*u, r.path("until"));
}

}  // namespace

SourceConfig parse_shipper(const sim::Node& node, const std::string& path, long start_day, long end_day) {
  MapReader r(node, path);
  r.declare(section_keys("shippers"));
  SourceConfig s;
  s.is_service = false;
  s.kind = "shipper";
  const int export_class = 2;  // shippers export unless they say otherwise
  parse_identity(r, s, node, &export_class);
  s.nomination = sim::as_quantity(r.required("nomination"), r.path("nomination"), sim::dims::mass_rate).value;
  if (s.nomination < 0) sim::fail(*r.optional("nomination"), r.path("nomination"), "must not be negative");
  const double lot = r.optional("lot") ? sim::as_positive(*r.optional("lot"), r.path("lot"), sim::dims::duration) : 86400.0;
  s.schedule.kind = ScheduleConfig::Kind::Interval;
  s.schedule.interval = Distribution::constant(lot);
  each_mapping(r, "changes", [&](const sim::Node& item, MapReader& c) {
    SourceConfig::Nomination n;
    n.where = item.where;
    n.day = sim::as_date(c.required("date"), c.path("date"));
    n.rate = sim::as_quantity(c.required("nomination"), c.path("nomination"), sim::dims::mass_rate).value;
    if (n.rate < 0) sim::fail(*c.optional("nomination"), c.path("nomination"), "must not be negative");
    c.optional("reason");
    c.optional("source");
    s.nomination_changes.push_back(n);
  });
  std::stable_sort(s.nomination_changes.begin(), s.nomination_changes.end(), [](const auto& a, const auto& b) { return a.day < b.day; });
  each_mapping(r, "surges", [&](const sim::Node& item, MapReader& c) {
    SourceConfig::Surge g;
    g.from_day = sim::as_date(c.required("from"), c.path("from"));
    g.to_day = sim::as_date(c.required("to"), c.path("to"));
    g.extra = sim::as_quantity(c.required("extra"), c.path("extra"), sim::dims::mass_rate).value;
    if (g.extra < 0) sim::fail(*c.optional("extra"), c.path("extra"), "must not be negative (a surge adds to the nomination)");
    if (c.optional("reason")) g.reason = sim::as_string(*c.optional("reason"), c.path("reason"));
    c.optional("source");
    if (g.to_day < g.from_day) sim::fail(item, c.path("to"), "the surge ends before it starts");
    s.surges.push_back(g);
  });
  parse_active_days(r, s, start_day, end_day);
  r.finish();
  return s;
}

SourceConfig parse_source(const sim::Node& node, const std::string& path, bool is_service, long start_day, long end_day) {
  MapReader r(node, path);
  r.declare(section_keys(is_service ? "services" : "flows"));
  SourceConfig s;
  s.is_service = is_service;
  s.kind = is_service ? "service" : "flow";
  parse_identity(r, s, node, nullptr);
  s.teu = parse_amount(r, "teu", sim::dims::teu);
  s.wagons = parse_amount(r, "wagons", sim::dims::wagons);
  s.tonnes = parse_amount(r, "tonnes", sim::dims::mass);
  s.trains = is_service ? 1.0 : 0.0;
  s.schedule = parse_schedule(r, is_service);
  parse_active_days(r, s, start_day, end_day);
  r.finish();
  return s;
}

}  // namespace models
