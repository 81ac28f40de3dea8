"""Format 2 result files open as they are in xarray (h5netcdf engine) and pandas: every kind of file
(single run, replications, sweep, comparison) gives named dims, a datetime month coordinate, units and
descriptions; the warm-up is NaN and said so; the numbers agree with what h5py reads."""
import os
import warnings

import h5py
import numpy as np
import pandas as pd
import xarray as xr
from common import scenario, caspian, tmpdir, expect

warnings.simplefilter("error")  # a reader that has to guess (phony dims, undecodable times) fails the test
d = tmpdir()


def group(path, name):
    return xr.open_dataset(path, engine="h5netcdf", group=name)


def described(ds, where):
    """Every variable of DS has units (numbers) and a description."""
    for name, v in ds.data_vars.items():
        expect("description" in v.attrs, f"{where}/{name} has a description")
        if v.dtype.kind == "f":
            expect("units" in v.attrs, f"{where}/{name} has units")


# A single run of the 2025 corridor: two warm-up months (Nov-Dec 2024), then 2025.
single = os.path.join(d, "single.h5")
caspian("run", scenario("middle_corridor_2025.yaml"), "-o", single)
with h5py.File(single) as f:
    expect(f.attrs["format"] == "caspian-results/2", "single-run format 2")
    expect(f.attrs["warmup_months"] == 2 and f.attrs["warmup_end"] == "2025-01-01", "warm-up attributes")
    resources = [r for r in f["resources"]]
    source = list(f["transit_time"])[0]
m = group(single, "metrics")
expect(m["month"].dtype.kind == "M", f"month is a datetime coordinate, got {m['month'].dtype}")
expect(str(m["month"].values[0])[:10] == "2024-11-01" and len(m["month"]) == 14, "months from Nov 2024, 14 of them")
expect(all(v.dims == ("month",) for v in m.data_vars.values()), "every metric is a month series")
expect(m["ady_teu"].attrs["units"] == "TEU", "metric units")
expect(bool(m["ady_teu"][:2].isnull().all()) and bool(m["ady_teu"][2:].notnull().all()), "warm-up months NaN, others measured")
described(m, "metrics")
daily = group(single, "metrics_daily")
expect(str(daily["day"].values[0])[:10] == "2024-11-01" and daily["ady_teu"].dims == ("day",), "daily series on dates")
expect(bool(daily["ady_teu"][:61].isnull().all()) and bool(daily["ady_teu"][61:].notnull().all()), "warm-up days NaN")
r = group(single, f"resources/{resources[0]}")
expect(r["utilisation"].dims == ("month",) and bool(r["utilisation"][:2].isnull().all()), "resource warm-up NaN too")
described(r, "resources")
t = group(single, f"transit_time/{source}")
expect(t["days"].dims == ("delivery",) and t["days"].attrs["units"] == "d", "transit times per delivery")
expect(t["delivered"].dtype.kind == "M", "delivery dates")
by_month = t["days"].to_series().groupby(t["delivered"].to_series().dt.to_period("M")).median()
p50 = t["monthly"].sel(statistic="p50").to_series().dropna()
expect(len(p50) == len(by_month) and np.allclose(p50.values, by_month.values), "monthly p50 = median by delivery month")
tm = group(single, "transit_monthly")  # every service's monthly statistics in one dataset
expect(all(tm[v].dims == ("source", "month") for v in ("mean", "p50", "p95", "n")), "transit_monthly: (source, month)")
expect(np.allclose(tm["p50"].sel(source=source), t["monthly"].sel(statistic="p50"), equal_nan=True), "the same p50 as transit_time")
expect(bool(tm["n"][:, :2].isnull().all()) and bool((tm["n"][:, 2:] >= 0).all()), "n: warm-up NaN, counted after")
described(tm, "transit_monthly")
ledger = group(single, "conservation/month_ends")
expect(ledger["time_d"].dtype.kind == "M" and str(ledger["time_d"].values[0])[:10] == "2024-12-01", "ledger at month ends")
df = m.to_dataframe()
expect(isinstance(df.index, pd.DatetimeIndex) and "ady_teu" in df.columns, "pandas: one column per metric, months as index")
with h5py.File(single) as f:  # plain h5py and pandas, no xarray
    months = pd.to_datetime(f["calendar/month"][:], unit="D")
    plain = pd.Series(f["metrics/ady_teu"][:], index=months)
    expect(np.allclose(plain.values, df["ady_teu"].values, equal_nan=True), "h5py + pandas read the same numbers")

