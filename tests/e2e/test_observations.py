"""Observation files: a scenario includes them (`observations: [file.yaml]`); every run reports each
observation inside its dates (observed, simulated, error, inside its tolerance) in the table, the JSON
and the HDF5 file, single runs and replications alike; observations outside the dates are listed as
skipped; an unknown metric or a file that is not .yaml is an error naming the file and line."""
import json
import os

import h5py
from common import SRC, caspian, expect, scenario, tmpdir

d = tmpdir()
with open(scenario("examples/stochastic.yaml"), encoding="utf-8") as f:
    base = f.read()
obs = os.path.join(d, "obs.yaml")
with open(obs, "w", encoding="utf-8") as f:
    f.write("""description: test observations
targets:
  - {metric: border_teu, from: 2025-01-01, to: 2025-06-30, observed: 1 TEU, tolerance: 5%, source: far off}
  - {metric: transit_trains, from: 2025-01-01, to: 2025-12-31, observed: 156 trains, tolerance: 3%, source: 3 a week}
  - {metric: border_teu, from: 2024-01-01, to: 2024-12-31, observed: 100 TEU, tolerance: 3%, source: before the run}
""")
sc = os.path.join(d, "with_obs.yaml")
with open(sc, "w", encoding="utf-8") as f:
    f.write(base + "\nobservations: [obs.yaml]\n")

# Single run: JSON, table and file.
h5 = os.path.join(d, "single.h5")
_, out, _ = caspian("run", sc, "-o", h5, "--summary", "json")
res = json.loads(out)
got = {(t["metric"], t["from"]): t for t in res["targets"]}
far, trains = got[("border_teu", "2025-01-01")], got[("transit_trains", "2025-01-01")]
expect(far["file"].endswith("obs.yaml") and far["inside_tolerance"] is False and far["error_pct"] > 1000, f"far-off observation: {far}")
expect(trains["inside_tolerance"] is True and abs(trains["simulated"] - 156) <= 2, f"3 trains a week: {trains}")
expect([s["from"] for s in res["skipped_observations"]] == ["2024-01-01"], f"skipped: {res['skipped_observations']}")
_, table, _ = caspian("run", sc, "-o", h5)
expect("no (5%)" in table and "yes (3%)" in table and "1 observation outside the run's dates skipped" in table, table)
with h5py.File(h5) as f:
    kinds = sorted(f["targets"][k].attrs["inside_tolerance"] for k in f["targets"])
    expect(kinds == ["no", "yes"], f"HDF5 inside_tolerance: {kinds}")
    stored = f.attrs["scenario"]
    stored = stored.decode() if isinstance(stored, bytes) else stored
    expect("[obs.yaml]" not in stored and "observed: 156 trains" in stored, "stored scenario has the observations written out")

# Replications: with a CI, in JSON and in the file.
h5r = os.path.join(d, "reps.h5")
_, out, _ = caspian("run", sc, "-n", "4", "-j", "2", "-o", h5r, "--summary", "json")
res = json.loads(out)
t = [t for t in res["targets"] if t["metric"] == "transit_trains"][0]
expect(t["inside_tolerance"] is True and t["simulated"]["ci_low"] <= t["simulated"]["mean"] and t["file"], f"replications: {t}")
expect(len(res["skipped_observations"]) == 1, "replications list the skipped observation")
with h5py.File(h5r) as f:
    expect(sorted(f["targets"][k].attrs["inside_tolerance"] for k in f["targets"]) == ["no", "yes"], "replication file")

# Bad input: an unknown metric (file and line), a file that is not .yaml, a missing file.
bad = os.path.join(d, "bad.yaml")
with open(bad, "w", encoding="utf-8") as f:
    f.write("targets:\n  - {metric: border_teus, from: 2024-01-01, to: 2024-12-31, observed: 1 TEU, source: x}\n")
for name, text, needle in (("unknown.yaml", "observations: [bad.yaml]", "bad.yaml:2"),
                           ("txt.yaml", "observations: [/etc/passwd]", "only .yaml and .yml"),
                           ("missing.yaml", "observations: [nowhere.yaml]", "nowhere.yaml")):
    p = os.path.join(d, name)
    with open(p, "w", encoding="utf-8") as f:
        f.write(base + "\n" + text + "\n")
    code, _, err = caspian("validate", p, check=False)
    expect(code == 3 and needle in err, f"{name}: exit {code}: {err}")
expect("did you mean" in caspian("validate", os.path.join(d, "unknown.yaml"), check=False)[2], "unknown metric suggests a name")
print("ok: observations reported, skipped and checked")
