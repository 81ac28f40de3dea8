#pragma once
#include "models/stages/stage_type.h"

namespace models {

StageType pipeline_type();

}  // namespace models
