#pragma once
// Calibration parameters named as `--set` names them (`flows.x.arrivals`, list items by name or
// number), plus `flows.x.profile[3]` (one month of a profile) and `flows.x.profile` (a scale factor on
// the whole profile). Bounds carry units (`2/d..10/d`) or take the unit of the key's value in the
// scenario (`2..10` on `4 /d`).
#include <string>
#include <vector>

#include "sim/calibration/objective.h"
#include "sim/config/doc.h"

namespace models::calibration {

struct Param {
  std::string spec;   // as given: KEY=LO..HI
  std::string key;    // as given, e.g. flows.x.profile[3]
  std::string path;   // as --set takes it: flows.x.profile.3
  std::string unit;   // the unit the value is written in ("/d", "trains/mo", "" for a plain number or a scale)
  bool scale = false;              // a factor on a whole list of plain numbers (a profile scale)
  std::vector<double> list;        // the list's values: scaled when `scale`, or the list holding item `index`
  double start = 0;                // the scenario's value, in `unit` (1 for a scale)
  sim::calibration::Bounds bounds; // in `unit`
  // Where the value sits, for the overlay: each step is a map key or a named list item ("name=x").
  std::vector<std::string> steps;
  int index = -1;                  // profile[i]: the item of the list at `steps`
};

// Resolves SPEC (KEY=LO..HI) in the scenario ROOT. Throws sim::ScenarioError (exit 3) for an unknown
// key, a value that is not a number, bounds in another dimension, or bounds that exclude the value.
Param resolve_param(const sim::Node& root, const std::string& spec);

// The value as the scenario writes it ("4.61 /d"; for a scale, the scaled list "[0.8, ...]").
std::string value_text(const Param& p, double value);
// The --set assignment that puts VALUE into a scenario.
std::string set_assignment(const Param& p, double value);

}  // namespace models::calibration
