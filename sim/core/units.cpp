#include "sim/core/units.h"

#include <cctype>
#include <cmath>
#include <cstdlib>
#include <map>
#include <stdexcept>

namespace sim {
namespace {

struct UnitDef {
  Base base;
  int time;
  double factor;  // to internal units
};

const std::map<std::string, UnitDef>& units() {
  // Time units, when they stand alone, are durations; after '/', they make a rate.
  static const std::map<std::string, UnitDef> table = {
      {"s", {Base::None, 1, 1.0}},
      {"min", {Base::None, 1, 60.0}},
      {"h", {Base::None, 1, 3600.0}},
      {"d", {Base::None, 1, kSecondsPerDay}},
      {"wk", {Base::None, 1, 7 * kSecondsPerDay}},
      {"mo", {Base::None, 1, kSecondsPerYear / 12}},
      {"yr", {Base::None, 1, kSecondsPerYear}},
      {"t", {Base::Mass, 0, 1.0}},
      {"kt", {Base::Mass, 0, 1e3}},
      {"Mt", {Base::Mass, 0, 1e6}},
      {"dwt", {Base::Mass, 0, 1.0}},
      {"bbl", {Base::Volume, 0, 1.0}},
      {"kbbl", {Base::Volume, 0, 1e3}},
      {"Mbbl", {Base::Volume, 0, 1e6}},
      {"m", {Base::Length, 0, 1e-3}},
      {"km", {Base::Length, 0, 1.0}},
      {"nmi", {Base::Length, 0, 1.852}},
      {"TEU", {Base::Teu, 0, 1.0}},
      {"FEU", {Base::Teu, 0, 2.0}},
      {"wagon", {Base::Wagons, 0, 1.0}},
      {"wagons", {Base::Wagons, 0, 1.0}},
      {"train", {Base::Trains, 0, 1.0}},
      {"trains", {Base::Trains, 0, 1.0}},
      {"vessel", {Base::Vessels, 0, 1.0}},
      {"vessels", {Base::Vessels, 0, 1.0}},
      {"truck", {Base::Trucks, 0, 1.0}},
      {"trucks", {Base::Trucks, 0, 1.0}},
  };
  return table;
}

}  // namespace

Quantity parse_quantity(const std::string& raw) {
  const std::string text = trim(raw);
  const char* begin = text.c_str();
  char* end = nullptr;
  const double number = std::strtod(begin, &end);
  if (end == begin || !std::isfinite(number))
    throw std::invalid_argument("\"" + text + "\" does not start with a number");
  const std::string unit = trim(std::string(end));
  if (unit.empty())
    throw std::invalid_argument("\"" + text + "\" has no unit");
  if (unit == "kn")  // knots: nautical miles per hour
    return {number * 1.852 / 3600.0, dims::speed};

  std::string num = unit, den;
  if (const auto slash = unit.find('/'); slash != std::string::npos) {
    num = trim(unit.substr(0, slash));
    den = trim(unit.substr(slash + 1));
  }
  Quantity q{number, {Base::None, 0}};
  if (!num.empty()) {
    const auto it = units().find(num);
    if (it == units().end()) throw std::invalid_argument("unknown unit \"" + num + "\" in \"" + text + "\"");
    q.value *= it->second.factor;
    q.dim = {it->second.base, it->second.time};
  }
  if (!den.empty()) {
    const auto it = units().find(den);
    if (it == units().end() || it->second.base != Base::None)
      throw std::invalid_argument("\"" + den + "\" after '/' in \"" + text + "\" is not a time unit (s, min, h, d, wk, mo, yr)");
    if (q.dim.time != 0) throw std::invalid_argument("\"" + text + "\" divides a time by a time");
    q.value /= it->second.factor;
    q.dim.time = -1;
  }
  return q;
}

std::string trim(const std::string& s) {
  size_t a = 0, b = s.size();
  while (a < b && std::isspace(static_cast<unsigned char>(s[a]))) ++a;
  while (b > a && std::isspace(static_cast<unsigned char>(s[b - 1]))) --b;
  return s.substr(a, b - a);
}

bool find_unit(const std::string& name, Dim& dim, double& factor) {
  const auto it = units().find(name);
  if (it == units().end()) return false;
  dim = {it->second.base, it->second.time};
  factor = it->second.factor;
  return true;
}

std::vector<std::string> unit_names() {
  std::vector<std::string> out;
  for (const auto& [name, def] : units()) out.push_back(name);
  out.push_back("kn");
  return out;
}

std::string describe(Dim d) {
  switch (d.base) {
    case Base::None: return d.time == 1 ? "a duration like 20h, 45min or 3d" : "a frequency like 3 /d or 2 /wk";
    case Base::Mass: return d.time ? "a mass rate like 7 Mt/yr or 150 kt/mo" : "a mass like 12kt or 1.5 Mt";
    case Base::Volume: return d.time ? "a volume rate like 1.2 Mbbl/d" : "a volume like 500 kbbl";
    case Base::Length: return d.time ? "a speed like 14 kn or 1500 km/d" : "a length like 306 km";
    case Base::Teu: return d.time ? "a TEU rate like 150000 TEU/yr" : "a container count like 225 TEU";
    case Base::Wagons: return d.time ? "a wagon rate like 46 wagons/d" : "a wagon count like 56 wagons";
    case Base::Trains: return d.time ? "a train rate like 28 trains/d" : "a train count like 2 trains";
    case Base::Vessels: return d.time ? "a vessel rate like 5 vessels/d" : "a vessel count like 6 vessels";
    case Base::Trucks: return d.time ? "a truck rate like 50 trucks/d" : "a truck count like 50 trucks";
  }
  return "a quantity with a unit";
}

std::string unit_label(Dim d) {
  std::string base;
  switch (d.base) {
    case Base::None: base = ""; break;
    case Base::Mass: base = "t"; break;
    case Base::Volume: base = "bbl"; break;
    case Base::Length: base = "km"; break;
    case Base::Teu: base = "TEU"; break;
    case Base::Wagons: base = "wagons"; break;
    case Base::Trains: base = "trains"; break;
    case Base::Vessels: base = "vessels"; break;
    case Base::Trucks: base = "trucks"; break;
  }
  if (d.time == 1) return base.empty() ? "d" : base + " d";
  if (d.time == -1) return base + "/d";
  return base;
}

double report_factor(Dim d) {
  if (d.time == 1) return 1.0 / kSecondsPerDay;
  if (d.time == -1) return kSecondsPerDay;
  return 1.0;
}

}  // namespace sim
