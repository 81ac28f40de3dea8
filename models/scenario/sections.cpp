#include "models/scenario/sections.h"

#include "models/costs/parse_costs.h"

#include <stdexcept>

namespace models {
namespace {

const sim::KeyDocs kIdentity = {
    {"name", "a name (letters, digits, _ and -)", "required", "unique across services, flows and shippers"},
    {"description", "text", "optional", "a longer description"},
    {"source", "text", "optional", "where the figures come from"},
    {"route", "list of stage names", "required", "the stages its consignments pass, in order"},
    {"first", "a date", "optional, default the run's start", "first day it creates consignments"},
    {"until", "a date", "optional, default the run's end", "last day it creates consignments"},
    {"assumed", "a mapping of keys beside it to ranges, like {rate: 3..6 trains/d} or {handling_time.mean: 3h..6h}", "optional",
     "marks those values as assumptions with a plausible range LO..HI (bounds as --param takes them); `caspian sensitivity "
     "--assumptions` screens every marked range"},
};

sim::KeyDocs with_identity(const char* class_presence, sim::KeyDocs own) {
  sim::KeyDocs keys = kIdentity;
  keys.push_back({"class", "transit | import | export | domestic", class_presence, "cargo class, for metrics and train formation"});
  keys.push_back({"transit", "true | false", "optional, default true for class transit, else false",
                  "whether its cargo crosses the corridor's countries in transit, as railways count it (ADY's transit "
                  "containers and block trains), whatever its trade class; metrics filter on it with `transit`"});
  keys.insert(keys.end(), own.begin(), own.end());
  return keys;
}

const sim::KeyDocs kAmounts = {
    {"teu", "a distribution in TEU like 90 TEU", "optional, default 0", "containers per consignment"},
    {"wagons", "a distribution in wagons like 45 wagons", "optional, default 0", "wagons per consignment"},
    {"tonnes", "a distribution in mass like 3000 t", "optional, default 0", "tonnes per consignment"},
};
const sim::KeyDoc kGrowth = {"growth", "a yearly rate like 10%/yr", "optional, rate/arrivals only", "compound growth from the run's start"};
const sim::KeyDoc kProfile = {"profile", "12 plain numbers >= 0 (January..December)", "optional, rate/arrivals only",
                              "monthly factors on the rate"};

sim::KeyDocs concat(std::vector<sim::KeyDocs> parts) {
  sim::KeyDocs out;
  for (auto& p : parts) out.insert(out.end(), p.begin(), p.end());
  return out;
}

// A target and an observation are the same comparison; an observation also remembers its file.
sim::KeyDocs target_keys() {
  return {
      {"metric", "a metric name", "required", "the metric compared"},
      {"from", "a date", "required", "first day of the period"},
      {"to", "a date", "required", "last day of the period, inclusive"},
      {"observed", "a total with its unit like 95483 TEU or 1.392 Mt", "required", "the published figure"},
      {"tolerance", "a percentage like 2%", "optional", "the band the calibration is held to"},
      {"source", "text", "required", "where the figure was published"},
  };
}

sim::KeyDocs observation_keys() {
  auto keys = target_keys();
  keys.push_back({"file", "a path", "set by caspian, default the file it is written in", "the observation file it came from"});
  return keys;
}

}  // namespace

const std::vector<Section>& scenario_sections() {
  static const std::vector<Section> sections = {
      {"scenario", "the run: calendar, seed, warm-up, and the lists below",
       {
           {"name", "text", "required", "the scenario's title, stored in the results"},
           {"description", "text", "optional", "a longer description, stored in the results"},
           {"start", "a date YYYY-MM-DD", "required", "the first simulated day (from 00:00)"},
           {"end", "a date YYYY-MM-DD", "one of end | horizon", "the last simulated day, inclusive"},
           {"horizon", "a whole number of days like 365d", "one of end | horizon", "the run's length from start"},
           {"seed", "a whole number 0..2^53", "optional, default 1", "base random seed (--seed overrides it)"},
           {"warmup", "a duration like 61d", "optional, default 0", "statistics of this first part of the run are discarded"},
           {"transit_within", "a duration like 14d", "optional",
            "results report the share of each service's, flow's or shipper's consignments delivered within it (docs/timetable.md)"},
           {"weather", "list of sea areas", "optional", "storms that stop vessels and ports"},
           {"berth_pools", "list of berth pools", "optional", "loading berths shared by several vessel lines"},
           {"stages", "list of stages", "optional", "the places cargo passes through"},
           {"services", "list of block-train services", "optional", "scheduled trains"},
           {"flows", "list of flows", "optional", "loose containers or wagons arriving at random"},
           {"shippers", "list of oil shippers", "optional", "nominated tonnes in regular lots"},
           {"metrics", "list of metrics", "optional", "what to count, binned by calendar month"},
           {"targets", "list of targets", "optional", "observed values a metric is compared with"},
           {"observations", "list of observation files (paths relative to this file) or observations", "optional",
            "published figures kept as data (scenarios/observations/): compared when inside the run, else listed as skipped"},
           {"expansions", "list of expansions", "optional",
            "what an overlay builds and what it costs: compare reports cost-effectiveness from it"},
           {"cost_basis", "a mapping (section cost_basis)", "optional",
            "the price year of every USD figure and the shippers' value of time (generalized cost)"},
       }},
      {"weather", "a sea area whose storms stop vessels and ports",
       {
           {"name", "a name", "required", "the area's name; stages refer to it by sea_area"},
           {"description", "text", "optional", "a longer description"},
           {"source", "text", "optional", "where the parameters come from"},
           {"storms_per_month", "12 plain numbers >= 0", "optional", "expected storm starts per calendar month (a Poisson process)"},
           {"duration_winter", "a duration distribution", "required with storms_per_month", "length of a storm starting in a winter month"},
           {"duration_summer", "a duration distribution", "required with storms_per_month", "length of a storm starting in another month"},
           {"winter_months", "list of month numbers 1..12", "optional, default [11, 12, 1, 2, 3]", "months that use duration_winter"},
           {"storms", "list of {from: date, to: date, reason?}", "optional", "documented storms, always present"},
       }},
      {"berth_pools", "berths at one port shared by several vessel lines",
       {
           {"name", "a name", "required", "vessel lines refer to it by berth_pool"},
           {"berths", "a whole number 1..1000", "required", "berths usable at the same time"},
           {"description", "text", "optional", "a longer description"},
           {"source", "text", "optional", "where the figure comes from"},
       }},
      {"services", "block trains on a schedule: each consignment is one train",
       concat({with_identity("required", kAmounts),
               {{"every", "a duration distribution like 2d", "one of every | per_week | dates | rate", "time between departures"},
                {"per_week", "a plain number > 0", "one of every | per_week | dates | rate", "departures per week, evenly spaced"},
                {"dates", "list of dates", "one of every | per_week | dates | rate", "one departure at 00:00 of each date"},
                {"rate", "a train rate like 9.2 trains/mo", "one of every | per_week | dates | rate", "evenly spaced departures"},
                kGrowth, kProfile}})},
      {"flows", "loose containers or wagons arriving at random",
       concat({with_identity("required", kAmounts),
               {{"every", "a duration distribution", "one of every | arrivals", "time between consignments"},
                {"arrivals", "a frequency like 3.9 /d", "one of every | arrivals", "Poisson arrivals at this rate"},
                kGrowth, kProfile}})},
      {"shippers", "oil shippers: the nominated tonnes, created in regular lots",
       with_identity("optional, default export",
                     {{"nomination", "a mass rate like 1.5 Mt/yr", "required", "tonnes nominated per unit time"},
                      {"lot", "a duration like 1d", "optional, default 1d", "a lot is what was nominated over this time"},
                      {"changes", "list of {date, nomination, reason?, source?}", "optional", "dated nomination changes"},
                      {"surges", "list of {from: date, to: date, extra: mass rate, reason?, source?}", "optional",
                       "temporary extra nominations (e.g. diverted volumes)"}})},
      {"metrics", "a count, binned by day and calendar month",
       {
           {"name", "a name", "required", "the metric's name (unique)"},
           {"description", "text", "optional", "what it counts, in words"},
           {"count", "teu | wagons | trains | tonnes | vessels | consignments", "required", "what is added up"},
           {"event", "create | arrive | start | depart | deliver | sail", "optional, default depart", "at which events"},
           {"at", "a stage name or a list of them", "optional, default any stage", "where"},
           {"class", "a cargo class or a list of them", "optional, default any class", "for which cargo"},
           {"cargo_of", "a service/flow/shipper name or a list of them", "optional, default any", "whose cargo"},
           {"transit", "true | false", "optional, default either", "only cargo of sources whose `transit` is this"},
           {"source", "(old name of cargo_of)", "deprecated", "still read, with a warning: write cargo_of"},
       }},
      {"expansions", "an expansion an overlay makes (a ship, a berth, a terminal) and its price; kept through extends, so a "
                     "chain of overlays carries all their costs",
       {
           {"name", "a name", "required", "the expansion's name (unique; an overlay of the same name replaces it)"},
           {"description", "text", "optional", "what is built"},
           {"capital_cost", "money like 120 M USD", "required", "investment, in USD of price_year"},
           {"operating_cost", "money per year like 6 M USD/yr", "optional, default 0 USD/yr", "yearly operating cost added"},
           {"lifetime", "a duration like 25yr", "optional, default 25yr", "years the capital cost is spread over (straight line, no discounting)"},
           {"price_year", "a year like 2025", "required", "the year the money is in"},
           {"source", "text", "one of source | assumed", "where the costs are published"},
           {"assumed", "text", "one of source | assumed", "why the costs are assumed, and from what"},
       }},
      {"costs", "a stage's `costs:`: what each consignment pays and emits there (summed along its route)", cost_keys()},
      {"cost_basis", "the scenario's `cost_basis:`: the price year and the value of time", cost_basis_keys()},
      {"targets", "an observed value a metric's total over a period is compared with", target_keys()},
      {"observations", "an observation: a target kept in an observation file; skipped when its period is not inside the run",
       observation_keys()},
  };
  return sections;
}

const sim::KeyDocs& section_keys(const std::string& name) {
  for (const auto& s : scenario_sections())
    if (s.name == name) return s.keys;
  throw std::logic_error("no scenario section named \"" + name + "\"");
}

}  // namespace models
