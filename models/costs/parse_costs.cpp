#include "models/costs/parse_costs.h"

#include <stdexcept>

#include "sim/core/units.h"

namespace models {

const sim::KeyDocs& cost_keys() {
  static const sim::KeyDocs keys = {
      {"tariffs", "a list of money like [250 USD/TEU, 0.02 USD/t-km, 15 USD/TEU/d, 900 USD/call]", "optional",
       "charged on each consignment: per TEU, FEU, wagon, t or train x its amount; per ...-km x distance too; per .../d x the "
       "time it spent at the stage (dwell, storage); per call (vessel lines) once per sailing, shared by load"},
      {"emissions", "a list of emission factors like [18 g CO2/TEU-km, 5 kg CO2/TEU]", "optional",
       "kg CO2 charged as tariffs are (per TEU-km or t-km by mode, per TEU handled, per call)"},
      {"at_sea", "a list like [1.2 t CO2/h, 500 USD/h]", "optional, vessel lines only",
       "per vessel-hour from sailing to arrival (the laden crossing), shared among the consignments aboard by load"},
      {"in_port", "a list like [0.2 t CO2/h]", "optional, vessel lines only",
       "per vessel-hour while loading (first consignment aboard to sailing) and unloading, shared by load"},
      {"distance", "a length like 480 km", "required with a per-km charge", "the distance the stage carries its cargo"},
      {"source", "text", "one of source | assumed", "where the tariffs and factors are published"},
      {"assumed", "text", "one of source | assumed", "why they are assumed, and from what"},
  };
  return keys;
}

const sim::KeyDocs& cost_basis_keys() {
  static const sim::KeyDocs keys = {
      {"price_year", "a year like 2024", "required", "the year every USD figure of the scenario is in"},
      {"currency", "USD", "optional, default USD", "the currency (only USD)"},
      {"value_of_time", "a list like [40 USD/TEU/d, 0.05 USD/t/d]", "optional, default 0",
       "what a day of transit costs the shipper: generalized cost = tariffs + this x transit time"},
      {"source", "text", "one of source | assumed", "where the value of time comes from"},
      {"assumed", "text", "one of source | assumed", "why it is assumed"},
  };
  return keys;
}

namespace {

sim::Charge charge(const sim::Node& n, const std::string& key) {
  try {
    return sim::parse_charge(sim::as_string(n, key));
  } catch (const std::invalid_argument& e) {
    sim::fail(n, key, e.what());
  }
}

// A single value or a list of them.
std::vector<std::pair<const sim::Node*, std::string>> items(const sim::Node& n, const std::string& key) {
  std::vector<std::pair<const sim::Node*, std::string>> out;
  if (!n.is_seq()) return {{&n, key}};
  for (size_t i = 0; i < n.items.size(); ++i) out.push_back({&n.items[i], key + "[" + std::to_string(i) + "]"});
  return out;
}

std::string provenance(sim::MapReader& r, const sim::Node& node) {
  const sim::Node* source = r.optional("source");
  const sim::Node* assumed = r.optional("assumed");
  if (source && assumed) sim::fail(*assumed, r.path("assumed"), "give either source (a citation) or assumed (why), not both");
  if (!source && !assumed) sim::fail(node, r.path("source"), "missing \"source\" (where the figures are published) or \"assumed\" (why they are assumed)");
  return source ? sim::as_string(*source, r.path("source")) : "assumed: " + sim::as_string(*assumed, r.path("assumed"));
}

// Tariffs and emissions: charged on a thing (TEU, t, wagon, train; -km or /time), or per call.
void read_per_thing(sim::MapReader& r, const char* key, sim::Currency want, bool vessel_line, std::vector<sim::Charge>& out) {
  const sim::Node* n = r.optional(key);
  if (!n) return;
  const char* money = want == sim::Currency::Usd ? "money like 250 USD/TEU" : "an emission factor like 18 g CO2/TEU-km";
  for (const auto& [item, path] : items(*n, r.path(key))) {
    const sim::Charge c = charge(*item, path);
    if (c.currency != want) sim::fail(*item, path, std::string("expected ") + money + (want == sim::Currency::Usd ? " (emissions go under emissions)" : " (money goes under tariffs)"));
    if (c.per == sim::Base::None || c.per == sim::Base::Trucks)
      sim::fail(*item, path, std::string("expected ") + money + ": charged per TEU, FEU, wagon, t, train or call (per vessel-hour: at_sea, in_port)");
    if (c.per == sim::Base::Vessels && !vessel_line) sim::fail(*item, path, "a charge per call or vessel belongs to a vessel line");
    if (c.per == sim::Base::Vessels && (c.per_km || c.per_time)) sim::fail(*item, path, "a charge per call is a lump sum per sailing (not per km or per day)");
    if (c.per_km && c.per_time) sim::fail(*item, path, "a charge is per km or per day, not both");
    out.push_back(c);
  }
}

void read_per_hour(sim::MapReader& r, const char* key, bool vessel_line, std::vector<sim::Charge>& out) {
  const sim::Node* n = r.optional(key);
  if (!n) return;
  if (!vessel_line) sim::fail(*n, r.path(key), "charges per vessel-hour belong to a vessel line");
  for (const auto& [item, path] : items(*n, r.path(key))) {
    const sim::Charge c = charge(*item, path);
    if (c.per != sim::Base::None || !c.per_time || c.per_km) sim::fail(*item, path, "expected a charge per vessel-hour like 1.2 t CO2/h or 500 USD/h");
    out.push_back(c);
  }
}

}  // namespace

CostsConfig parse_costs(const sim::Node& node, const std::string& path, bool vessel_line) {
  sim::MapReader r(node, path);
  r.declare(cost_keys());
  CostsConfig c;
  c.where = node.where;
  read_per_thing(r, "tariffs", sim::Currency::Usd, vessel_line, c.tariffs);
  read_per_thing(r, "emissions", sim::Currency::KgCo2, vessel_line, c.emissions);
  read_per_hour(r, "at_sea", vessel_line, c.at_sea);
  read_per_hour(r, "in_port", vessel_line, c.in_port);
  bool per_km = false;
  for (const auto* list : {&c.tariffs, &c.emissions})
    for (const auto& ch : *list) per_km = per_km || ch.per_km;
  if (const sim::Node* d = r.optional("distance")) c.distance_km = sim::as_positive(*d, r.path("distance"), sim::dims::length);  // internal unit: km
  if (per_km && c.distance_km <= 0) sim::fail(node, r.path("distance"), "a charge per km needs the stage's distance, like distance: 480 km");
  c.source = provenance(r, node);
  r.finish();
  return c;
}

CostBasis parse_cost_basis(const sim::Node& node, const std::string& path) {
  sim::MapReader r(node, path);
  r.declare(cost_basis_keys());
  CostBasis b;
  b.declared = true;
  b.where = node.where;
  b.price_year = sim::as_int(r.required("price_year"), r.path("price_year"), 1950, 2100);
  if (const sim::Node* cur = r.optional("currency")) {
    b.currency = sim::as_string(*cur, r.path("currency"));
    if (b.currency != "USD") sim::fail(*cur, r.path("currency"), "expected USD (the only currency costs are kept in)");
  }
  if (const sim::Node* v = r.optional("value_of_time")) {
    for (const auto& [item, p] : items(*v, r.path("value_of_time"))) {
      const sim::Charge c = charge(*item, p);
      const bool ok = c.currency == sim::Currency::Usd && c.per_time && !c.per_km && (c.per == sim::Base::Teu || c.per == sim::Base::Mass);
      if (!ok) sim::fail(*item, p, "expected money per TEU or per tonne per time, like 40 USD/TEU/d or 0.05 USD/t/d");
      (c.per == sim::Base::Teu ? b.value_of_time_teu : b.value_of_time_t) = c.value;
    }
  }
  b.source = provenance(r, node);
  r.finish();
  return b;
}

}  // namespace models
