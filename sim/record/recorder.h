#pragma once
// The one place model observations become statistics: declared metrics in daily and monthly bins,
// time-weighted resource series, transit times, and the event table streamed to a sink.
#include <algorithm>
#include <deque>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "sim/core/calendar.h"
#include "sim/record/cost_ledger.h"
#include "sim/record/observe.h"
#include "sim/record/series.h"

namespace sim {

struct ResourceStats {
  ResourceStats(std::string n, std::string k, const MonthEdges& e)
      : name(std::move(n)), kind(std::move(k)), queue(e), queue_teu(e), queue_wagons(e), queue_tonnes(e), backlog_tonnes(e), utilisation(e) {}
  std::string name, kind;
  TimeWeighted queue;                   // consignments waiting
  TimeWeighted queue_teu, queue_wagons, queue_tonnes;  // what they carry (tonnes: storage level)
  TimeWeighted backlog_tonnes;  // queued beyond the storage there is (supply backed up upstream)
  double storage = 0;           // tonnes; 0: no storage limit modelled
  TimeWeighted utilisation;             // busy fraction of capacity, 0..1
  // The queue now holds N consignments carrying TOTAL.
  void set_queue(double t, double n, const Amounts& total) {
    queue.set(t, n);
    queue_teu.set(t, total.teu);
    queue_wagons.set(t, total.wagons);
    queue_tonnes.set(t, storage > 0 ? std::min(total.tonnes, storage) : total.tonnes);
    backlog_tonnes.set(t, storage > 0 ? std::max(0.0, total.tonnes - storage) : 0.0);
  }
  template <class Range>
  void set_queue(double t, const Range& jobs) {
    Amounts total;
    double n = 0;
    for (const auto& j : jobs) {
      total += j.amounts;
      ++n;
    }
    set_queue(t, n, total);
  }
};

struct TransitStats {
  std::vector<double> days;  // one per consignment delivered after the warm-up, in delivery order
  std::vector<double> at;    // when each was delivered, seconds since the start (monthly statistics)
};

class Recorder {
 public:
  Recorder(const Calendar& calendar, std::vector<std::string> places, std::vector<std::string> sources,
           std::vector<std::string> classes, std::vector<MetricSpec> metrics, EventSink* sink, double warmup = 0);

  void emit(const Event& e);
  ResourceStats& add_resource(const std::string& name, const std::string& kind);
  void finish(double horizon);

  const Calendar& calendar() const { return calendar_; }
  const std::vector<std::string>& places() const { return places_; }
  const std::vector<std::string>& sources() const { return sources_; }
  const std::vector<std::string>& classes() const { return classes_; }
  const std::vector<MetricSpec>& metrics() const { return metrics_; }
  const std::vector<double>& metric_daily(size_t i) const { return daily_[i]; }
  std::vector<double> metric_monthly(size_t i) const;
  double metric_total(size_t i, long from_day, long to_day) const;  // inclusive days
  const std::deque<ResourceStats>& resources() const { return resources_; }
  const std::vector<TransitStats>& transit() const { return transit_; }
  // What delivered consignments paid and emitted (active when the scenario declares costs).
  CostLedger& costs() { return costs_; }
  const CostLedger& costs() const { return costs_; }
  // Conservation ledger per measure: created, delivered.
  const Amounts& created() const { return created_; }
  const Amounts& delivered() const { return delivered_; }
  std::uint64_t events() const { return events_; }
  // Events per source (service or flow), by the index of Event::source.
  const std::vector<std::uint64_t>& events_by_source() const { return by_source_; }
  // F(recorder) runs after every EVERY events (signals, event budget, memory): it may throw to stop
  // the run. Costs one comparison per event.
  void watch(std::function<void(const Recorder&)> f, std::uint64_t every);
  // A hash of every event emitted (time, kind, place, source, class, job, creation, amounts), as
  // OMNeT++'s fingerprints: any change of behaviour changes it. Kept by runs with an event sink and
  // by runs that ask for it (single runs, whether or not they write the event table), so
  // replication workers pay nothing for it.
  std::uint64_t fingerprint() const { return fingerprint_; }
  void keep_fingerprint() { fingerprinting_ = true; }
  // Month-end snapshots of the conservation ledger: (time, created, delivered, in the network).
  struct LedgerEntry {
    double time;
    Amounts created, delivered, in_system;
  };
  void snapshot(double t, const Amounts& in_system) { ledger_.push_back({t, created_, delivered_, in_system}); }
  const std::vector<LedgerEntry>& ledger() const { return ledger_; }

 private:
  void flush();
  const Calendar& calendar_;
  MonthEdges edges_;
  std::vector<std::string> places_, sources_, classes_;
  std::vector<MetricSpec> metrics_;
  std::vector<std::vector<int>> by_kind_place_;  // (kind * (places+1) + place+1) -> metric indices
  std::vector<std::vector<double>> daily_;
  std::deque<ResourceStats> resources_;  // deque: models keep references
  std::vector<TransitStats> transit_;
  Amounts created_, delivered_;
  EventSink* sink_;
  bool fingerprinting_ = sink_ != nullptr;
  double warmup_;
  std::vector<Event> buffer_;
  std::uint64_t events_ = 0;
  std::vector<std::uint64_t> by_source_ = std::vector<std::uint64_t>(sources_.size());
  std::function<void(const Recorder&)> watch_;
  std::uint64_t watch_every_ = 0, next_watch_ = UINT64_MAX;
  std::uint64_t fingerprint_ = 0xcbf29ce484222325ULL;  // FNV-1a offset basis
  std::vector<LedgerEntry> ledger_;
  CostLedger costs_;
};

}  // namespace sim
