#pragma once
// What models report: events about cargo at places. Models emit; the recorder counts and stores.
#include <cstdint>
#include <string>
#include <vector>

namespace sim {

// Sail: a vessel leaves with its load (job = vessel number, amounts = what is aboard, vessels = 1).
enum class EventKind : std::uint8_t { Create, Arrive, Start, Depart, Deliver, Sail };
inline constexpr int kEventKinds = 6;
const char* event_kind_name(EventKind k);

enum class Measure : std::uint8_t { Teu, Wagons, Trains, Tonnes, Vessels, Jobs };
inline constexpr int kMeasures = 6;
inline constexpr int kCargoMeasures = 4;  // Teu..Tonnes: what conservation is checked on
const char* measure_name(Measure m);
const char* measure_unit(Measure m);

struct Amounts {
  double teu = 0, wagons = 0, trains = 0, tonnes = 0, vessels = 0;
  double get(Measure m) const;
  Amounts& operator+=(const Amounts& o);
  Amounts& operator-=(const Amounts& o);
  Amounts scaled(double f) const;
};

struct Event {
  double time = 0;
  EventKind kind = EventKind::Create;
  std::int32_t place = -1;   // index into the recorder's place names; -1 for Create
  std::int32_t source = -1;  // index of the service or flow that created the cargo
  std::int32_t cargo_class = 0;
  std::uint64_t job = 0;
  double created = 0;  // when the consignment was created: transit times come from it
  Amounts amounts;
};

class EventSink {
 public:
  virtual ~EventSink() = default;
  virtual void write_events(const std::vector<Event>& events) = 0;
};

// A declared metric, resolved to indices: what to count, at which events and places, for which cargo.
struct MetricSpec {
  std::string name, description;
  Measure measure = Measure::Teu;
  EventKind kind = EventKind::Depart;
  std::vector<int> places;   // empty: any place
  std::vector<int> classes;  // empty: any class
  std::vector<int> sources;  // empty: any source
};

struct TargetSpec {
  std::string metric;
  long from_day = 0, to_day = 0;  // inclusive calendar days
  double observed = 0;
  double tolerance_pct = 0;  // the acceptance band the calibration is held to; 0: not stated
  std::string source;
  std::string file;  // the observation file it came from; empty for a scenario's own target
};

}  // namespace sim
