// The recorder's transit-time statistics: only consignments delivered after the warm-up count,
// while the conservation ledger still counts every delivery (it balances the whole run).
#include <catch2/catch.hpp>

#include "sim/record/recorder.h"

namespace {

sim::Event delivery(double created_d, double delivered_d, std::uint64_t job) {
  sim::Event e;
  e.kind = sim::EventKind::Deliver;
  e.place = 0;
  e.source = 0;
  e.job = job;
  e.created = created_d * 86400.0;
  e.time = delivered_d * 86400.0;
  e.amounts.teu = 10;
  return e;
}

}  // namespace

TEST_CASE("transit times count deliveries after the warm-up only") {
  const sim::Calendar calendar{sim::parse_date("2025-01-01"), sim::parse_date("2025-03-01")};
  const double warmup = 10 * 86400.0;  // statistics start on 11 January
  sim::Recorder rec(calendar, {"yard"}, {"flow"}, {"transit"}, {}, nullptr, warmup);
  rec.emit(delivery(1, 5, 1));    // delivered in the warm-up: 4 d, not counted
  rec.emit(delivery(3, 10, 2));   // delivered at the warm-up's end: 7 d, counted
  rec.emit(delivery(8, 12, 3));   // created in the warm-up, delivered after it: 4 d, counted
  rec.emit(delivery(20, 22.5, 4));  // 2.5 d
  rec.finish(calendar.horizon_seconds());
  REQUIRE(rec.transit().size() == 1);
  const auto& days = rec.transit()[0].days;
  REQUIRE(days.size() == 3);
  CHECK(days[0] == Approx(7.0));
  CHECK(days[1] == Approx(4.0));
  CHECK(days[2] == Approx(2.5));
  CHECK(rec.delivered().teu == Approx(40.0));  // the ledger still balances the whole run
}

TEST_CASE("without a warm-up every delivery has a transit time") {
  const sim::Calendar calendar{sim::parse_date("2025-01-01"), sim::parse_date("2025-03-01")};
  sim::Recorder rec(calendar, {"yard"}, {"flow"}, {"transit"}, {}, nullptr);
  rec.emit(delivery(0, 1.5, 1));
  rec.emit(delivery(1, 5, 2));
  rec.finish(calendar.horizon_seconds());
  REQUIRE(rec.transit()[0].days.size() == 2);
  CHECK(rec.transit()[0].days[0] == Approx(1.5));
}
