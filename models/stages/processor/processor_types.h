#pragma once
// Three stage types served by one mechanism (Processor): rail sections, terminals and border points.
#include "models/stages/stage_type.h"

namespace models {

StageType rail_section_type();
StageType terminal_type();
StageType border_type();

}  // namespace models
