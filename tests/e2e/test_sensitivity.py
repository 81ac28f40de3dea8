"""caspian sensitivity: Morris screening and one-at-a-time swings.

- one-at-a-time on the hand-checkable scenario: 45 trains reach the terminal in Jan-Mar 2025 (see the
  scenario's header), so TEU per train 50..150 gives 2,250 .. 6,750 TEU, a swing of 4,500 by hand; the
  line's capacity (10 trains/d against one train every 2 days) never binds: its swing is exactly 0.
- Morris on the stochastic example: the boxes' arrival rate (2..4 /d, ~1,280 TEU a year by hand) dominates
  border TEU over 2.95..3.05 trains a week (~420 TEU) and ranks first; the
  main line's capacity (12 trains/d against 3 trains a week) cannot matter: its effect's CI holds 0.
- the file: layout and ranking; --shard + merge and --resume give byte-identical files; -j does not matter.
- --assumptions screens the ranges a scenario marks with `assumed:`; a bad mark is a scenario error.
"""
import json
import os
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(__file__))
from common import CASPIAN, caspian, expect, scenario, tmpdir  # noqa: E402

import h5py  # noqa: E402

d = tmpdir()

# One at a time, by hand
out = os.path.join(d, "oat.h5")
_, stdout, _ = caspian("sensitivity", scenario("examples/hand_check.yaml"), "--method", "oat", "-n", "2", "-j", "2",
                       "--param", "services.shuttle.teu=50..150", "--param", "stages.line.capacity=5..20",
                       "-o", out, "--summary", "json")
j = json.loads(stdout)
expect(j["command"] == "sensitivity" and j["format"] == "caspian-summary" and j["version"] == 1 and j["method"] == "oat", "JSON header")
rows = j["metrics"]["terminal_teu"]
expect([r["parameter"] for r in rows] == ["services.shuttle.teu", "stages.line.capacity"], f"ranking {rows}")
expect(rows[0]["low"] == 2250 and rows[0]["high"] == 6750 and rows[0]["effect"] == 4500, f"hand-computed swing: {rows[0]}")
expect(rows[0]["base"] == 4500 and rows[0]["units"] == "TEU", f"base and units: {rows[0]}")
expect(rows[1]["effect"] == 0 and rows[1]["ci"][0] <= 0 <= rows[1]["ci"][1], f"a capacity that never binds: {rows[1]}")
with h5py.File(out) as f:
    expect(f.attrs["format"] == b"caspian-sensitivity/2" or f.attrs["format"] == "caspian-sensitivity/2", "file format")
    g = f["metrics/terminal_teu"]
    expect([s.decode() for s in g["parameter"][:]] == ["services.shuttle.teu", "stages.line.capacity"], "file ranking")
    expect(list(g["effect"][:]) == [4500, 0] and list(g["low"][:]) == [2250, 4500], "file effects")
    expect(f["design/values"].shape == (5, 2) and g["output"].shape == (5, 2), "design: base + 2 per parameter, 2 replications")

# Morris screening under noise, common random numbers
args = ["sensitivity", scenario("examples/stochastic.yaml"), "-n", "4", "--trajectories", "4",
        "--param", "stages.mainline.capacity=6..24", "--param", "flows.boxes.arrivals=2..4",
        "--param", "services.weekly_block.per_week=2.95..3.05", "--summary", "json"]
m1 = os.path.join(d, "morris.h5")
_, stdout, _ = caspian(*args, "-o", m1, "-j", "2")
j = json.loads(stdout)
rows = j["metrics"]["border_teu"]
expect(rows[0]["parameter"] == "flows.boxes.arrivals", f"the dominant parameter ranks first: {rows}")
expect(rows[0]["ci"][0] > 0, f"and its effect is clearly above 0: {rows[0]}")
cap = [r for r in rows if r["parameter"] == "stages.mainline.capacity"][0]
expect(cap["ci"][0] <= 0 <= cap["ci"][1], f"a capacity that never binds holds 0 in its CI: {cap}")
expect(j["design_points"] == 4 * 4 and j["replications_used"] == 4, "r (k + 1) points")
with h5py.File(m1) as f:
    expect(f["design/unit_cube"].shape == (16, 3) and f["metrics/border_teu/sigma"].shape == (3,), "Morris layout")

