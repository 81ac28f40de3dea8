"""tools/plot turns every kind of result file (single run, replications, comparison, sweep with one and
two keys, sensitivity) into non-trivial PNG charts under `python3 -W error` (no warning of any kind,
"Mean of empty slice" included, also with warm-up months, which are NaN); transit times are plotted;
labels carry a precision that suits their CI and are called significant only when the CI excludes 0
at that precision; the heat map is coloured in CI half-widths; no reference line is drawn that the
file does not declare; bad input fails clearly."""
import os
import subprocess
import sys

import h5py
import numpy as np
from matplotlib import image as mpimg
from common import SRC, scenario, caspian, tmpdir, expect

PLOT = os.path.join(SRC, "tools", "plot")
PYTHON = "/usr/bin/python3"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
sys.path.insert(0, os.path.join(SRC, "tools"))

d = tmpdir()
stochastic, hand_check = scenario("examples/stochastic.yaml"), scenario("examples/hand_check.yaml")
TRANSIT = ["transit_distribution", "transit_monthly"]


def plot(result, *extra, check=True):
    """Runs tools/plot on RESULT into <d>/<stem>_charts; returns (exit code, PNGs printed, stderr)."""
    outdir = os.path.join(d, os.path.splitext(os.path.basename(result))[0] + "_charts")
    p = subprocess.run([PYTHON, "-W", "error", PLOT, result, "-o", outdir, *extra], capture_output=True, text=True,
                       env={**os.environ, "MPLBACKEND": "Agg", "DISPLAY": ""})
    if check and (p.returncode != 0 or p.stderr):
        sys.exit(f"FAILED: tools/plot {result} exited {p.returncode}\nstdout:\n{p.stdout}\nstderr:\n{p.stderr}")
    return p.returncode, [line for line in p.stdout.splitlines() if line.strip()], p.stderr


def check_png(path):
    expect(os.path.isfile(path), f"{path} written")
    with open(path, "rb") as f:
        expect(f.read(8) == PNG_SIGNATURE, f"{path} starts with the PNG signature")
    expect(os.path.getsize(path) > 10_000, f"{path} is a real chart ({os.path.getsize(path)} bytes)")
    pixels = mpimg.imread(path)
    flat = pixels.reshape(-1, pixels.shape[-1]) if pixels.ndim == 3 else pixels.reshape(-1, 1)
    expect(bool((flat != flat[0]).any()), f"{path} has more than one colour")


def check_plots(result, expected, *extra):
    """Plots RESULT and checks the PNGs are exactly EXPECTED (names without .png), each non-trivial."""
    _, printed, _ = plot(result, *extra)
    names = sorted(os.path.splitext(os.path.basename(p))[0] for p in printed)
    expect(names == sorted(expected), f"{os.path.basename(result)}: expected {sorted(expected)}, printed {names}")
    for path in printed:
        check_png(path)


# A single run: one chart per metric, utilisation, queues, transit times.
single = os.path.join(d, "single.h5")
caspian("run", hand_check, "-o", single)
check_plots(single, ["metric_terminal_teu", "metric_terminal_trains", "utilisation", "queues"] + TRANSIT)

# Replications of the stochastic example, with a warm-up month (NaN in every monthly series: the
# statistics over an all-NaN month must not warn).
reps = os.path.join(d, "reps.h5")
caspian("run", stochastic, "-n", "3", "--set", "warmup=31d", "-o", reps)
with h5py.File(reps) as f:
    expect(bool(np.isnan(f["metrics/border_teu"][:, 0]).all()), "January is warm-up: NaN")
check_plots(reps, ["metric_border_teu", "metric_transit_trains", "utilisation", "queues"] + TRANSIT)

# A comparison (with the warm-up too): the base against an alternative with more block trains.
more = os.path.join(d, "more_trains.yaml")
with open(stochastic) as src, open(more, "w") as dst:
    text = src.read()
    expect("per_week: 3" in text, "the stochastic example runs 3 block trains a week")
    dst.write(text.replace("per_week: 3", "per_week: 6"))
cmp = os.path.join(d, "cmp.h5")
caspian("compare", stochastic, more, "-n", "3", "--set", "warmup=31d", "-o", cmp)
check_plots(cmp, ["diff_more_trains", "diff_monthly_more_trains", "compare_border_teu", "compare_transit_trains"] +
            [f"{s}_{k}" for s in ("stochastic", "more_trains") for k in ["utilisation", "queues"] + TRANSIT])

