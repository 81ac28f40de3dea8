#pragma once
// An experiment of N independent units (a replication of a run, of a sweep point or of a comparison
// alternative; a future sensitivity experiment's samples): each unit is computed once, in a forked
// worker, from its index alone, and checkpointed as it finishes. What a unit means is the caller's.
#include <cstdint>
#include <functional>
#include <string>

#include "sim/experiment/checkpoint.h"

namespace sim {

struct UnitRun {
  std::uint64_t units = 0;  // of the whole experiment
  Shard shard;              // which of them to compute (none: all)
  int jobs = 1;
  std::string progress_label;
};

// Computes the units RUN.shard owns that STORE does not hold yet, in worker processes, appending each
// to STORE as it finishes. TASK(unit) runs in a worker and returns the unit's bytes; PREPARE runs once
// in the relay that forks the workers (see run_forked). Returns the units whose worker was killed or
// crashed: they are not checkpointed (a Ctrl-C that reaches the workers, or the OOM killer, must not
// make a resumed file differ), so a resume computes them again. A unit that threw is a result, and
// is checkpointed.
UnitOutcomes run_units(Checkpoint& store, const UnitRun& run, const std::function<std::string(std::uint64_t)>& task,
               const std::function<void()>& prepare = {});

// Joins shard files: they must share one experiment (identity and N), hold each shard 1..N exactly
// once, and each hold all of its units. Throws CheckpointError naming the offending file otherwise.
// HEADER receives the first shard's header (the command that wrote it, its cwd).
UnitOutcomes merge_shards(const std::vector<std::string>& paths, CheckpointHeader& header);

}  // namespace sim
