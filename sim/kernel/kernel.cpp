#include "sim/kernel/kernel.h"

#include <simgrid/kernel/Timer.hpp>
#include <simgrid/s4u.hpp>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "sim/core/errors.h"
#include "sim/core/stop.h"
#include "sim/kernel/log.h"

namespace sim {
namespace {

std::unique_ptr<simgrid::s4u::Engine> g_engine;
simgrid::s4u::NetZone* g_zone = nullptr;
simgrid::s4u::Host* g_host = nullptr;
bool g_sealed = false;
std::string g_failure;  // first actor failure, reported after the run
std::exception_ptr g_stop;  // or the first Interrupted / LimitExceeded, rethrown as it is
bool g_deadlock = false;
bool g_claimed = false;  // a Kernel has taken the engine (built here or prebuilt)

}  // namespace

namespace {

void build_engine(const std::string& name) {
  log::route_simgrid();
  std::string arg0 = name;
#ifdef CASPIAN_SANITIZE
  // AddressSanitizer cannot follow SimGrid's raw context switches, but it can follow threads. The
  // factory is chosen inside the Engine's constructor, so it must come through argv.
  std::string arg1 = "--cfg=contexts/factory:thread";
  char* argv[] = {arg0.data(), arg1.data(), nullptr};
  int argc = 2;
#else
  char* argv[] = {arg0.data(), nullptr};
  int argc = 1;
#endif
  g_engine = std::make_unique<simgrid::s4u::Engine>(&argc, argv);
  // The engine has just put its own SIGINT handler in place (it exits mid-simulation, and static
  // semaphores then abort at exit): ours only sets the flag that sleep_until and the recorder read.
  reinstall_stop_handlers();
  // Without these, transfer durations are off by ~8% (README, "SimGrid 3.32 traps"; ../shared/notes/simgrid-3.32.md).
  simgrid::s4u::Engine::set_config("network/model:CM02");
  simgrid::s4u::Engine::set_config("network/crosstraffic:0");
  simgrid::s4u::Engine::set_config("network/TCP-gamma:1e30");
  // Actor stacks: 256 KiB instead of SimGrid's 8 MiB. A replication forks ~45 actors, and smaller
  // stacks cut its fixed cost by ~10% (tools/bench); every shipped scenario runs within it, HDF5
  // and zlib writes from actor stacks included.
  simgrid::s4u::Engine::set_config("contexts/stack-size:256");
  g_zone = simgrid::s4u::create_full_zone("corridor");
  g_host = g_zone->create_host("world", 1e9);
  simgrid::s4u::Engine::on_deadlock_cb([] { g_deadlock = true; });
}

}  // namespace

void Kernel::prebuild(const std::string& name) {
  if (g_engine) throw SimulationError("the engine is already built in this process");
  build_engine(name);
}

Kernel::Kernel(double horizon_seconds, const std::string& name) : horizon_(horizon_seconds) {
  if (g_claimed) throw SimulationError("a second simulation in one process (SimGrid's Engine is a singleton)");
  if (!g_engine) build_engine(name);
  g_claimed = true;
  log::engine_started(true);
}

Kernel::~Kernel() { log::engine_started(false); }

// The platform (hosts and pipeline links) is complete once the first actor exists.
void seal_platform() {
  if (g_sealed) return;
  g_zone->seal();
  g_sealed = true;
}

void* Kernel::zone() {
  if (g_sealed) throw SimulationError("pipelines must be built before the first actor starts");
  return g_zone;
}

void Kernel::spawn(const std::string& name, std::function<void()> body) {
  seal_platform();
  auto actor = simgrid::s4u::Actor::create(name, g_host, [name, body = std::move(body)] {
    try {
      body();
    } catch (const Interrupted&) {  // a signal or a limit: every actor stops, the run rethrows it
      if (!g_stop && g_failure.empty()) g_stop = std::current_exception();
      simgrid::s4u::Actor::kill_all();
    } catch (const LimitExceeded&) {
      if (!g_stop && g_failure.empty()) g_stop = std::current_exception();
      simgrid::s4u::Actor::kill_all();
    } catch (const std::exception& e) {
      // SimGrid's kill exception is not a std::exception, so actors stopped at the horizon pass through.
      if (g_failure.empty()) g_failure = "actor " + name + " failed: " + e.what();
      log::get("kernel")->error("actor {} failed: {}", name, e.what());
      simgrid::s4u::Actor::kill_all();
    }
  });
  actor->daemonize();
}

void Kernel::run() {
  seal_platform();
  const double horizon = horizon_;
  simgrid::s4u::Actor::create("horizon", g_host, [horizon] { simgrid::s4u::this_actor::sleep_until(horizon); });
  g_engine->run();
  if (g_stop) std::rethrow_exception(g_stop);
  throw_if_stopped();  // a signal that came after the last actor looked
  if (g_deadlock) throw SimulationError("the simulation deadlocked: every actor is waiting and nothing is scheduled");
  if (!g_failure.empty()) throw SimulationError(g_failure);
}

double now() { return simgrid::s4u::Engine::get_clock(); }

struct Signal::Impl {
  simgrid::s4u::SemaphorePtr sem = simgrid::s4u::Semaphore::create(0);
  bool pending = false;    // notified, not yet consumed
  bool timed_out = false;  // the timer, not notify(), released sem
};

Signal::Signal() : impl_(std::make_unique<Impl>()) {}
Signal::~Signal() = default;

void Signal::notify() {
  if (impl_->pending) return;
  impl_->pending = true;
  impl_->sem->release();
}

void Signal::wait() {
  throw_if_stopped();  // every wait of every actor looks at the flag: a load, nothing more
  impl_->sem->acquire();
  impl_->pending = false;
}

bool Signal::wait_until(double t) {
  throw_if_stopped();
  if (!std::isfinite(t)) {
    wait();
    return true;
  }
  const double dt = t - now();
  if (dt <= 0) {
    if (!impl_->pending) return false;
    impl_->sem->acquire();
    impl_->pending = false;
    return true;
  }
  Impl* impl = impl_.get();  // a kernel timer: see sleep_until
  auto* timer = simgrid::kernel::timer::Timer::set(t, [impl] {
    impl->timed_out = true;
    impl->sem->release();
  });
  impl->sem->acquire();
  if (impl->timed_out) {  // the timer ran and is gone
    impl->timed_out = false;
    return false;
  }
  timer->remove();
  impl->pending = false;
  return true;
}

// Timed waits use SimGrid's kernel timers and a semaphore rather than this_actor::sleep_until or
// acquire_timeout: those put a sleep action into the CPU model's linear system, to be solved every
// round, for an actor that computes nothing. Same event times, ~11% less time per replication.
// A sleep is a wait on the actor's own signal, which nothing notifies.
void sleep_until(double t) {
  throw_if_stopped();  // every actor passes here: a cheap place to notice SIGINT/SIGTERM
  if (!(t > now())) return;
  static std::vector<std::unique_ptr<Signal>> by_actor;
  const auto pid = static_cast<size_t>(simgrid::s4u::this_actor::get_pid());
  if (by_actor.size() <= pid) by_actor.resize(pid + 1);
  if (!by_actor[pid]) by_actor[pid] = std::make_unique<Signal>();
  by_actor[pid]->wait_until(t);
}

}  // namespace sim
