// libFuzzer harness: loads and validates a scenario from arbitrary bytes, as `caspian validate` does.
// A scenario error (sim::ScenarioError) is the expected answer to bad input; anything else that
// escapes, a crash, a sanitizer report, a hang (-timeout) or a memory blow-up (-rss_limit_mb) is a
// bug. Built by -DCASPIAN_FUZZ=ON with clang; run by tools/fuzz.
#include <cstddef>
#include <cstdint>
#include <string>

#include "models/scenario/config.h"
#include "sim/config/doc.h"
#include "sim/core/errors.h"
#include "sim/kernel/log.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  sim::log::setup("off");  // warnings (outages outside the run, ...) would flood the output
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // Named .yaml so errors may quote it; extends: is resolved against the working directory.
  try {
    const auto doc = sim::load_document_text(std::string(reinterpret_cast<const char*>(data), size), "fuzz.yaml");
    (void)models::load_scenario(doc);
  } catch (const sim::ScenarioError&) {
  }
  return 0;
}
