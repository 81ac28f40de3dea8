#pragma once
// Observation files: published figures kept as data (scenarios/observations/*.yaml), each a file with
// a `targets:` list in the scenario's own target format. A scenario includes them with
// `observations: [observations/ady.yaml]` (paths relative to the file that names them); an item may
// also be an observation written out in place (that is what a loaded file becomes, so the merged
// scenario stored in a result file repeats without the observation files).
#include <string>
#include <vector>

#include "sim/config/doc.h"

namespace models {

// The observations of the file named by PATH_NODE (a scalar; relative paths are taken from the file
// the node was written in), each with a `file:` key naming where it came from. Only regular .yaml or
// .yml files, read with the loader's bounds. Throws sim::ScenarioError.
std::vector<sim::Node> read_observation_file(const sim::Node& path_node, std::vector<std::pair<std::string, std::string>>* sources = nullptr);

// Replaces every file named under the document's `observations:` by the observations it holds, and
// records the files read in doc.sources.
void expand_observations(sim::Document& doc);

}  // namespace models
