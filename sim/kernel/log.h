#pragma once
// One logger for the project. Lines show the simulated date and time; SimGrid's own log lines are
// routed here too, so there is one stream with one format.
#include <spdlog/spdlog.h>

#include <memory>
#include <string>

namespace sim::log {

// Level names as spdlog spells them: trace, debug, info, warn, error, critical, off.
void setup(const std::string& level);
// Named logger of a subsystem ("kernel", "model", "scenario", "output"), sharing the common sink.
std::shared_ptr<spdlog::logger> get(const std::string& name);
// Simulated dates in log lines are calendar dates from this day (days since 1970-01-01).
void set_start_day(long day);
// SimGrid's XBT logging into spdlog; call before the Engine is built.
void route_simgrid();
// Log lines carry the simulated clock only while an Engine exists.
void engine_started(bool alive);

}  // namespace sim::log
