#pragma once
// Two kinds of failure the user sees differently: a mistake in their scenario (with its position,
// no stack trace) and a failure of the simulation or of writing results.
#include <stdexcept>
#include <string>

namespace sim {

struct Where {
  std::string file;  // or "--set a.b=c" for command-line overrides
  int line = 0, col = 0;  // 1-based; 0 when unknown
  std::string str() const;
};

class ScenarioError : public std::runtime_error {
 public:
  ScenarioError(const Where& where, const std::string& key, const std::string& message);
  Where where;
  std::string key;
  std::string message;
};

class SimulationError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class OutputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Documented process exit codes.
enum ExitCode { kExitOk = 0, kExitUsage = 2, kExitScenario = 3, kExitSimulation = 4, kExitOutput = 5 };

}  // namespace sim
