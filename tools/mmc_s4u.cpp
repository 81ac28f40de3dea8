// Yardstick for tools/bench (not installed): an M/M/c queue written directly on SimGrid S4U, the
// way an S4U user would write it without caspian: one source actor and a pool of c server actors
// pulling a FIFO. tools/bench runs the same model as a caspian scenario and prints the CPU time
// of both, so the cost of caspian's layers (scenario, recorder, metrics) over bare SimGrid is seen.
//
//   mmc_s4u LAMBDA_PER_H MU_PER_H SERVERS ARRIVALS SEED
// prints: served=<n> wq_h=<mean wait in hours> sim_s=<engine wall seconds>
#include <simgrid/s4u.hpp>
#include <xbt/log.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <random>

namespace s4u = simgrid::s4u;

namespace {

struct Waiting {
  double arrived;  // seconds
  double service;  // seconds
};

struct Queue {
  std::deque<Waiting> fifo;
  s4u::SemaphorePtr waiting = s4u::Semaphore::create(0);  // counts customers in the FIFO
  double total_wait = 0;
  long served = 0;
};

void source(Queue& q, double lambda, double mu, long arrivals, unsigned seed) {
  std::mt19937_64 rng(seed);
  std::exponential_distribution<double> gap(lambda / 3600.0), service(mu / 3600.0);
  for (long i = 0; i < arrivals; ++i) {
    s4u::this_actor::sleep_for(gap(rng));
    q.fifo.push_back({s4u::Engine::get_clock(), service(rng)});
    q.waiting->release();
  }
}

void server(Queue& q) {
  for (;;) {  // daemon: ends with the simulation
    q.waiting->acquire();
    const Waiting w = q.fifo.front();
    q.fifo.pop_front();
    q.total_wait += s4u::Engine::get_clock() - w.arrived;
    ++q.served;
    s4u::this_actor::sleep_for(w.service);
  }
}

}  // namespace

int main(int argc, char** argv) {
  xbt_log_control_set("root.thres:critical");
  s4u::Engine engine(&argc, argv);
  if (argc != 6) {
    std::fprintf(stderr, "usage: %s LAMBDA_PER_H MU_PER_H SERVERS ARRIVALS SEED\n", argv[0]);
    return 2;
  }
  const double lambda = std::atof(argv[1]), mu = std::atof(argv[2]);
  const int servers = std::atoi(argv[3]);
  const long arrivals = std::atol(argv[4]);
  const unsigned seed = static_cast<unsigned>(std::atoi(argv[5]));
  auto* zone = s4u::create_full_zone("bench");
  auto* host = zone->create_host("host", 1);
  zone->seal();
  Queue q;
  s4u::Actor::create("source", host, [&] { source(q, lambda, mu, arrivals, seed); });
  for (int i = 0; i < servers; ++i) s4u::Actor::create("server", host, [&] { server(q); })->daemonize();
  const auto t0 = std::chrono::steady_clock::now();
  engine.run();
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf("served=%ld wq_h=%.4f sim_s=%.3f\n", q.served, q.served ? q.total_wait / q.served / 3600.0 : 0.0, secs);
  return 0;
}
