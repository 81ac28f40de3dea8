#include "models/costs/stage_costs.h"

namespace models {
namespace {

// The consignment's amount a charge per BASE applies to; 0 for what it is not charged on.
double amount_of(const sim::Amounts& a, sim::Base base) {
  switch (base) {
    case sim::Base::Teu: return a.teu;
    case sim::Base::Wagons: return a.wagons;
    case sim::Base::Trains: return a.trains;
    case sim::Base::Mass: return a.tonnes;
    default: return 0;
  }
}

// What the charges per thing in LIST come to for A, over KM and DWELL seconds; per-call ones excluded.
double per_amount(const std::vector<sim::Charge>& list, const sim::Amounts& a, double km, double dwell) {
  double total = 0;
  for (const auto& c : list) {
    if (c.per == sim::Base::Vessels) continue;
    total += c.value * amount_of(a, c.per) * (c.per_km ? km : 1.0) * (c.per_time ? dwell : 1.0);
  }
  return total;
}

double per_call(const std::vector<sim::Charge>& list) {
  double total = 0;
  for (const auto& c : list)
    if (c.per == sim::Base::Vessels) total += c.value;
  return total;
}

// Per vessel-hour charges of CURRENCY over SECONDS.
double per_time(const std::vector<sim::Charge>& list, sim::Currency currency, double seconds) {
  double total = 0;
  for (const auto& c : list)
    if (c.currency == currency) total += c.value * seconds;
  return total;
}

}  // namespace

bool StageCosts::any() const {
  for (const auto& c : costs_)
    if (c && c->any()) return true;
  return false;
}

void StageCosts::leave(Job& job, int stage, double t) const {
  const auto& c = costs_[static_cast<size_t>(stage)];
  if (!c) return;
  const double dwell = t - job.arrived;
  job.usd += per_amount(c->tariffs, job.amounts, c->distance_km, dwell);
  job.kg_co2 += per_amount(c->emissions, job.amounts, c->distance_km, dwell);
}

void StageCosts::voyage(std::vector<Job>& cargo, int stage, sim::Measure unit, double sea_s, double port_s) const {
  const auto& c = costs_[static_cast<size_t>(stage)];
  if (!c) return;
  const double usd = per_call(c->tariffs) + per_time(c->at_sea, sim::Currency::Usd, sea_s) + per_time(c->in_port, sim::Currency::Usd, port_s);
  const double co2 = per_call(c->emissions) + per_time(c->at_sea, sim::Currency::KgCo2, sea_s) + per_time(c->in_port, sim::Currency::KgCo2, port_s);
  double load = 0;
  for (const auto& j : cargo) load += j.amounts.get(unit);
  if (load <= 0 || (usd == 0 && co2 == 0)) return;
  for (auto& j : cargo) {
    const double share = j.amounts.get(unit) / load;
    j.usd += usd * share;
    j.kg_co2 += co2 * share;
  }
}

}  // namespace models
