// parse_quantity: numbers with units, converted to internal units (s, t, km, bbl, counts).
#include <catch2/catch.hpp>

#include <stdexcept>

#include "sim/core/units.h"

using sim::parse_quantity;
namespace dims = sim::dims;

namespace {
constexpr double kDay = 86400.0;
constexpr double kYear = 365.25 * kDay;

// Asserts the value (relative tolerance) and the dimension of a parsed quantity.
void check(const std::string& text, double value, sim::Dim dim) {
  INFO("parsing \"" << text << "\"");
  const sim::Quantity q = parse_quantity(text);
  CHECK(q.value == Approx(value).epsilon(1e-12));
  CHECK(q.dim == dim);
}
}  // namespace

TEST_CASE("durations are converted to seconds", "[units]") {
  check("20h", 20 * 3600.0, dims::duration);
  check("45min", 45 * 60.0, dims::duration);
  check("3d", 3 * kDay, dims::duration);
  check("1wk", 7 * kDay, dims::duration);
  check("90 s", 90.0, dims::duration);
  check("1yr", kYear, dims::duration);
  check("  2.5 h  ", 2.5 * 3600.0, dims::duration);  // surrounding spaces are ignored
}

TEST_CASE("rates are per second internally", "[units]") {
  check("46 wagons/d", 46 / kDay, sim::Dim{sim::Base::Wagons, -1});
  check("28 trains/d", 28 / kDay, sim::Dim{sim::Base::Trains, -1});
  check("7 Mt/yr", 7e6 / kYear, dims::mass_rate);  // yr is the Julian year of 365.25 days
  check("1.2 Mbbl/d", 1.2e6 / kDay, dims::volume_rate);
  check("150 kt/mo", 150e3 / (kYear / 12), dims::mass_rate);
  check("3 /d", 3 / kDay, dims::frequency);
  check("2 trains / wk", 2 / (7 * kDay), sim::Dim{sim::Base::Trains, -1});
}

TEST_CASE("masses are in tonnes", "[units]") {
  check("12kt", 12e3, dims::mass);
  check("1.5 Mt", 1.5e6, dims::mass);
  check("300 t", 300, dims::mass);
  check("500 kbbl", 500e3, dims::volume);
}

TEST_CASE("counts are in their own unit, and an FEU is two TEU", "[units]") {
  check("225 TEU", 225, dims::teu);
  check("1 FEU", 2, dims::teu);
  check("56 wagons", 56, dims::wagons);
  check("1 wagon", 1, dims::wagons);
  check("2 trains", 2, dims::trains);
  check("6 vessels", 6, dims::vessels);
  check("50 trucks", 50, dims::trucks);
}

TEST_CASE("lengths are in km and speeds in km per second", "[units]") {
  check("306 km", 306, dims::length);
  check("800 m", 0.8, dims::length);
  check("10 nmi", 18.52, dims::length);
  check("14 kn", 14 * 1.852 / 3600.0, dims::speed);  // 14 kn = 25.928 km/h
  check("1500 km/d", 1500 / kDay, dims::speed);
  // The same speed written two ways is the same quantity.
  CHECK(parse_quantity("14 kn").value == Approx(parse_quantity("25.928 km/h").value).epsilon(1e-12));
}

TEST_CASE("malformed quantities are rejected with a sentence", "[units]") {
  using Catch::Matchers::Contains;
  CHECK_THROWS_WITH(parse_quantity("82"), Contains("has no unit"));
  CHECK_THROWS_WITH(parse_quantity("82 furlongs"), Contains("unknown unit \"furlongs\""));
  CHECK_THROWS_WITH(parse_quantity("TEU 82"), Contains("does not start with a number"));
  CHECK_THROWS_WITH(parse_quantity(""), Contains("does not start with a number"));
  CHECK_THROWS_WITH(parse_quantity("3 d/h"), Contains("divides a time by a time"));
  CHECK_THROWS_WITH(parse_quantity("3 TEU/km"), Contains("is not a time unit"));
  CHECK_THROWS_WITH(parse_quantity("3 TEU/fortnight"), Contains("is not a time unit"));
  CHECK_THROWS_AS(parse_quantity("inf TEU"), std::invalid_argument);
  CHECK_THROWS_AS(parse_quantity("7 mt"), std::invalid_argument);  // units are case-sensitive
}

TEST_CASE("unit labels and report factors convert back to days", "[units]") {
  CHECK(sim::unit_label(dims::duration) == "d");
  CHECK(sim::unit_label(sim::Dim{sim::Base::Teu, -1}) == "TEU/d");
  CHECK(sim::unit_label(dims::mass) == "t");
  const sim::Quantity rate = parse_quantity("46 wagons/d");
  CHECK(rate.value * sim::report_factor(rate.dim) == Approx(46));
  const sim::Quantity dur = parse_quantity("36h");
  CHECK(dur.value * sim::report_factor(dur.dim) == Approx(1.5));
}
