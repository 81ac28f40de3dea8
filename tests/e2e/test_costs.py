"""Cost, CO2 and generalized cost per TEU and per tonne, worked out by hand (tests/data/costs/*.yaml
headers), in every output form (table, JSON, HDF5; single runs, replications, comparisons); an
expansion's cost-effectiveness worked out by hand; bad `costs:` refused with file, line and key."""
import json
import os

import h5py
import numpy as np
from common import caspian, expect, run_json, tmpdir

HERE = os.path.dirname(os.path.abspath(__file__))
TWO = os.path.join(HERE, "..", "data", "costs", "two_stage.yaml")
FERRY = os.path.join(HERE, "..", "data", "costs", "ferry.yaml")
d = tmpdir()

# Two stages: 604.5 USD/TEU, 15 kg CO2/TEU, generalized 654.5 USD/TEU for every consignment.
single = os.path.join(d, "two.h5")
s = run_json(TWO, single)["costs"]
c = s["sources"]["shuttle"]
for q, v in (("usd_per_teu", 604.5), ("co2_per_teu", 15.0), ("generalized_usd_per_teu", 654.5)):
    expect(all(abs(c[q][k] - v) < 1e-9 for k in ("mean", "p50", "p95")), f"{q}: {c[q]} (by hand {v})")
expect(c["usd_per_teu"]["units"] == "USD/TEU" and c["co2_per_teu"]["units"] == "kg CO2/TEU", "units")
expect(c["usd_per_t"]["mean"] is None, "no tonnes carried: no cost per tonne")
expect(c["monthly"]["usd"] == [15 * 60450, 14 * 60450, 16 * 60450], f"monthly totals {c['monthly']['usd']}")
expect(c["total_usd"]["value"] == 45 * 60450 and c["total_co2"]["value"] == 45 * 1500, "totals")
expect(s["basis"]["value_of_time_usd_per_teu_day"] == 40, "value of time stated")
_, table, _ = caspian("run", TWO, "-o", os.path.join(d, "t.h5"))
expect("generalized_usd_per_teu" in table and "654.5" in table and "604.5" in table, f"table shows costs:\n{table}")
with h5py.File(single) as f:
    g = f["costs"]
    expect(g["usd_per_teu"].attrs["units"] == "USD/TEU" and g["usd_per_teu"].attrs["description"], "HDF5 units and description")
    expect(np.allclose(g["usd_per_teu"][0], [604.5] * 3) and np.allclose(g["co2_per_teu"][0], [15] * 3), "HDF5 values")
    expect(np.allclose(g["usd_monthly"][0], [906750, 846300, 967200]), "HDF5 monthly USD")

# xarray opens /costs as one dataset with named dims; every variable has units and a description.
import warnings  # noqa: E402
import xarray as xr  # noqa: E402
warnings.simplefilter("error")
for path, dims in ((single, ("source", "cost_statistic")), (os.path.join(d, "reps_x.h5"), ("source", "replication", "cost_statistic"))):
    if not os.path.exists(path):
        caspian("run", TWO, "-n", "2", "-o", path)
    ds = xr.open_dataset(path, engine="h5netcdf", group="costs")
    expect(ds["usd_per_teu"].dims == dims, f"{path}: dims {ds['usd_per_teu'].dims}")
    expect(all("units" in v.attrs and "description" in v.attrs for v in ds.data_vars.values()), f"{path}: units, descriptions")
    expect(ds["usd_monthly"].dims[-1] == "month" and ds["month"].dtype.kind == "M", "monthly totals on dated months")
    expect(float(ds["usd_per_teu"].sel(source="shuttle", cost_statistic="mean").values.ravel()[0]) == 604.5, "value through xarray")

# Per tonne: the same charges on 2000 t trains (tariffs per TEU unchanged): 60450 / 2000 USD/t.
t = run_json(TWO, os.path.join(d, "t2.h5"), "--set", "services.shuttle.tonnes=2000 t")["costs"]["sources"]["shuttle"]
expect(abs(t["usd_per_t"]["mean"] - 30.225) < 1e-9 and abs(t["co2_per_t"]["mean"] - 0.75) < 1e-9, f"per tonne {t['usd_per_t']}")

# A ferry: per call and per vessel-hour, shared by load: 60 USD/TEU and 220 kg CO2/TEU.
f = run_json(FERRY, os.path.join(d, "ferry.h5"))["costs"]["sources"]["trains"]
expect(f["usd_per_teu"]["p95"] == 60 and f["co2_per_teu"]["p50"] == 220, f"ferry by hand: {f['usd_per_teu']} {f['co2_per_teu']}")

# Replications: the same values with (zero-width) CIs, in JSON and HDF5.
reps = os.path.join(d, "reps.h5")
_, out, _ = caspian("run", TWO, "-n", "3", "-o", reps, "--summary", "json")
r = json.loads(out)["costs"]["sources"]["shuttle"]["usd_per_teu"]
expect(r["mean"]["n"] == 3 and r["mean"]["mean"] == 604.5 and r["p95"]["ci_high"] == 604.5, f"replications {r}")
with h5py.File(reps) as h:
    expect(h["costs/usd_per_teu"].shape == (1, 3, 3) and np.allclose(h["costs/usd_per_teu"][:], 604.5), "per replication")
    expect(h["costs/summary_usd_per_teu"].shape == (1, 3, 8), "summary over replications")

