// Assumptions marked in a scenario: beside a value, `assumed: {KEY: LO..HI}` gives its plausible range
// (sim/config/reader checks the form: a map of sibling keys to ranges). `caspian sensitivity
// --assumptions` screens every one, named as --param names them (list items by name, else by number).
#include "models/sensitivity/sensitivity.h"

namespace models::sensitivity {
namespace {

struct Mark {
  std::string spec;  // KEY=LO..HI
  sim::Where where;  // of the range, for an error
};

void walk(const sim::Node& n, const std::string& path, std::vector<Mark>& out) {
  const auto child = [&](const std::string& seg) { return path.empty() ? seg : path + "." + seg; };
  if (n.is_map()) {
    if (const auto* a = n.find("assumed"); a && a->is_map())
      for (const auto& [key, range] : a->entries) out.push_back({child(key) + "=" + range.scalar, range.where});
    for (const auto& [key, value] : n.entries)
      if (key != "assumed") walk(value, child(key), out);
  } else if (n.is_seq()) {
    for (size_t i = 0; i < n.items.size(); ++i) {
      const auto* name = n.items[i].is_map() ? n.items[i].find("name") : nullptr;
      walk(n.items[i], child(name && name->is_scalar() ? name->scalar : std::to_string(i)), out);
    }
  }
}

std::vector<Mark> marks(const sim::Node& root) {
  std::vector<Mark> out;
  walk(root, "", out);
  return out;
}

}  // namespace

std::vector<std::string> marked_assumptions(const sim::Node& root) {
  std::vector<std::string> out;
  for (const auto& m : marks(root)) out.push_back(m.spec);
  return out;
}

// A range that excludes the value it sits beside is a scenario error where the range is written:
// sensitivity and --sample-assumptions would refuse it later, after minutes of set-up.
size_t check_assumptions(const sim::Node& root) {
  const auto all = marks(root);
  for (const auto& m : all) {
    try {
      calibration::resolve_param(root, m.spec);
    } catch (const sim::ScenarioError& e) {
      std::string msg = e.message;
      if (const auto at = msg.find(": calibration starts from it"); at != std::string::npos)
        msg.replace(at, msg.size() - at, ": an assumed range must hold the value it is marked beside");
      throw sim::ScenarioError(m.where, e.key + " (assumed)", msg);
    }
  }
  return all.size();
}

}  // namespace models::sensitivity
