// Time-weighted monthly means and maxima. Months here are 10, 10 and 20 time units long, so every
// expected value below can be checked by hand.
#include <catch2/catch.hpp>

#include <vector>

#include "sim/record/series.h"

using sim::MonthEdges;
using sim::TimeWeighted;

namespace {
const MonthEdges kEdges({0, 10, 20, 40});  // month 0: [0,10), month 1: [10,20), month 2: [20,40)
}

TEST_CASE("month_of finds the month, clamped to the run", "[series]") {
  CHECK(kEdges.months() == 3);
  CHECK(kEdges.month_of(0) == 0);
  CHECK(kEdges.month_of(9.999) == 0);
  CHECK(kEdges.month_of(10) == 1);
  CHECK(kEdges.month_of(39) == 2);
  CHECK(kEdges.month_of(40) == 2);
  CHECK(kEdges.month_of(-5) == 0);
  CHECK(kEdges.month_of(100) == 2);
}

TEST_CASE("monthly means and maxima of a level changing within months", "[series]") {
  TimeWeighted tw(kEdges);
  tw.set(0, 2);
  tw.set(5, 4);   // month 0: 2 for 5, 4 for 5 -> mean 3, max 4
  tw.set(15, 1);  // month 1: 4 for 5, 1 for 5 -> mean 2.5, max 4
  tw.set(30, 0);  // month 2: 1 for 10, 0 for 10 -> mean 0.5, max 1
  tw.close(40);
  const auto mean = tw.monthly_mean();
  REQUIRE(mean.size() == 3);
  CHECK(mean[0] == Approx(3));
  CHECK(mean[1] == Approx(2.5));
  CHECK(mean[2] == Approx(0.5));
  CHECK(tw.monthly_max() == std::vector<double>{4, 4, 1});
  CHECK(tw.overall_mean() == Approx((30 + 25 + 10) / 40.0));
  CHECK(tw.level() == 0);
}

TEST_CASE("a level held across month boundaries counts in every month it touches", "[series]") {
  TimeWeighted tw(kEdges);
  tw.set(5, 3);  // 3 from t=5 to t=25, spanning all three months
  tw.set(25, 0);
  tw.close(40);
  const auto mean = tw.monthly_mean();
  CHECK(mean[0] == Approx(1.5));   // 3 * 5 / 10
  CHECK(mean[1] == Approx(3));     // 3 * 10 / 10
  CHECK(mean[2] == Approx(0.75));  // 3 * 5 / 20
  CHECK(tw.monthly_max() == std::vector<double>{3, 3, 3});
}

TEST_CASE("a level held exactly for one month does not leak into its neighbours", "[series]") {
  TimeWeighted tw(kEdges);
  tw.set(10, 5);  // exactly [10, 20)
  tw.set(20, 0);
  tw.close(40);
  const auto mean = tw.monthly_mean();
  CHECK(mean[0] == 0);
  CHECK(mean[1] == Approx(5));
  CHECK(mean[2] == 0);
  CHECK(tw.monthly_max() == std::vector<double>{0, 5, 0});
}

TEST_CASE("the level at close is held to the horizon", "[series]") {
  TimeWeighted tw(kEdges);
  tw.set(35, 2);
  tw.close(40);
  CHECK(tw.monthly_mean()[2] == Approx(0.5));  // 2 * 5 / 20
  CHECK(tw.monthly_max() == std::vector<double>{0, 0, 2});
}

TEST_CASE("add_interval spreads its area over the months it spans", "[series]") {
  TimeWeighted tw(kEdges);
  tw.set(0, 1);
  tw.add_interval(5, 30, 2);  // 2 on [5,10), [10,20), [20,30) on top of the level 1
  tw.add_interval(38, 50, 4);  // clipped at the horizon: 4 on [38,40)
  tw.close(40);
  const auto mean = tw.monthly_mean();
  CHECK(mean[0] == Approx(1 + 2 * 5 / 10.0));
  CHECK(mean[1] == Approx(1 + 2));
  CHECK(mean[2] == Approx(1 + (2 * 10 + 4 * 2) / 20.0));
  CHECK(tw.overall_mean() == Approx((40 + 2 * 25 + 4 * 2) / 40.0));
}

TEST_CASE("a level set and reset at the same instant does not count toward the maximum", "[series]") {
  // By design: a consignment passing through a queue in zero time was never waiting.
  TimeWeighted tw(kEdges);
  tw.set(0, 1);
  tw.set(12, 7);
  tw.set(12, 1);  // 7 held for zero time
  tw.set(20, 9);  // at a month boundary, also for zero time
  tw.set(20, 1);
  tw.close(40);
  CHECK(tw.monthly_max() == std::vector<double>{1, 1, 1});
  const auto mean = tw.monthly_mean();
  CHECK(mean[0] == Approx(1));
  CHECK(mean[1] == Approx(1));
  CHECK(mean[2] == Approx(1));
}

TEST_CASE("an untouched series is all zero", "[series]") {
  TimeWeighted tw(kEdges);
  tw.close(40);
  CHECK(tw.monthly_mean() == std::vector<double>{0, 0, 0});
  CHECK(tw.monthly_max() == std::vector<double>{0, 0, 0});
  CHECK(tw.overall_mean() == 0);
}
