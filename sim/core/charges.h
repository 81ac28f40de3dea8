#pragma once
// Money and emissions written with what they are charged on: "250 USD/TEU", "3000 USD/FEU",
// "1.2 M USD", "6 M USD/yr", "15 USD/TEU/d" (a day of dwell), "0.02 USD/t-km", "18 kg CO2/TEU-km",
// "900 kg CO2/h" (a vessel-hour). Parsed here and nowhere else, like sim/core/units.h's quantities.
// Money is in USD of a price year the scenario states; emissions in kg CO2.
#include <string>

#include "sim/core/units.h"

namespace sim {

enum class Currency { Usd, KgCo2 };

// value is per internal unit of `per` (1 TEU, 1 t, 1 wagon, ...; none: a lump sum), per km when
// per_km, per second when per_time: total = value * amount * km * seconds for the factors present.
struct Charge {
  double value = 0;
  Currency currency = Currency::Usd;
  Base per = Base::None;
  bool per_km = false;
  bool per_time = false;
};

// Throws std::invalid_argument with a human sentence on failure.
Charge parse_charge(const std::string& text);

// "USD/TEU", "kg CO2/t-km", "USD/yr": the canonical unit of a charge, as results report it.
std::string charge_unit(const Charge& c);

}  // namespace sim