# Replications: [replication x month] per metric, statistics over replications beside them.
path = scenario("examples/stochastic.yaml")
reps = os.path.join(d, "reps.h5")
caspian("run", path, "-n", "4", "-o", reps)
m = group(reps, "metrics")
expect(m["border_teu"].dims == ("replication", "month") and m.sizes["replication"] == 4, "replication x month")
expect(list(m["replication"].values) == [0, 1, 2, 3], "replication coordinate")
described(m, "metrics")
stats = group(reps, "metric_stats")
expect(list(stats["statistic"].values[:3]) == ["mean", "ci_low", "ci_high"], "statistic coordinate")
expect(np.allclose(stats["border_teu"].sel(statistic="mean"), m["border_teu"].mean("replication")), "mean over replications")
totals = group(reps, "metric_totals")
expect(np.allclose(totals["border_teu"], m["border_teu"].sum("month")), "totals are the monthly sums")
df = m["border_teu"].to_dataframe()
expect(df.index.names == ["replication", "month"] and len(df) == 4 * 12, "pandas: a (replication, month) index")
res = group(reps, "resources/border")
expect(res["utilisation"].dims == ("replication", "month") and res["utilisation_stats"].dims == ("statistic", "month"),
       "resource series and their statistics")
expect(group(reps, "replications")["ok"].dims == ("replication",), "replication table")
tr = group(reps, f"transit_time/{h5py.File(reps)['transit_time'].keys().__iter__().__next__()}")
expect(tr["p95"].dims == ("replication",) and tr["p95"].attrs["units"] == "d", "transit statistics per replication")
# Monthly transit times per replication: one dataset over (source, replication, month).
tm = group(reps, "transit_monthly")
expect(all(tm[v].dims == ("source", "replication", "month") for v in ("mean", "p50", "p95", "n")), "(source, replication, month)")
expect(tm["n"].attrs["units"] == "consignments" and tm["p95"].attrs["units"] == "d", "transit_monthly units")
described(tm, "transit_monthly")
src = str(tm["source"].values[0])
tr = group(reps, f"transit_time/{src}")
by_n = (tm["mean"] * tm["n"]).sum("month") / tm["n"].sum("month")  # months weighted by deliveries: the run's mean
expect(np.allclose(by_n.sel(source=src), tr["mean"]), "monthly means weighted by n give each replication's mean")
expect(bool((tm["p50"] <= tm["p95"]).where(tm["n"] > 0, True).all()), "p50 <= p95 wherever something was delivered")
df = tm.to_dataframe()
expect(df.index.names == ["source", "replication", "month"] and {"mean", "p50", "p95", "n"} <= set(df.columns),
       "pandas: a (source, replication, month) table")
expect(len(df) == tm.sizes["source"] * 4 * 12, "one row per source, replication and month")
# A warm-up month is NaN there as in every monthly series, and the file says so.
warm = os.path.join(d, "warm.h5")
caspian("run", path, "-n", "2", "--set", "warmup=31d", "-o", warm)
with h5py.File(warm) as f:
    expect(f.attrs["warmup_months"] == 1 and "warmup" in f.attrs, "warm-up attributes of a replications file")
tw = group(warm, "transit_monthly")
expect(bool(tw["n"][:, :, 0].isnull().all()) and bool(tw["n"][:, :, 1:].notnull().all()), "transit_monthly: January (warm-up) NaN")
expect(bool(group(warm, "metrics")["border_teu"][:, 0].isnull().all()), "like the metrics")

# A sweep: numeric grid coordinates with units, totals as a [point x replication] table.
sweep = os.path.join(d, "sweep.h5")
caspian("sweep", path, "--grid", "flows.boxes.arrivals=3 /d,5 /d", "--grid", "stages.border.servers=1,2", "-n", "3", "-o", sweep)
with h5py.File(sweep) as f:
    expect(f.attrs["format"] == "caspian-sweep/2", "sweep format 2")
