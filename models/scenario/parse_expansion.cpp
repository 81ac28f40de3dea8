// An `expansions:` item: what an overlay builds and its price, for compare's cost-effectiveness.
#include <stdexcept>

#include "models/scenario/parse.h"
#include "models/scenario/sections.h"
#include "sim/config/reader.h"
#include "sim/core/charges.h"
#include "sim/core/units.h"

namespace models {
namespace {

// Money in USD: a lump sum (YEARLY false) or a yearly amount like "6 M USD/yr" (YEARLY true).
double usd(const sim::Node& n, const std::string& key, bool yearly) {
  const std::string expected = yearly ? "money per year like 6 M USD/yr" : "money like 120 M USD";
  sim::Charge c;
  try {
    c = sim::parse_charge(sim::as_string(n, key));
  } catch (const std::invalid_argument& e) {
    sim::fail(n, key, std::string(e.what()) + "; expected " + expected);
  }
  if (c.currency != sim::Currency::Usd || c.per != sim::Base::None || c.per_time != yearly)
    sim::fail(n, key, "expected " + expected);
  return yearly ? c.value * sim::kSecondsPerYear : c.value;
}

}  // namespace

ExpansionConfig parse_expansion(const sim::Node& node, const std::string& path) {
  sim::MapReader r(node, path);
  r.declare(section_keys("expansions"));
  ExpansionConfig x;
  x.where = node.where;
  x.name = sim::as_name(r.required("name"), r.path("name"));
  if (const sim::Node* d = r.optional("description")) x.description = sim::as_string(*d, r.path("description"));
  x.capital_usd = usd(r.required("capital_cost"), r.path("capital_cost"), false);
  if (const sim::Node* op = r.optional("operating_cost")) x.operating_usd_per_year = usd(*op, r.path("operating_cost"), true);
  if (const sim::Node* life = r.optional("lifetime")) {
    x.lifetime_years = sim::as_positive(*life, r.path("lifetime"), sim::dims::duration) / sim::kSecondsPerYear;
    if (x.lifetime_years < 1 || x.lifetime_years > 100) sim::fail(*life, r.path("lifetime"), "expected a lifetime from 1yr to 100yr");
  }
  x.price_year = sim::as_int(r.required("price_year"), r.path("price_year"), 1950, 2100);
  const sim::Node* source = r.optional("source");
  const sim::Node* assumed = r.optional("assumed");
  if (source && assumed) sim::fail(*assumed, r.path("assumed"), "give either source (a citation) or assumed (why), not both");
  if (!source && !assumed) sim::fail(node, r.path("source"), "missing \"source\" (where the costs are published) or \"assumed\" (why they are assumed)");
  x.source = source ? sim::as_string(*source, r.path("source")) : "assumed: " + sim::as_string(*assumed, r.path("assumed"));
  r.finish();
  return x;
}

}  // namespace models
