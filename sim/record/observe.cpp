#include "sim/record/observe.h"

namespace sim {

const char* event_kind_name(EventKind k) {
  switch (k) {
    case EventKind::Create: return "create";
    case EventKind::Arrive: return "arrive";
    case EventKind::Start: return "start";
    case EventKind::Depart: return "depart";
    case EventKind::Deliver: return "deliver";
    case EventKind::Sail: return "sail";
  }
  return "?";
}

const char* measure_name(Measure m) {
  switch (m) {
    case Measure::Teu: return "teu";
    case Measure::Wagons: return "wagons";
    case Measure::Trains: return "trains";
    case Measure::Tonnes: return "tonnes";
    case Measure::Vessels: return "vessels";
    case Measure::Jobs: return "consignments";
  }
  return "?";
}

const char* measure_unit(Measure m) {
  switch (m) {
    case Measure::Teu: return "TEU";
    case Measure::Wagons: return "wagons";
    case Measure::Trains: return "trains";
    case Measure::Tonnes: return "t";
    case Measure::Vessels: return "vessels";
    case Measure::Jobs: return "consignments";
  }
  return "?";
}

double Amounts::get(Measure m) const {
  switch (m) {
    case Measure::Teu: return teu;
    case Measure::Wagons: return wagons;
    case Measure::Trains: return trains;
    case Measure::Tonnes: return tonnes;
    case Measure::Vessels: return vessels;
    case Measure::Jobs: return 1.0;
  }
  return 0;
}

Amounts& Amounts::operator+=(const Amounts& o) {
  teu += o.teu;
  wagons += o.wagons;
  trains += o.trains;
  tonnes += o.tonnes;
  vessels += o.vessels;
  return *this;
}

Amounts& Amounts::operator-=(const Amounts& o) {
  teu -= o.teu;
  wagons -= o.wagons;
  trains -= o.trains;
  tonnes -= o.tonnes;
  vessels -= o.vessels;
  return *this;
}

Amounts Amounts::scaled(double f) const { return {teu * f, wagons * f, trains * f, tonnes * f, vessels * f}; }

}  // namespace sim
