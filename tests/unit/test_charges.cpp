// parse_charge: money and emissions with what they are charged on, in internal units (per TEU, per t,
// per km, per second).
#include <catch2/catch.hpp>

#include <stdexcept>

#include "sim/core/charges.h"

using sim::Base;
using sim::parse_charge;

TEST_CASE("tariffs per thing carried", "[charges]") {
  auto c = parse_charge("250 USD/TEU");
  CHECK(c.value == 250.0);
  CHECK(c.currency == sim::Currency::Usd);
  CHECK(c.per == Base::Teu);
  CHECK_FALSE(c.per_km);
  CHECK_FALSE(c.per_time);
  CHECK(parse_charge("3000 USD/FEU").value == Approx(1500.0));  // an FEU is two TEU
  CHECK(parse_charge("12 USD/kt").value == Approx(0.012));
  CHECK(parse_charge("900 USD/call").per == Base::Vessels);
  CHECK(parse_charge("40 USD/wagon").per == Base::Wagons);
  CHECK(sim::charge_unit(parse_charge("3000 USD/FEU")) == "USD/TEU");
}

TEST_CASE("lump sums, yearly costs and dwell by the day", "[charges]") {
  CHECK(parse_charge("120 M USD").value == Approx(1.2e8));
  CHECK(parse_charge("1.5 bn USD").per == Base::None);
  const auto op = parse_charge("6 M USD/yr");
  CHECK(op.per_time);
  CHECK(op.value * 365.25 * 86400.0 == Approx(6e6));
  const auto dwell = parse_charge("15 USD/TEU/d");
  CHECK(dwell.per == Base::Teu);
  CHECK(dwell.per_time);
  CHECK(dwell.value * 86400.0 == Approx(15.0));
}

TEST_CASE("emission factors per thing-km and per hour", "[charges]") {
  const auto f = parse_charge("18 g CO2/TEU-km");
  CHECK(f.currency == sim::Currency::KgCo2);
  CHECK(f.per == Base::Teu);
  CHECK(f.per_km);
  CHECK(f.value == Approx(0.018));
  CHECK(sim::charge_unit(f) == "kg CO2/TEU-km");
  const auto h = parse_charge("1.2 t CO2/h");
  CHECK(h.per_time);
  CHECK(h.value * 3600.0 == Approx(1200.0));
}

TEST_CASE("malformed charges are refused with a sentence", "[charges]") {
  for (const char* bad : {"USD", "250", "250 EUR/TEU", "250 USD/parsec", "-3 USD/TEU", "1 USD/TEU/t", "1 USD/d/h",
                          "1 USD/TEU/d/h", "5 mg CO2/TEU", "1 USD/km"})
    CHECK_THROWS_AS(parse_charge(bad), std::invalid_argument);
}
