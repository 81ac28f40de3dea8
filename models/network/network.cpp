#include "models/network/network.h"

#include <algorithm>
#include <limits>

#include "models/network/berth_pool.h"
#include "models/sources/source.h"
#include "models/stages/stage_type.h"

namespace models {

void Stage::emit(sim::EventKind kind, const Job& job, double t) const {
  net_.recorder().emit({t, kind, index_, job.source, job.cargo_class, job.id, job.created, job.amounts});
}

namespace {
std::vector<std::shared_ptr<const CostsConfig>> stage_costs(const Scenario& s) {
  std::vector<std::shared_ptr<const CostsConfig>> out;
  for (const auto& st : s.stages) out.push_back(st.costs);
  return out;
}

int index_of(const std::vector<std::string>& names, const std::string& n) {
  return static_cast<int>(std::find(names.begin(), names.end(), n) - names.begin());
}
}  // namespace

std::vector<std::string> place_names(const Scenario& s) {
  std::vector<std::string> out;
  for (const auto& st : s.stages) out.push_back(st.name);
  return out;
}

std::vector<std::string> source_names(const Scenario& s) {
  std::vector<std::string> out;
  for (const auto& src : s.sources) out.push_back(src.name);
  return out;
}

std::vector<sim::MetricSpec> metric_specs(const Scenario& s) {
  const auto places = place_names(s), sources = source_names(s);
  std::vector<sim::MetricSpec> out;
  for (const auto& m : s.metrics) {
    sim::MetricSpec spec{m.name, m.description, m.measure, m.event, {}, {}, {}};
    for (const auto& a : m.at) spec.places.push_back(index_of(places, a));
    for (const auto& c : m.classes) spec.classes.push_back(index_of(kCargoClasses, c));
    for (const auto& src : m.sources) spec.sources.push_back(index_of(sources, src));
    if (m.transit >= 0) {  // `transit:` narrows the sources to those whose flag matches
      std::vector<int> kept;
      for (size_t i = 0; i < s.sources.size(); ++i)
        if (s.sources[i].transit == (m.transit == 1) && (spec.sources.empty() || std::count(spec.sources.begin(), spec.sources.end(), static_cast<int>(i))))
          kept.push_back(static_cast<int>(i));
      spec.sources = kept;
    }
    out.push_back(spec);
  }
  return out;
}

Network::Network(const Scenario& scenario, const sim::Calendar& calendar, sim::Recorder& recorder, std::uint64_t replication,
                 sim::Kernel& kernel)
    : calendar_(calendar), recorder_(recorder), seed_(scenario.seed), replication_(replication), source_names_(models::source_names(scenario)),
      costs_(stage_costs(scenario)) {
  // Deliveries are always counted (compare's cost-effectiveness needs the extra TEU and tonnes);
  // consignments are charged only when some stage declares costs.
  costed_ = costs_.any();
  const auto& b = scenario.cost_basis;
  recorder.costs().configure(recorder.sources().size(), b.value_of_time_teu, b.value_of_time_t, costed_ || b.declared);
  for (const auto& w : scenario.weather) {
    const auto& cal = storms_.emplace(w.name, draw_storms(w, calendar, stream("weather/" + w.name))).first->second;
    auto& stats = recorder.add_resource("weather:" + w.name, kSeaAreaKind);
    for (const auto& [from, to] : cal.windows()) stats.utilisation.add_interval(from, to, 1.0);
  }
  for (const auto& p : scenario.berth_pools)
    pools_[p.name] = std::make_unique<BerthPool>(p.berths, recorder.add_resource("pool:" + p.name, "berth_pool"));
  const auto places = place_names(scenario);
  for (const auto& src : scenario.sources) {
    std::vector<int> route;
    for (const auto& r : src.route) route.push_back(index_of(places, r));
    routes_.push_back(route);
  }
  // Every stage is built by its type's registry entry (an unknown type cannot reach here: the parser
  // rejects it, and stage_type() throws rather than fall back to another type).
  for (size_t i = 0; i < scenario.stages.size(); ++i) {
    const auto& st = scenario.stages[i];
    stages_.push_back(stage_type(st.type).build(st, static_cast<int>(i), *this, kernel));
    if (st.buffer > 0) stages_.back()->set_buffer(st.buffer, st.buffer_unit);
    std::vector<Stage::Embargo> embargoes;
    for (const auto& w : st.entry_embargoes) {
      Stage::Embargo e{calendar.seconds_at(w.from_day), calendar.seconds_at(w.to_day + 1), {}, {}};
      for (const auto& s : w.sources) e.sources.push_back(index_of(source_names_, s));
      for (const auto& c : w.classes) e.classes.push_back(index_of(kCargoClasses, c));
      embargoes.push_back(e);
    }
    if (!embargoes.empty()) stages_.back()->set_embargoes(std::move(embargoes));
  }
  for (size_t i = 0; i < scenario.sources.size(); ++i) {
    const auto& src = scenario.sources[i];
    sources_.push_back(std::make_unique<Source>(src, static_cast<int>(i), *this, stream("source/" + src.name + "/schedule"),
                                                stream("source/" + src.name + "/size")));
  }
}

Network::~Network() = default;

void Network::start(sim::Kernel& kernel) {
  kernel.spawn("ledger", [this] {
    // Month ends (and the horizon): created = delivered + in the network must hold at each.
    for (int m = 1; m <= calendar_.months(); ++m) {
      const double t = m < calendar_.months() ? calendar_.seconds_at(calendar_.month_first_day(m)) : calendar_.horizon_seconds();
      if (t >= calendar_.horizon_seconds()) break;
      sim::sleep_until(t);
      recorder_.snapshot(t, in_system());
    }
  });
  for (auto& st : stages_) st->start_stage(kernel);
  for (auto& src : sources_) src->start(kernel);
}

double Stage::embargo_end(const Job& job) const {
  const double t = sim::now();
  double end = 0;
  for (const auto& e : embargoes_)
    if (e.from <= t && t < e.to && (e.sources.empty() || std::count(e.sources.begin(), e.sources.end(), job.source)) &&
        (e.classes.empty() || std::count(e.classes.begin(), e.classes.end(), job.cargo_class)))
      end = std::max(end, e.to);
  return end;
}

void Stage::wake_on_room(const Job& job, sim::Signal& signal) {
  if (const double end = embargo_end(job); end > 0) {
    // A source asks again at each creation while it holds: one entry per (end, signal) is enough.
    const std::pair<double, sim::Signal*> w{end, &signal};
    if (std::find(embargo_waiters_.begin(), embargo_waiters_.end(), w) != embargo_waiters_.end()) return;
    embargo_waiters_.push_back(w);
    embargo_changed_.notify();
    return;
  }
  if (room_) room_->wake_on_room(signal);
}

void Stage::start_stage(sim::Kernel& kernel) {
  start(kernel);
  if (embargoes_.empty()) return;
  // Wakes the senders an embargo held back when it ends (they offer again, and may then wait for room).
  kernel.spawn("embargoes:" + name_, [this] {
    for (;;) {
      double next = std::numeric_limits<double>::infinity();
      for (const auto& w : embargo_waiters_) next = std::min(next, w.first);
      embargo_changed_.wait_until(next);
      const double t = sim::now();
      std::vector<sim::Signal*> due;
      for (auto it = embargo_waiters_.begin(); it != embargo_waiters_.end();)
        if (it->first <= t) {
          due.push_back(it->second);
          it = embargo_waiters_.erase(it);
        } else {
          ++it;
        }
      for (auto* s : due) s->notify();  // last: each wake-up is a yield point
    }
  });
}

void Stage::set_buffer(double limit, sim::Measure unit) {
  room_ = std::make_unique<sim::Capacity>(limit);
  room_unit_ = unit;
}

bool Network::reserve_next(const Job& job) {
  return job.leg + 1 >= job.route->size() || stages_[(*job.route)[job.leg + 1]]->reserve(job);
}

void Network::wake_on_room_next(const Job& job, sim::Signal& signal) {
  if (job.leg + 1 < job.route->size()) stages_[(*job.route)[job.leg + 1]]->wake_on_room(job, signal);
}

bool Network::reserve_first(const Job& job) { return stages_[routes_[job.source][0]]->reserve(job); }

void Network::wake_on_room_first(const Job& job, sim::Signal& signal) { stages_[routes_[job.source][0]]->wake_on_room(job, signal); }

void Network::enter(Job job) {
  job.route = &routes_[job.source];
  job.leg = 0;
  job.arrived = sim::now();
  stages_[(*job.route)[0]]->accept(job);
}

void Network::forward(Job job, bool charged) {
  const double t = sim::now();
  if (costed_ && !charged) costs_.leave(job, (*job.route)[job.leg], t);
  job.arrived = t;
  if (++job.leg < job.route->size()) {
    stages_[(*job.route)[job.leg]]->accept(job);
    return;
  }
  recorder_.emit({t, sim::EventKind::Deliver, (*job.route).back(), job.source, job.cargo_class, job.id, job.created, job.amounts});
  recorder_.costs().deliver(job.source, t, job.created, job.usd, job.kg_co2, job.amounts);
}

std::vector<int> Network::sources_through(int stage) const {
  std::vector<int> out;
  for (size_t s = 0; s < routes_.size(); ++s)
    if (std::find(routes_[s].begin(), routes_[s].end(), stage) != routes_[s].end()) out.push_back(static_cast<int>(s));
  return out;
}

BerthPool* Network::berth_pool(const std::string& name) {
  const auto it = pools_.find(name);
  return it == pools_.end() ? nullptr : it->second.get();
}

const sim::Closures* Network::storms(const std::string& area) const {
  const auto it = storms_.find(area);
  return it == storms_.end() ? nullptr : &it->second;
}

sim::Amounts Network::in_system() const {
  sim::Amounts total;
  for (const auto& st : stages_) {
    total += st->holding();
  }
  for (const auto& src : sources_) total += src->holding();  // held at origin by a refusing first stage
  return total;
}

}  // namespace models
