#pragma once
#include "models/stages/stage_type.h"

namespace models {

StageType vessel_line_type();

}  // namespace models
