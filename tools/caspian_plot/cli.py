"""`plot RESULT.h5 [-o OUTDIR] [--metrics a,b]`: every chart of a result file, as PNGs.

What is drawn depends on the root attribute `format`:
  caspian-results/*       one chart per metric (monthly bars, the file's targets and observations
                          marked, warm-up shaded), cumulative tonnes for metrics in t, utilisation,
                          queues, transit-time distribution and monthly p50/p95.
  caspian-replications/*  the same from N replications: monthly mean, 95% CI and p5-p95 bands.
  caspian-comparison/*    paired differences per alternative (one panel per unit); monthly means of
                          every scenario per metric; each scenario's utilisation, queues, transit times.
  caspian-sweep/*         one key: mean (95% CI) against the key; two keys: heat map coloured by the
                          difference from the first point in CI half-widths; more keys: one bar per point.
  caspian-sensitivity/*   a tornado chart per metric.
A file (or comparison scenario) with /costs also gets cost, generalized cost and CO2 per TEU and per
tonne per service, monthly totals (a sweep: each quantity per service against the grid, module
sweep_costs), and in a comparison the paired change in cost per service and the
cost-effectiveness of priced expansions (module costs).
The PNGs written are printed one per line.
"""
import argparse
import os
import sys
from typing import List

import h5py

from . import style
from .comparison import (comparison_differences, monthly_differences, plot_differences, plot_monthly_differences,
                         plot_overlay)
from .costs import (generalized_differences, plot_cost_differences, plot_costs, plot_effectiveness, read_costs,
                    read_effectiveness)
from .metrics import plot_cumulative, plot_metric
from .read import TONNE_UNITS, PlotError, attr, read_runset, select_metrics, strings
from .resources import plot_queues, plot_utilisation
from .sensitivity import plot_sensitivity
from .sweep import plot_sweep_heatmap, plot_sweep_line, plot_sweep_points
from .sweep_costs import plot_sweep_costs
from .transit import plot_transit


def plot_runset(rs, wanted, outdir, written, prefix="", group=None):
    """Every chart of one single-run or replications result (GROUP: where its /costs would be)."""
    for name in select_metrics(list(rs.metrics), wanted):
        metric = rs.metrics[name]
        plot_metric(rs, metric, outdir, written, prefix)
        if metric.units.strip().lower() in TONNE_UNITS:
            plot_cumulative(rs, metric, outdir, written, prefix)
    plot_utilisation(rs, outdir, written, prefix)
    plot_queues(rs, outdir, written, prefix)
    plot_transit(rs, outdir, written, prefix)
    if group is not None:
        plot_costs(group, rs.label, rs.months, rs.warmup_months, outdir, written, prefix)


def scenario_label(f):
    return attr(f, "scenario_name") or attr(f, "scenario_file") or "single run"


def plot_single(f, wanted, outdir, written):
    plot_runset(read_runset(f, scenario_label(f)), wanted, outdir, written, group=f)


def scenario_labels(f):
    """A comparison's labels, base first (the root attribute `scenarios`; else the groups)."""
    labels = attr(f, "scenarios") or list(f["scenarios"])
    return [labels] if isinstance(labels, str) else list(labels)


def plot_comparison(f, wanted, outdir, written):
    labels = scenario_labels(f)
    base = attr(f, "base") or labels[0]
    runsets = [read_runset(f["scenarios"][label], label) for label in labels]
    base_set = runsets[labels.index(base)] if base in labels else runsets[0]
    for alt, diffs in comparison_differences(f, wanted).items():
        if diffs:
            plot_differences(alt, base, diffs, outdir, written)
        series = monthly_differences(f["comparison"][alt], [d.name for d in diffs])
        if series:  # format 2: aligned to the base's months
            plot_monthly_differences(alt, base, series, base_set.months, base_set.warmup_months, outdir, written)
    all_names = list(dict.fromkeys(n for rs in runsets for n in rs.metrics))
    for name in select_metrics(all_names, wanted):
        plot_overlay(runsets, name, outdir, written)
        for rs in runsets:
            metric = rs.metrics.get(name)
            if metric and metric.units.strip().lower() in TONNE_UNITS:
                plot_cumulative(rs, metric, outdir, written, prefix=f"{rs.label}_")
    for rs in runsets:
        plot_utilisation(rs, outdir, written, prefix=f"{rs.label}_")
        plot_queues(rs, outdir, written, prefix=f"{rs.label}_")
        plot_transit(rs, outdir, written, prefix=f"{rs.label}_")
    plot_comparison_costs(f, labels, base, runsets, outdir, written)


