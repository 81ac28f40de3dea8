#pragma once
// The HDF5 file of `caspian sensitivity` (format caspian-sensitivity/2; layout in docs/sensitivity.md).
// Its own writer, apart from the run, sweep and comparison ones.
#include <string>

#include "sim/analysis/sensitivity.h"
#include "sim/record/run_info.h"

namespace sim {

// Writes a complete file under a temporary name and renames it when done (OutputError otherwise).
void write_sensitivity_file(const std::string& path, const RunInfo& info, const sensitivity::Report& report);

}  // namespace sim
