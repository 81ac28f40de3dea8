#pragma once
// A scenario as plain structs: what `load` produces from YAML and `validate` checks. No YAML here;
// positions (Where) are kept only so that validation can point at the offending line.
#include <cstdint>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "models/costs/cost_config.h"
#include "models/stages/common/windows.h"
#include "models/stages/pipeline/pipeline_config.h"
#include "models/stages/processor/processor_config.h"
#include "models/stages/train_former/former_config.h"
#include "models/stages/vessel_line/vessel_config.h"
#include "models/weather/weather.h"
#include "sim/config/doc.h"
#include "sim/core/random.h"
#include "sim/record/observe.h"

namespace models {

using sim::Distribution;
using sim::Where;

// A value kept on the heap with value semantics (copies are deep). A stage's type settings differ
// in size (a vessel line's are ~500 bytes, a train former's 24): boxing them keeps every stage as
// small as its own type's settings, so a scenario of many stages loads in memory proportional to
// its file (README, "Hostile input").
template <class T>
class Boxed {
 public:
  Boxed() : p_(std::make_unique<T>()) {}
  Boxed(T value) : p_(std::make_unique<T>(std::move(value))) {}  // NOLINT: implicit, like the value itself
  Boxed(const Boxed& o) : p_(std::make_unique<T>(*o.p_)) {}
  Boxed(Boxed&&) noexcept = default;
  Boxed& operator=(Boxed o) noexcept {
    p_ = std::move(o.p_);
    return *this;
  }
  T& get() { return *p_; }
  const T& get() const { return *p_; }

 private:
  std::unique_ptr<T> p_;
};

// A place that holds cargo for a while: a rail section, a terminal, a border crossing, a vessel line,
// a train-formation yard, a pipeline. What every stage has, and its type's own settings.
struct StageConfig {
  std::string name, type;
  std::string sea_area;  // weather that stops this stage's work (ports close, vessels stay in port)
  Where sea_area_where;
  std::vector<Window> outages;  // no new starts during these days (work in progress finishes)
  // A finite waiting area (0: unbounded): senders keep what does not fit (blocking after service).
  double buffer = 0;
  sim::Measure buffer_unit = sim::Measure::Jobs;
  Where buffer_where;
  // Entry embargoes: days on which some sources' or classes' consignments may not enter (senders keep them).
  std::vector<SourceWindow> entry_embargoes;
  // What the stage charges and what its cargo emits there; null when it declares no `costs:`.
  std::shared_ptr<const CostsConfig> costs;
  std::variant<Boxed<ProcessorConfig>, Boxed<VesselConfig>, Boxed<FormerConfig>, Boxed<PipelineConfig>> params;
  Where where;

  // The type's settings: stage types read only their own (a mismatch is a bug, std::get throws).
  template <class T>
  const T& as() const { return std::get<Boxed<T>>(params).get(); }
  template <class T>
  T& as() { return std::get<Boxed<T>>(params).get(); }
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
  std::string kind;        // "service", "flow" or "shipper": the list it was given in
  int cargo_class = 0;
  bool transit = false;  // counted as transit by the railways (default: class transit)
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
  int transit = -1;  // -1: any source; 0/1: only sources whose `transit` is false/true
  Where where;
};

struct TargetConfig {
  std::string metric;
  long from_day = 0, to_day = 0;
  double observed = 0;
  sim::Measure unit = sim::Measure::Teu;  // the unit the observed value was written in
  double tolerance_pct = 0;
  std::string source;
  std::string file;  // the observation file it came from (scenarios/observations/...); empty: a target
  Where where, metric_where;
};

struct BerthPoolConfig {
  std::string name;
  int berths = 1;
  Where where;
};

// An expansion's price (a `expansions:` item of an overlay). Money in USD of price_year.
struct ExpansionConfig {
  std::string name, description, source;  // source: the citation, or "assumed: ..."
  double capital_usd = 0;
  double operating_usd_per_year = 0;
  double lifetime_years = 25;
  int price_year = 0;
  Where where;
};

struct Scenario {
  std::string name, description;
  long start_day = 0, end_day = 0;  // end exclusive
  std::uint64_t seed = 1;
  double warmup = 0;  // seconds from the start whose statistics are discarded
  double transit_within = 0;  // seconds: results report the share delivered within it (0: not reported)
  std::vector<WeatherConfig> weather;
  std::vector<BerthPoolConfig> berth_pools;
  std::vector<StageConfig> stages;
  std::vector<SourceConfig> sources;
  std::vector<MetricConfig> metrics;
  std::vector<TargetConfig> targets;  // the scenario's targets, then its observations inside the run
  std::vector<ExpansionConfig> expansions;
  CostBasis cost_basis;
  std::vector<TargetConfig> skipped;  // observations whose period is not inside the run (reported, not compared)
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