# A sweep: every grid point reports the same hand-checked cost per TEU, in its table and its JSON (the
# cost does not depend on how often the shuttle runs).
sweep_args = ("sweep", TWO, "--grid", "services.shuttle.every=2d,3d", "-n", "2", "-o", os.path.join(d, "sweep.h5"))
_, out, _ = caspian(*sweep_args, "--summary", "json")
for p in json.loads(out)["points"]:
    c = p["costs"]["sources"]["shuttle"]
    expect(c["usd_per_teu"]["mean"]["mean"] == 604.5 and c["co2_per_teu"]["mean"]["units"] == "kg CO2/TEU", f"sweep point {p['labels']}: {c}")
_, text, _ = caspian(*sweep_args)
rows = [line.split() for line in text.splitlines() if "usd_per_teu" in line and "generalized" not in line]
expect([r[0] for r in rows] == ["2d", "3d"] and all("604.5" in r for r in rows), f"sweep cost table:\n{text}")

# An expansion by hand: a second shuttle on the days between (from 2 January: the terminal never has
# two trains at once) costs 10 M USD over 20 yr + 0.5 M USD/yr = 1.0 M USD/yr. Of its 45 trains the
# last (31 March) is still on its way at the end: the extra is 4400 TEU / (90 / 365.25 yr) =
# 17856.67 TEU/yr, 1e6 / 17856.67 = 56.00 USD per extra TEU. The base's service keeps its generalized cost.
overlay = os.path.join(os.path.dirname(TWO), "second_shuttle.yaml")  # priced: 1.0 M USD/yr
cmp_h5 = os.path.join(d, "cmp.h5")
_, out, _ = caspian("compare", TWO, overlay, "-n", "3", "-o", cmp_h5, "--summary", "json")
alt = json.loads(out)["costs"]["alternatives"]
(label,) = alt.keys()
a = alt[label]
expect(a["expansions"] == ["second_train_set"] and abs(a["annualised_cost_usd_per_year"] - 1e6) < 1e-6, f"annualised {a}")
per = a["per_extra_teu"]
EXTRA = 4400 / (90 / 365.25)
expect(abs(per["extra_per_year"]["mean"] - EXTRA) < 1e-6, f"extra TEU/yr {per['extra_per_year']}")
expect(abs(per["usd_per_extra"] - 1e6 / EXTRA) < 1e-9 and abs(per["ci_low"] - per["ci_high"]) < 1e-9, f"USD per extra TEU {per}")
g = a["generalized_cost"]["shuttle"]["generalized_usd_per_teu"]
expect(g["difference"]["mean"] == 0 and g["base"]["mean"] == 654.5, f"generalized cost unchanged {g}")
_, text, _ = caspian("compare", TWO, overlay, "-n", "3", "-o", cmp_h5)
expect("56.00 USD per extra TEU" in text and "no discounting" in text, f"compare table:\n{text}")
with h5py.File(cmp_h5) as h:
    expect(np.allclose(h["cost_effectiveness/usd_per_extra_teu"][:], [1e6 / EXTRA]), "comparison file: cost-effectiveness")
    expect("costs" in h["scenarios"][label], "each scenario's costs")

# tools/plot draws a chart per quantity carried and the monthly totals, from single runs and
# replication files (tests/e2e/test_plots.py checks the charts, test_report.py the report's section).
import subprocess  # noqa: E402
PLOT = os.path.join(HERE, "..", "..", "tools", "plot")
for src in (single, reps):
    p = subprocess.run(["/usr/bin/python3", "-W", "error", PLOT, src, "-o", os.path.join(d, "plots")], capture_output=True, text=True)
    pngs = [x for x in p.stdout.split() if os.path.basename(x).startswith("cost_")]
    expect(p.returncode == 0 and len(pngs) == 4 and all(os.path.getsize(x) > 1000 for x in pngs), f"plot {src}: {p.stdout}{p.stderr}")

# Bad costs: exit 3 naming the file, the key and what was expected.
bad = {
    "250 EUR/TEU": ("tariffs: [250 EUR/TEU]", "costs.tariffs[0]"),
    "emissions as money": ("emissions: [5 USD/TEU]", "costs.emissions[0]"),
    "per km, no distance": ("tariffs: [1 USD/TEU-km]", "costs.distance"),
    "per call on rail": ("tariffs: [900 USD/call]", "costs.tariffs[0]"),
    "vessel-hours on rail": ("at_sea: [1 t CO2/h]", "costs.at_sea"),
    "no provenance": ("tariffs: [1 USD/TEU]", "costs.source"),
    "unknown key": ("tarifs: [1 USD/TEU]", "costs.tarifs"),
}
for what, (body, key) in bad.items():
    path = os.path.join(d, "bad.yaml")
    prov = "" if what == "no provenance" else ", assumed: x"
    with open(path, "w") as o:
        o.write(f"extends: {TWO}\nstages:\n  - {{name: yard, type: terminal, servers: 1, handling_time: 1h}}\n"
                f"  - name: yard\n    costs: {{{body}{prov}}}\n")
    code, _, err = caspian("validate", path, check=False)
    expect(code == 3 and key in err and "bad.yaml:" in err, f"{what}: exit 3 naming {key}, got {code}: {err}")
path = os.path.join(d, "bad.yaml")
with open(path, "w") as o:
    o.write(f"extends: {TWO}\ncost_basis: {{price_year: 2025, value_of_time: 40 USD/d, assumed: x}}\n")
code, _, err = caspian("validate", path, check=False)
expect(code == 3 and "cost_basis.value_of_time" in err, f"value of time without TEU or t: {err}")
print("ok")
