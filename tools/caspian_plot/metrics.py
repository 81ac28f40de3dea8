"""Monthly series of a metric (bars for a single run, mean with CI and p5-p95 bands for
replications), with the file's targets and observations; cumulative tonnes for metrics in t."""
import matplotlib.pyplot as plt
import numpy as np

from .numbers import nanmax, nanpercentile
from .periods import month_span, period_label
from .read import Metric, RunSet
from .style import COLOUR, fmt, month_axis, save, shade_warmup, thousands


def draw_target(ax, target, months, index):
    """A target is a total over a date range: drawn as the implied monthly average (a dashed
    segment over the months it covers), with "observed X vs simulated Y" beside the chart."""
    span = month_span(months, target.start, target.end)
    if span is None or span[2] <= 0:
        return None
    first, last, covered = span
    level = target.observed / covered
    once = index == 0  # one legend entry for all targets
    ax.hlines(level, first - 0.4, last + 0.4, colors=COLOUR["target"], linestyles="--", linewidth=2,
              label="observed total over its period, as monthly average" if once else None, zorder=5)
    if target.simulated is not None:
        ax.hlines(target.simulated / covered, first - 0.4, last + 0.4, colors="black", linestyles=":", linewidth=1.5,
                  label="simulated total over the same period, as monthly average" if once else None, zorder=5)
    ax.plot([last], [level], marker="D", color=COLOUR["target"], markersize=7, zorder=6)
    return level


def target_note(target) -> str:
    sim = fmt(target.simulated)
    if target.ci:
        sim += f" [95% CI {fmt(target.ci[0])}–{fmt(target.ci[1])}]"
    return f"{period_label(target.start, target.end)}: observed {fmt(target.observed)} vs simulated {sim} {target.units}"


def plot_metric(rs: RunSet, metric: Metric, outdir, written, prefix=""):
    """Monthly series of one metric: bars (single run) or the mean with CI and p5-p95 bands."""
    fig, ax = plt.subplots(figsize=(10, 5.5))
    x = np.arange(len(metric.mean))
    shade_warmup(ax, rs.warmup_months)
    if metric.runs is None:
        ax.bar(x, np.nan_to_num(metric.mean), color=COLOUR["main"], alpha=0.8, label="simulated (single run)")
    else:
        if metric.p5 is not None and metric.p95 is not None:
            ax.fill_between(x, metric.p5, metric.p95, color=COLOUR["spread"], alpha=0.45, lw=0,
                            label=f"p5–p95 of {rs.replications} replications")
        if metric.ci_low is not None and metric.ci_high is not None:
            ax.fill_between(x, metric.ci_low, metric.ci_high, color=COLOUR["ci"], alpha=0.35, lw=0,
                            label="95% CI of the mean")
        ax.plot(x, metric.mean, color=COLOUR["main"], marker="o", lw=2, label=f"mean of {rs.replications} replications")
    top = nanmax(metric.p95 if metric.p95 is not None else metric.mean)
    targets = [t for t in rs.targets if t.metric == metric.name]
    notes = []
    for t in targets:
        level = draw_target(ax, t, rs.months, len(notes))
        if level is not None:
            top = max(top, level)
            notes.append(target_note(t))
    ax.set_ylim(0, (top or 1) * 1.15)
    month_axis(ax, rs.months)
    ax.set_ylabel(f"{metric.units or 'value'} per month")
    thousands(ax)
    total = f"total {fmt(metric.total_mean)} {metric.units}"
    if metric.total_ci:
        total = f"mean total {fmt(metric.total_mean)} {metric.units} (95% CI {fmt(metric.total_ci[0])}–{fmt(metric.total_ci[1])})"
    title = metric.name + (f" — {metric.description}" if metric.description else "")
    ax.set_title(f"{title}\n{rs.label}: {total}")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), borderaxespad=0)
    if notes:  # the targets' numbers, below the legend, outside the plotting area
        ax.text(1.01, 0.0, "\n".join(notes), transform=ax.transAxes, va="bottom", ha="left", fontsize=8,
                color=COLOUR["target"])
    save(fig, outdir, f"{prefix}metric_{metric.name}", written)


def plot_cumulative(rs: RunSet, metric: Metric, outdir, written, prefix=""):
    """Cumulative tonnes from the end of the warm-up. A reference is drawn only where the file declares
    one: each observation or target on this metric, its observed total stacked on the simulated
    cumulative at the start of its period."""
    fig, ax = plt.subplots(figsize=(10, 5.5))
    x = np.arange(len(metric.mean))
    measured = np.isfinite(metric.mean)
    mt = 1e6
    shade_warmup(ax, rs.warmup_months)
    if metric.runs is not None and metric.runs.shape[0] > 1:
        cum = np.where(measured, np.nancumsum(metric.runs, axis=1), np.nan) / mt
        ax.fill_between(x, nanpercentile(cum, 5), nanpercentile(cum, 95), color=COLOUR["spread"], alpha=0.5, lw=0,
                        label=f"p5–p95 of {rs.replications} replications")
    cum_mean = np.where(measured, np.nancumsum(metric.mean), np.nan) / mt
    ax.plot(x, cum_mean, color=COLOUR["main"], marker="o", lw=2.2, label="simulated" + (" (mean)" if metric.runs is not None else ""))
    top = nanmax(cum_mean, 1.0)
    for i, t in enumerate(t for t in rs.targets if t.metric == metric.name):
        span = month_span(rs.months, t.start, t.end)
        if span is None:
            continue
        first, last, _ = span
        before = cum_mean[first - 1] if first > 0 and np.isfinite(cum_mean[first - 1]) else 0.0
        level = before + t.observed / mt
        ax.plot([first - 0.5, last], [before, level], color=COLOUR["target"], ls="--", lw=1.5, marker="D",
                markevery=[1], label="observed total over its period, from the simulated value at its start" if i == 0 else None)
        ax.annotate(f"{period_label(t.start, t.end)}: observed {t.observed / mt:.2f} Mt", xy=(last, level),
                    xytext=(-6, 8), textcoords="offset points", ha="right", color=COLOUR["target"], fontsize=8.5)
        top = max(top, level)
    last_value = cum_mean[np.isfinite(cum_mean)]
    if last_value.size:
        ax.annotate(f"{last_value[-1]:.2f} Mt", xy=(x[-1], last_value[-1]), xytext=(-6, -14),
                    textcoords="offset points", ha="right", color=COLOUR["main"], fontsize=10)
    month_axis(ax, rs.months)
    ax.set_ylabel("cumulative Mt (million t) after the warm-up")
    ax.set_ylim(0, top * 1.15)
    ax.set_title(f"{metric.name}: cumulative tonnes\n{rs.label}")
    ax.legend(loc="upper left")
    save(fig, outdir, f"{prefix}cumulative_{metric.name}", written)
