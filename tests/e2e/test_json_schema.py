"""Every command's `--summary json` has one shape (docs/summary-json.md): each is validated against
docs/summary.schema.json with python3-jsonschema, on small scenarios. Beyond the schema: every object
with a mean carries its units, and numbers are JSON numbers (no number written as a string, except
where a text is meant: labels as given, fingerprints, names)."""
import json
import os
import re

import jsonschema

from common import SRC, caspian, expect, scenario, tmpdir

with open(os.path.join(SRC, "docs", "summary.schema.json"), encoding="utf-8") as f:
    SCHEMA = json.load(f)
jsonschema.Draft202012Validator.check_schema(SCHEMA)
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)

HAND = scenario("examples/hand_check.yaml")
STOCH = scenario("examples/stochastic.yaml")
CAL = os.path.join(SRC, "tests", "data", "calibrate", "three_rates.yaml")
NUMBER_TEXT = re.compile(r"^[-+]?[0-9]+(\.[0-9]*)?([eE][-+]?[0-9]+)?$")
TEXT_KEYS = {"labels", "fingerprint", "name", "label", "file", "caspian", "source", "reason", "results", "base"}
d = tmpdir()
seen = {}


def walk(node, path, problems):
    if isinstance(node, dict):
        if "mean" in node and not isinstance(node.get("units"), str):
            problems.append(f"{path}: a mean without units")
        for k, v in node.items():
            walk(v, f"{path}.{k}", problems)
    elif isinstance(node, list):
        for i, v in enumerate(node):
            walk(v, f"{path}[{i}]", problems)
    elif isinstance(node, str) and NUMBER_TEXT.match(node.strip()):
        if not any(part in TEXT_KEYS for part in re.split(r"[.\[]", path)):
            problems.append(f"{path}: the number {node!r} is written as a string")


def check(what, *args):
    _, out, _ = caspian(*args, "--summary", "json")
    doc = json.loads(out)
    errors = sorted(VALIDATOR.iter_errors(doc), key=lambda e: list(e.path))
    expect(not errors, f"{what}: " + "; ".join(f"{list(e.path)}: {e.message}" for e in errors[:5]))
    problems = []
    walk(doc, what, problems)
    expect(not problems, "; ".join(problems[:5]))
    expect(doc["scenarios"] and all(s["file"] and s["label"] for s in doc["scenarios"]), f"{what}: scenarios named")
    seen[doc["kind"]] = doc
    return doc


single = check("run", "run", HAND, "-o", os.path.join(d, "single.h5"))
expect(single["metrics"]["terminal_teu"]["total"] == 4500 and single["transit_time_days"]["shuttle"]["units"] == "d", "single run body")
reps = check("run -n", "run", STOCH, "-n", "3", "-j", "2", "-o", os.path.join(d, "reps.h5"))
m = reps["metrics"]["border_teu"]["total"]
expect(m["n"] == 3 and isinstance(m["mean"], float) and m["ci_low"] <= m["mean"] <= m["ci_high"] and m["units"] == "TEU", f"run -n: {m}")
sampled = check("run -n --sample-assumptions", "run", scenario("kazakh_oil_2027_7mt.yaml"), "-n", "2", "-j", "2", "--sample-assumptions",
                "-o", os.path.join(d, "sampled.h5"))
expect(len(sampled["sampled_assumptions"]["parameters"][0]["values"]) == 2 and sampled["binding_by_period"], "sampled assumptions, by quarter")
one = check("run -n 1", "run", HAND, "-n", "1", "-o", os.path.join(d, "one.h5"))
expect(one["metrics"]["terminal_teu"]["total"]["sd"] is None, "one replication: no sd (null, not NaN)")
cmp = check("compare", "compare", HAND, STOCH, "-n", "2", "-j", "2", "-o", os.path.join(d, "cmp.h5"))
expect([s["label"] for s in cmp["scenarios"]] == ["hand_check", "stochastic"] and cmp["base"] == "hand_check", "compare names its scenarios")
sweep = check("sweep", "sweep", STOCH, "--grid", "flows.boxes.arrivals=2 /d,3 /d", "--grid", "stages.border.servers=1,2", "-n", "2",
              "-j", "2", "-o", os.path.join(d, "sweep.h5"))
