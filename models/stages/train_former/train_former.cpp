#include "models/stages/train_former/train_former.h"

#include <algorithm>
#include <limits>

namespace models {

TrainFormer::TrainFormer(const StageConfig& cfg, int index, Network& net)
    : Stage(cfg.name, index, net), cfg_(cfg.as<FormerConfig>()), stats_(net.recorder().add_resource(cfg.name, cfg.type)) {}

void TrainFormer::start(sim::Kernel& kernel) {
  if (cfg_.max_wait > 0) kernel.spawn("stage:" + name_, [this] { loop(); });
}

sim::Amounts TrainFormer::holding() const {
  sim::Amounts a;
  for (const auto& [c, f] : forming_)
    for (const auto& j : f.members) a += j.amounts;
  return a;
}

void TrainFormer::update_stats() {
  sim::Amounts total;
  double n = 0;
  for (const auto& [key, f] : forming_) {
    for (const auto& j : f.members) total += j.amounts;
    n += static_cast<double>(f.members.size());
  }
  stats_.set_queue(sim::now(), n, total);
}

TrainFormer::Key TrainFormer::key_of(const Job& j) const {
  return {j.cargo_class, std::vector<int>(j.route->begin() + static_cast<long>(j.leg) + 1, j.route->end())};
}

void TrainFormer::accept(Job job) {
  const double t = sim::now();
  emit(sim::EventKind::Arrive, job, t);
  if (job.amounts.trains > 0) {  // a block train is already a train
    emit(sim::EventKind::Depart, job, t);
    net_.forward(job);
    return;
  }
  const Key key = key_of(job);
  for (;;) {
    auto& f = forming_[key];
    if (f.members.empty()) f.since = t;
    const double a = job.amounts.get(cfg_.unit), room = cfg_.train_size - f.amount;
    if (a <= room) {
      f.members.push_back(job);
      f.amount += a;
      if (f.amount >= cfg_.train_size) release(key);
      break;
    }
    Job part = job.part(room / a);  // fill this train exactly; the rest starts the next one
    job = job.part(1 - room / a);
    f.members.push_back(part);
    f.amount += room;
    release(key);
  }
  update_stats();
  // Only a train that began forming here can be due before the actor's planned wake.
  if (next_due() < planned_wake_) wake_.notify();
}

void TrainFormer::release(const Key& key) {
  auto node = forming_.extract(key);
  auto& f = node.mapped();
  if (f.members.empty()) return;
  const double t = sim::now();
  Job train = f.members.front();
  train.id = net_.next_job_id();
  train.amounts = {};
  train.usd = train.kg_co2 = 0;
  for (auto& m : f.members) {
    net_.costs().leave(m, index_, t);  // each for its own time here: the train is charged as its parts
    train.amounts += m.amounts;
    train.usd += m.usd;
    train.kg_co2 += m.kg_co2;
    train.created = std::min(train.created, m.created);
  }
  train.amounts.trains = 1;
  sim::Amounts formed;
  formed.trains = 1;
  net_.recorder().emit({t, sim::EventKind::Create, index_, train.source, key.first, train.id, t, formed});
  emit(sim::EventKind::Depart, train, t);
  net_.forward(train, true);
}

double TrainFormer::next_due() const {
  if (cfg_.max_wait <= 0) return std::numeric_limits<double>::infinity();  // trains leave only when full
  double next = std::numeric_limits<double>::infinity();
  for (const auto& [c, f] : forming_) next = std::min(next, f.since + cfg_.max_wait);
  return next;
}

void TrainFormer::loop() {
  for (;;) {
    planned_wake_ = next_due();
    wake_.wait_until(planned_wake_);
    std::vector<Key> due;
    for (const auto& [k, f] : forming_)
      if (f.since + cfg_.max_wait <= sim::now()) due.push_back(k);
    for (const auto& k : due) release(k);
    if (!due.empty()) update_stats();
  }
}

}  // namespace models
