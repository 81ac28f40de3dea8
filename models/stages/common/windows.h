#pragma once
// Dated windows of whole days, shared by several stage types: outages, embargoes, pipeline halts.
#include <string>
#include <vector>

#include "sim/core/errors.h"

namespace models {

struct Window {  // [from_day, to_day] inclusive calendar days
  long from_day = 0, to_day = 0;
  std::string reason;
  sim::Where where;
};

// Days during which some sources' cargo waits at a stage (embargoes, pipeline intake halts).
struct SourceWindow : Window {
  std::vector<std::string> sources;  // services, flows or shippers by name; empty: all of them
  std::vector<std::string> classes;  // cargo classes (entry embargoes only); empty: all of them
};

}  // namespace models
