#pragma once
// The overlay `caspian calibrate` writes: it extends the calibrated scenario and sets each fitted
// value, with a comment saying it was calibrated, against which observations, with what final error.
#include <string>
#include <vector>

#include "models/calibration/params.h"

namespace models::calibration {

struct OverlayValue {
  const Param* param;
  double value;
  std::string comment;
};

// The overlay's text: HEADER lines as comments, `extends:` EXTENDS, then the values as nested YAML
// (maps by key, list items by name; an item of an unnamed list rewrites that whole list).
std::string overlay_text(const std::vector<std::string>& header, const std::string& extends, const std::vector<OverlayValue>& values);

// Writes TEXT to PATH atomically (a temporary file beside it, then renamed). Only a regular file or a
// new path is written; throws sim::OutputError otherwise.
void write_atomically(const std::string& path, const std::string& text);

// SCENARIO's path as seen from the directory OVERLAY is written in (what `extends:` needs).
std::string extends_path(const std::string& scenario, const std::string& overlay);

}  // namespace models::calibration
