#include "sim/record/recorder.h"

#include <algorithm>
#include <cstring>

#include "sim/record/resource_series.h"

namespace sim {
namespace {

// Months start no earlier than the end of the warm-up: months inside it have no duration, and
// their time-weighted means come out as NaN (discarded), not as zeros.
std::vector<double> month_edges(const Calendar& c, double warmup) {
  std::vector<double> e;
  for (int m = 0; m < c.months(); ++m) e.push_back(std::max(warmup, c.seconds_at(c.month_first_day(m))));
  e.push_back(c.horizon_seconds());
  return e;
}

bool contains(const std::vector<int>& v, int x) { return v.empty() || std::find(v.begin(), v.end(), x) != v.end(); }

constexpr size_t kBufferEvents = 4096;

// FNV-1a's step over each field widened to a 64-bit word (not over the struct: its padding is
// undefined), then an xor-shift so high bits reach low ones. Word-wise rather than FNV-1a's byte-wise:
// the byte loop's serial multiplies (~300 cycles an event) were a tenth of a 10-year single run's CPU.
// Each step is a bijection of the hash, so a change in any one field always changes the fingerprint.
void hash_word(std::uint64_t& h, std::uint64_t w) {
  h = (h ^ w) * 0x100000001b3ULL;
  h ^= h >> 32;
}

void hash_into(std::uint64_t& h, double value) {
  std::uint64_t w;
  std::memcpy(&w, &value, sizeof w);
  hash_word(h, w);
}

void hash_into(std::uint64_t& h, std::int32_t value) { hash_word(h, static_cast<std::uint32_t>(value)); }
void hash_into(std::uint64_t& h, std::uint64_t value) { hash_word(h, value); }

void hash_event(std::uint64_t& h, const Event& e) {
  hash_into(h, e.time);
  hash_word(h, static_cast<std::uint8_t>(e.kind));
  hash_into(h, e.place);
  hash_into(h, e.source);
  hash_into(h, e.cargo_class);
  hash_into(h, e.job);
  hash_into(h, e.created);
  for (double a : {e.amounts.teu, e.amounts.wagons, e.amounts.trains, e.amounts.tonnes, e.amounts.vessels}) hash_into(h, a);
}

}  // namespace

Recorder::Recorder(const Calendar& calendar, std::vector<std::string> places, std::vector<std::string> sources,
                   std::vector<std::string> classes, std::vector<MetricSpec> metrics, EventSink* sink, double warmup)
    : calendar_(calendar),
      edges_(month_edges(calendar, warmup)),
      places_(std::move(places)),
      sources_(std::move(sources)),
      classes_(std::move(classes)),
      metrics_(std::move(metrics)),
      by_kind_place_(kEventKinds * (places_.size() + 1)),
      daily_(metrics_.size(), std::vector<double>(calendar.days(), 0.0)),
      transit_(sources_.size()),
      sink_(sink),
      warmup_(warmup) {
  costs_.set_calendar(&calendar_, warmup);
  // Index metrics by (event kind, place) so an event touches only the metrics that may count it.
  for (size_t i = 0; i < metrics_.size(); ++i) {
    const auto& m = metrics_[i];
    const size_t k = static_cast<size_t>(m.kind) * (places_.size() + 1);
    if (m.places.empty())
      for (size_t p = 0; p <= places_.size(); ++p) by_kind_place_[k + p].push_back(static_cast<int>(i));
    else
      for (int p : m.places) by_kind_place_[k + p + 1].push_back(static_cast<int>(i));
  }
  if (sink_) buffer_.reserve(kBufferEvents);  // workers keep no event table
}

void Recorder::watch(std::function<void(const Recorder&)> f, std::uint64_t every) {
  watch_ = std::move(f);
  watch_every_ = std::max<std::uint64_t>(1, every);
  next_watch_ = events_ + watch_every_;
}

void Recorder::emit(const Event& e) {
  if (e.source >= 0 && static_cast<size_t>(e.source) < by_source_.size()) ++by_source_[e.source];
  if (++events_ >= next_watch_) {
    next_watch_ = events_ + watch_every_;
    watch_(*this);
  }
  const long day = calendar_.day_at(e.time) - calendar_.start_day();
  if (day >= 0 && day < calendar_.days() && e.time >= warmup_) {
    const size_t k = static_cast<size_t>(e.kind) * (places_.size() + 1) + static_cast<size_t>(e.place + 1);
    for (int i : by_kind_place_[k]) {
      const auto& m = metrics_[i];
      if (contains(m.classes, e.cargo_class) && contains(m.sources, e.source)) daily_[i][day] += e.amounts.get(m.measure);
    }
  }
  if (e.kind == EventKind::Create) created_ += e.amounts;
  if (e.kind == EventKind::Deliver) {
    delivered_ += e.amounts;
    // Transit times, like every other statistic, only for deliveries after the warm-up: a corridor
    // that starts empty delivers its first consignments faster than it does once it has filled.
    if (e.source >= 0 && e.time >= warmup_) {
      transit_[e.source].days.push_back((e.time - e.created) / 86400.0);
      transit_[e.source].at.push_back(e.time);
    }
  }
  if (fingerprinting_) hash_event(fingerprint_, e);
  if (sink_) {
    buffer_.push_back(e);
    if (buffer_.size() >= kBufferEvents) flush();
  }
}

void Recorder::flush() {
  if (sink_ && !buffer_.empty()) sink_->write_events(buffer_);
  buffer_.clear();
}

ResourceStats& Recorder::add_resource(const std::string& name, const std::string& kind) {
  return resources_.emplace_back(name, kind, edges_);
}

void Recorder::finish(double horizon) {
  const auto levels = resource_levels();
  for (auto& r : resources_)
    for (auto level : levels) (r.*level).close(horizon);
  flush();
}

std::vector<double> Recorder::metric_monthly(size_t i) const {
  std::vector<double> out(calendar_.months(), 0.0);
  for (int d = 0; d < calendar_.days(); ++d) out[calendar_.month_of_day(calendar_.start_day() + d)] += daily_[i][d];
  return out;
}

double Recorder::metric_total(size_t i, long from_day, long to_day) const {
  double s = 0;
  for (long d = std::max(from_day, calendar_.start_day()); d <= to_day && d < calendar_.end_day(); ++d)
    s += daily_[i][d - calendar_.start_day()];
  return s;
}

}  // namespace sim
