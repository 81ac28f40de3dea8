#pragma once
// Every quantity in a scenario is a number with a unit, parsed here and nowhere else.
// Internally: time in seconds, mass in tonnes, length in km, volume in barrels,
// countable things (TEU, wagons, trains, vessels, trucks) in their own unit.
#include <string>
#include <vector>

namespace sim {

enum class Base { None, Mass, Volume, Length, Teu, Wagons, Trains, Vessels, Trucks };

// A dimension is a base kind to the power 0 or 1, times time to the power -1, 0 or 1.
struct Dim {
  Base base = Base::None;
  int time = 0;
  bool operator==(const Dim& o) const { return base == o.base && time == o.time; }
  bool operator!=(const Dim& o) const { return !(*this == o); }
};

namespace dims {
inline constexpr Dim duration{Base::None, 1};
inline constexpr Dim frequency{Base::None, -1};  // "per day", e.g. 3 /d
inline constexpr Dim mass{Base::Mass, 0};
inline constexpr Dim mass_rate{Base::Mass, -1};
inline constexpr Dim volume{Base::Volume, 0};
inline constexpr Dim volume_rate{Base::Volume, -1};
inline constexpr Dim length{Base::Length, 0};
inline constexpr Dim speed{Base::Length, -1};
inline constexpr Dim teu{Base::Teu, 0};
inline constexpr Dim wagons{Base::Wagons, 0};
inline constexpr Dim trains{Base::Trains, 0};
inline constexpr Dim vessels{Base::Vessels, 0};
inline constexpr Dim trucks{Base::Trucks, 0};
}  // namespace dims

struct Quantity {
  double value = 0;  // in internal units (see above)
  Dim dim;
};

// Parses "20h", "46 wagons/d", "7 Mt/yr", "1.2 Mbbl/d", "14 kn", "225 TEU".
// Throws std::invalid_argument with a human sentence on failure.
Quantity parse_quantity(const std::string& text);

// The definition of one unit name ("t", "TEU", "d", ...): its dimension and its factor to internal units.
// False for an unknown name. Shared with parse_charge (sim/core/charges.h).
bool find_unit(const std::string& name, Dim& dim, double& factor);

// TEXT without its leading and trailing white space (shared by the quantity and charge parsers).
std::string trim(const std::string& text);

// Every unit name parse_quantity accepts ("s", "min", ..., "kn"), for documentation.
std::vector<std::string> unit_names();

// Human description of a dimension with an example, for error messages: "a duration like 20h".
std::string describe(Dim d);
// The canonical unit a dimension is reported in (result files, summaries): "d", "t", "TEU/d".
std::string unit_label(Dim d);
// Factor from internal units to the reporting unit of unit_label().
double report_factor(Dim d);

inline constexpr double kSecondsPerDay = 86400.0;
inline constexpr double kSecondsPerYear = 365.25 * kSecondsPerDay;  // Julian year; "yr" means this

}  // namespace sim
