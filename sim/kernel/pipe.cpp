#include "sim/kernel/pipe.h"

#include <simgrid/s4u.hpp>

#include <cmath>

namespace sim {
namespace {
constexpr double kStopped = 1e-9;      // kg/s: "no flow" (set_bandwidth(0) is silently ignored)
constexpr double kUncappedKg = 1e12;   // kg/s: an access link that never binds
double kg_per_s(double t_per_s) { return t_per_s > 0 ? t_per_s * 1000.0 : kStopped; }
}  // namespace

struct Pipe::Impl {
  // SimGrid 3.32 trap: a transfer started while a link on its path has a negligible bandwidth is
  // not resumed when the bandwidth comes back (one in flight when the stop begins is). So a batch
  // waits for its path to be open before it starts.
  bool trunk_stopped = false;
  std::vector<char> shipper_stopped;
  std::vector<std::unique_ptr<Signal>> reopened;
  simgrid::s4u::Link* trunk = nullptr;
  std::vector<simgrid::s4u::Link*> access;
  std::vector<simgrid::s4u::Host*> inlets;
  simgrid::s4u::Host* outlet = nullptr;
};

Pipe::Pipe(Kernel& kernel, const std::string& name, double capacity, const std::vector<double>& shipper_caps)
    : impl_(std::make_unique<Impl>()) {
  auto* zone = static_cast<simgrid::s4u::NetZone*>(kernel.zone());
  impl_->trunk = zone->create_link(name, kg_per_s(capacity))->seal();
  impl_->outlet = zone->create_host(name + ":outlet", 1e9);
  for (size_t k = 0; k < shipper_caps.size(); ++k) {
    const std::string id = name + ":shipper" + std::to_string(k);
    auto* link = zone->create_link(id, shipper_caps[k] < 0 ? kUncappedKg : kg_per_s(shipper_caps[k]))->seal();
    auto* inlet = zone->create_host(id, 1e9);
    zone->add_route(inlet->get_netpoint(), impl_->outlet->get_netpoint(), nullptr, nullptr,
                    {simgrid::s4u::LinkInRoute(link), simgrid::s4u::LinkInRoute(impl_->trunk)}, false);
    impl_->access.push_back(link);
    impl_->inlets.push_back(inlet);
    impl_->shipper_stopped.push_back(shipper_caps[k] == 0);
    impl_->reopened.push_back(std::make_unique<Signal>());
  }
}

Pipe::~Pipe() = default;

void Pipe::pump(size_t shipper, double tonnes) {
  const auto kg = static_cast<std::uint64_t>(std::llround(tonnes * 1000.0));
  if (kg == 0) return;
  while (impl_->trunk_stopped || impl_->shipper_stopped[shipper]) impl_->reopened[shipper]->wait();
  simgrid::s4u::Comm::sendto_async(impl_->inlets[shipper], impl_->outlet, kg)->wait();
}

void Pipe::set_capacity(double t) {
  impl_->trunk->set_bandwidth(kg_per_s(t));
  impl_->trunk_stopped = t <= 0;
  if (!impl_->trunk_stopped)
    for (auto& r : impl_->reopened) r->notify();
}

void Pipe::set_shipper_cap(size_t shipper, double t) {
  impl_->access[shipper]->set_bandwidth(t < 0 ? kUncappedKg : kg_per_s(t));
  impl_->shipper_stopped[shipper] = t == 0;
  if (t != 0) impl_->reopened[shipper]->notify();
}

}  // namespace sim
