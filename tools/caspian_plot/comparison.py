"""A comparison: paired differences of the run totals (alternative minus base), one panel per unit so
TEU and days never share an axis; the monthly mean of every scenario overlaid per metric."""
import calendar
from dataclasses import dataclass
from typing import List

import matplotlib.pyplot as plt
import numpy as np

from .numbers import ci_label, number, significant
from .read import RunSet, attr, variables
from .style import COLOUR, fmt, month_axis, palette, save, shade_warmup, thousands


@dataclass
class Difference:
    name: str
    units: str
    mean: float
    low: float
    high: float
    base_mean: float
    flagged: bool                     # the file's `significant`

    @property
    def significant(self) -> bool:
        return significant(self.low, self.high, self.flagged)

    @property
    def label(self) -> str:
        return ci_label(self.mean, self.low, self.high, self.units)


def read_differences(group, names) -> List[Difference]:
    out = []
    for n in names:
        node = group[n]
        get = (lambda k: float(attr(node, k, np.nan)))  # noqa: E731
        out.append(Difference(n, attr(node, "units", "") or "", get("diff_mean"), get("diff_ci_low"), get("diff_ci_high"),
                              get("base_mean"), bool(attr(node, "significant", 0))))
    return out


def plot_differences(alt, base, diffs: List[Difference], outdir, written, stem=None, what=None, title="Paired differences"):
    """One panel per unit; each row a metric with its mean difference and 95% CI, written beside it
    with a precision that suits the CI; orange when the CI excludes 0 at that precision. STEM names
    the PNG (default diff_<alt>); WHAT says what is differenced (default: the run total, or the
    mean transit time)."""
    units = list(dict.fromkeys(d.units for d in diffs))
    heights = [len([d for d in diffs if d.units == u]) + 1.2 for u in units]
    fig, axes = plt.subplots(len(units), 1, figsize=(11, 0.45 * sum(heights) + 1.6), squeeze=False,
                             gridspec_kw={"height_ratios": heights}, layout="constrained")
    for ax, unit in zip(axes[:, 0], units):
        rows = [d for d in diffs if d.units == unit]
        y = np.arange(len(rows))[::-1]
        for yi, d in zip(y, rows):
            colour = COLOUR["sig"] if d.significant else COLOUR["insig"]
            if np.isfinite(d.low) and np.isfinite(d.high):
                ax.errorbar(d.mean, yi, xerr=[[max(d.mean - d.low, 0)], [max(d.high - d.mean, 0)]], fmt="o",
                            color=colour, ms=7, capsize=4, lw=2)
            else:
                ax.plot(d.mean, yi, "o", color=colour, ms=7)
            pct = f"  ({number(100 * d.mean / abs(d.base_mean), 1)}% of base)" if d.base_mean else ""
            ax.annotate(d.label + pct, xy=(1.02, yi), xycoords=("axes fraction", "data"), va="center",
                        fontsize=8.5, color=colour)
        ax.axvline(0, color="black", lw=1)
        ax.set_yticks(y)
        ax.set_yticklabels([d.name for d in rows], fontsize=8.5)
        for tick, d in zip(ax.get_yticklabels(), rows):
            tick.set_color(COLOUR["sig"] if d.significant else COLOUR["insig"])
        ax.set_ylim(-0.7, len(rows) - 0.3)
        of = what or ("mean transit time" if all(d.name.startswith("transit_days:") for d in rows)
                      else "transit-time statistic" if all(is_transit(d.name) for d in rows) else "run total")
        ax.set_xlabel(f"difference of the {of}, alternative − base, in {unit or 'no unit'} (95% CI)")
        ax.grid(axis="y", visible=False)
    handles = [plt.Line2D([], [], color=COLOUR["sig"], marker="o", label="CI excludes 0 (at the precision written)"),
               plt.Line2D([], [], color=COLOUR["insig"], marker="o", label="CI includes 0: not significant")]
    axes[0][0].legend(handles=handles, loc="lower left", bbox_to_anchor=(0, 1.12), ncol=2, borderaxespad=0, frameon=False)
    axes[0][0].set_title(f"{title}: {alt} − {base} (base), common random numbers", pad=28)
    save(fig, outdir, stem or f"diff_{alt}", written)


