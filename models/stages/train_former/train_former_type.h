#pragma once
#include "models/stages/stage_type.h"

namespace models {

StageType train_former_type();

}  // namespace models
