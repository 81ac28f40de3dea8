// sim::Capacity by hand: offers that fit or are refused, actors that wait in put() first come first
// served, and event-loop actors woken when room is released.
#include <catch2/catch.hpp>

#include "in_child.h"
#include "sim/kernel/capacity.h"
#include "sim/kernel/kernel.h"

TEST_CASE("a capacity takes what fits, refuses the rest, and an oversize amount only when empty", "[kernel]") {
  const auto v = in_child([] {
    sim::Kernel k(10, "cap");
    sim::Capacity c(3);
    std::vector<double> out;
    out.push_back(c.offer(2));    // 1
    out.push_back(c.offer(2));    // 0: 4 > 3
    out.push_back(c.offer(1));    // 1: exactly full
    c.release(3);
    out.push_back(c.offer(5));    // 1: larger than the whole room, taken when empty
    out.push_back(c.offer(0.5));  // 0
    out.push_back(c.level());     // 5
    return out;
  });
  CHECK(v == std::vector<double>{1, 0, 1, 1, 0, 5});
}

TEST_CASE("actors waiting in put() get room in arrival order, and offers do not overtake them", "[kernel]") {
  const auto v = in_child([] {
    sim::Kernel k(100, "cap");
    sim::Capacity c(2);
    std::vector<double> out;
    sim::Signal woken;
    k.spawn("holder", [&] {
      c.put(2);
      sim::sleep_until(10);
      c.release(1);  // room for the first waiter (1), not the second (2)
      sim::sleep_until(20);
      c.release(1);
      sim::sleep_until(30);
      c.release(1);
    });
    k.spawn("first", [&] {
      sim::sleep_until(1);
      c.put(1);
      out.push_back(sim::now());  // 10
    });
    k.spawn("second", [&] {
      sim::sleep_until(2);
      c.put(2);
      out.push_back(sim::now());  // 30: after the holder's third release
    });
    k.spawn("offerer", [&] {
      sim::sleep_until(3);
      c.wake_on_room(woken);
      out.push_back(c.offer(1) ? 1 : 0);  // 0: "second" waits first, though 1 would not fit anyway
      woken.wait();
      out.push_back(sim::now());  // 10: woken at the first release
      sim::sleep_until(21);
      out.push_back(c.offer(1) ? 1 : 0);  // 0: the room freed at 20 is held back for "second"
    });
    k.run();
    return out;
  });
  REQUIRE(v.size() == 5);
  CHECK(v[0] == 0);
  CHECK(v[1] == 10);
  CHECK(v[2] == 10);
  CHECK(v[3] == 0);
  CHECK(v[4] == 30);
}
