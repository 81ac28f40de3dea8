#include "replication.h"

#include <cmath>
#include <cstring>
#include <stdexcept>

namespace sim {
namespace {

class Writer {
 public:
  void num(double v) { raw(&v, sizeof v); }
  void vec(const std::vector<double>& v) {
    num(static_cast<double>(v.size()));
    raw(v.data(), v.size() * sizeof(double));
  }
  void mat(const std::vector<std::vector<double>>& m) {
    num(static_cast<double>(m.size()));
    for (const auto& v : m) vec(v);
  }
  void str(const std::string& s) {
    num(static_cast<double>(s.size()));
    raw(s.data(), s.size());
  }
  std::string bytes;

 private:
  void raw(const void* p, size_t n) { bytes.append(static_cast<const char*>(p), n); }
};

class Reader {
 public:
  explicit Reader(const std::string& b) : b_(b) {}
  double num() {
    double v;
    raw(&v, sizeof v);
    return v;
  }
  std::vector<double> vec() {
    std::vector<double> v(count());
    raw(v.data(), v.size() * sizeof(double));
    return v;
  }
  std::vector<std::vector<double>> mat() {
    std::vector<std::vector<double>> m(count());
    for (auto& v : m) v = vec();
    return m;
  }
  std::string str() {
    std::string s(count(), '\0');
    raw(s.data(), s.size());
    return s;
  }

 private:
  size_t count() { return static_cast<size_t>(num()); }
  void raw(void* p, size_t n) {
    if (pos_ + n > b_.size()) throw std::runtime_error("truncated replication result");
    if (n == 0) return;  // an empty vector's data() may be null, and memcpy(nullptr, _, 0) is undefined
    std::memcpy(p, b_.data() + pos_, n);
    pos_ += n;
  }
  const std::string& b_;
  size_t pos_ = 0;
};

}  // namespace

ReplicationResult collect(const Recorder& rec, const RunResults& res) {
  ReplicationResult r;
  const auto& cal = rec.calendar();
  for (size_t m = 0; m < rec.metrics().size(); ++m) {
    r.metric_monthly.push_back(rec.metric_monthly(m));
    r.metric_total.push_back(rec.metric_total(m, cal.start_day(), cal.end_day() - 1));
  }
  for (const auto& t : res.targets) r.target_simulated.push_back(t.simulated);
  for (const auto& s : rec.resources()) {
    r.utilisation.push_back(s.utilisation.monthly_mean());
    r.queue_mean.push_back(s.queue.monthly_mean());
    r.queue_max.push_back(s.queue.monthly_max());
    r.queue_teu_mean.push_back(s.queue_teu.monthly_mean());
    r.queue_teu_max.push_back(s.queue_teu.monthly_max());
    r.queue_wagons_mean.push_back(s.queue_wagons.monthly_mean());
    r.queue_wagons_max.push_back(s.queue_wagons.monthly_max());
    r.storage_tonnes_mean.push_back(s.queue_tonnes.monthly_mean());
    r.backlog_tonnes_mean.push_back(s.backlog_tonnes.monthly_mean());
    r.utilisation_mean.push_back(s.utilisation.overall_mean());
  }
  for (const auto& t : rec.transit()) {
    double sum = 0;
    for (double d : t.days) sum += d;
    r.transit_mean.push_back(t.days.empty() ? std::nan("") : sum / static_cast<double>(t.days.size()));
    r.transit_p50.push_back(percentile(t.days, 50));
    r.transit_p95.push_back(percentile(t.days, 95));
  }
  for (int mi = 0; mi < kCargoMeasures; ++mi) {
    const auto m = static_cast<Measure>(mi);
    r.created.push_back(rec.created().get(m));
    r.delivered.push_back(rec.delivered().get(m));
    r.in_system.push_back(res.in_system.get(m));
  }
  for (const auto& b : res.bottlenecks) r.bottlenecks.push_back(b.resource);
  r.events = static_cast<double>(rec.events());
  r.layout = layout_of(rec);
  return r;
}

std::string to_bytes(const ReplicationResult& r) {
  Writer w;
  w.mat(r.metric_monthly);
  w.vec(r.metric_total);
  w.vec(r.target_simulated);
  w.mat(r.utilisation);
  w.mat(r.queue_mean);
  w.mat(r.queue_max);
  w.mat(r.queue_teu_mean);
  w.mat(r.queue_teu_max);
  w.mat(r.queue_wagons_mean);
  w.mat(r.queue_wagons_max);
  w.mat(r.storage_tonnes_mean);
  w.mat(r.backlog_tonnes_mean);
  w.vec(r.utilisation_mean);
  w.vec(r.transit_mean);
  w.vec(r.transit_p50);
  w.vec(r.transit_p95);
  w.vec(r.created);
  w.vec(r.delivered);
  w.vec(r.in_system);
  w.num(static_cast<double>(r.bottlenecks.size()));
  for (const auto& b : r.bottlenecks) w.str(b);
  w.num(r.events);
  const auto& l = r.layout;
  for (const auto* list : {&l.months, &l.metrics, &l.metric_units, &l.metric_descriptions, &l.resources, &l.resource_kinds, &l.sources}) {
    w.num(static_cast<double>(list->size()));
    for (const auto& s : *list) w.str(s);
  }
  return w.bytes;
}

ReplicationResult from_bytes(const std::string& bytes) {
  Reader rd(bytes);
  ReplicationResult r;
  r.metric_monthly = rd.mat();
  r.metric_total = rd.vec();
  r.target_simulated = rd.vec();
  r.utilisation = rd.mat();
  r.queue_mean = rd.mat();
  r.queue_max = rd.mat();
  r.queue_teu_mean = rd.mat();
  r.queue_teu_max = rd.mat();
  r.queue_wagons_mean = rd.mat();
  r.queue_wagons_max = rd.mat();
  r.storage_tonnes_mean = rd.mat();
  r.backlog_tonnes_mean = rd.mat();
  r.utilisation_mean = rd.vec();
  r.transit_mean = rd.vec();
  r.transit_p50 = rd.vec();
  r.transit_p95 = rd.vec();
  r.created = rd.vec();
  r.delivered = rd.vec();
  r.in_system = rd.vec();
  r.bottlenecks.resize(static_cast<size_t>(rd.num()));
  for (auto& b : r.bottlenecks) b = rd.str();
  r.events = rd.num();
  auto& l = r.layout;
  for (auto* list : {&l.months, &l.metrics, &l.metric_units, &l.metric_descriptions, &l.resources, &l.resource_kinds, &l.sources}) {
    list->resize(static_cast<size_t>(rd.num()));
    for (auto& s : *list) s = rd.str();
  }
  return r;
}

ExperimentLayout layout_of(const Recorder& rec) {
  ExperimentLayout l;
  const auto& cal = rec.calendar();
  for (int m = 0; m < cal.months(); ++m) l.months.push_back(cal.month_label(m));
  for (const auto& m : rec.metrics()) {
    l.metrics.push_back(m.name);
    l.metric_units.push_back(measure_unit(m.measure));
    l.metric_descriptions.push_back(m.description);
  }
  for (const auto& r : rec.resources()) {
    l.resources.push_back(r.name);
    l.resource_kinds.push_back(r.kind);
  }
  l.sources = rec.sources();
  return l;
}

std::vector<const ReplicationResult*> Experiment::succeeded() const {
  std::vector<const ReplicationResult*> out;
  for (size_t i = 0; i < reps.size(); ++i)
    if (ok[i]) out.push_back(&reps[i]);
  return out;
}

}  // namespace sim