expect(sweep["grid"] == [{"key": "flows.boxes.arrivals", "units": "/d"}, {"key": "stages.border.servers", "units": ""}], f"grid: {sweep['grid']}")
expect([p["values"] for p in sweep["points"]] == [[2, 1], [2, 2], [3, 1], [3, 2]], "sweep values are numbers")
expect(sweep["points"][0]["labels"] == ["2 /d", "1"], "and their labels as given")
check("sensitivity oat", "sensitivity", HAND, "--method", "oat", "-n", "2", "-j", "2", "--param", "services.shuttle.teu=50..150",
      "-o", os.path.join(d, "oat.h5"))
sens = check("sensitivity morris", "sensitivity", STOCH, "-n", "2", "-j", "2", "--trajectories", "2", "--param", "flows.boxes.arrivals=2..4",
             "--param", "stages.mainline.capacity=6..24", "-o", os.path.join(d, "morris.h5"))
expect(all(isinstance(r["ci"][0], (int, float)) and r["units"] for rows in sens["metrics"].values() for r in rows), "sensitivity rows")
check("shard", "run", STOCH, "-n", "4", "--shard", "1/2", "-o", os.path.join(d, "shard.h5"))

# Costs (tests/data/costs): the "costs" section of a single run, replications and a comparison.
TWO = os.path.join(SRC, "tests", "data", "costs", "two_stage.yaml")
expect("costs" in check("run (costs)", "run", TWO, "-o", os.path.join(d, "two.h5")), "single run: costs")
expect("costs" in check("run -n (costs)", "run", TWO, "-n", "2", "-j", "2", "-o", os.path.join(d, "two_n.h5")), "run -n: costs")
overlay = os.path.join(os.path.dirname(TWO), "second_shuttle.yaml")  # priced: 1.0 M USD/yr
c = check("compare (costs)", "compare", TWO, overlay, "-n", "2", "-j", "2", "-o", os.path.join(d, "two_cmp.h5"))
expect(c["costs"]["alternatives"]["second_shuttle"]["per_extra_teu"]["extra_per_year"]["units"] == "TEU/yr", "compare: costs with units")

s = check("sweep (costs)", "sweep", TWO, "--grid", "services.shuttle.every=2d,3d", "-n", "2", "-j", "2", "-o", os.path.join(d, "two_sweep.h5"))
expect(all("costs" in p for p in s["points"]), "sweep: costs at every point")

# calibrate: observations made from a run of the same scenario, one parameter, a few evaluations.
truth = check("run -n (truth)", "run", CAL, "-n", "2", "-j", "2", "-o", os.path.join(d, "truth.h5"))["metrics"]
obs = os.path.join(d, "obs.yaml")
with open(obs, "w", encoding="utf-8") as f:
    f.write("targets:\n  - {metric: east_teu, from: 2025-01-01, to: 2025-06-30, observed: "
            f"{truth['east_teu']['total']['mean']} TEU, tolerance: 2%, source: test run}}\n")
cal = check("calibrate", "calibrate", CAL, "--targets", obs, "--param", "flows.east.arrivals=2..10", "-n", "2", "-j", "2",
            "--max-evals", "4", "-o", os.path.join(d, "fitted.yaml"))
expect(cal["observations"][0]["after"]["units"] == "TEU" and cal["parameters"][0]["units"] == "/d", f"calibrate units: {cal['parameters']}")

expect(set(seen) == {"single", "replications", "comparison", "sweep", "oat", "morris", "calibration", "shard"}, f"every kind: {sorted(seen)}")

# The checks can fail: a number as a string, or a mean without units, is caught.
problems = []
walk({"metrics": {"x": {"total": {"mean": 1.0}}}, "events": "12"}, "bad", problems)
expect(len(problems) == 2, f"the checks catch what they are meant to: {problems}")
expect(any(True for _ in VALIDATOR.iter_errors({**single, "version": "1"})), "the schema refuses a version written as a string")
print("ok")
