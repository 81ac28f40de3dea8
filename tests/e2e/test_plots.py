"""tools/plot turns every kind of result file (single run, replications, comparison, sweep) into
non-trivial PNG charts, draws cumulative tonnes for metrics in t, and fails clearly on bad input."""
import os
import subprocess
import sys
import h5py
from matplotlib import image as mpimg
from common import SRC, scenario, caspian, tmpdir, expect

PLOT = os.path.join(SRC, "tools", "plot")
PYTHON = "/usr/bin/python3"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

d = tmpdir()
stochastic, hand_check = scenario("examples/stochastic.yaml"), scenario("examples/hand_check.yaml")


def plot(result, *extra, check=True):
    """Runs tools/plot on RESULT into <d>/<stem>_charts; returns (exit code, PNGs printed, stderr)."""
    outdir = os.path.join(d, os.path.splitext(os.path.basename(result))[0] + "_charts")
    p = subprocess.run([PYTHON, PLOT, result, "-o", outdir, *extra], capture_output=True, text=True,
                       env={**os.environ, "MPLBACKEND": "Agg", "DISPLAY": ""})
    if check and p.returncode != 0:
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


# A single run: one chart per metric, utilisation, queues.
single = os.path.join(d, "single.h5")
caspian("run", hand_check, "-o", single)
check_plots(single, ["metric_terminal_teu", "metric_terminal_trains", "utilisation", "queues"])

# Replications of the stochastic example.
reps = os.path.join(d, "reps.h5")
caspian("run", stochastic, "-n", "3", "-o", reps)
check_plots(reps, ["metric_border_teu", "metric_transit_trains", "utilisation", "queues"])

# A comparison: the base against an alternative with more block trains (a significant difference).
more = os.path.join(d, "more_trains.yaml")
with open(stochastic) as src, open(more, "w") as dst:
    text = src.read()
    expect("per_week: 3" in text, "the stochastic example runs 3 block trains a week")
    dst.write(text.replace("per_week: 3", "per_week: 6"))
cmp = os.path.join(d, "cmp.h5")
caspian("compare", stochastic, more, "-n", "3", "-o", cmp)
check_plots(cmp, ["diff_more_trains", "compare_border_teu", "compare_transit_trains",
                  "stochastic_utilisation", "stochastic_queues", "more_trains_utilisation", "more_trains_queues"])

# Sweeps: one key gives line charts, two keys heat maps.
sweep1 = os.path.join(d, "sweep1.h5")
caspian("sweep", stochastic, "--grid", "services.weekly_block.per_week=2,4", "-n", "2", "-o", sweep1)
check_plots(sweep1, ["sweep_border_teu", "sweep_transit_trains"])
sweep2 = os.path.join(d, "sweep2.h5")
caspian("sweep", stochastic, "--grid", "services.weekly_block.per_week=2,4", "--grid", "stages.border.servers=1,2",
        "-n", "2", "-o", sweep2)
check_plots(sweep2, ["sweep_border_teu_heatmap", "sweep_transit_trains_heatmap"])

# A metric in tonnes gets a cumulative chart against 7 Mt/yr.
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
""")
oil_h5 = os.path.join(d, "oil.h5")
caspian("run", oil, "-n", "2", "-o", oil_h5)
with h5py.File(oil_h5) as f:
    expect(f["metrics/btc_kazakh_oil"].attrs["units"] == "t", "the oil metric is in tonnes")
check_plots(oil_h5, ["metric_btc_kazakh_oil", "cumulative_btc_kazakh_oil", "utilisation", "queues"])

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
p = subprocess.run([PYTHON, PLOT, single, "--metrics", "terminal_trains"], capture_output=True, text=True)
printed = sorted(os.path.basename(line) for line in p.stdout.split())
expect(p.returncode == 0 and printed == ["metric_terminal_trains.png", "queues.png", "utilisation.png"],
       f"--metrics terminal_trains: {printed} {p.stderr}")
expect(os.path.isfile(os.path.join(d, "single_plots", "metric_terminal_trains.png")), "default output directory")
print("ok")
