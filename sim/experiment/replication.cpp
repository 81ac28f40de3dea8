#include "sim/experiment/replication.h"

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
  void cube(const std::vector<std::vector<std::vector<double>>>& c) {
    num(static_cast<double>(c.size()));
    for (const auto& m : c) mat(m);
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
  std::vector<std::vector<std::vector<double>>> cube() {
    std::vector<std::vector<std::vector<double>>> c(count());
    for (auto& m : c) m = mat();
    return c;
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

std::string to_bytes(const ReplicationResult& r) {
  Writer w;
  w.mat(r.metric_monthly);
  w.vec(r.metric_total);
  w.vec(r.target_simulated);
  w.cube(r.series);  // sized on the way, so the codec never lists the series
  w.vec(r.utilisation_mean);
  w.vec(r.transit_mean);
  w.vec(r.transit_p50);
  w.vec(r.transit_p95);
  w.cube(r.transit_monthly);
  w.vec(r.transit_within);
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
  w.mat(r.costs.stats);  // appended: checkpoint format 3
  w.cube(r.costs.monthly);
  w.mat(r.costs.totals);
  w.num(r.measured_years);
  w.num(r.costs.declared);
  w.num(l.transit_within_days);
  return w.bytes;
}

ReplicationResult from_bytes(const std::string& bytes) {
  Reader rd(bytes);
  ReplicationResult r;
  r.metric_monthly = rd.mat();
  r.metric_total = rd.vec();
  r.target_simulated = rd.vec();
  r.series = rd.cube();
  r.utilisation_mean = rd.vec();
  r.transit_mean = rd.vec();
  r.transit_p50 = rd.vec();
  r.transit_p95 = rd.vec();
  r.transit_monthly = rd.cube();
  r.transit_within = rd.vec();
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
  r.costs.stats = rd.mat();
  r.costs.monthly = rd.cube();
  r.costs.totals = rd.mat();
  r.measured_years = rd.num();
  r.costs.declared = rd.num();
  l.transit_within_days = rd.num();
  return r;
}

}  // namespace sim
