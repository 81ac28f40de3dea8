"""A sweep: one grid key gives a line with CI bars, two keys a heat map coloured relative to the CIs,
more keys one bar per point."""
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.colors import TwoSlopeNorm
from matplotlib.patches import Patch

from .style import COLOUR, fmt, save, thousands

Z_LIMIT = 3.0  # the colour scale ends at 3 CI half-widths; beyond that every colour is equally strong


def half_width(metric):
    return (metric.total_ci[1] - metric.total_ci[0]) / 2 if metric.total_ci else np.nan


def axis_values(values):
    """Grid values as numbers when they all parse, else their positions."""
    try:
        return [float(v) for v in values], True
    except ValueError:
        return list(range(len(values))), False


def sort_key(values):
    numeric = axis_values(values)[1]
    return (lambda v: float(v)) if numeric else (lambda v: values.index(v))


def plot_sweep_line(key, values, points, name, outdir, written):
    """One grid key: the metric's mean (95% CI bars) against the key's values."""
    units = points[0][1].units
    xs, numeric = axis_values(values)
    order = np.argsort(xs, kind="stable")
    means = np.array([p[1].total_mean for p in points])[order]
    half = np.nan_to_num(np.array([half_width(p[1]) for p in points])[order])
    x = np.asarray(xs, dtype=float)[order]
    fig, ax = plt.subplots(figsize=(9, 5.5))
    ax.errorbar(x, means, yerr=half, fmt="-o", color=COLOUR["main"], capsize=5, lw=2, ms=7,
                label="mean of the run totals, 95% CI")
    for xi, m, h in zip(x, means, half):
        ax.annotate(f"{fmt(m)} ± {fmt(h)}", xy=(xi, m), xytext=(8, 6), textcoords="offset points", fontsize=8.5,
                    bbox=dict(boxstyle="round,pad=0.2", fc="white", ec="none", alpha=0.85))
    ax.set_xticks(x)
    ax.set_xticklabels([values[i] for i in order])
    ax.set_xlabel(key)
    ax.set_ylabel(f"{units or 'value'} over the run")
    thousands(ax)
    ax.legend()
    ax.set_title(f"{name} against {key}")
    save(fig, outdir, f"sweep_{name}", written)


def ci_scores(mean, half, ref):
    """(mean - mean[REF]) / sqrt(half² + half[REF]²): how many combined CI half-widths each cell is from
    the reference cell (0 where there is no CI; ±inf where both CIs have no width, as identical
    replications give, and the means differ: that difference is resolved)."""
    with np.errstate(invalid="ignore", divide="ignore"):
        combined = np.sqrt(half ** 2 + half[ref] ** 2)
        exact = np.where((combined == 0) & (mean != mean[ref]), np.sign(mean - mean[ref]) * np.inf, 0.0)
        z = np.where(combined > 0, (mean - mean[ref]) / combined, exact)
    z[ref] = 0.0
    return z


def mean_and_half(mean, half):
    return fmt(mean) + (f"\n± {fmt(half)}" if np.isfinite(half) else "")


def draw_heatmap(fig, ax, keys, xs, ys, mean, half, ref, text=mean_and_half):
    """MEAN [len(ys) x len(xs)] on AX, coloured by ci_scores against the cell REF, cells within the CI
    hatched, each cell labelled with TEXT(mean, half-width)."""
    z = ci_scores(mean, half, ref)
    image = ax.imshow(np.clip(z, -Z_LIMIT, Z_LIMIT), cmap="RdBu_r", norm=TwoSlopeNorm(0, -Z_LIMIT, Z_LIMIT),
                      origin="lower", aspect="auto")
    bar = fig.colorbar(image, ax=ax)
    bar.set_label("difference from the first point, in combined 95% CI half-widths")
    for r in range(len(ys)):
        for c in range(len(xs)):
            if not np.isfinite(mean[r, c]):
                continue
            within = (r, c) != ref and np.isfinite(z[r, c]) and abs(z[r, c]) < 1
            if within:
                ax.add_patch(plt.Rectangle((c - 0.5, r - 0.5), 1, 1, fill=False, hatch="//", ec="#777777", lw=0))
            label = text(mean[r, c], half[r, c])
            label += "\n(first point)" if (r, c) == ref else "\nwithin CI" if within else ""
            ax.text(c, r, label, ha="center", va="center", fontsize=8.5,
                    color="white" if abs(z[r, c]) > 0.7 * Z_LIMIT else "black")
    ax.set_xticks(range(len(xs)))
    ax.set_xticklabels(xs)
    ax.set_yticks(range(len(ys)))
    ax.set_yticklabels(ys)
    ax.set_xlabel(keys[0])
    ax.set_ylabel(keys[1])
    ax.grid(False)


def plot_sweep_heatmap(keys, values, points, name, outdir, written):
    """Two grid keys. Each cell is coloured by its difference from the first grid point in units of
    the combined 95% CI half-width (sqrt(h² + h0²), as for independent estimates), on a fixed scale
    of ±3: a spread that the CIs cannot tell apart stays pale, and cells within the CI are hatched."""
    units = points[0][1].units
    xs = sorted(set(values[0]), key=sort_key(values[0]))
    ys = sorted(set(values[1]), key=sort_key(values[1]))
    mean = np.full((len(ys), len(xs)), np.nan)
    half = np.full_like(mean, np.nan)
    for (_, metric), vx, vy in zip(points, values[0], values[1]):
        r, c = ys.index(vy), xs.index(vx)
        mean[r, c], half[r, c] = metric.total_mean, half_width(metric)
    ref = (ys.index(values[1][0]), xs.index(values[0][0]))
    fig, ax = plt.subplots(figsize=(max(7, 1.6 * len(xs) + 4), max(4.5, 0.9 * len(ys) + 2.8)))
    draw_heatmap(fig, ax, keys, xs, ys, mean, half, ref)
    ax.legend(handles=[Patch(fill=False, hatch="//", ec="#777777", label="difference within the CI")],
              loc="lower left", bbox_to_anchor=(0, 1.01), borderaxespad=0, frameon=False)
    ax.set_title(f"{name} ({units}): mean over replications ± 95% CI half-width", pad=22)
    save(fig, outdir, f"sweep_{name}_heatmap", written)


def short_keys(keys):
    """The shortest dotted suffixes that still tell the grid keys apart."""
    for n in range(1, max(k.count(".") for k in keys) + 2):
        short = [".".join(k.split(".")[-n:]) for k in keys]
        if len(set(short)) == len(keys):
            return short
    return list(keys)


def plot_sweep_points(keys, values, points, name, outdir, written):
    """Three or more grid keys: one bar per grid point (95% CI), labelled with its values."""
    units = points[0][1].units
    short = short_keys(keys)
    labels = [", ".join(f"{short[j]}={values[j][n]}" for j in range(len(keys))) for n in range(len(points))]
    means = np.array([p[1].total_mean for p in points])
    err = np.nan_to_num(np.array([half_width(m) for _, m in points]))
    fig, ax = plt.subplots(figsize=(10, max(4, 0.4 * len(points) + 1.8)))
    y = np.arange(len(points))
    ax.barh(y, means, xerr=err, color=COLOUR["main"], alpha=0.85, capsize=3)
    ax.set_yticks(y)
    ax.set_yticklabels(labels, fontsize=8.5)
    ax.set_xlabel(f"mean {units or 'value'} over the run (95% CI)")
    thousands(ax, "x")
    ax.set_title(f"{name} per grid point\n({', '.join(keys)})")
    save(fig, outdir, f"sweep_{name}_points", written)
