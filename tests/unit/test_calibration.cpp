// Calibration's pure parts, checked by hand: the objective (weighted least squares of relative errors,
// weights from tolerances), scaling to [0, 1], identifiability, the NLopt wrapper on a function with a
// known minimum; and the scenario side: parameter paths, units and bounds, and the overlay's text.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <string>
#include <unistd.h>

#include "models/calibration/overlay.h"
#include "models/calibration/params.h"
#include "sim/calibration/objective.h"
#include "sim/calibration/optimise.h"
#include "sim/config/doc.h"
#include "sim/core/errors.h"

using Catch::Matchers::Contains;
namespace cal = sim::calibration;

TEST_CASE("objective: squared relative errors in units of each tolerance", "[calibration]") {
  // 2% over with a 2% tolerance counts 1; 10% under with a 5% tolerance counts 4.
  CHECK(cal::objective({{100, 102, 2}}) == Approx(1.0));
  CHECK(cal::objective({{100, 102, 2}, {50, 45, 5}}) == Approx(5.0));
  // No tolerance stated: the default 5%.
  CHECK(cal::objective({{100, 105, 0}}) == Approx(1.0));
  CHECK(cal::objective({}) == 0);
  CHECK_THROWS(cal::objective({{0, 1, 2}}));
}

TEST_CASE("scaling maps bounds to [0, 1] and back", "[calibration]") {
  const cal::Bounds b{2, 10};
  CHECK(cal::to_unit(4, b) == Approx(0.25));
  CHECK(cal::from_unit(0.25, b) == Approx(4));
  CHECK(cal::from_unit(1.5, b) == Approx(10));  // clamped
  CHECK(cal::from_unit(-1, b) == Approx(2));
}

TEST_CASE("identifiability: a flat objective names the parameter", "[calibration]") {
  CHECK(cal::identified(0.5, 2.0, 1.5));           // +150% of max(f0, 1)
  CHECK_FALSE(cal::identified(0.5, 0.5, 0.505));    // +0.5%: flat
  CHECK(cal::objective_change(4, 4.2, 4.1) == Approx(0.05));
  CHECK(cal::objective_change(0.001, 0.001, 0.001) == Approx(0));  // a perfect fit that nothing moves
}

TEST_CASE("minimise finds a known minimum inside the unit box", "[calibration]") {
  int calls = 0;
  auto f = [&](const std::vector<double>& x) {
    ++calls;
    return std::pow(x[0] - 0.3, 2) + 4 * std::pow(x[1] - 0.7, 2);
  };
  const auto r = cal::minimise(f, {0.9, 0.1}, 200, 1e-6);
  CHECK(r.x[0] == Approx(0.3).margin(1e-3));
  CHECK(r.x[1] == Approx(0.7).margin(1e-3));
  CHECK(r.evaluations == calls);
  CHECK(r.evaluations <= 200);
  // One parameter (Sbplx), a minimum on the bound.
  const auto one = cal::minimise([](const std::vector<double>& x) { return 1.1 - x[0]; }, {0.5}, 100);
  CHECK(one.x[0] == Approx(1.0).margin(1e-3));
  // The budget is respected.
  CHECK(cal::minimise(f, {0.9, 0.1}, 5).evaluations <= 5);
}

namespace {

const char* kScenario = R"(name: t
start: 2025-01-01
end: 2025-03-31
stages:
  - {name: yard, type: terminal, servers: 1, handling_time: {dist: exponential, mean: 2h}}
services:
  - {name: blocks, class: transit, route: [yard], rate: 12 trains/mo, teu: 80 TEU}
flows:
  - name: east
    class: import
    route: [yard]
    arrivals: 4 /d
    profile: [1, 1, 1, 1.5, 1, 1, 1, 1, 1, 1, 1, 2]
    teu: 2 TEU
)";

sim::ScenarioError param_error(const sim::Node& root, const std::string& spec) {
  try {
    models::calibration::resolve_param(root, spec);
  } catch (const sim::ScenarioError& e) {
    return e;
  }
  FAIL(spec << " resolved without an error");
  throw;
}

}  // namespace