# -j 1 gives the same file; --shard 1/2 + 2/2 merged gives the same file
m2 = os.path.join(d, "morris_j1.h5")
caspian(*args, "-o", m2, "-j", "1")
expect(open(m1, "rb").read() == open(m2, "rb").read(), "-j changes nothing")
sd = os.path.join(d, "shards")
os.makedirs(sd)
for k in (1, 2):
    caspian(*args, "-o", os.path.join(sd, "m.h5"), "--shard", f"{k}/2")
merged = os.path.join(d, "merged.h5")
caspian("merge", os.path.join(sd, "m.h5.shard1of2"), os.path.join(sd, "m.h5.shard2of2"), "-o", merged)
expect(open(m1, "rb").read() == open(merged, "rb").read(), "shards merged give the same file")

# --resume: a checkpoint with some runs done finishes to the same file
m3 = os.path.join(d, "resumed.h5")
p = subprocess.Popen([CASPIAN, *args, "-o", m3, "-j", "1"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
import time  # noqa: E402
while not (os.path.exists(m3 + ".ckpt") and os.path.getsize(m3 + ".ckpt") > 20000) and p.poll() is None:
    time.sleep(0.02)
p.kill()
p.wait()
if os.path.exists(m3 + ".ckpt") and not os.path.exists(m3):
    _, _, err = caspian(*args, "-o", m3, "-j", "2", "--resume")
    expect("resumed" in err, f"says it resumed: {err}")
else:
    print("note: the run finished before it could be killed; resume not exercised")
expect(open(m1, "rb").read() == open(m3, "rb").read(), "a resumed experiment gives the same file")

# --assumptions: ranges marked beside values
marked = os.path.join(d, "marked.yaml")
with open(marked, "w") as f:
    f.write(f"extends: {scenario('examples/hand_check.yaml')}\n"
            "services:\n  - name: shuttle\n    assumed: {teu: 50..150}\n"
            "stages:\n  - name: line\n    assumed: {capacity: 5..20 trains/d}\n")
caspian("validate", marked)
_, stdout, _ = caspian("sensitivity", marked, "--assumptions", "--method", "oat", "-n", "1", "-o", os.path.join(d, "a.h5"),
                       "--summary", "json")
rows = json.loads(stdout)["metrics"]["terminal_teu"]
expect(sorted(r["parameter"] for r in rows) == ["services.shuttle.teu", "stages.line.capacity"], f"marked assumptions: {rows}")
expect(rows[0]["effect"] == 4500, f"the same swing as by --param: {rows[0]}")
bad = os.path.join(d, "bad.yaml")
with open(bad, "w") as f:
    f.write(f"extends: {scenario('examples/hand_check.yaml')}\nservices:\n  - name: shuttle\n    assumed: {{speed: 1..2}}\n")
code, _, err = caspian("validate", bad, check=False)
expect(code == 3 and "speed" in err and "not a key beside it" in err, f"a mark for a key that is not there: {code} {err}")
code, _, err = caspian("sensitivity", scenario("examples/hand_check.yaml"), "--assumptions", "-o", os.path.join(d, "x.h5"), check=False)
expect(code == 3 and "assumed" in err, f"--assumptions on a scenario without marks: {code} {err}")
code, _, err = caspian("sensitivity", scenario("examples/hand_check.yaml"), "--param", "services.shuttle.nope=1..2",
                       "-o", os.path.join(d, "x.h5"), check=False)
expect(code == 3 and "nope" in err, f"an unknown key: {code} {err}")

# tools/plot draws the tornado
plot = os.path.join(os.environ.get("CASPIAN_SOURCE_DIR", "."), "tools", "plot")
r = subprocess.run(["/usr/bin/python3", plot, out, "-o", os.path.join(d, "plots")], capture_output=True, text=True)
expect(r.returncode == 0 and "tornado_terminal_teu.png" in r.stdout, f"tornado chart: {r.stdout} {r.stderr}")
r = subprocess.run(["/usr/bin/python3", plot, m1, "-o", os.path.join(d, "plots_m")], capture_output=True, text=True)
expect(r.returncode == 0 and "tornado_border_teu.png" in r.stdout, f"Morris chart: {r.stdout} {r.stderr}")

shutil.rmtree(d)
print("ok")
