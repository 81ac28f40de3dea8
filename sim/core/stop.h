#pragma once
// Why a command stops before it is done: a signal (SIGINT, SIGTERM) or a limit on the work of a run
// (events, memory). The signal handler only records the signal (async-signal-safe); the simulation,
// the worker driver and the file writer look at the record and unwind normally, so destructors remove
// temporary files and workers are killed and reaped.
#include <cstdint>
#include <stdexcept>
#include <string>

#include "sim/core/errors.h"

namespace sim {

// SIGINT and SIGTERM set a flag and nothing else; a second one of the same signal has its default
// effect (a way out if something never looks at the flag). Handlers are installed without SA_RESTART,
// so a blocking read or poll returns EINTR and its caller can look.
void install_stop_handlers();
// Installs the handlers again if install_stop_handlers() was called in this process: SimGrid's engine
// installs its own SIGINT handler when it is built.
void reinstall_stop_handlers();
// For forked workers: the default effect of SIGINT and SIGTERM, unblocked (their parent kills them).
void default_stop_handlers();

// The signal received, or 0.
int stop_signal();
inline bool stop_requested() { return stop_signal() != 0; }
// Throws Interrupted when a signal was received.
void throw_if_stopped();

// A run ended by a signal: exit 128 + signal (130 for SIGINT, 143 for SIGTERM).
class Interrupted : public std::runtime_error {
 public:
  explicit Interrupted(int signal);
  int signal;
  int exit_code() const { return 128 + signal; }
};

// A run stopped because it exceeded --max-events or --max-memory: a simulation error (exit 4).
class LimitExceeded : public SimulationError {
 public:
  using SimulationError::SimulationError;
};

// Resident memory of this process in bytes (/proc/self/statm), 0 when unknown.
std::uint64_t resident_bytes();
// Physical memory of the machine in bytes, 0 when unknown.
std::uint64_t physical_bytes();

}  // namespace sim