grid = group(sweep, "grid")
expect(grid["values_0"].dtype.kind == "f" and grid["values_0"].attrs["units"] == "/d", "arrivals as numbers, unit /d")
expect(sorted(set(grid["values_0"].values)) == [3.0, 5.0], "grid values")
expect(list(grid["keys"].values) == ["flows.boxes.arrivals", "stages.border.servers"], "keys")
tot = group(sweep, "totals")
expect(tot["border_teu"].dims == ("point", "replication") and tot.sizes["point"] == 4, "point x replication totals")
by_arrivals = tot.set_coords(["values_0", "values_1"])["border_teu"].mean("replication").groupby("values_0").mean()
expect(float(by_arrivals.sel(values_0=5.0)) > float(by_arrivals.sel(values_0=3.0)), "more arrivals, more TEU")
expect(group(sweep, "points/0/metrics")["border_teu"].dims == ("replication", "month"), "each point as a replications group")
expect(group(sweep, "points/0/transit_monthly")["p95"].dims == ("source", "replication", "month"), "and its monthly transit times")
with h5py.File(sweep) as f:
    expect("transit_monthly" in f["points"].attrs["description"], "the points group says what each point holds")

# A comparison: monthly paired differences and their CIs, totals per scenario.
alt = os.path.join(d, "more_servers.yaml")
with open(alt, "w") as g:
    g.write(f"extends: {path}\nname: more_servers\nstages:\n  - name: border\n    servers: 3\n")
cmp = os.path.join(d, "cmp.h5")
caspian("compare", path, alt, "-n", "4", "-o", cmp)
with h5py.File(cmp) as f:
    expect(f.attrs["format"] == "caspian-comparison/2", "comparison format 2")
    base_label, alt_label = list(f.attrs["scenarios"])
diff = group(cmp, f"comparison/{alt_label}")
expect(diff["border_teu"].dims == ("statistic", "month") and diff["month"].dtype.kind == "M", "monthly differences")
b = group(cmp, f"scenarios/{base_label}/metrics")["border_teu"]
a = group(cmp, f"scenarios/{alt_label}/metrics")["border_teu"]
expect(np.allclose(diff["border_teu"].sel(statistic="mean"), (a - b).mean("replication")), "mean paired monthly difference")
low, high = diff["border_teu"].sel(statistic="ci_low"), diff["border_teu"].sel(statistic="ci_high")
expect(bool((low <= high).all()), "CI bounds in order")
expect(diff["border_teu"].attrs["units"] == "TEU" and "diff_mean" in diff["border_teu"].attrs, "units and run-total difference")
# Transit times: both scenarios' monthly series, and their monthly paired differences with CIs.
tb = group(cmp, f"scenarios/{base_label}/transit_monthly")["mean"].sel(source="boxes")
ta = group(cmp, f"scenarios/{alt_label}/transit_monthly")["mean"].sel(source="boxes")
td = diff["transit_days:boxes"]
expect(td.dims == ("statistic", "month") and td.attrs["units"].startswith("d"), "monthly transit-time differences")
expect(np.allclose(td.sel(statistic="mean"), (ta - tb).mean("replication"), equal_nan=True), "mean paired monthly transit difference")
expect(bool((td.sel(statistic="mean") < 0).all()), "three border servers shorten the boxes' mean transit in every month")
expect(bool((td.sel(statistic="ci_low") <= td.sel(statistic="mean")).all() and (td.sel(statistic="mean") <= td.sel(statistic="ci_high")).all()),
       "the mean inside its CI")
tot = group(cmp, "totals")
expect(list(tot["scenario"].values) == [base_label, alt_label] and tot["border_teu"].dims == ("scenario", "replication"),
       "totals per scenario and replication")
# Calendars that differ: differences only where the months align (the alternative starts in March).
late = os.path.join(d, "late.yaml")
with open(late, "w") as g:
    g.write(f"extends: {path}\nname: late\nstart: 2025-03-01\n")
cmp2 = os.path.join(d, "cmp2.h5")
caspian("compare", path, late, "-n", "3", "-o", cmp2)
with h5py.File(cmp2) as f:
    late_label = list(f.attrs["scenarios"])[1]
d2 = group(cmp2, f"comparison/{late_label}")
for v in ("border_teu", "transit_days:boxes"):
    mean = d2[v].sel(statistic="mean")
    expect(bool(mean[:2].isnull().all()) and bool(mean[2:].notnull().all()), f"{v}: NaN before the alternative starts, then aligned")
lb = group(cmp2, f"scenarios/{base_label}/metrics")["border_teu"]
la = group(cmp2, f"scenarios/{late_label}/metrics")["border_teu"]
expect(np.allclose(d2["border_teu"].sel(statistic="mean")[2:].values,
                   (la.values - lb.values[:, 2:]).mean(axis=0)), "aligned by month, not by position")
print("ok")