TEST_CASE("parameters: paths as --set names them, units, bounds", "[calibration]") {
  using models::calibration::resolve_param;
  const auto doc = sim::load_document_text(kScenario, "t.yaml");
  auto p = resolve_param(doc.root, "flows.east.arrivals=2..10");
  CHECK(p.start == 4);
  CHECK(p.unit == "/d");
  CHECK(p.bounds.lo == 2);
  CHECK(p.bounds.hi == 10);
  CHECK(models::calibration::set_assignment(p, 4.5) == "flows.east.arrivals=4.5 /d");
  // Bounds with units are converted to the value's unit: 28 /wk = 4 /d.
  p = resolve_param(doc.root, "flows.east.arrivals=14/wk..28/wk");
  CHECK(p.bounds.lo == Approx(2));
  CHECK(p.bounds.hi == Approx(4));
  p = resolve_param(doc.root, "stages.yard.handling_time.mean=1h..3h");
  CHECK(p.unit == "h");
  CHECK(p.bounds.hi == Approx(3));
  // One month of a profile, and a scale on the whole profile.
  p = resolve_param(doc.root, "flows.east.profile[3]=0.5..3");
  CHECK(p.start == 1.5);
  CHECK(p.path == "flows.east.profile.3");
  CHECK(p.index == 3);
  p = resolve_param(doc.root, "flows.east.profile=0.5..2");
  CHECK(p.scale);
  CHECK(p.start == 1);
  CHECK(models::calibration::value_text(p, 2) == "[2, 2, 2, 3, 2, 2, 2, 2, 2, 2, 2, 4]");

  CHECK_THAT(param_error(doc.root, "flows.nope.arrivals=1..2").message, Contains("no such key"));
  CHECK_THAT(param_error(doc.root, "flows.east.arrivals=5..10").message, Contains("exclude the scenario's value 4 /d"));
  CHECK_THAT(param_error(doc.root, "flows.east.class=1..2").message, Contains("not a number"));
  CHECK_THAT(param_error(doc.root, "stages.yard.handling_time=1..2").message, Contains("handling_time.mean"));
  CHECK_THAT(param_error(doc.root, "flows.east.arrivals=2 kn..9 kn").message, Contains("but the value is in /d"));
  CHECK_THAT(param_error(doc.root, "flows.east.arrivals=9..2").message, Contains("lower bound must be below"));
  CHECK_THAT(param_error(doc.root, "flows.east.arrivals").message, Contains("KEY=LO..HI"));
}

TEST_CASE("the overlay sets each fitted value and loads onto its base", "[calibration]") {
  using namespace models::calibration;
  char dir[] = "/tmp/caspian-cal-XXXXXX";
  REQUIRE(::mkdtemp(dir));
  const std::string base = std::string(dir) + "/base.yaml", overlay = std::string(dir) + "/fit.yaml";
  std::ofstream(base) << kScenario;
  const auto doc = sim::load_document(base);
  const Param rate = resolve_param(doc.root, "services.blocks.rate=5..30");
  const Param april = resolve_param(doc.root, "flows.east.profile[3]=0.5..3");
  const Param dec = resolve_param(doc.root, "flows.east.profile[11]=0.5..3");
  const Param arrivals = resolve_param(doc.root, "flows.east.arrivals=2..10");
  const std::string text = overlay_text({"calibrated"}, extends_path(base, overlay),
                                        {{&rate, 13.5, "fitted"}, {&april, 1.25, "fitted"}, {&dec, 2.5, "fitted"}, {&arrivals, 4.25, "fitted"}});
  CHECK_THAT(text, Contains("# calibrated\nextends: base.yaml\n"));
  write_atomically(overlay, text);
  const auto merged = sim::load_document(overlay).root;
  const auto* east = &merged.find("flows")->items[0];
  CHECK(east->find("arrivals")->scalar == "4.25 /d");
  CHECK(east->find("teu")->scalar == "2 TEU");  // the base's other keys are kept
  const auto& profile = east->find("profile")->items;
  REQUIRE(profile.size() == 12);
  CHECK(profile[3].scalar == "1.25");
  CHECK(profile[11].scalar == "2.5");
  CHECK(profile[0].scalar == "1");
  CHECK(merged.find("services")->items[0].find("rate")->scalar == "13.5 trains/mo");
  std::remove(overlay.c_str());
  std::remove(base.c_str());
  ::rmdir(dir);
}
