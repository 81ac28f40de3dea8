#include "models/scenario/observations.h"

#include <climits>
#include <cstdlib>

#include "sim/config/reader.h"

namespace models {
namespace {

bool ends_with(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// Relative paths are read from the directory of the file that names them, as `extends` does.
std::string resolve(const std::string& path, const std::string& from_file) {
  if (path.empty() || path[0] == '/') return path;
  const auto slash = from_file.rfind('/');
  return slash == std::string::npos ? path : from_file.substr(0, slash + 1) + path;
}

}  // namespace

std::vector<sim::Node> read_observation_file(const sim::Node& path_node, std::vector<std::pair<std::string, std::string>>* sources) {
  if (!path_node.is_scalar()) sim::fail(path_node, "observations", "expected the path of an observation file or an observation");
  const std::string path = resolve(path_node.scalar, path_node.where.file);
  // Like `extends`: only files named like scenarios are parsed, so an error never quotes another file.
  char real[PATH_MAX];
  const std::string named = ::realpath(path.c_str(), real) ? std::string(real) : path;
  if (!ends_with(named, ".yaml") && !ends_with(named, ".yml"))
    sim::fail(path_node, "observations", "\"" + path + "\" is not an observation file: only .yaml and .yml files can be included");
  sim::Document doc;
  try {
    doc = sim::load_document(path);
  } catch (const sim::ScenarioError& e) {
    if (e.where.line > 0) throw;  // inside the observation file: it says where
    throw sim::ScenarioError(path_node.where, "observations", e.message);  // missing, not a file: point at the include
  }
  static const sim::KeyDocs kFileKeys = {
      {"description", "text", "optional", "what the observations are"},
      {"targets", "list of targets", "required", "the observations, in the scenario's target format"}};
  sim::MapReader r(doc.root, "");
  r.declare(kFileKeys);
  r.optional("description");
  const auto& items = sim::as_list(r.required("targets"), "targets");
  r.finish();
  std::vector<sim::Node> out;
  for (const auto& item : items) {
    if (!item.is_map()) sim::fail(item, "targets", "expected an observation (metric, from, to, observed, tolerance, source)");
    sim::Node obs = item;
    if (obs.find("file")) sim::fail(*obs.find("file"), "targets.file", "`file` is set by caspian to the file an observation came from");
    sim::Node file;
    file.kind = sim::Node::Kind::Scalar;
    file.scalar = path;
    file.where = item.where;
    obs.entries.emplace_back("file", file);
    out.push_back(obs);
  }
  if (sources)
    for (auto& s : doc.sources) sources->push_back(std::move(s));
  return out;
}

void expand_observations(sim::Document& doc) {
  sim::Node* list = doc.root.find("observations");
  if (!list || !list->is_seq()) return;  // the parser says what is wrong with it
  std::vector<sim::Node> expanded;
  for (const auto& item : list->items) {
    if (!item.is_scalar()) {
      expanded.push_back(item);
      continue;
    }
    for (auto& obs : read_observation_file(item, &doc.sources)) expanded.push_back(std::move(obs));
  }
  list->items = std::move(expanded);
}

}  // namespace models
