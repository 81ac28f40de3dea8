"""Cost and CO2 of a sweep (each point's /points/<i>/costs, docs/costs.md): one chart per quantity
carried, the mean over replications of each replication's mean with its 95% CI, per service or flow,
against the grid. One key: a line per service against the key's values; two keys: a heat map per
service, coloured as the sweep's metric heat maps; more keys: one row per grid point. Nothing is
drawn for a sweep whose points have no /costs."""
from dataclasses import dataclass
from typing import List, Optional

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Patch

from .costs import QUANTITIES, TITLES, Costs, cost_label, read_costs
from .style import COLOUR, palette, save, thousands
from .sweep import axis_values, draw_heatmap, short_keys, sort_key

MAX_SOURCES = 8  # series (panels of a heat map) per chart; more would not be readable


@dataclass
class Grid:
    """One quantity over the grid: [source x point] mean and 95% CI (NaN where not carried or no CI)."""
    name: str
    units: str
    sources: List[str]
    mean: np.ndarray
    low: np.ndarray
    high: np.ndarray
    replications: int


def quantity_grid(costs: List[Optional[Costs]], name) -> Optional[Grid]:
    """The quantity NAME over the points (None where no point carries it for any service)."""
    present = [c for c in costs if c is not None and name in c.quantities]
    if not present:
        return None
    sources = list(dict.fromkeys(s for c in present for s in c.sources))
    mean, low, high = (np.full((len(sources), len(costs)), np.nan) for _ in range(3))
    for p, c in enumerate(costs):
        q = c.quantities.get(name) if c is not None else None
        if q is None:
            continue
        for i, source in enumerate(c.sources):
            r = sources.index(source)
            mean[r, p] = q.value[i]
            if q.low is not None and q.high is not None:
                low[r, p], high[r, p] = q.low[i], q.high[i]
    keep = [r for r in range(len(sources)) if np.isfinite(mean[r]).any()][:MAX_SOURCES]
    if not keep:
        return None
    units = present[0].quantities[name].units
    runs = max(c.replications for c in present)
    return Grid(name, units, [sources[r] for r in keep], mean[keep], low[keep], high[keep], runs)


def what(g: Grid) -> str:
    if g.replications > 1:
        return f"mean over {g.replications} replications of each one's mean over consignments, 95% CI"
    return "mean over consignments delivered after the warm-up (a single run per point: no CI)"


def error_bars(g: Grid, r, order):
    """[below, above] the mean of source R at the points ORDER, 0 where there is no CI."""
    m, lo, hi = g.mean[r, order], g.low[r, order], g.high[r, order]
    return [np.nan_to_num(np.maximum(m - lo, 0)), np.nan_to_num(np.maximum(hi - m, 0))]


def plot_cost_line(key, values, g: Grid, outdir, written):
    """One grid key: each service's mean (95% CI) against the key's values."""
    xs, _ = axis_values(values)
    order = np.argsort(xs, kind="stable")
    x = np.asarray(xs, dtype=float)[order]
    fig, ax = plt.subplots(figsize=(10, 5.5))
    colours = palette()
    for r, source in enumerate(g.sources):
        colour = colours[r % len(colours)]
        ok = np.isfinite(g.mean[r, order])
        below, above = error_bars(g, r, order)
        ax.errorbar(x[ok], g.mean[r, order][ok], yerr=[below[ok], above[ok]], fmt="-o", color=colour, capsize=5,
                    lw=2, ms=6, label=source)
        if len(g.sources) <= 3:  # more labels than that would overlap
            for xi, p in zip(x[ok], np.asarray(order)[ok]):
                last = xi == x[-1]  # written to the left of the last point, inside the axes
                ax.annotate(cost_label(g.mean[r, p], g.low[r, p], g.high[r, p]), xy=(xi, g.mean[r, p]),
                            xytext=(-8 if last else 8, 6 + 12 * r), textcoords="offset points", fontsize=8.5,
                            color=colour, ha="right" if last else "left",
                            bbox=dict(boxstyle="round,pad=0.2", fc="white", ec="none", alpha=0.85))
    ax.margins(x=0.1)
    ax.set_xticks(x)
    ax.set_xticklabels([values[i] for i in order])
    ax.set_xlabel(key)
    ax.set_ylabel(g.units)
    ax.set_ylim(bottom=0, top=max(1.0, np.nanmax(np.where(np.isfinite(g.high), g.high, g.mean))) * 1.15)
    thousands(ax)
    ax.legend(title="service or flow", loc="upper left", bbox_to_anchor=(1.01, 1), borderaxespad=0)
    ax.set_title(f"{TITLES.get(g.name, g.name)} against {key}\n{what(g)}", fontsize=10)
    save(fig, outdir, f"sweep_cost_{g.name}", written)