# Sweeps: one key gives line charts, two keys heat maps.
sweep1 = os.path.join(d, "sweep1.h5")
caspian("sweep", stochastic, "--grid", "services.weekly_block.per_week=2,4", "-n", "2", "-o", sweep1)
check_plots(sweep1, ["sweep_border_teu", "sweep_transit_trains"])
sweep2 = os.path.join(d, "sweep2.h5")
caspian("sweep", stochastic, "--grid", "services.weekly_block.per_week=2,4", "--grid", "stages.border.servers=1,2",
        "-n", "2", "-o", sweep2)
check_plots(sweep2, ["sweep_border_teu_heatmap", "sweep_transit_trains_heatmap"])

# Sensitivity (one at a time): a tornado per metric.
sens = os.path.join(d, "sens.h5")
caspian("sensitivity", hand_check, "--method", "oat", "-n", "2", "--param", "services.shuttle.teu=50..150",
        "--param", "stages.line.capacity=5..20", "-o", sens)
check_plots(sens, ["tornado_terminal_teu", "tornado_terminal_trains"])

# A metric in tonnes gets a cumulative chart; an observation on it is its only reference line.
oil = os.path.join(d, "oil.yaml")
with open(oil, "w") as f:
    f.write("""name: oil trains
start: 2025-01-01
end: 2025-06-30
seed: 3
stages:
  - name: line
    type: rail_section
    running_time: 1d
    capacity: 10 trains/d
services:
  - name: tank_train
    class: export
    route: [line]
    every: 1d
    tonnes: 3000 t
metrics:
  - name: btc_kazakh_oil
    description: oil carried by tank trains
    count: tonnes
    at: line
targets:
  - metric: btc_kazakh_oil
    from: 2025-01-01
    to: 2025-03-31
    observed: 250000 t
    source: assumed (a test value)
""")
oil_h5 = os.path.join(d, "oil.h5")
caspian("run", oil, "-n", "2", "-o", oil_h5)
with h5py.File(oil_h5) as f:
    expect(f["metrics/btc_kazakh_oil"].attrs["units"] == "t", "the oil metric is in tonnes")
check_plots(oil_h5, ["metric_btc_kazakh_oil", "cumulative_btc_kazakh_oil", "utilisation", "queues"] + TRANSIT)

# What the cumulative chart draws: the simulated series and the file's one target, nothing else
# (no 7 Mt/yr line on every tonnes metric).
from caspian_plot import metrics as M, style  # noqa: E402
from caspian_plot.read import read_runset  # noqa: E402
style.apply()
drawn = []
M.save = lambda fig, outdir, name, written: drawn.append(fig)
with h5py.File(oil_h5) as f:
    rs = read_runset(f, "oil")
M.plot_cumulative(rs, rs.metrics["btc_kazakh_oil"], d, [])
texts = [t.get_text() for t in drawn[0].axes[0].texts] + [line.get_label() for line in drawn[0].axes[0].lines]
expect(not any("Mt/yr" in t for t in texts), f"no per-year reference line: {texts}")
expect(len(drawn[0].axes[0].lines) == 2 and any("observed" in t for t in texts), f"the series and the target: {texts}")

# Labels: the precision follows the CI; significant only if the CI excludes 0 at that precision.
from caspian_plot.numbers import ci_label, significant, nanmean  # noqa: E402
expect(ci_label(-0.004, -0.0049, -0.0031, "d") == "-0.00400 d [-0.00490, -0.00310]", ci_label(-0.004, -0.0049, -0.0031, "d"))
expect(significant(-0.0049, -0.0031), "a small CI that excludes 0 is significant")
expect(ci_label(-0.02, -0.04, 0.001) == "-0.020 [-0.040, +0.001]", ci_label(-0.02, -0.04, 0.001))
expect(ci_label(-0.0001, -0.0004, 0.0002, "d") == "-0.00010 d [-0.00040, +0.00020]", "never '-0.0 d [-0.0, -0.0]'")
expect(not significant(-0.04, 0.001) and not significant(-2.0, -0.8, flagged=False), "not significant")
expect(not significant(-0.3, -0.001 / 3), "a CI whose end rounds to 0 at its precision is not significant")
expect(ci_label(267.4, 63.2, 471.4, "TEU") == "+267 TEU [+63, +471]", ci_label(267.4, 63.2, 471.4, "TEU"))
expect(np.isnan(nanmean(np.full((3, 2), np.nan), axis=0)).all(), "all-NaN columns give NaN")

