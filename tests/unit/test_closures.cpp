// sim::Closures: closed windows of storms and outages, merged; hand-checked.
#include <catch2/catch.hpp>

#include "sim/core/closures.h"

using sim::Closures;

TEST_CASE("overlapping and touching windows merge; empty ones are dropped", "[closures]") {
  const Closures c({{50, 60}, {10, 20}, {15, 30}, {30, 35}, {40, 40}});
  REQUIRE(c.windows().size() == 2);
  CHECK(c.windows()[0] == Closures::Window{10, 35});
  CHECK(c.windows()[1] == Closures::Window{50, 60});
}

TEST_CASE("closed at t, and when it opens again", "[closures]") {
  const Closures c({{10, 20}, {50, 60}});
  CHECK_FALSE(c.closed(9.9));
  CHECK(c.open_from(9.9) == 9.9);
  CHECK(c.closed(10));           // from is inside
  CHECK(c.open_from(10) == 20);
  CHECK(c.open_from(19.5) == 20);
  CHECK_FALSE(c.closed(20));     // to is outside
  CHECK(c.open_from(20) == 20);
  CHECK(c.open_from(55) == 60);
  CHECK(c.open_from(70) == 70);
  CHECK_FALSE(Closures().closed(0));
}
