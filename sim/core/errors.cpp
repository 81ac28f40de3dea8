#include "sim/core/errors.h"

namespace sim {

const std::string& FileName::no_name() {
  static const std::string none;
  return none;
}

std::string Where::str() const {
  if (line <= 0) return file.str();
  return file.str() + ":" + std::to_string(line) + ":" + std::to_string(col);
}

ScenarioError::ScenarioError(const Where& w, const std::string& k, const std::string& m)
    : std::runtime_error(w.str() + ": " + (k.empty() ? "" : k + ": ") + m), where(w), key(k), message(m) {}

}  // namespace sim
