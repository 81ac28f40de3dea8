#include "sim/experiment/units.h"

#include <map>
#include <vector>

namespace sim {

UnitOutcomes run_units(Checkpoint& store, const UnitRun& run, const std::function<std::string(std::uint64_t)>& task,
                       const std::function<void()>& prepare) {
  UnitOutcomes lost;
  std::vector<std::uint64_t> todo;
  for (std::uint64_t u = 0; u < run.units; ++u)
    if (run.shard.owns(u) && !store.done().count(u)) todo.push_back(u);
  if (todo.empty()) return lost;
  Progress progress(run.progress_label, static_cast<int>(todo.size()));
  run_forked(
      static_cast<int>(todo.size()), run.jobs, [&](int i) { return task(todo[static_cast<size_t>(i)]); },
      [&](int done, int) { progress.update(done); }, prepare,
      [&](int i, const TaskOutcome& o) {
        const auto unit = todo[static_cast<size_t>(i)];
        if (o.ok || o.thrown) store.append(unit, o);
        else lost[unit] = o;
      });
  progress.finish();
  store.sync();
  return lost;
}

UnitOutcomes merge_shards(const std::vector<std::string>& paths, CheckpointHeader& header) {
  if (paths.empty()) throw CheckpointError("merge: no shard files given");
  UnitOutcomes all;
  std::map<std::uint64_t, std::string> seen;  // shard K -> its file
  for (size_t i = 0; i < paths.size(); ++i) {
    auto [h, units] = read_checkpoint(paths[i]);
    if (!h.shard.active()) throw CheckpointError(paths[i] + " is a checkpoint, not a shard file (it was not written with --shard)");
    if (i == 0) header = h;
    if (h.identity != header.identity || h.units != header.units)
      throw CheckpointError(paths[i] + " belongs to a different experiment than " + paths[0] + ": it was written by `" + command_line(h) +
                            "`, the other by `" + command_line(header) + "` (the scenario, seed, replications or grid differ)");
    if (h.shard.n != header.shard.n)
      throw CheckpointError(paths[i] + " is shard " + h.shard.str() + " but " + paths[0] + " is shard " + header.shard.str() +
                            ": the shards come from splits into different numbers of shards");
    if (const auto it = seen.find(h.shard.k); it != seen.end())
      throw CheckpointError("duplicate shard " + h.shard.str() + ": " + it->second + " and " + paths[i]);
    seen[h.shard.k] = paths[i];
    std::uint64_t owned = 0;
    for (std::uint64_t u = 0; u < h.units; ++u) owned += h.shard.owns(u);
    if (units.size() != owned)
      throw CheckpointError(paths[i] + " (shard " + h.shard.str() + ") is incomplete: " + std::to_string(units.size()) + " of " +
                            std::to_string(owned) + " units; finish it by running its command again with --resume");
    all.merge(units);
  }
  std::string missing;
  for (std::uint64_t k = 1; k <= header.shard.n; ++k)
    if (!seen.count(k)) missing += (missing.empty() ? "" : ", ") + std::to_string(k) + "/" + std::to_string(header.shard.n);
  if (!missing.empty()) throw CheckpointError("missing shard " + missing + " (given " + std::to_string(seen.size()) + " of " +
                                              std::to_string(header.shard.n) + ")");
  return all;
}

}  // namespace sim