def cell_text(mean, half):
    """'604.5\n[604.5, 604.5]': the cost label (its CI's precision, or four significant digits)."""
    return cost_label(mean, mean - half, mean + half).replace(" [", "\n[")


def plot_cost_heatmap(keys, values, g: Grid, outdir, written):
    """Two grid keys: one heat map per service, each cell coloured by its difference from the first
    grid point in combined CI half-widths (as the sweep's metric heat maps)."""
    xs = sorted(set(values[0]), key=sort_key(values[0]))
    ys = sorted(set(values[1]), key=sort_key(values[1]))
    ref = (ys.index(values[1][0]), xs.index(values[0][0]))
    width, height = max(7, 1.6 * len(xs) + 4), max(4.5, 0.9 * len(ys) + 2.8)
    fig, axes = plt.subplots(len(g.sources), 1, figsize=(width, height * len(g.sources)), squeeze=False)
    for r, (ax, source) in enumerate(zip(axes[:, 0], g.sources)):
        mean, half = np.full((len(ys), len(xs)), np.nan), np.full((len(ys), len(xs)), np.nan)
        for p, (vx, vy) in enumerate(zip(values[0], values[1])):
            cell = (ys.index(vy), xs.index(vx))
            mean[cell], half[cell] = g.mean[r, p], (g.high[r, p] - g.low[r, p]) / 2
        draw_heatmap(fig, ax, keys, xs, ys, mean, half, ref, text=cell_text)
        title = f"{TITLES.get(g.name, g.name)} ({g.units}): {source}"
        ax.set_title(f"{title}\n{what(g)}" if r == 0 else title, fontsize=10, pad=22)
        ax.legend(handles=[Patch(fill=False, hatch="//", ec="#777777", label="difference within the CI")],
                  loc="lower left", bbox_to_anchor=(0, 1.01), borderaxespad=0, frameon=False)
    save(fig, outdir, f"sweep_cost_{g.name}_heatmap", written)


def plot_cost_points(keys, values, g: Grid, outdir, written):
    """Three or more grid keys: one row per grid point, a marker (95% CI) per service."""
    short = short_keys(keys)
    n = g.mean.shape[1]
    labels = [", ".join(f"{short[j]}={values[j][p]}" for j in range(len(keys))) for p in range(n)]
    fig, ax = plt.subplots(figsize=(10, max(4, 0.4 * n * max(1, len(g.sources) / 2) + 1.8)))
    y = np.arange(n)[::-1].astype(float)
    colours = palette()
    step = 0.6 / max(1, len(g.sources))
    for r, source in enumerate(g.sources):
        ok = np.isfinite(g.mean[r])
        below, above = error_bars(g, r, np.arange(n))
        yr = y + 0.3 - step * (r + 0.5)
        ax.errorbar(g.mean[r][ok], yr[ok], xerr=[below[ok], above[ok]], fmt="o", color=colours[r % len(colours)],
                    capsize=3, ms=6, label=source)
    ax.set_yticks(y)
    ax.set_yticklabels(labels, fontsize=8.5)
    ax.set_xlim(left=0)
    ax.set_xlabel(g.units)
    thousands(ax, "x")
    ax.legend(title="service or flow", loc="upper left", bbox_to_anchor=(1.01, 1), borderaxespad=0)
    ax.set_title(f"{TITLES.get(g.name, g.name)} per grid point ({', '.join(keys)})\n{what(g)}", fontsize=10)
    save(fig, outdir, f"sweep_cost_{g.name}_points", written)


def plot_sweep_costs(f, keys, values, names, outdir, written):
    """Every cost chart of a sweep file (points NAMES, grid VALUES per key, in point order)."""
    costs = [read_costs(f["points"][n]) for n in names]
    if all(c is None for c in costs):
        return
    for name in QUANTITIES:
        g = quantity_grid(costs, name)
        if g is None:
            continue
        if len(keys) == 1:
            plot_cost_line(keys[0], values[0], g, outdir, written)
        elif len(keys) == 2:
            plot_cost_heatmap(keys, values, g, outdir, written)
        else:
            plot_cost_points(keys, values, g, outdir, written)
