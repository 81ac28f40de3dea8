#include "models/run/limits.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>

#include "sim/core/calendar.h"
#include "sim/core/stop.h"
#include "sim/core/units.h"
#include "sim/kernel/kernel.h"

namespace models {
namespace {

// Consignments a source's schedule declares over the days it is active (an estimate: growth and
// profile at their highest).
double declared_creations(const SourceConfig& src, const Scenario& s) {
  const long first = std::max(src.first_day, s.start_day), last = std::min(src.until_day, s.end_day - 1);
  const double span = std::max(0L, last - first + 1) * sim::kSecondsPerDay;
  const auto& sch = src.schedule;
  switch (sch.kind) {
    case ScheduleConfig::Kind::Dates:
      return static_cast<double>(sch.dates.size());
    case ScheduleConfig::Kind::Interval: {
      const double mean = sch.interval.mean();
      return mean > 0 ? span / mean : std::numeric_limits<double>::infinity();
    }
    case ScheduleConfig::Kind::Rate: {
      const double peak = sch.profile.empty() ? 1.0 : *std::max_element(sch.profile.begin(), sch.profile.end());
      const double grown = std::max(1.0, std::pow(1.0 + sch.growth, span / sim::kSecondsPerYear));
      return sch.rate * peak * grown * span;
    }
  }
  return 0;
}

std::string top_source(const sim::Recorder& r) {
  const auto& counts = r.events_by_source();
  if (counts.empty()) return "";
  const auto top = std::max_element(counts.begin(), counts.end()) - counts.begin();
  std::ostringstream m;
  m << "; the source that generated the most events: " << r.sources()[static_cast<size_t>(top)] << " ("
    << counts[static_cast<size_t>(top)] << " events)";
  return m.str();
}

std::string mib(std::uint64_t bytes) { return std::to_string(bytes >> 20) + " MiB"; }

}  // namespace

std::uint64_t default_event_budget(const Scenario& s) {
  double events = 0;
  for (const auto& src : s.sources) events += declared_creations(src, s) * (2.0 + 2.0 * static_cast<double>(src.route.size()));
  const double budget = 100.0 * events;  // may be inf (every: 1e-300 d): the ceiling applies
  if (!(budget < static_cast<double>(kMaxEventBudget))) return kMaxEventBudget;
  return std::max(kMinEventBudget, static_cast<std::uint64_t>(budget));
}

std::uint64_t default_memory_limit(int processes) {
  const std::uint64_t physical = sim::physical_bytes();
  const std::uint64_t floor = std::uint64_t{512} << 20;
  if (physical == 0) return 0;  // unknown: no guard
  return std::max(floor, (physical / 2) / static_cast<std::uint64_t>(std::max(1, processes)));
}

void watch_limits(sim::Recorder& recorder, const Scenario& s, const Limits& limits) {
  const std::uint64_t max_events = limits.max_events ? limits.max_events : default_event_budget(s);
  const std::uint64_t max_memory = limits.max_memory ? limits.max_memory : default_memory_limit(1);
  // Every ~16384 events: ~10 ms of simulation, so a signal is noticed at once and /proc is read rarely.
  // The interval divides the budget into equal steps, so the last check falls just past the budget
  // (at most one event per check late) rather than up to 16383 events past it.
  const std::uint64_t checks = max_events / 16384 + 1;
  const std::uint64_t every = max_events / checks + 1;
  recorder.watch(
      [max_events, max_memory](const sim::Recorder& r) {
        sim::throw_if_stopped();
        const std::string when = " on " + sim::format_date(r.calendar().day_at(sim::now()));
        if (r.events() > max_events)
          throw sim::LimitExceeded("the run exceeded its event budget of " + std::to_string(max_events) + " events" + when +
                                   top_source(r) + " (raise it with --max-events if the scenario is meant to be this large)");
        if (max_memory) {
          const std::uint64_t rss = sim::resident_bytes();
          if (rss > max_memory)
            throw sim::LimitExceeded("the run uses " + mib(rss) + " of memory, over its limit of " + mib(max_memory) + when +
                                     top_source(r) + " (raise it with --max-memory)");
        }
      },
      every);
}

}  // namespace models