# The heat map's colour is the difference from the first point in combined CI half-widths: a 0.2%
# spread with ±1.5% CIs stays pale (|z| < 1, hatched), a spread well beyond the CIs is strong.
from caspian_plot.sweep import ci_scores  # noqa: E402
z = ci_scores(np.array([[1000.0, 1002.0]]), np.array([[15.0, 15.0]]), (0, 0))
expect(abs(z[0, 1]) < 0.2, f"0.2% against ±1.5%: {z}")
z = ci_scores(np.array([[1000.0, 1100.0]]), np.array([[15.0, 15.0]]), (0, 0))
expect(z[0, 1] > 3, f"10% against ±1.5%: {z}")

# Cost and CO2 (tests/data/costs/two_stage.yaml, worked out by hand: 604.5 USD/TEU, 15 kg CO2/TEU,
# generalized 654.5 USD/TEU): drawn only for a file with /costs, per TEU and, where tonnes are
# carried, per tonne; the monthly totals with the warm-up masked; in a comparison the paired change
# per service and the cost-effectiveness of the priced expansion.
COSTS = os.path.join(SRC, "tests", "data", "costs", "two_stage.yaml")
PER_TEU = ["cost_usd_per_teu", "cost_generalized_usd_per_teu", "cost_co2_per_teu"]
PER_T = ["cost_usd_per_t", "cost_generalized_usd_per_t", "cost_co2_per_t"]
RUNSET = ["utilisation", "queues"] + TRANSIT
cost_single = os.path.join(d, "cost_single.h5")
caspian("run", COSTS, "--set", "services.shuttle.tonnes=2000 t", "-o", cost_single)
check_plots(cost_single, RUNSET + PER_TEU + PER_T + ["cost_monthly"])
cost_reps = os.path.join(d, "cost_reps.h5")
caspian("run", COSTS, "-n", "3", "--set", "warmup=31d", "-o", cost_reps)
check_plots(cost_reps, RUNSET + PER_TEU + ["cost_monthly"])
second = os.path.join(os.path.dirname(COSTS), "second_shuttle.yaml")  # priced: 1.0 M USD/yr
cost_cmp = os.path.join(d, "cost_cmp.h5")
caspian("compare", COSTS, second, "-n", "3", "-o", cost_cmp)
_, printed, _ = plot(cost_cmp)
names = {os.path.splitext(os.path.basename(p))[0] for p in printed}
want = {f"{label}_{c}" for label in ("two_stage", "second_shuttle") for c in PER_TEU + ["cost_monthly"]}
want |= {"cost_diff_second_shuttle", "cost_effectiveness"}
expect(want <= names, f"comparison cost charts: missing {sorted(want - names)}")
for path in printed:
    check_png(path)

from caspian_plot import costs as C  # noqa: E402
with h5py.File(cost_reps) as f:
    c = C.read_costs(f)
    q = c.quantities["usd_per_teu"]
    expect(c.sources == ["shuttle"] and q.value[0] == 604.5 and q.units == "USD/TEU", f"read: {c.sources} {q.value}")
    expect(np.isnan(c.monthly["usd_monthly"][0, :, 0]).all(), "the warm-up month is NaN, not 0")
    drawn.clear()
    C.save = lambda fig, outdir, name, written: drawn.append(fig)
    C.plot_quantity(c, c.quantities["generalized_usd_per_teu"], "x", d, [])
    texts = [t.get_text() for t in drawn[0].axes[0].texts]
    expect(texts == ["654.5 USD/TEU [654.5, 654.5]"], f"the label with its CI: {texts}")
with h5py.File(cost_cmp) as f:
    diffs = C.generalized_differences(C.read_costs(f["scenarios/two_stage"]), C.read_costs(f["scenarios/second_shuttle"]))
    (e,) = C.read_effectiveness(f)
g = [x for x in diffs if x.name == "generalized_usd_per_teu:shuttle"][0]
expect(g.mean == 0 and g.base_mean == 654.5 and not g.significant, f"the base's service keeps its cost: {g}")
expect(abs(e.per_extra["TEU"][0] - 1e6 / (4400 / (90 / 365.25))) < 1e-6 and e.annualised == 1e6, f"56.00 USD per extra TEU: {e}")
with h5py.File(single) as f:
    expect(C.read_costs(f) is None, "no /costs, no cost charts")

