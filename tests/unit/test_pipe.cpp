// Pipeline arithmetic on SimGrid links, against hand-computed finishing times. Each case runs its
// own simulation in a child process.
#include <catch2/catch.hpp>

#include "in_child.h"
#include "sim/kernel/kernel.h"
#include "sim/kernel/pipe.h"

namespace {
constexpr double U = sim::Pipe::kUncapped;
}

TEST_CASE("batches share the pumping capacity max-min fairly", "[pipe]") {
  // 1000, 2000 and 3000 t on 300 t/s: all three at 100 t/s until 10 s, then two at 150 t/s until
  // 16.667 s, then the last at 300 t/s until 20 s.
  const auto t = in_child([] {
    sim::Kernel k(100, "pipe");
    sim::Pipe pipe(k, "btc", 300, {U, U, U});
    std::vector<double> done(3);
    for (size_t s = 0; s < 3; ++s)
      k.spawn("shipper" + std::to_string(s), [&, s] {
        pipe.pump(s, 1000.0 * static_cast<double>(s + 1));
        done[s] = sim::now();
      });
    k.run();
    return done;
  });
  CHECK(t[0] == Approx(10.0).epsilon(1e-9));
  CHECK(t[1] == Approx(50.0 / 3).epsilon(1e-9));
  CHECK(t[2] == Approx(20.0).epsilon(1e-9));
}

TEST_CASE("a shipper's cap holds it below its fair share and frees the rest for others", "[pipe]") {
  // A capped at 100 t/s pumps 1000 t by 10 s; B gets the other 200 t/s (2000 t by 10 s), then all
  // 300 t/s for its last 2000 t: done at 16.667 s.
  const auto t = in_child([] {
    sim::Kernel k(100, "pipe");
    sim::Pipe pipe(k, "btc", 300, {100, U});
    std::vector<double> done(2);
    k.spawn("a", [&] { pipe.pump(0, 1000); done[0] = sim::now(); });
    k.spawn("b", [&] { pipe.pump(1, 4000); done[1] = sim::now(); });
    k.run();
    return done;
  });
  CHECK(t[0] == Approx(10.0).epsilon(1e-9));
  CHECK(t[1] == Approx(50.0 / 3).epsilon(1e-9));
}

TEST_CASE("a capacity change mid-batch and a halt give the computed delays", "[pipe]") {
  const auto t = in_child([] {
    sim::Kernel k(100, "pipe");
    sim::Pipe pipe(k, "btc", 300, {U, U});
    std::vector<double> done(2);
    // Shipper 0: 3000 t; capacity halves at 5 s: 1500 t done, 1500 t at 150 t/s -> 15 s.
    // Shipper 1 starts at 20 s with 3000 t at 150 t/s (capacity still halved): 300 t by 22 s,
    // halted until 24 s, then 2700 t at 150 t/s -> 42 s.
    k.spawn("s0", [&] { pipe.pump(0, 3000); done[0] = sim::now(); });
    k.spawn("s1", [&] {
      sim::sleep_until(20);
      pipe.pump(1, 3000);
      done[1] = sim::now();
    });
    k.spawn("operator", [&] {
      sim::sleep_until(5);
      pipe.set_capacity(150);
      sim::sleep_until(22);
      pipe.set_shipper_cap(1, 0);
      sim::sleep_until(24);
      pipe.set_shipper_cap(1, U);
    });
    k.run();
    return done;
  });
  CHECK(t[0] == Approx(15.0).epsilon(1e-9));
  CHECK(t[1] == Approx(42.0).epsilon(1e-6));
}

TEST_CASE("a whole-pipeline outage stops every batch and pumping resumes after it", "[pipe]") {
  // 3000 t at 300 t/s; the line stops from 2 s to 5 s: 600 t, a 3 s stop, 2400 t -> 13 s.
  const auto t = in_child([] {
    sim::Kernel k(100, "pipe");
    sim::Pipe pipe(k, "btc", 300, {U});
    std::vector<double> done(1);
    k.spawn("s0", [&] { pipe.pump(0, 3000); done[0] = sim::now(); });
    k.spawn("operator", [&] {
      sim::sleep_until(2);
      pipe.set_capacity(0);
      sim::sleep_until(5);
      pipe.set_capacity(300);
    });
    k.run();
    return done;
  });
  CHECK(t[0] == Approx(13.0).epsilon(1e-6));
}

TEST_CASE("a batch that arrives while the line or its shipper is stopped waits and then pumps", "[pipe]") {
  // Line stopped from 1 s to 4 s; a 600 t batch arrives at 2 s: it starts at 4 s, done at 6 s.
  // Shipper 1 halted from 0 s to 10 s; its 300 t batch arrives at 3 s: starts at 10 s, done at 11 s.
  const auto t = in_child([] {
    sim::Kernel k(100, "pipe");
    sim::Pipe pipe(k, "btc", 300, {U, U});
    std::vector<double> done(2);
    k.spawn("operator", [&] {
      pipe.set_shipper_cap(1, 0);
      sim::sleep_until(1);
      pipe.set_capacity(0);
      sim::sleep_until(4);
      pipe.set_capacity(300);
      sim::sleep_until(10);
      pipe.set_shipper_cap(1, U);
    });
    k.spawn("s0", [&] {
      sim::sleep_until(2);
      pipe.pump(0, 600);
      done[0] = sim::now();
    });
    k.spawn("s1", [&] {
      sim::sleep_until(3);
      pipe.pump(1, 300);
      done[1] = sim::now();
    });
    k.run();
    return done;
  });
  CHECK(t[0] == Approx(6.0).epsilon(1e-6));
  CHECK(t[1] == Approx(11.0).epsilon(1e-6));
}
