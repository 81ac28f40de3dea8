#pragma once
// What the consignments delivered after the warm-up paid and emitted along their routes, per service
// or flow: one value per consignment per TEU and per tonne (for the distributions), and totals by
// delivery month. Filled by the network at each delivery when the scenario declares costs.
#include <vector>

#include "sim/core/calendar.h"
#include "sim/record/observe.h"

namespace sim {

struct SourceCosts {
  // One per consignment delivered that carries TEU (resp. tonnes): USD, kg CO2 and generalized cost
  // (USD + value of time x transit time) per TEU (resp. per tonne).
  std::vector<double> usd_per_teu, co2_per_teu, gen_per_teu, usd_per_t, co2_per_t, gen_per_t;
  double teu = 0, tonnes = 0, usd = 0, kg_co2 = 0;  // totals delivered
  std::vector<double> monthly_usd, monthly_co2;     // by delivery month
};

class CostLedger {
 public:
  // Costs are recorded from now on, for SOURCES services and flows; value of time in USD per TEU
  // (per tonne) per second of transit.
  // DECLARED: the scenario declares costs (else only the amounts delivered are of use).
  void configure(size_t sources, double vot_teu, double vot_t, bool declared);
  bool active() const { return active_; }
  bool declared() const { return declared_; }
  // A consignment delivered at T (created at CREATED) that was charged USD and KG_CO2 for AMOUNTS.
  void deliver(int source, double t, double created, double usd, double kg_co2, const Amounts& amounts);
  // Called by the recorder: deliveries before WARMUP are not counted; months come from CAL.
  void set_calendar(const Calendar* cal, double warmup) {
    cal_ = cal;
    warmup_ = warmup;
  }
  const std::vector<SourceCosts>& sources() const { return sources_; }
  double value_of_time_teu() const { return vot_teu_; }
  double value_of_time_t() const { return vot_t_; }

 private:
  bool active_ = false, declared_ = false;
  const Calendar* cal_ = nullptr;
  double warmup_ = 0, vot_teu_ = 0, vot_t_ = 0;
  std::vector<SourceCosts> sources_;
};

}  // namespace sim
