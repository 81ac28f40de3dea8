#pragma once
// A scenario as plain structs: what `load` produces from YAML and `validate` checks. No YAML here;
// positions (Where) are kept only so that validation can point at the offending line.
#include <cstdint>
#include <string>
#include <vector>

#include "sim/config/doc.h"
#include "sim/record/observe.h"
#include "sim/core/random.h"
#include "models/weather/weather.h"

namespace models {

using sim::Distribution;
using sim::Where;

struct Window {  // [from_day, to_day] inclusive calendar days
  long from_day = 0, to_day = 0;
  std::string reason;
  Where where;
};

// Vessels shuttling between two ports: rail ferries, container feeders, tankers.
struct VesselConfig {
  int fleet = 1;
  sim::Measure unit = sim::Measure::Wagons;  // what the capacity counts
  double capacity = 0;                       // per vessel, in `unit`
  double load_factor = 1;                    // share of capacity usable (sea level, draught limits)
  double loading_rate = 0;                   // units per second at the origin; 0: loading_time per call
  Distribution loading_time, crossing_time, unloading_time, return_time;
  enum class Policy { WhenFull, Slots } policy = Policy::WhenFull;
  double max_wait = 0;       // WhenFull: sail with a part load this long after the first cargo boards; 0: never
  double storage = 0;        // tonnes of shore storage at the origin; queued cargo beyond it is backlog
  int berths = 1;            // vessels of this line that can load at the same time
  std::string berth_pool;    // berths shared with other lines at the origin ("" = none)
  Where berth_pool_where;
  double slot_interval = 0;  // Slots: one departure per interval, from the run's start
  struct Change {
    long day = 0;
    int fleet = -1;
    double load_factor = -1;
    Where where;
  };
  std::vector<Change> changes;
};

// Days during which some sources' cargo waits at a stage (embargoes, pipeline intake halts).
struct SourceWindow : Window {
  std::vector<std::string> sources;  // services, flows or shippers by name; empty: all of them
};

// A pipeline fed from a terminal's storage: BTC from Sangachal. Capacity is shared max-min by the
// shippers whose routes end in it, each with an optional cap.
struct PipelineConfig {
  double capacity = 0;  // t/s
  struct Cap {
    std::string source;
    double cap = 0;  // t/s
    Where where;
  };
  std::vector<Cap> caps;
  struct Change {
    long day = 0;
    double capacity = -1;
    Where where;
  };
  std::vector<Change> changes;
  std::vector<SourceWindow> halts;  // a shipper's intake stops (no sources listed: every shipper's)
  double outages_per_year = 0;  // a stochastic outage process (Poisson), with
  Distribution outage_duration;  // this duration
};

// Loose containers or wagons grouped into trains of a given size (per cargo class).
struct FormerConfig {
  sim::Measure unit = sim::Measure::Teu;
  double train_size = 0;
  double max_wait = 0;  // a part train leaves this long after its first consignment arrived; 0: never
};

// A place that holds cargo for a while: a rail section, a terminal, a border crossing, a vessel line,
// a train-formation yard.
struct StageConfig {
  std::string name, type;
  std::string sea_area;  // weather that stops this stage's work (ports close, vessels stay in port)
  Where sea_area_where;
  VesselConfig vessel;   // type vessel_line
  FormerConfig former;   // type train_former
  PipelineConfig pipeline;  // type pipeline
  int servers = -1;            // parallel handling; -1 = unlimited (a line where trains run in parallel)
  Distribution service;        // running, handling or processing time per consignment
  // Minimum time between successive starts (from a capacity in trains/d). It applies to consignments
  // that are trains; loose containers and wagons pass without using a train path.
  double headway = 0;
  struct Change {
    long day = 0;
    int servers = -2;     // -2: unchanged; 0 closes the stage
    double headway = -1;  // -1: unchanged
    Where where;
  };
  std::vector<Change> changes;  // dated capacity changes, in date order
  std::vector<Window> outages;  // no new starts during these days (work in progress finishes)
  std::vector<SourceWindow> embargoes;  // these sources' consignments are not handled for these days
  double yard_teu = 0;  // terminals: yard capacity; its occupancy is reported as its own resource
  Where where;
};

struct ScheduleConfig {
  enum class Kind { Interval, Dates, Rate };
  Kind kind = Kind::Interval;
  Distribution interval;     // Interval: time between departures/arrivals
  std::vector<long> dates;   // Dates: one departure at 00:00 of each day
  double rate = 0;           // Rate: consignments per second before the profile
  bool poisson = false;      // Rate: Poisson arrivals instead of even spacing
  std::vector<double> profile;  // Rate: 12 monthly factors (Jan..Dec); empty = flat
  double growth = 0;            // Rate: compound growth per year from the run's start (0.1 = +10%/yr)
};

// A block-train service or a stochastic flow: creates consignments that follow a route.
struct SourceConfig {
  std::string name;
  bool is_service = true;  // services are block trains (1 train each)
  int cargo_class = 0;
  std::vector<std::string> route;
  std::vector<Where> route_where;
  Distribution teu, wagons, tonnes;
  double trains = 0;
  ScheduleConfig schedule;
  long first_day = 0, until_day = 0;  // active days, inclusive
  // Shippers: lots of nomination x interval tonnes; dated nomination changes and temporary surges.
  double nomination = 0;  // t/s
  struct Nomination {
    long day = 0;
    double rate = 0;
    Where where;
  };
  std::vector<Nomination> nomination_changes;
  struct Surge {
    long from_day = 0, to_day = 0;
    double extra = 0;  // t/s on top of the nomination
    std::string reason;
  };
  std::vector<Surge> surges;
  Where where;
};

struct MetricConfig {
  std::string name, description;
  sim::Measure measure = sim::Measure::Teu;
  sim::EventKind event = sim::EventKind::Depart;
  std::vector<std::string> at, classes, sources;
  Where where;
};

struct TargetConfig {
  std::string metric;
  long from_day = 0, to_day = 0;
  double observed = 0;
  sim::Measure unit = sim::Measure::Teu;  // the unit the observed value was written in
  double tolerance_pct = 0;
  std::string source;
  Where where, metric_where;
};

struct BerthPoolConfig {
  std::string name;
  int berths = 1;
  Where where;
};

struct Scenario {
  std::string name, description;
  long start_day = 0, end_day = 0;  // end exclusive
  std::uint64_t seed = 1;
  double warmup = 0;  // seconds from the start whose statistics are discarded
  std::vector<WeatherConfig> weather;
  std::vector<BerthPoolConfig> berth_pools;
  std::vector<StageConfig> stages;
  std::vector<SourceConfig> sources;
  std::vector<MetricConfig> metrics;
  std::vector<TargetConfig> targets;
  Where where;
};

extern const std::vector<std::string> kCargoClasses;  // transit, import, export, domestic

// YAML document -> structs. Throws sim::ScenarioError for unknown keys, wrong types, missing units.
Scenario parse_scenario(const sim::Document& doc);
// Cross-references, ranges, dates. Throws sim::ScenarioError.
void validate(const Scenario& s);
// Both, from a file: the one call the command line makes.
Scenario load_scenario(const sim::Document& doc);

}  // namespace models
