"""Utilisation per resource and the queue lengths of the busiest queues."""
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Patch

from .numbers import nanmax, nanmean
from .read import QUEUE_AMOUNTS, Resource, RunSet
from .style import BOTTLENECK, COLOUR, month_axis, palette, save, shade_warmup, thousands

BUSIEST_QUEUES = 6


def plot_utilisation(rs: RunSet, outdir, written, prefix=""):
    """Mean utilisation per resource, sorted; bars above 85% in red; sea areas in grey."""
    resources = sorted(rs.resources, key=lambda r: (r.kind != "sea_area", r.utilisation))
    if not resources:
        return
    fig, ax = plt.subplots(figsize=(10, max(4.0, 0.36 * len(resources) + 1.6)))
    y = np.arange(len(resources))
    pct = np.array([100 * r.utilisation for r in resources])
    colours = [COLOUR["neutral"] if r.kind == "sea_area" else
               COLOUR["hot"] if r.utilisation > BOTTLENECK else COLOUR["ok"] for r in resources]
    err = None
    if any(r.utilisation_ci for r in resources):
        err = np.nan_to_num(np.array([[100 * (r.utilisation - r.utilisation_ci[0]), 100 * (r.utilisation_ci[1] - r.utilisation)]
                                      if r.utilisation_ci else [0, 0] for r in resources]).T).clip(min=0)
    ax.barh(y, pct, color=colours, xerr=err, ecolor="#333333", capsize=2)
    ends = pct + (err[1] if err is not None else 0)
    for yi, p, end in zip(y, pct, ends):
        ax.text(end + 1, yi, f"{p:.0f}%", va="center", fontsize=8)
    ax.axvline(100 * BOTTLENECK, color=COLOUR["hot"], ls="--", lw=1.2)
    ax.set_yticks(y)
    ax.set_yticklabels([f"{r.name} ({r.kind})" for r in resources], fontsize=8.5)
    ax.set_xlim(0, max(105, nanmax(pct) + 10))
    ax.set_xlabel("mean utilisation over the run after the warm-up (% of capacity)")
    handles = [Patch(color=COLOUR["ok"], label="≤ 85%"), Patch(color=COLOUR["hot"], label="> 85% (bottleneck)"),
               plt.Line2D([], [], color=COLOUR["hot"], ls="--", label="85%")]
    if any(r.kind == "sea_area" for r in resources):
        handles.append(Patch(color=COLOUR["neutral"], label="sea area: share of time closed by weather"))
    if err is not None:
        handles.append(plt.Line2D([], [], color="#333333", marker="|", ls="", label="95% CI"))
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1), borderaxespad=0)
    runs = f", mean of {rs.replications} replications" if rs.replications > 1 else ""
    ax.set_title(f"Utilisation per resource — {rs.label}{runs}")
    ax.grid(axis="y", visible=False)
    save(fig, outdir, f"{prefix}utilisation", written)


def queues_some(resource: Resource, label) -> bool:
    """Whether RESOURCE ever queues a non-zero amount of the kind LABEL."""
    series = resource.queued.get(label)
    return series is not None and nanmax(series) > 0


def plot_queues(rs: RunSet, outdir, written, prefix=""):
    """Monthly mean queue of the busiest queues, in consignments and, where non-zero, in TEU and
    tonnes (one panel each)."""
    queued = [r for r in rs.resources if r.queue.size and r.kind != "sea_area"]
    if not queued:
        return
    busiest = sorted(queued, key=lambda r: -float(np.nan_to_num(nanmean(r.queue))))[:BUSIEST_QUEUES]
    extra = [label for _, label in QUEUE_AMOUNTS if any(queues_some(r, label) for r in busiest)]
    panels = 1 + len(extra)
    fig, axes = plt.subplots(panels, 1, figsize=(12, 3.8 * panels + 0.8), sharex=True, squeeze=False)
    colours = palette()
    colour_of = {r.name: colours[i % len(colours)] for i, r in enumerate(busiest)}
    x = np.arange(len(rs.months))
    for row, label in enumerate(["mean queue (consignments)"] + extra):
        ax = axes[row][0]
        shade_warmup(ax, rs.warmup_months, label=row == 0)
        for r in busiest:
            series = r.queue if row == 0 else r.queued.get(label) if queues_some(r, label) else None
            if series is not None:
                ax.plot(x[:len(series)], series, marker="o", ms=3.5, lw=1.8, color=colour_of[r.name], label=r.name)
        ax.set_ylabel(label)
        ax.set_ylim(bottom=0)
        thousands(ax)
    axes[0][0].legend(loc="upper left", bbox_to_anchor=(1.01, 1), borderaxespad=0, title="resource")
    runs = f", mean of {rs.replications} replications" if rs.replications > 1 else ""
    axes[0][0].set_title(f"Queue length of the {len(busiest)} busiest queues — {rs.label}{runs}")
    month_axis(axes[-1][0], rs.months)
    save(fig, outdir, f"{prefix}queues", written)
