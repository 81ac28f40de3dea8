#pragma once
// A pipeline as a fluid-flow resource: a SimGrid link whose bandwidth is the pumping capacity, shared
// max-min fairly by the batches in it, with one access link per shipper in series for per-shipper
// caps (SimGrid 3.32 ignores Comm::set_rate on host-to-host transfers). Batches are in tonnes;
// links carry kilograms per second so batches are exact to the kilogram.
#include <memory>
#include <string>
#include <vector>

#include "sim/kernel/kernel.h"

namespace sim {

class Pipe {
 public:
  static constexpr double kUncapped = -1;
  // CAPACITY and each of SHIPPER_CAPS in tonnes per second; a cap of kUncapped never binds.
  // Must be built before the kernel starts its first actor.
  Pipe(Kernel& kernel, const std::string& name, double capacity, const std::vector<double>& shipper_caps);
  ~Pipe();
  Pipe(const Pipe&) = delete;
  Pipe& operator=(const Pipe&) = delete;
  // Pumps TONNES for SHIPPER; returns to the calling actor when the batch is through.
  void pump(size_t shipper, double tonnes);
  // 0 stops the flow (SimGrid ignores a zero bandwidth, so a negligible one is used instead).
  void set_capacity(double tonnes_per_second);
  void set_shipper_cap(size_t shipper, double tonnes_per_second);  // 0 halts it; kUncapped lifts the cap

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace sim
