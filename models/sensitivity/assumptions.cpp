// Assumptions marked in a scenario: beside a value, `assumed: {KEY: LO..HI}` gives its plausible range
// (sim/config/reader checks the form: a map of sibling keys to ranges). `caspian sensitivity
// --assumptions` screens every one, named as --param names them (list items by name, else by number).
#include "models/sensitivity/sensitivity.h"

namespace models::sensitivity {
namespace {

void walk(const sim::Node& n, const std::string& path, std::vector<std::string>& out) {
  const auto child = [&](const std::string& seg) { return path.empty() ? seg : path + "." + seg; };
  if (n.is_map()) {
    if (const auto* a = n.find("assumed"); a && a->is_map())
      for (const auto& [key, range] : a->entries) out.push_back(child(key) + "=" + range.scalar);
    for (const auto& [key, value] : n.entries)
      if (key != "assumed") walk(value, child(key), out);
  } else if (n.is_seq()) {
    for (size_t i = 0; i < n.items.size(); ++i) {
      const auto* name = n.items[i].is_map() ? n.items[i].find("name") : nullptr;
      walk(n.items[i], child(name && name->is_scalar() ? name->scalar : std::to_string(i)), out);
    }
  }
}

}  // namespace

std::vector<std::string> marked_assumptions(const sim::Node& root) {
  std::vector<std::string> out;
  walk(root, "", out);
  return out;
}

}  // namespace models::sensitivity
