#pragma once
// Bounds on the work of one run: an event budget and a memory guard, so that a scenario that asks for
// a runaway (arrivals: 1e9 /d, every: 1e-300 d) stops with exit 4 instead of filling memory and disk.
// Results never depend on the limits unless one is hit: the check only reads counters.
#include <cstdint>
#include <string>

#include "models/scenario/config.h"
#include "sim/record/recorder.h"

namespace models {

struct Limits {
  std::uint64_t max_events = 0;  // per run; 0: default_event_budget(scenario)
  std::uint64_t max_memory = 0;  // resident bytes per simulating process; 0: default_memory_limit(1)
};

// Events the scenario's declared schedules imply over its horizon (creations x (2 + 2 x route length)),
// x 100, at least kMinEventBudget and at most kMaxEventBudget. The ceiling is what stops a scenario
// that declares a runaway (arrivals: 1e9 /d declares ~1e12 events); the largest shipped scenario
// has ~55,000 events, so a scenario over 10 million (~20 s, ~0.6 GB at a runaway's pace) is a mistake or knows to say --max-events.
inline constexpr std::uint64_t kMinEventBudget = 2'000'000;
inline constexpr std::uint64_t kMaxEventBudget = 10'000'000;
std::uint64_t default_event_budget(const Scenario& s);
// Half of physical memory shared by PROCESSES simulating at once, at least 512 MiB: the machine is
// often shared, and a run that needs more is rare enough to say --max-memory.
std::uint64_t default_memory_limit(int processes);

// Checks the limits (and SIGINT/SIGTERM) every few thousand events of RECORDER; throws
// sim::LimitExceeded naming the source that generated the most events, or sim::Interrupted.
void watch_limits(sim::Recorder& recorder, const Scenario& s, const Limits& limits);

}  // namespace models
