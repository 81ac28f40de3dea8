#include "models/calibration/params.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>

#include "sim/core/units.h"

namespace models::calibration {
namespace {

[[noreturn]] void bad(const std::string& spec, const std::string& key, const std::string& msg) {
  throw sim::ScenarioError(sim::Where{"--param " + spec, 0, 0}, key, msg);
}

// "4.55 /d" -> 4.55 and "/d"; false if the text does not start with a number.
bool split_number(const std::string& text, double& number, std::string& unit) {
  const std::string t = sim::trim(text);
  char* end = nullptr;
  number = std::strtod(t.c_str(), &end);
  if (end == t.c_str()) return false;
  unit = sim::trim(end);
  return true;
}

std::string fmt(double v) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

// SI value of NUMBER in UNIT ("" is a plain number).
double si(double number, const std::string& unit, const std::string& spec, const std::string& key) {
  if (unit.empty()) return number;
  try {
    return sim::parse_quantity(fmt(number) + " " + unit).value;
  } catch (const std::invalid_argument& e) {
    bad(spec, key, "cannot read the unit \"" + unit + "\": " + e.what());
  }
}

// A bound: a plain number in the value's unit, or a number with its own unit of the same dimension.
double bound(const std::string& text, const Param& p, const std::string& spec) {
  double n = 0;
  std::string unit;
  if (!split_number(text, n, unit)) bad(spec, p.key, "expected bounds LO..HI, numbers with or without a unit; got \"" + text + "\"");
  if (unit.empty() || unit == p.unit) return n;
  if (p.unit.empty() || p.scale) bad(spec, p.key, "the value is a plain number; the bound \"" + text + "\" has a unit");
  sim::Quantity b, v;
  try {
    b = sim::parse_quantity(text);
    v = sim::parse_quantity("1 " + p.unit);
  } catch (const std::invalid_argument& e) {
    bad(spec, p.key, "cannot read the bound \"" + text + "\": " + e.what());
  }
  if (b.dim != v.dim) bad(spec, p.key, "the bound \"" + text + "\" is " + sim::describe(b.dim) + ", but the value is in " + p.unit);
  return b.value / v.value;
}

// Walks PATH as --set does (map keys; list items by name, else by number), noting each step.
const sim::Node& walk(const sim::Node& root, Param& p, const std::string& spec) {
  const sim::Node* cur = &root;
  std::string walked;
  size_t pos = 0;
  while (true) {
    const auto dot = p.path.find('.', pos);
    const std::string seg = p.path.substr(pos, dot == std::string::npos ? std::string::npos : dot - pos);
    walked += (walked.empty() ? "" : ".") + seg;
    const sim::Node* next = nullptr;
    if (cur->is_map()) {
      next = cur->find(seg);
      p.steps.push_back(seg);
    } else if (cur->is_seq()) {
      for (const auto& item : cur->items)
        if (item.is_map() && item.find("name") && item.find("name")->scalar == seg) next = &item;
      if (next) p.steps.push_back("name=" + seg);
      else if (!seg.empty() && std::all_of(seg.begin(), seg.end(), ::isdigit) && std::stoul(seg) < cur->items.size()) {
        next = &cur->items[std::stoul(seg)];
        if (next->is_map() && next->find("name")) p.steps.push_back("name=" + next->find("name")->scalar);
        else if (dot == std::string::npos) {
          p.index = static_cast<int>(std::stoul(seg));
          for (const auto& item : cur->items) p.list.push_back(item.is_scalar() ? std::strtod(item.scalar.c_str(), nullptr) : 0.0);
        }
        else bad(spec, walked, "a list item without a name can only be the last step (like profile[3])");
      }
    }
    if (!next) bad(spec, walked, "no such key in the scenario");
    cur = next;
    if (dot == std::string::npos) return *cur;
    pos = dot + 1;
  }
}

}  // namespace

Param resolve_param(const sim::Node& root, const std::string& spec) {
  Param p;
  p.spec = spec;
  const auto eq = spec.find('=');
  const auto dots = spec.find("..", eq == std::string::npos ? 0 : eq);
  if (eq == std::string::npos || eq == 0 || dots == std::string::npos) bad(spec, "", "expected KEY=LO..HI, like flows.x.arrivals=2..10");
  p.key = sim::trim(spec.substr(0, eq));
  // profile[3] -> profile.3: the --set path
  for (char c : p.key) {
    if (c == '[') p.path += '.';
    else if (c != ']') p.path += c;
  }
  const sim::Node& node = walk(root, p, spec);
  if (node.is_seq()) {  // a profile scale: every item a plain number
    p.scale = true;
    for (const auto& item : node.items) {
      char* end = nullptr;
      const double v = item.is_scalar() ? std::strtod(item.scalar.c_str(), &end) : 0;
      if (!item.is_scalar() || end == item.scalar.c_str() || !sim::trim(end).empty())
        bad(spec, p.key, "a list can be calibrated only as a scale on plain numbers (like a profile)");
      p.list.push_back(v);
    }
    p.start = 1;
  } else if (!node.is_scalar() || !split_number(node.scalar, p.start, p.unit)) {
    bad(spec, p.key, "the value is " + (node.is_scalar() ? "\"" + node.scalar + "\"" : std::string(node.kind_word())) +
                         ", not a number: calibrate a numeric key (a rate, a duration, a profile entry; for a distribution, one of its "
                         "parameters, like handling_time.mean)");
  }
  if (!p.unit.empty()) si(p.start, p.unit, spec, p.key);  // the value's own unit must be readable
  p.bounds = {bound(spec.substr(eq + 1, dots - eq - 1), p, spec), bound(spec.substr(dots + 2), p, spec)};
  if (!(p.bounds.lo < p.bounds.hi)) bad(spec, p.key, "the lower bound must be below the upper bound");
  if (p.start < p.bounds.lo || p.start > p.bounds.hi)
    bad(spec, p.key, "the bounds " + fmt(p.bounds.lo) + ".." + fmt(p.bounds.hi) + " " + p.unit + " exclude the scenario's value " +
                         fmt(p.start) + " " + p.unit + ": calibration starts from it");
  return p;
}

std::string value_text(const Param& p, double value) {
  if (!p.scale) return fmt(value) + (p.unit.empty() ? "" : " " + p.unit);
  std::string s = "[";
  for (size_t i = 0; i < p.list.size(); ++i) s += (i ? ", " : "") + fmt(p.list[i] * value);
  return s + "]";
}

std::string set_assignment(const Param& p, double value) { return p.path + "=" + value_text(p, value); }

}  // namespace models::calibration
