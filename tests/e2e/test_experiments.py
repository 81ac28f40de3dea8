"""Replications are deterministic whatever the number of workers; the CI is the Student-t interval;
a scenario compared with itself differs by exactly zero; a sweep's grid coordinates round-trip."""
import filecmp
import json
import math
import os
import h5py
import numpy as np
from common import scenario, caspian, tmpdir, expect

d = tmpdir()
path = scenario("examples/stochastic.yaml")
one, three = os.path.join(d, "j1.h5"), os.path.join(d, "j3.h5")
_, out1, _ = caspian("run", path, "-n", "6", "-j", "1", "-o", one, "--summary", "json")
caspian("run", path, "-n", "6", "-j", "3", "-o", three)
expect(filecmp.cmp(one, three, shallow=False), "6 replications with 1 or 3 workers give byte-identical files")

summary = json.loads(out1)
with h5py.File(one) as f:
    expect(f.attrs["format"] == "caspian-replications/2" and f.attrs["replications"] == 6, "replication file attributes")
    g = f["metrics/border_teu"]
    expect(g.shape == (6, 12), f"replication x month, got {g.shape}")
    expect([d.label for d in g.dims] == ["replication", "month"], f"dimension scales {[d.label for d in g.dims]}")
    totals = f["metric_totals/border_teu"][:]
    expect(np.allclose(np.nansum(g[:], axis=1), totals), "monthly series add up to the run totals")
    expect(len(set(totals)) == 6, "replications differ from each other")
    mean, sd = totals.mean(), totals.std(ddof=1)
    half = 2.5705818 * sd / math.sqrt(6)  # t(0.975, 5 df) = 2.5706 (tables give 2.571)
    expect(abs(g.attrs["total_mean"] - mean) < 1e-9 * mean, "mean")
    expect(abs(g.attrs["total_ci_high"] - (mean + half)) < 1e-6 * mean, "Student-t 95% CI upper bound")
    expect(abs(g.attrs["total_ci_low"] - (mean - half)) < 1e-6 * mean, "Student-t 95% CI lower bound")
    s = summary["metrics"]["border_teu"]["total"]
    expect(abs(s["mean"] - mean) < 1e-9 * mean and s["n"] == 6, "JSON summary agrees with the file")
    expect(f["replications/ok"][:].tolist() == [1.0] * 6, "all replications ok")
    expect(f["resources/border/utilisation"].shape == (6, 12), "resource series per replication")

# A scenario against itself: exactly zero differences, not significant.
cmp = os.path.join(d, "cmp.h5")
_, out, _ = caspian("compare", path, path, "-n", "4", "-o", cmp, "--summary", "json")
res = json.loads(out)
for alt, metrics in res["alternatives"].items():
    for name, m in metrics.items():
        diff = m["difference"]
        expect(diff["mean"] == 0 and diff["sd"] == 0 and not m["significant"], f"self-comparison {name}: {diff}")
with h5py.File(cmp) as f:
    expect(f.attrs["format"] == "caspian-comparison/2", "comparison format")
    expect(len(f["scenarios"]) == 2 and "comparison" in f, "a group per scenario and the comparison")
    alt = f["comparison"][list(f["comparison"])[0]]
    monthly = alt["border_teu"]
    expect(monthly.shape == (8, 12), f"monthly paired differences, statistic x month: {monthly.shape}")
    expect(np.all(monthly[:7] == 0), "self-comparison: every monthly difference statistic is 0")
    expect(monthly.attrs["diff_mean"] == 0 and monthly.attrs["significant"] == 0, "run-total difference in the attributes")

# A sweep: the full grid, every point found by its parameter values.
sw = os.path.join(d, "sweep.h5")
_, out, _ = caspian("sweep", path, "--grid", "services.weekly_block.per_week=2,4", "--grid", "stages.border.servers=1,2",
                    "-n", "3", "-o", sw, "--summary", "json")
res = json.loads(out)
expect(len(res["points"]) == 4, "2 x 2 grid")
with h5py.File(sw) as f:
    keys = list(f["grid/keys"].asstr()[:])
    expect(keys == ["services.weekly_block.per_week", "stages.border.servers"], f"grid keys {keys}")
    cols = [f[f"grid/values_{k}"][:].tolist() for k in range(2)]
    expect(f["grid/values_0"].attrs["units"] == "" and f["grid/values_0"].attrs["key"] == keys[0], "grid values carry key and units")
    points = [(f"{a:g}", f"{b:g}") for a, b in zip(*cols)]
    expect(sorted(points) == sorted([("2", "1"), ("2", "2"), ("4", "1"), ("4", "2")]), f"grid points {points}")
    expect(list(f["grid/labels_1"].asstr()[:]) == [b for _, b in points], "the values as given")
    def trains(per_week, servers):
        i = points.index((per_week, servers))
        return f[f"points/{i}/metrics/transit_trains"].attrs["total_mean"]
    expect(trains("4", "2") > 1.8 * trains("2", "2"), "twice the weekly trains give about twice the transit trains")
print("ok")

# A sweep over points listed in a file: only those points, in that order.
pts = os.path.join(d, "points.yaml")
with open(pts, "w") as f:
    f.write("points:\n  - {stages.border.servers: 1, services.weekly_block.per_week: 2}\n"
            "  - {stages.border.servers: 2, services.weekly_block.per_week: 5}\n")
_, out, _ = caspian("sweep", path, "--points", pts, "-n", "2", "-o", os.path.join(d, "pts.h5"), "--summary", "json")
res = json.loads(out)
expect([p["labels"] for p in res["points"]] == [["1", "2"], ["2", "5"]], f"points from a file: {res['points']}")
expect([p["values"] for p in res["points"]] == [[1, 2], [2, 5]], f"grid values are numbers: {res['points']}")
code, _, err = caspian("sweep", path, "--points", pts, "--grid", "stages.border.servers=1,2", check=False)
expect(code == 2, f"--grid and --points together are a usage error: {code} {err}")
print("ok: points")
