#include "models/stages/vessel_line/timetable.h"

#include <algorithm>
#include <cmath>
#include <regex>

namespace models {

long Timetable::first_slot(double t, long from) const {
  // cutoff_of(k) >= t  <=>  k >= (t - at + cutoff) / every; the small tolerance keeps a cut-off
  // that falls exactly on T (as computed by cutoff_of) from being skipped by rounding.
  const double x = (std::max(t, 0.0) - at + cutoff) / every;
  long k = static_cast<long>(std::ceil(x - 1e-9));
  return std::max({k, from, 0L});
}

namespace {

// "08:00" -> seconds after midnight; a duration -> its seconds.
double parse_at(const sim::Node& n, const std::string& key) {
  static const std::regex clock(R"(^([0-9]{1,2}):([0-9]{2})$)");
  std::smatch m;
  if (n.is_scalar() && std::regex_match(n.scalar, m, clock)) {
    const int h = std::stoi(m[1]), min = std::stoi(m[2]);
    if (h > 23 || min > 59) sim::fail(n, key, "expected a clock time from \"00:00\" to \"23:59\", got \"" + n.scalar + "\"");
    return (h * 60.0 + min) * 60.0;
  }
  const double v = sim::as_quantity(n, key, sim::dims::duration).value;
  if (v < 0) sim::fail(n, key, "expected a clock time like \"08:00\" or a duration of at least 0 after the run's start");
  return v;
}

}  // namespace

Timetable parse_timetable(const sim::Node& n, const std::string& path) {
  if (!n.is_map()) sim::fail(n, path, "expected a mapping like {every: 3 d, at: \"08:00\", cutoff: 12 h}");
  sim::MapReader r(n, path);
  Timetable t;
  t.every = sim::as_positive(r.required("every"), r.path("every"), sim::dims::duration);
  if (const sim::Node* at = r.optional("at")) t.at = parse_at(*at, r.path("at"));
  if (const sim::Node* c = r.optional("cutoff")) {
    t.cutoff = sim::as_quantity(*c, r.path("cutoff"), sim::dims::duration).value;
    // One vessel loads for one departure at a time: the next slot's cut-off must come after this
    // slot's departure.
    if (t.cutoff < 0 || t.cutoff >= t.every)
      sim::fail(*c, r.path("cutoff"), "expected a duration of at least 0 and shorter than `every` (a vessel loads for one departure at a time)");
  }
  r.optional("description");
  r.optional("source");
  r.finish();
  return t;
}

}  // namespace models
