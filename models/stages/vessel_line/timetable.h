#pragma once
// A vessel line's timetable: one sailing every `every` from `at` (seconds since the run's start),
// with a cargo cut-off `cutoff` before each departure. Pure slot arithmetic, so that it can be
// checked by hand; the dispatcher that sails by it is in vessel_line_timetable.cpp.
#include <string>

#include "sim/config/reader.h"

namespace models {

struct Timetable {
  double every = 0;   // seconds between departures
  double at = 0;      // the first departure, seconds after the run's start (00:00 of its first day)
  double cutoff = 0;  // cargo boards until this long before a departure

  double departure(long k) const { return at + static_cast<double>(k) * every; }
  double cutoff_of(long k) const { return departure(k) - cutoff; }
  // The first slot whose cut-off is at or after T and whose index is at least FROM (slots whose
  // cut-off falls before the run's start do not exist).
  long first_slot(double t, long from = 0) const;
};

// `timetable: {every: 3 d, at: "08:00", cutoff: 12 h}` (at: a clock time "HH:MM" on the first
// day, or a duration after the run's start; default 0). Errors name the file, line and key.
Timetable parse_timetable(const sim::Node& n, const std::string& path);

}  // namespace models
