#pragma once
// A replication's results as bytes, for the trip from a worker process back to its parent.
#include <string>

#include "sim/analysis/experiment_results.h"

namespace sim {

std::string to_bytes(const ReplicationResult& r);
ReplicationResult from_bytes(const std::string& bytes);

}  // namespace sim
