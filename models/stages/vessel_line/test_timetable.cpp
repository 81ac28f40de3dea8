// vessel_line with `departure: timetable`: the slot arithmetic, and hand-checked sailings (times,
// cut-off, part loads, missed slots) on a ferry line with fixed times.
#include <catch2/catch.hpp>

#include <string>

#include "models/stages/vessel_line/timetable.h"
#include "simulate.h"

using namespace testing_support;

namespace {

constexpr double kHour = 3600;

// Two 50-wagon ferries, 20 h out, 4 h unloading, 20 h back (a 44 h round trip); a 25-wagon train
// reaches the ferry every 12 h from 0 h. A daily departure at 08:00 with a 6 h cut-off (02:00).
const char* kTimetabled = R"(
name: timetabled ferry by hand
start: 2025-01-01
end: 2025-01-31
stages:
  - name: ferry
    type: vessel_line
    fleet: 2
    capacity: 50 wagons
    crossing_time: 20h
    unloading_time: 4h
    return_time: 20h
    departure: timetable
    timetable: {every: 1 d, at: "08:00", cutoff: 6 h}
services:
  - {name: trains, class: transit, route: [ferry], every: 12h, wagons: 25 wagons}
metrics:
  - {name: sailings, count: vessels, event: sail, at: ferry}
  - {name: wagons_sailed, count: wagons, event: sail, at: ferry}
)";

std::string with(std::string yaml, const std::string& from, const std::string& to) {
  yaml.replace(yaml.find(from), from.size(), to);
  return yaml;
}

// Transit times (days) of the trains, in delivery order.
std::vector<double> transit_days(const std::string& yaml) {
  return simulate(yaml, [](const models::Simulation& s) { return s.recorder().transit().at(0).days; });
}

}  // namespace

TEST_CASE("timetable slots: departures, cut-offs and the first slot from a time", "[timetable]") {
  models::Timetable t{24 * kHour, 8 * kHour, 6 * kHour};
  CHECK(t.departure(0) == 8 * kHour);
  CHECK(t.departure(3) == 80 * kHour);
  CHECK(t.cutoff_of(1) == 26 * kHour);
  CHECK(t.first_slot(0) == 0);
  CHECK(t.first_slot(2 * kHour) == 0);      // exactly at the cut-off: still this slot
  CHECK(t.first_slot(2 * kHour + 1) == 1);  // a second late: the next one
  CHECK(t.first_slot(0, 3) == 3);           // never before the slot asked from
  // A departure at 02:00 with a 6 h cut-off: the first cut-off would be before the start.
  models::Timetable early{24 * kHour, 2 * kHour, 6 * kHour};
  CHECK(early.first_slot(0) == 1);
}

TEST_CASE("a timetabled ferry sails at its slots with part loads and misses slots without a ferry", "[sim][timetable]") {
  // Ferry A takes the 0 h train by the 02:00 cut-off and sails at 08:00 part-loaded (25 wagons); it is
  // back at 52 h. Ferry B loads the 12 h and 24 h trains for 32 h (full) and is back at 76 h. The
  // 56 h slot (cut-off 50 h) has no ferry in port: missed. A sails at 80 h, B at 104 h, both full;
  // A is back at 124 h, after the 122 h cut-off: the 128 h slot is missed, and so on: two sailings
  // in every three days.
  const auto d_sail = daily(kTimetabled, 0);
  const auto d_wagons = daily(kTimetabled, 1);
  const std::vector<double> sailings{1, 1, 0, 1, 1, 0, 1, 1, 0};
  const std::vector<double> wagons{25, 50, 0, 50, 50, 0, 50, 50, 0};
  for (size_t day = 0; day < sailings.size(); ++day) {
    INFO("day " << day);
    CHECK(d_sail.at(day) == sailings[day]);
    CHECK(d_wagons.at(day) == wagons[day]);
  }
  // The 0 h train sails at 08:00 and lands 24 h later: 32 h.
  CHECK(transit_days(kTimetabled).at(0) == Approx(32.0 / 24));
}

TEST_CASE("cargo after the cut-off waits for the next sailing", "[sim][timetable]") {
  // Departures at 14:00. With a 6 h cut-off (08:00) the 12 h train misses the first sailing, which
  // leaves with the 0 h train alone (lands at 38 h); the 12 h train sails with the 24 h train at
  // 38 h and lands at 62 h (50 h in transit). Without a cut-off both sail at 14 h (38 h and 26 h).
  const std::string four = with(kTimetabled, "fleet: 2", "fleet: 4");
  const auto cut = transit_days(with(four, "at: \"08:00\"", "at: \"14:00\""));
  CHECK(cut.at(0) == Approx(38.0 / 24));
  CHECK(cut.at(1) == Approx(50.0 / 24));
  const auto none = transit_days(with(with(four, "at: \"08:00\"", "at: \"14:00\""), "cutoff: 6 h", "cutoff: 0 h"));
  CHECK(none.at(0) == Approx(38.0 / 24));
  CHECK(none.at(1) == Approx(26.0 / 24));
}

TEST_CASE("timetable errors name the file, line and key", "[parse][timetable]") {
  const auto load = [](const std::string& yaml) { return models::load_scenario(sim::load_document_text(yaml, "tt.yaml")); };
  CHECK_THROWS_WITH(load(with(kTimetabled, "cutoff: 6 h", "cutoff: 30 h")),
                    Catch::Contains("tt.yaml:14") && Catch::Contains("stages[ferry].timetable.cutoff") && Catch::Contains("shorter than `every`"));
  CHECK_THROWS_WITH(load(with(kTimetabled, "at: \"08:00\"", "at: \"25:00\"")), Catch::Contains("timetable.at") && Catch::Contains("23:59"));
  CHECK_THROWS_WITH(load(with(kTimetabled, "departure: timetable", "departure: when_full")),
                    Catch::Contains("stages[ferry].timetable") && Catch::Contains("departure: timetable"));
  CHECK_THROWS_WITH(load(with(kTimetabled, "fleet: 2", "fleet: 2\n    berths: 2")), Catch::Contains("stages[ferry].berths") && Catch::Contains("berths: 1"));
  CHECK_THROWS_WITH(load(with(kTimetabled, "departure: timetable", "departure: timetable\n    max_wait: 3d")),
                    Catch::Contains("stages[ferry].max_wait") && Catch::Contains("max_wait: ~"));
  CHECK_NOTHROW(load(with(kTimetabled, "departure: timetable", "departure: timetable\n    max_wait: ~")));
  CHECK_THROWS_WITH(load(with(kTimetabled, "every: 1 d, ", "")), Catch::Contains("stages[ferry].timetable") && Catch::Contains("\"every\""));
}
