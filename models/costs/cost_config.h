#pragma once
// What a stage charges the consignments that pass it, and what they emit there (a stage's `costs:`),
// and the scenario's `cost_basis:` (price year, value of time). Plain data; parse_costs.cpp reads it.
#include <string>
#include <vector>

#include "sim/config/doc.h"
#include "sim/core/charges.h"

namespace models {

struct CostsConfig {
  // USD (tariffs) and kg CO2 (emissions), each charged on the consignment by what it is written per:
  //   per TEU, FEU, wagon, t or train: x the consignment's amount;
  //   per ...-km: x the amount x `distance`;
  //   per .../d (a day of dwell or storage): x the amount x the time the consignment spent at the stage;
  //   per call (vessel lines): once per sailing, shared among the consignments aboard.
  std::vector<sim::Charge> tariffs, emissions;
  // Per vessel-hour (vessel lines; USD or CO2): at sea from sailing to arrival (the laden crossing,
  // storms waited out at sea included), in port while loading and unloading; shared among the
  // consignments aboard by their share of the vessel's load.
  std::vector<sim::Charge> at_sea, in_port;
  double distance_km = 0;
  std::string source;  // the citation, or "assumed: ..."
  sim::Where where;
  bool any() const { return !tariffs.empty() || !emissions.empty() || !at_sea.empty() || !in_port.empty(); }
};

struct CostBasis {
  bool declared = false;
  int price_year = 0;
  std::string currency = "USD";
  // USD per TEU per second and per tonne per second of transit: generalized cost = tariffs + this x transit time.
  double value_of_time_teu = 0, value_of_time_t = 0;
  std::string source;
  sim::Where where;
};

}  // namespace models
