// The pure maths of `caspian sensitivity` (sim/analysis/sensitivity): the Morris design's structure
// and elementary effects of functions whose effects are known, and one-at-a-time swings by hand.
#include <catch2/catch.hpp>

#include <cmath>
#include <set>

#include "sim/analysis/sensitivity.h"

using namespace sim::sensitivity;

namespace {
// OUTPUT[point][replication] of F at every design point; replication r adds NOISE[r] to every point
// (common random numbers: the same noise at every point of a replication).
template <class F>
std::vector<std::vector<double>> evaluate(const Design& d, F f, const std::vector<double>& noise) {
  std::vector<std::vector<double>> y;
  for (const auto& x : d.points) {
    y.emplace_back();
    for (double n : noise) y.back().push_back(f(x) + n);
  }
  return y;
}
}  // namespace

TEST_CASE("A Morris trajectory moves every parameter once, by +-delta, on the p-level grid") {
  const auto d = morris_design(3, 5, 4, 7);
  REQUIRE(d.points.size() == 5 * 4);
  REQUIRE(d.delta == Approx(4.0 / 6.0));
  for (int t = 0; t < 5; ++t) {
    std::set<int> moved;
    for (int s = 0; s < 3; ++s) {
      const auto& a = d.points[static_cast<size_t>(t * 4 + s)];
      const auto& b = d.points[static_cast<size_t>(t * 4 + s + 1)];
      const int i = d.moved[static_cast<size_t>(t * 3 + s)];
      moved.insert(i);
      for (int j = 0; j < 3; ++j) {
        const double step = b[static_cast<size_t>(j)] - a[static_cast<size_t>(j)];
        CHECK(std::fabs(step) == Approx(j == i ? d.delta : 0.0).margin(1e-12));
        for (double v : {a[static_cast<size_t>(j)], b[static_cast<size_t>(j)]}) {
          CHECK(v >= -1e-12);
          CHECK(v <= 1 + 1e-12);
          const double level = v * 3;  // levels 0, 1/3, 2/3, 1
          CHECK(level == Approx(std::round(level)).margin(1e-9));
        }
      }
    }
    CHECK(moved.size() == 3);
  }
}

TEST_CASE("The Morris design depends on its seed only") {
  CHECK(morris_design(4, 6, 4, 11).points == morris_design(4, 6, 4, 11).points);
  CHECK(morris_design(4, 6, 4, 11).points != morris_design(4, 6, 4, 12).points);
  CHECK_THROWS(morris_design(2, 3, 3, 1));  // p must be even
}

TEST_CASE("Elementary effects of a linear function are its coefficients over the whole range") {
  // y = 10 x0 - 4 x1 + 0 x2 (+ replication noise that common random numbers cancel)
  const auto d = morris_design(3, 8, 4, 3);
  const auto y = evaluate(d, [](const std::vector<double>& x) { return 10 * x[0] - 4 * x[1]; }, {0.0, 5.0, -2.0});
  const auto e = morris_effects(d, y);
  CHECK(e[0].mu_star.mean == Approx(10));
  CHECK(e[0].mu.mean == Approx(10));
  CHECK(e[0].sigma == Approx(0).margin(1e-9));
  CHECK(e[1].mu_star.mean == Approx(4));
  CHECK(e[1].mu.mean == Approx(-4));
  CHECK(e[2].mu_star.mean == Approx(0).margin(1e-9));
  CHECK(e[2].mu_star.holds_zero());
  CHECK(ranking({e[0].mu_star.mean, e[1].mu_star.mean, e[2].mu_star.mean}) == std::vector<int>{0, 1, 2});
}

TEST_CASE("An interaction shows as sigma, a non-monotone effect as mu* above |mu|") {
  const auto d = morris_design(2, 20, 4, 5);
  const auto e = morris_effects(d, evaluate(d, [](const std::vector<double>& x) { return x[0] * x[1] + (x[1] - 0.5) * (x[1] - 0.5); }, {0.0, 1.0}));
  CHECK(e[0].sigma > 0.1);  // d/dx0 = x1 varies
  CHECK(e[1].mu_star.mean > std::fabs(e[1].mu.mean));
}

TEST_CASE("Morris CIs come from the spread over replications") {
  const auto d = morris_design(1, 1, 2, 1);  // one step from 0 to 1 or back: delta = 1
  REQUIRE(d.delta == 1);
  // y at the two points per replication: effects 2, 4, 6 (signed by the step's direction)
  const double sign = d.points[1][0] > d.points[0][0] ? 1 : -1;
  const std::vector<std::vector<double>> y{{0, 0, 0}, {sign * 2, sign * 4, sign * 6}};
  const auto e = morris_effects(d, y);
  CHECK(e[0].mu_star.mean == Approx(4));
  // sd 2, n 3: half width t(0.975, 2) * 2 / sqrt(3) = 4.302653 * 1.154701 = 4.968275
  CHECK(e[0].mu_star.ci_low == Approx(4 - 4.968275).epsilon(1e-6));
  CHECK(e[0].mu_star.ci_high == Approx(4 + 4.968275).epsilon(1e-6));
}

TEST_CASE("The one-at-a-time design: the scenario, then each parameter at LO and HI") {
  const auto d = oat_design(2);
  REQUIRE(d.points.size() == 5);
  CHECK(std::isnan(d.points[0][0]));
  // points 1, 2: parameter 0 at LO, HI; 3, 4: parameter 1; the other stays at the scenario's value (NaN here)
  CHECK(d.points[1][0] == 0);
  CHECK(std::isnan(d.points[1][1]));
  CHECK(d.points[2][0] == 1);
  CHECK(d.points[4][1] == 1);
  CHECK(std::isnan(d.points[4][0]));
}

TEST_CASE("One-at-a-time effects: low, high and the paired swing") {
  const auto d = oat_design(2);
  // base, p0 lo, p0 hi, p1 lo, p1 hi; two replications
  const std::vector<std::vector<double>> y{{5, 7}, {1, 3}, {9, 13}, {5, 7}, {5, 7}};
  const auto e = oat_effects(d, y);
  CHECK(e[0].low.mean == Approx(2));
  CHECK(e[0].high.mean == Approx(11));
  CHECK(e[0].swing.mean == Approx(9));  // swings 8 and 10: sd sqrt(2), half width t(0.975,1) * 1 = 12.7062
  CHECK(e[0].swing.ci_low == Approx(9 - 12.7062047).epsilon(1e-6));
  CHECK(e[1].swing.mean == 0);
  CHECK(e[1].swing.ci_low == 0);
  CHECK(e[1].swing.holds_zero());
  CHECK(ranking({e[1].swing.mean, e[0].swing.mean}) == std::vector<int>{1, 0});
}
