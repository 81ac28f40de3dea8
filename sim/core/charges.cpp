#include "sim/core/charges.h"

#include <cctype>
#include <cmath>
#include <cstdlib>
#include <stdexcept>
#include <vector>

namespace sim {
namespace {

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out(1);
  for (char c : s) {
    if (c == sep)
      out.emplace_back();
    else
      out.back().push_back(c);
  }
  for (auto& p : out) p = trim(p);
  return out;
}

// "M USD" -> 1e6, Usd; "kg CO2" -> 1, KgCo2; "t CO2" -> 1000, KgCo2.
double numerator(const std::string& num, Currency& cur, const std::string& text) {
  const auto words = split(num, ' ');
  const std::string& last = words.back();
  if (words.size() > 2) throw std::invalid_argument("\"" + text + "\": expected USD, k USD, M USD, bn USD, g CO2, kg CO2 or t CO2 before '/'");
  const std::string scale = words.size() == 2 ? words[0] : "";
  if (last == "USD") {
    cur = Currency::Usd;
    if (scale.empty()) return 1.0;
    if (scale == "k") return 1e3;
    if (scale == "M") return 1e6;
    if (scale == "bn") return 1e9;
  } else if (last == "CO2") {
    cur = Currency::KgCo2;
    if (scale == "g") return 1e-3;
    if (scale == "kg") return 1.0;
    if (scale == "t") return 1e3;
  }
  throw std::invalid_argument("\"" + text + "\": expected USD, k USD, M USD, bn USD, g CO2, kg CO2 or t CO2, not \"" + num + "\"");
}

// One "/..." part: a thing (TEU, t, wagon, ...), a thing-km, or a time unit.
void denominator(const std::string& part, Charge& c, double& value, const std::string& text) {
  std::string name = part;
  bool km = false;
  if (name.size() > 3 && name.compare(name.size() - 3, 3, "-km") == 0) {
    km = true;
    name = name.substr(0, name.size() - 3);
  }
  if (name == "call") name = "vessel";  // a vessel call
  Dim dim;
  double factor = 0;
  if (!find_unit(name, dim, factor)) throw std::invalid_argument("\"" + text + "\": unknown unit \"" + part + "\" after '/'");
  if (dim.time == 1 && !km) {
    if (c.per_time) throw std::invalid_argument("\"" + text + "\" divides by a time twice");
    c.per_time = true;
  } else if (dim.base != Base::None && dim.base != Base::Length && dim.base != Base::Volume && !c.per_km && c.per == Base::None) {
    c.per = dim.base;
    c.per_km = km;
  } else {
    throw std::invalid_argument("\"" + text + "\": \"" + part + "\" is not a thing charged on (TEU, FEU, t, wagon, train, vessel, "
                                "call, truck, each optionally -km) or a time unit, or it repeats one");
  }
  value /= factor;
}

}  // namespace

Charge parse_charge(const std::string& raw) {
  const std::string text = trim(raw);
  const char* begin = text.c_str();
  char* end = nullptr;
  const double number = std::strtod(begin, &end);
  if (end == begin || !std::isfinite(number)) throw std::invalid_argument("\"" + text + "\" does not start with a number");
  if (number < 0) throw std::invalid_argument("\"" + text + "\" is negative");
  const auto parts = split(std::string(end), '/');
  if (parts[0].empty()) throw std::invalid_argument("\"" + text + "\" has no currency (like 250 USD/TEU or 18 kg CO2/TEU-km)");
  if (parts.size() > 3) throw std::invalid_argument("\"" + text + "\" has more than two '/'");
  Charge c;
  c.value = number * numerator(parts[0], c.currency, text);
  for (size_t i = 1; i < parts.size(); ++i) denominator(parts[i], c, c.value, text);
  return c;
}

std::string charge_unit(const Charge& c) {
  std::string out = c.currency == Currency::Usd ? "USD" : "kg CO2";
  if (c.per != Base::None) {
    std::string thing = unit_label({c.per, 0});
    if (thing == "wagons" || thing == "trains" || thing == "vessels" || thing == "trucks") thing.pop_back();
    out += "/" + thing + (c.per_km ? "-km" : "");
  }
  if (c.per_time) out += "/s";
  return out;
}

}  // namespace sim