# A sweep of the cost scenario: a chart per quantity carried, each service against the grid (one key:
# lines; two keys: a heat map per service). The sweeps of the stochastic example above have no
# /costs and got no cost chart (check_plots compares the exact list).
cost_sweep = os.path.join(d, "cost_sweep.h5")
caspian("sweep", COSTS, "--grid", "services.shuttle.every=2d,3d", "-n", "2", "-o", cost_sweep)
check_plots(cost_sweep, [f"sweep_{c}" for c in PER_TEU])
cost_sweep2 = os.path.join(d, "cost_sweep2.h5")
caspian("sweep", COSTS, "--grid", "services.shuttle.every=2d,3d", "--grid", "services.shuttle.teu=50 TEU,100 TEU",
        "-n", "2", "-o", cost_sweep2)
check_plots(cost_sweep2, [f"sweep_{c}_heatmap" for c in PER_TEU])
cost_sweep3 = os.path.join(d, "cost_sweep3.h5")  # three keys, with tonnes: per-tonne charts too
caspian("sweep", COSTS, "--grid", "services.shuttle.every=2d", "--grid", "services.shuttle.teu=50 TEU,100 TEU",
        "--grid", "services.shuttle.tonnes=2000 t", "-n", "2", "-o", cost_sweep3)
check_plots(cost_sweep3, [f"sweep_{c}_points" for c in PER_TEU + PER_T])
from caspian_plot import sweep_costs as SC  # noqa: E402
from caspian_plot.cli import point_names, sweep_points  # noqa: E402
drawn.clear()
SC.save = lambda fig, outdir, name, written: drawn.append(fig)
with h5py.File(cost_sweep) as f:
    SC.plot_sweep_costs(f, ["services.shuttle.every"], [["2d", "3d"]], point_names(f), d, [])
texts = [t.get_text() for t in drawn[1].axes[0].texts]  # generalized cost per TEU: 654.5 at both points
expect(len(drawn) == 3 and texts == ["654.5 [654.5, 654.5]"] * 2, f"the sweep's cost labels: {texts}")
# Two keys: 50-TEU trains share the 200 USD/train over 50 TEU (606.5 USD/TEU, 604.5 with 100 TEU);
# identical replications give CIs of no width, so that 2 USD is resolved, never "within CI".
drawn.clear()
with h5py.File(cost_sweep2) as f:
    keys, values, _ = sweep_points(f)
    SC.plot_sweep_costs(f, keys, values, point_names(f), d, [])
texts = sorted(t.get_text() for t in drawn[0].axes[0].texts)
expect(texts == ["604.5\n[604.5, 604.5]"] * 2 + ["606.5\n[606.5, 606.5]\n(first point)", "606.5\n[606.5, 606.5]\nwithin CI"],
       f"the sweep's tariff heat map: {texts}")
z = ci_scores(np.array([[606.5, 604.5]]), np.array([[0.0, 0.0]]), (0, 0))
expect(z[0, 1] == -np.inf, f"a difference between CIs of no width is resolved: {z}")

# Bad input: a missing file, an unknown format, an unknown metric.
code, _, err = plot(os.path.join(d, "missing.h5"), check=False)
expect(code != 0 and "no such file" in err, f"missing file: exit {code}, {err!r}")
bogus = os.path.join(d, "bogus.h5")
with h5py.File(bogus, "w") as f:
    f.attrs["format"] = "something-else/9"
code, _, err = plot(bogus, check=False)
expect(code != 0 and "unknown format" in err, f"unknown format: exit {code}, {err!r}")
code, _, err = plot(reps, "--metrics", "no_such_metric", check=False)
expect(code != 0 and "no_such_metric" in err, f"unknown metric: exit {code}, {err!r}")

# --metrics picks metrics; the default output directory is <stem>_plots next to the result file.
p = subprocess.run([PYTHON, "-W", "error", PLOT, single, "--metrics", "terminal_trains"], capture_output=True, text=True)
printed = sorted(os.path.basename(line) for line in p.stdout.split())
expect(p.returncode == 0 and printed == sorted(["metric_terminal_trains.png", "queues.png", "utilisation.png",
                                                "transit_distribution.png", "transit_monthly.png"]),
       f"--metrics terminal_trains: {printed} {p.stderr}")
expect(os.path.isfile(os.path.join(d, "single_plots", "metric_terminal_trains.png")), "default output directory")
print("ok")