def plot_comparison_costs(f, labels, base, runsets, outdir, written):
    """Each scenario's cost charts, the paired change in cost per service, the cost-effectiveness."""
    costs = {label: read_costs(f["scenarios"][label]) for label in labels}
    for rs in runsets:
        plot_costs(f["scenarios"][rs.label], rs.label, rs.months, rs.warmup_months, outdir, written, f"{rs.label}_")
    for label in labels:
        if label != base and costs.get(base) and costs[label]:
            plot_cost_differences(label, base, generalized_differences(costs[base], costs[label]), outdir, written)
    plot_effectiveness(read_effectiveness(f), outdir, written)


def point_names(f):
    """A sweep's point groups in point order."""
    return sorted(f["points"], key=lambda k: int(k) if k.isdigit() else k)


def sweep_points(f):
    """(keys, values as typed per key, [RunSet per point])."""
    keys = strings(f["grid/keys"])
    names = point_names(f)
    values = [strings(f[f"grid/labels_{j}"] if f"grid/labels_{j}" in f else f[f"grid/values_{j}"]) for j in range(len(keys))]
    runsets = [read_runset(f["points"][n], n) for n in names]
    if any(len(v) != len(runsets) for v in values):
        raise PlotError(f"grid values ({[len(v) for v in values]}) do not match the {len(runsets)} points")
    return keys, values, runsets


def plot_sweep(f, wanted, outdir, written):
    keys, values, runsets = sweep_points(f)
    metric_names = list(dict.fromkeys(m for rs in runsets for m in rs.metrics))
    for name in select_metrics(metric_names, wanted):
        points = [(i, rs.metrics[name]) for i, rs in enumerate(runsets) if name in rs.metrics]
        if not points:
            continue
        vals = [[v[i] for i, _ in points] for v in values]
        if len(keys) == 1:
            plot_sweep_line(keys[0], vals[0], points, name, outdir, written)
        elif len(keys) == 2:
            plot_sweep_heatmap(keys, vals, points, name, outdir, written)
        else:
            plot_sweep_points(keys, vals, points, name, outdir, written)
    plot_sweep_costs(f, keys, values, point_names(f), outdir, written)


FORMATS = {
    "caspian-results/1": plot_single, "caspian-results/2": plot_single,
    "caspian-replications/1": plot_single, "caspian-replications/2": plot_single,
    "caspian-comparison/1": plot_comparison, "caspian-comparison/2": plot_comparison,
    "caspian-sweep/1": plot_sweep, "caspian-sweep/2": plot_sweep,
    "caspian-sensitivity/1": plot_sensitivity, "caspian-sensitivity/2": plot_sensitivity,
}


def open_result(path):
    """The open HDF5 file and its format, or a PlotError saying what is wrong."""
    if not os.path.isfile(path):
        raise PlotError(f"no such file: {path}")
    if not h5py.is_hdf5(path):
        raise PlotError(f"{path} is not an HDF5 file")
    f = h5py.File(path, "r")
    kind = attr(f, "format")
    if kind not in FORMATS:
        f.close()
        raise PlotError(f"{path}: unknown format {kind!r} (expected one of {', '.join(FORMATS)})")
    return f, kind


def plot_file(path, outdir, wanted=()) -> List[str]:
    """Every chart of the result file PATH into OUTDIR; the PNG paths written."""
    style.apply()
    written: List[str] = []
    f, kind = open_result(path)
    with f:
        os.makedirs(outdir, exist_ok=True)
        FORMATS[kind](f, list(wanted), outdir, written)
    return written


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="plot", description="Turn a caspian HDF5 result file into PNG charts.")
    parser.add_argument("result", help="result file written by caspian run/compare/sweep/sensitivity")
    parser.add_argument("-o", "--outdir", help="output directory (default: <result stem>_plots next to the file)")
    parser.add_argument("--metrics", help="comma-separated metric names to plot (default: all)")
    args = parser.parse_args(argv)
    wanted = [m.strip() for m in args.metrics.split(",") if m.strip()] if args.metrics else []
    try:
        written = plot_file(args.result, args.outdir or os.path.splitext(args.result)[0] + "_plots", wanted)
    except PlotError as e:
        print(f"plot: {e}", file=sys.stderr)
        return 2
    except (KeyError, OSError) as e:
        print(f"plot: {args.result}: cannot read the expected layout ({e})", file=sys.stderr)
        return 2
    for path in written:
        print(path)
    if not written:
        print("plot: nothing to plot", file=sys.stderr)
        return 1
    return 0
