"""The smaller defects of issue 12, each checked: bad options, bad values, runaway runs and sweeps,
compare across calendars, misspelt overlay stages, outages outside the run or on a vessel line."""
import glob
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import caspian, expect, scenario, tmpdir  # noqa: E402

STOCH = scenario("examples/stochastic.yaml")
d = tmpdir()
out = os.path.join(d, "out.h5")


def fails(code, args, *needles):
    got, stdout, err = caspian(*args, check=False)
    expect(got == code, f"{args}: exit {got}, expected {code}:\n{err}")
    for n in needles:
        expect(n in err, f"{args}: {n!r} not in stderr:\n{err}")
    expect(not os.path.exists(out) and not glob.glob(out + ".tmp*"), f"{args}: left {os.listdir(d)}")
    return err


# Seeds: negative or above 2^64-1 are usage errors (CLI11 turned -1 into 2^64-1).
fails(2, ["run", STOCH, "-o", out, "--seed", "-1"], "--seed", "whole number")
fails(2, ["run", STOCH, "-o", out, "--seed", "18446744073709551616"], "--seed")
fails(2, ["validate", STOCH, "--seed", "-1"], "--seed")
# -o '' is not "no -o".
fails(2, ["run", STOCH, "-o", ""], "empty file name")
# File errors exit 3 (README): a missing scenario, a missing --points file; an empty --set value.
fails(3, ["run", os.path.join(d, "missing.yaml"), "-o", out], "cannot open")
fails(3, ["sweep", STOCH, "-o", out, "--points", os.path.join(d, "missing.yaml")], "cannot open")
fails(3, ["run", STOCH, "-o", out, "--set", "stages.yard.servers="], "--set stages.yard.servers=", "empty")
# A sweep checks every point before running any: point 1 would run for seconds; nothing ran.
err = fails(3, ["sweep", STOCH, "-o", out, "-n", "2", "--grid", "stages.yard.servers=2,-3"], "servers=-3")
expect("point 1" not in err, f"a sweep ran point 1 before rejecting point 2:\n{err}")
# Absurd values: all-zero weights, magnitudes that overflow totals.
fails(3, ["validate", STOCH, "--set", "flows.boxes.teu={dist: empirical, values: [1 TEU, 2 TEU], weights: [0, 0]}"],
      "flows[boxes].teu.weights", "greater than zero")
fails(3, ["validate", STOCH, "--set", "flows.boxes.teu=1e308 TEU"], "flows[boxes].teu", "at most 1e12")
fails(3, ["validate", STOCH, "--set", "stages.mainline.distance=1e20 km"], "distance", "at most 1e12")
ok, _, _ = caspian("validate", STOCH, "--set", "flows.boxes.teu=1e6 TEU", check=False)
expect(ok == 0, "1e6 TEU is absurd but within the bound")
# Found by tools/fuzz: a pipeline's shipper cap with a bad unit aborted (std::terminate) instead of a
# scenario error.
fails(3, ["validate", scenario("reference.yaml"), "--set", "stages.btc.shipper_caps=[{source: tengiz, cap: 1 Mt/yz}]"],
      "stages[btc].shipper_caps[0].cap", "not a time unit")
# A misspelt stage in an overlay: named, with the likely one.
ov = os.path.join(d, "overlay.yaml")
with open(ov, "w") as f:
    f.write(f"extends: {STOCH}\nstages:\n  - name: yrad\n    servers: 3\n")
err = fails(3, ["validate", ov], 'no stage named "yrad"', 'did you mean "yard"')
expect(":3:" in err, f"the overlay's line is named:\n{err}")
os.remove(ov)
# Outages wholly outside the run: a warning naming where (the run still validates; see README).
code, _, err = caspian("validate", STOCH, "--set", "stages.yard.outages=[{from: 2019-01-01, to: 2019-01-05}]", check=False)
expect(code == 0 and "outside the run" in err and "stages[yard].outages" in err, f"outage outside the run: {code} {err}")
code, _, err = caspian("validate", STOCH, "--set", "stages.yard.outages=[{from: 2025-03-01, to: 2025-03-05}]", check=False)
expect(code == 0 and "outside" not in err, f"an outage inside the run is not warned about: {err}")

# Outages on a vessel_line are applied (closed like a storm; models/stages/vessel_line): a three-month
# closure of the Kuryk/Aktau-Alat ferry changes the run and cuts ADY's traffic over those months.
MC = scenario("middle_corridor_2024.yaml")
summaries = []
for extra in ([], ["--set", "stages.kz_ports_alat_ferry.outages=[{from: 2024-03-01, to: 2024-05-31, reason: test}]"]):
    _, stdout, _ = caspian("run", MC, "-o", out, "--summary", "json", *extra)
    summaries.append(json.loads(stdout))
    os.remove(out)
expect(summaries[0]["fingerprint"] != summaries[1]["fingerprint"], "a vessel_line outage changed nothing")
before, after = (sum(x["metrics"]["ady_teu"]["monthly"][4:7]) for x in summaries)  # Mar-May 2024 (month 0 is Nov 2023)
expect(after < before, f"ADY TEU in Mar-May: {before} without the ferry outage, {after} with it")

# Runaway runs stop with exit 4 naming the source, leaving nothing: single, and replications.
for extra in ([], ["-n", "3", "-j", "2"]):
    fails(4, ["run", STOCH, "-o", out, "--set", "flows.boxes.arrivals=1e9 /d", "--max-events", "200000", *extra],
          "event budget of 200000", "boxes")
fails(4, ["run", STOCH, "-o", out, "--set", "services.weekly_block.per_week=~", "--set", "services.weekly_block.every=1e-300 d",
          "--max-events", "200000"], "event budget", "weekly_block")
fails(4, ["run", STOCH, "-o", out, "--set", "flows.boxes.arrivals=1e9 /d", "--max-memory", "80M"], "over its limit of 80 MiB", "boxes")
# The budget does not change results unless it is hit: same fingerprint with a tight-but-enough budget.
runs = []
for budget in ([], ["--max-events", "20000"]):
    _, stdout, _ = caspian("run", STOCH, "-o", out, "--summary", "json", *budget)
    runs.append(json.loads(stdout)["fingerprint"])
    os.remove(out)
expect(runs[0] == runs[1], f"the budget changed the results: {runs}")

# compare across calendars: a warning on stderr and in the JSON.
code, stdout, err = caspian("compare", STOCH, STOCH, "-n", "2", "-o", out, "--summary", "json", "--set", "end=2025-06-30", check=False)
expect(code == 0 and json.loads(stdout)["warnings"] == [], f"same calendars: no warning ({code}, {err})")
os.remove(out)
short = os.path.join(d, "short.yaml")
with open(short, "w") as f:
    f.write(f"extends: {STOCH}\nend: 2025-06-30\n")
code, stdout, err = caspian("compare", STOCH, short, "-n", "2", "-o", out, "--summary", "json", check=False)
warnings = json.loads(stdout)["warnings"] if code == 0 else []
expect(code == 0 and "another calendar" in err and len(warnings) == 1 and "2025-06-30" in warnings[0], f"calendar warning: {err} {stdout}")
os.remove(out)
os.remove(short)
os.rmdir(d)
print("ok: every defect checked")
