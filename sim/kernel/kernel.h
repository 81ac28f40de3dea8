#pragma once
// The event kernel as models see it: actors, simulated time, wake-up signals. SimGrid stays behind
// this header (models never include it). One Kernel per process: SimGrid's Engine is a singleton.
#include <functional>
#include <memory>
#include <string>

namespace sim {

class Kernel {
 public:
  // Builds the SimGrid engine with the model options our durations rely on (CM02, no cross-traffic).
  Kernel(double horizon_seconds, const std::string& name);
  // Builds the engine ahead of the Kernel, in a process that forks replication workers and never
  // simulates: each worker then starts from the built engine instead of building its own.
  static void prebuild(const std::string& name);
  ~Kernel();
  Kernel(const Kernel&) = delete;
  Kernel& operator=(const Kernel&) = delete;

  // A long-lived model actor (train service, terminal, vessel, weather). It is stopped at the horizon.
  // An exception escaping BODY fails the run with the actor's name and the message.
  void spawn(const std::string& name, std::function<void()> body);
  // Runs to the horizon. Throws SimulationError on deadlock or when an actor failed.
  void run();
  // The SimGrid zone, for sim/ code that adds hosts and links (pipelines) before actors start.
  void* zone();

 private:
  double horizon_;
};

double now();
void sleep_until(double t);

// A wake-up flag for one waiting actor: notify() sets it (idempotent), wait*() consumes it.
class Signal {
 public:
  Signal();
  ~Signal();
  Signal(const Signal&) = delete;
  Signal& operator=(const Signal&) = delete;
  void notify();
  void wait();
  // Returns true when notified, false when time T was reached first.
  bool wait_until(double t);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace sim
