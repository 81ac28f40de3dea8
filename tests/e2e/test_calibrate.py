"""`caspian calibrate` recovers known parameters: observations are made from a run of a small scenario
with known rates (another seed), then three rates are calibrated from perturbed values and must come
back within 5%. The overlay extends the scenario, carries its provenance and reproduces the fit.
Bad input (unknown key, bounds excluding the value, a non-numeric key, an observation outside the
run's dates, an unknown metric) is a scenario error: exit 3 with a message saying what is wrong."""
import json
import os

from common import SRC, caspian, expect, tmpdir

SC = os.path.join(SRC, "tests", "data", "calibrate", "three_rates.yaml")
TRUE = {"flows.east.arrivals": 5.0, "flows.west.arrivals": 3.0, "services.blocks.rate": 12.0}
d = tmpdir()

# Observations: the means of 10 replications with the known rates and seed 11.
_, out, _ = caspian("run", SC, "-n", "10", "-j", "2", "--seed", "11", "-o", os.path.join(d, "truth.h5"), "--summary", "json")
truth = json.loads(out)["metrics"]
obs = os.path.join(d, "obs.yaml")
with open(obs, "w", encoding="utf-8") as f:
    f.write("description: made from a run with known rates (seed 11)\ntargets:\n")
    for metric, unit, tol in (("east_teu", "TEU", 2), ("west_teu", "TEU", 2), ("block_trains", "trains", 3)):
        f.write(f"  - {{metric: {metric}, from: 2025-01-01, to: 2025-06-30, observed: {truth[metric]['total']['mean']} {unit}, "
                f"tolerance: {tol}%, source: test run}}\n")

# Calibrate from perturbed rates, with another seed (3, the scenario's).
overlay = os.path.join(d, "fitted.yaml")
start = ["--set", "flows.east.arrivals=6.5 /d", "--set", "flows.west.arrivals=2.2 /d", "--set", "services.blocks.rate=15 trains/mo"]
code, out, err = caspian("calibrate", SC, "--targets", obs, "--param", "flows.east.arrivals=2..10", "--param", "flows.west.arrivals=1/d..8/d",
                         "--param", "services.blocks.rate=5..30", *start, "-n", "10", "-j", "2", "-o", overlay, "--summary", "json")
res = json.loads(out)
for p in res["parameters"]:
    want = TRUE[p["key"]]
    expect(abs(p["fitted"] - want) <= 0.05 * want, f"{p['key']}: fitted {p['fitted']:.4g}, true {want} (start {p['start']})")
    expect(p["identified"], f"{p['key']} is identified by its own observation")
expect(res["objective_after"] < res["objective_before"] and res["evaluations"] >= 5, f"objective {res['objective_before']} -> {res['objective_after']}")
expect(res["replications_used"] == 10 * (res["evaluations"] + 2 + 2 * 3), f"replications used: {res['replications_used']}")
expect(all(o["inside_tolerance"] for o in res["observations"]), f"every observation inside its tolerance: {res['observations']}")
expect(err.count("calibrate: eval ") == res["evaluations"], "one progress line per evaluation on stderr")

# The overlay: extends the scenario, says where each value comes from, and reproduces the fit.
with open(overlay, encoding="utf-8") as f:
    text = f.read()
expect("extends: " in text and "calibrated by caspian calibrate against" in text and "Final errors" in text, text)
_, out, _ = caspian("run", overlay, *start[:0], "-n", "10", "-j", "2", "-o", os.path.join(d, "fitted.h5"), "--summary", "json")
# `--set` start values are not in the overlay, but every one of them was fitted, so the overlay alone is the fit.
m = json.loads(out)["metrics"]
for o in res["observations"]:
    got = m[o["metric"]]["total"]["mean"]
    expect(abs(got - o["after"]["mean"]) <= 0.01 * o["observed"], f"overlay run {o['metric']}: {got} vs calibrated {o['after']['mean']}")

# A parameter the observations cannot see is named as not identified.
code, out, _ = caspian("calibrate", SC, "--targets", obs, "--param", "flows.east.arrivals=2..10", "--param",
                       "stages.yard.handling_time.mean=1h..3h", "-n", "4", "-j", "2", "--max-evals", "12", "-o", overlay, "--summary", "json")
res = json.loads(out)
expect(res["unidentified"] == ["stages.yard.handling_time.mean"], f"unidentified: {res['unidentified']}")

# Bad input: exit 3 and a message that says what is wrong.
bad_obs = os.path.join(d, "outside.yaml")
with open(bad_obs, "w", encoding="utf-8") as f:
    f.write("targets:\n  - {metric: east_teu, from: 2024-01-01, to: 2024-06-30, observed: 100 TEU, source: t}\n")
unknown = os.path.join(d, "unknown.yaml")
with open(unknown, "w", encoding="utf-8") as f:
    f.write("targets:\n  - {metric: east_teus, from: 2025-01-01, to: 2025-06-30, observed: 100 TEU, source: t}\n")
for targets, param, needle in ((obs, "flows.nope.arrivals=1..2", "no such key"),
                               (obs, "flows.east.arrivals=6..10", "exclude the scenario's value 5 /d"),
                               (obs, "flows.east.class=1..2", "not a number"),
                               (obs, "flows.east.arrivals=1 kn..9 kn", "but the value is in /d"),
                               (bad_obs, "flows.east.arrivals=2..10", "not inside the run"),
                               (unknown, "flows.east.arrivals=2..10", "unknown.yaml:2")):
    code, _, err = caspian("calibrate", SC, "--targets", targets, "--param", param, "-n", "2", "-o", os.path.join(d, "x.yaml"), check=False)
    expect(code == 3 and needle in err, f"{param} against {os.path.basename(targets)}: exit {code}: {err}")
    expect("calibrate: eval" not in err, "bad input is found before any simulation")
# A run over its event budget stops calibration with exit 4 and says why (NLopt must not swallow it).
code, _, err = caspian("calibrate", SC, "--targets", obs, "--param", "flows.east.arrivals=2..10", "--param", "flows.west.arrivals=1..8",
                       "-n", "2", "--max-events", "500", "-o", os.path.join(d, "x.yaml"), check=False)
expect(code == 4 and "event budget of 500 events" in err and "nlopt" not in err.lower(), f"limit in calibrate: exit {code}: {err}")
expect(not os.path.exists(os.path.join(d, "x.yaml")), "no overlay after a limit")
print("ok: three rates recovered within 5%; bad input exits 3; a limit exits 4")