def plot_overlay(runsets: List[RunSet], name, outdir, written):
    """The monthly mean of one metric in every scenario of a comparison, with 95% CI bands."""
    fig, ax = plt.subplots(figsize=(10, 5.5))
    same_calendar = all(rs.months == runsets[0].months for rs in runsets)
    colours = palette()
    units = ""
    if same_calendar:
        shade_warmup(ax, min(rs.warmup_months for rs in runsets))
    for i, rs in enumerate(runsets):
        metric = rs.metrics.get(name)
        if metric is None:
            continue
        units = units or metric.units
        x = np.arange(len(metric.mean))
        c = colours[i % len(colours)]
        if metric.ci_low is not None and metric.ci_high is not None:
            ax.fill_between(x, metric.ci_low, metric.ci_high, color=c, alpha=0.25, lw=0)
        span = "" if same_calendar or not rs.months else f" ({rs.months[0]}..{rs.months[-1]})"
        ax.plot(x, metric.mean, color=c, marker="o", lw=2, label=f"{rs.label}{span}: total {fmt(metric.total_mean)}")
    longest = max(runsets, key=lambda r: len(r.months))
    if same_calendar:
        month_axis(ax, longest.months)
    else:  # different years: compare month by month of each scenario's own calendar
        month_axis(ax, [calendar.month_abbr[int(m[5:7])] if len(m) >= 7 and m[5:7].isdigit() else m
                        for m in longest.months], "month of each scenario's calendar")
    ax.set_ylabel(f"{units or 'value'} per month")
    ax.set_ylim(bottom=0)
    thousands(ax)
    ax.legend(title="mean, shaded: 95% CI", loc="upper left", bbox_to_anchor=(1.01, 1), borderaxespad=0)
    ax.set_title(f"{name}: monthly mean per scenario")
    save(fig, outdir, f"compare_{name}", written)


def is_transit(name):
    """A per-source transit row of a comparison (mean, p50, p95, share within `transit_within`), not a metric."""
    return name.startswith(("transit_days:", "transit_p50_days:", "transit_p95_days:", "transit_within_")) and ":" in name


def comparison_differences(f, wanted):
    """{alternative: [Difference]} for every alternative of a comparison file."""
    from .read import select_metrics
    out = {}
    for alt in f.get("comparison", {}):
        group = f["comparison"][alt]
        names = variables(group)
        metrics = [n for n in names if not is_transit(n)]
        chosen = select_metrics(metrics, wanted) + [n for n in names if is_transit(n)]
        out[alt] = read_differences(group, chosen)
    return out


def monthly_differences(group, names):
    """{name: (units, {statistic: monthly array})} for the format-2 [statistic x month] variables."""
    from .read import statistics
    if "statistic" not in group:
        return {}
    return {n: (attr(group[n], "units", "") or "", statistics(group[n], group)) for n in names
            if group[n].ndim == 2}


def plot_monthly_differences(alt, base, series, months, warmup_months, outdir, written):
    """The monthly paired differences (alternative minus base) with their 95% CIs, one panel per unit;
    NaN months (warm-up, or months only one scenario simulates) are left out."""
    units = list(dict.fromkeys(u for u, _ in series.values()))
    fig, axes = plt.subplots(len(units), 1, figsize=(11, 3.6 * len(units) + 0.6), sharex=True, squeeze=False,
                             layout="constrained")
    colours = palette()
    x = np.arange(len(months))
    for ax, unit in zip(axes[:, 0], units):
        shade_warmup(ax, warmup_months, label=False)
        for i, (name, (u, s)) in enumerate((n, v) for n, v in series.items() if v[0] == unit):
            c = colours[i % len(colours)]
            if "ci_low" in s and "ci_high" in s:
                ax.fill_between(x[:s["ci_low"].size], s["ci_low"], s["ci_high"], color=c, alpha=0.2, lw=0)
            ax.plot(x[:s["mean"].size], s["mean"], color=c, marker="o", ms=3.5, lw=1.8, label=name)
        ax.axhline(0, color="black", lw=1)
        ax.set_ylabel(f"difference ({unit or 'no unit'})")
        thousands(ax)
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), borderaxespad=0)
    month_axis(axes[-1][0], months)
    axes[0][0].set_title(f"Monthly paired differences: {alt} − {base} (base); shaded: 95% CI")
    save(fig, outdir, f"diff_monthly_{alt}", written)
