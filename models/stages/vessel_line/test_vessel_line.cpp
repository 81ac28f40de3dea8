// vessel_line: hand-checked ferry and tanker cycles, storms, sailing when the cargo no longer fits.
#include <catch2/catch.hpp>

#include <cmath>

#include "simulate.h"

using namespace testing_support;

namespace {

const char* kFerry = R"(
name: ferry line by hand
start: 2025-01-01
end: 2025-01-31
weather:
  - {name: sea, storms: []}
stages:
  - name: ferry
    type: vessel_line
    fleet: 2
    capacity: 50 wagons
    crossing_time: 20h
    unloading_time: 4h
    return_time: 20h
    sea_area: sea
services:
  - {name: trains, class: transit, route: [ferry], every: 12h, wagons: 25 wagons}
metrics:
  - {name: wagons_landed, count: wagons, event: depart, at: ferry}
  - {name: sailings, count: vessels, event: sail, at: ferry}
)";

}  // namespace

TEST_CASE("a ferry line with fixed times gives the computable sailings and wagons", "[sim]") {
  // Two 25-wagon trains fill a ferry; with a 44 h round trip the two ferries alternate, sailing at
  // 12 h, 36 h, 60 h, ... : 31 sailings in 744 h, of which 30 have landed their 50 wagons by then.
  const auto v = all_monthly(kFerry);
  CHECK(v[0] == 1500);
  CHECK(v[1] == 31);
}

TEST_CASE("a storm keeps ferries in port for its days", "[sim]") {
  std::string yaml = kFerry;
  yaml.replace(yaml.find("storms: []"), 10, "storms: [{from: 2025-01-10, to: 2025-01-14}]");
  const auto v = all_monthly(yaml);
  // Five days without sailings: fewer sailings, but every ferry that sails after the storm is full.
  CHECK(v[1] < 31);
  CHECK(v[1] >= 31 - 6);
  CHECK(std::fmod(v[0], 50.0) == 0);
}

TEST_CASE("a ferry sails when the waiting cargo no longer fits, not after its maximum wait", "[sim]") {
  // 40-wagon trains every 12 h on 50-wagon ferries: a ferry takes a train, and sails as soon as the
  // next train arrives and does not fit in the 10 places left (not 3 days later). Train k (created at
  // 12k h) sails at 12(k+1) h and lands 24 h later: sailings for k = 0..60 start inside the 744 h
  // run, and landings for k = 0..58 end inside it (k = 59 lands exactly at the horizon).
  std::string yaml = kFerry;
  yaml.replace(yaml.find("wagons: 25 wagons"), 17, "wagons: 40 wagons");
  yaml.replace(yaml.find("    sea_area: sea"), 17, "    max_wait: 3d\n    sea_area: sea");
  yaml.replace(yaml.find("fleet: 2"), 8, "fleet: 4");
  const auto v = all_monthly(yaml);
  CHECK(v[1] == 61);
  CHECK(v[0] == 59 * 40);
}

TEST_CASE("a tanker fleet with fixed times delivers the computable monthly tonnage", "[sim][oil]") {
  // Two 10,000 t tankers, one loading berth, cargo always waiting: 12 h loading, 24 h out, 12 h
  // unloading, 24 h back. Tanker A lands at 48 h + 72k, tanker B (berth free at 12 h) at 60 h + 72k.
  // January (744 h): 10 + 10 landings; February (to 1416 h): 9 + 9.
  const auto v = all_monthly(R"(
name: tanker cycle
start: 2025-01-01
end: 2025-02-28
stages:
  - name: tankers
    type: vessel_line
    fleet: 2
    capacity: 10000 t
    berths: 1
    loading_time: 12h
    crossing_time: 24h
    unloading_time: 12h
    return_time: 24h
shippers:
  - {name: field, route: [tankers], nomination: 1000 kt/mo}
metrics:
  - {name: landed, count: tonnes, event: depart, at: tankers}
  - {name: voyages, count: vessels, event: sail, at: tankers}
)");
  CHECK(v[0] == 200000);
  CHECK(v[1] == 180000);
  // Sailings at 12 h + 72k (A) and 24 h + 72k (B). B's sailing at 24 + 720 = 744 h is the first
  // instant of February: January 11 + 10, February (744 h to 1416 h) 9 + 10.
  CHECK(v[2] == 21);
  CHECK(v[3] == 19);
}

TEST_CASE("a fleet of two sizes: each tanker loads its own capacity", "[sim][oil]") {
  // The tanker cycle above with a 10,000 t and a 6,000 t tanker (listed in that order, so the big one
  // loads first): the same timetable, A lands at 48 h + 72k, B at 60 h + 72k, each full. January:
  // 10 x 10,000 + 10 x 6,000 = 160,000 t; February: 9 x 10,000 + 9 x 6,000 = 144,000 t.
  const auto v = all_monthly(R"(
name: tanker classes
start: 2025-01-01
end: 2025-02-28
stages:
  - name: tankers
    type: vessel_line
    fleet: [{name: big, count: 1, capacity: 10000 t}, {count: 1, capacity: 6000 t}]
    berths: 1
    loading_time: 12h
    crossing_time: 24h
    unloading_time: 12h
    return_time: 24h
shippers:
  - {name: field, route: [tankers], nomination: 1000 kt/mo}
metrics:
  - {name: landed, count: tonnes, event: depart, at: tankers}
  - {name: voyages, count: vessels, event: sail, at: tankers}
)");
  CHECK(v[0] == 160000);
  CHECK(v[1] == 144000);
  CHECK(v[2] == 21);  // sailings as in the uniform fleet: the sizes do not change the timetable
  CHECK(v[3] == 19);
}

TEST_CASE("a fleet list and a capacity beside it is an error naming the key", "[parse]") {
  const auto doc = sim::load_document_text(R"(
name: bad fleet
start: 2025-01-01
end: 2025-02-28
stages:
  - name: tankers
    type: vessel_line
    fleet: [{count: 1, capacity: 10000 t}]
    capacity: 8000 t
    crossing_time: 24h
)", "bad.yaml");
  CHECK_THROWS_WITH(models::load_scenario(doc), Catch::Contains("bad.yaml:9") && Catch::Contains("stages[tankers].capacity") &&
                                                    Catch::Contains("inside `fleet`"));
  const auto mixed = sim::load_document_text(R"(
name: bad units
start: 2025-01-01
end: 2025-02-28
stages:
  - name: tankers
    type: vessel_line
    fleet: [{count: 1, capacity: 10000 t}, {count: 2, capacity: 50 wagons}]
    crossing_time: 24h
)", "mixed.yaml");
  CHECK_THROWS_WITH(models::load_scenario(mixed), Catch::Contains("fleet[1].capacity") && Catch::Contains("same unit"));
}
