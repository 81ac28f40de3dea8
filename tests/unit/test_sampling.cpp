// The designs of --sample-assumptions (sim/analysis/sampling): a Latin hypercube uses every stratum of
// every parameter exactly once; both designs stay in [0, 1) and depend on their seed only.
#include <catch2/catch.hpp>

#include <set>
#include <stdexcept>

#include "sim/analysis/sampling.h"

using sim::sampling::unit_design;

TEST_CASE("A Latin hypercube puts one row in each of the N strata of every parameter") {
  const int n = 17, k = 5;
  const auto rows = unit_design("lhs", n, k, 42);
  REQUIRE(rows.size() == static_cast<size_t>(n));
  for (int j = 0; j < k; ++j) {
    std::set<int> strata;
    for (const auto& r : rows) {
      REQUIRE(r.size() == static_cast<size_t>(k));
      REQUIRE(r[static_cast<size_t>(j)] >= 0.0);
      REQUIRE(r[static_cast<size_t>(j)] < 1.0);
      strata.insert(static_cast<int>(r[static_cast<size_t>(j)] * n));
    }
    CHECK(strata.size() == static_cast<size_t>(n));  // every stratum once
  }
}

TEST_CASE("Uniform draws stay between 0 and 1 and are not stratified") {
  const auto rows = unit_design("uniform", 200, 2, 7);
  double sum = 0;
  std::set<int> strata;
  for (const auto& r : rows) {
    REQUIRE(r[0] >= 0.0);
    REQUIRE(r[0] < 1.0);
    sum += r[0];
    strata.insert(static_cast<int>(r[0] * 200));
  }
  CHECK(sum / 200 == Approx(0.5).margin(0.06));  // mean of U(0,1): sd of the mean 0.02
  CHECK(strata.size() < 200);                    // 200 independent draws almost surely share a stratum
}

TEST_CASE("Sample designs depend on their seed only") {
  CHECK(unit_design("lhs", 9, 3, 1) == unit_design("lhs", 9, 3, 1));
  CHECK(unit_design("lhs", 9, 3, 1) != unit_design("lhs", 9, 3, 2));
  CHECK(unit_design("uniform", 9, 3, 1) == unit_design("uniform", 9, 3, 1));
  // Adding a parameter keeps the draws of the earlier ones.
  const auto a = unit_design("lhs", 9, 2, 5), b = unit_design("lhs", 9, 3, 5);
  for (size_t i = 0; i < a.size(); ++i) CHECK((a[i][0] == b[i][0] && a[i][1] == b[i][1]));
  CHECK_THROWS_AS(unit_design("sobol", 4, 1, 1), std::invalid_argument);
}
