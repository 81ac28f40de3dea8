#pragma once
// Two kinds of failure the user sees differently: a mistake in their scenario (with its position,
// no stack trace) and a failure of the simulation or of writing results.
#include <memory>
#include <ostream>
#include <stdexcept>
#include <string>

namespace sim {

// A file name shared by every position in that file: a scenario of a million values holds one copy of
// its name, not a million (a std::string per node once cost more memory than the file itself).
// Reads like a const std::string.
class FileName {
 public:
  FileName() = default;
  FileName(std::string name) : name_(std::make_shared<const std::string>(std::move(name))) {}
  FileName(const char* name) : FileName(std::string(name)) {}
  const std::string& str() const { return name_ ? *name_ : no_name(); }
  operator const std::string&() const { return str(); }
  bool empty() const { return str().empty(); }

 private:
  static const std::string& no_name();
  std::shared_ptr<const std::string> name_;
};

inline bool operator==(const FileName& a, const std::string& b) { return a.str() == b; }
inline bool operator==(const std::string& a, const FileName& b) { return a == b.str(); }
inline bool operator!=(const FileName& a, const std::string& b) { return !(a == b); }
inline std::ostream& operator<<(std::ostream& out, const FileName& f) { return out << f.str(); }

struct Where {
  FileName file;  // or "--set a.b=c" for command-line overrides
  int line = 0, col = 0;  // 1-based; 0 when unknown
  std::string str() const;
};

class ScenarioError : public std::runtime_error {
 public:
  ScenarioError(const Where& where, const std::string& key, const std::string& message);
  Where where;
  std::string key;
  std::string message;
  // False when the file at `where` is not known to be a scenario (it failed to parse as a YAML
  // mapping and is not named .yaml/.yml): the command line must then not show its line, which could
  // be a line of /etc/shadow reached through `extends:`.
  bool show_line = true;
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
