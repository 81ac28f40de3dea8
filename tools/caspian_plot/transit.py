"""Transit times: their distribution per service (every consignment of a single run; each
replication's p50 and p95 otherwise), and the monthly p50 and p95 from /transit_monthly."""
import matplotlib.pyplot as plt
import numpy as np

from .numbers import nanmax, nanmean, nanpercentile
from .read import RunSet
from .style import COLOUR, month_axis, palette, save, shade_warmup

MAX_SOURCES = 8  # the services with the most deliveries; more would not be readable


def busiest(rs: RunSet):
    def deliveries(t):
        if t.days is not None:
            return t.days.size
        n = t.monthly.get("n")
        return float(np.nansum(n)) if n is not None else 0.0
    sources = [t for t in rs.transit.values() if deliveries(t) > 0]
    return sorted(sources, key=lambda t: -deliveries(t))[:MAX_SOURCES]


def plot_distribution(rs: RunSet, outdir, written, prefix=""):
    sources = busiest(rs)
    if not sources:
        return
    fig, ax = plt.subplots(figsize=(10, 1.4 + 0.55 * len(sources)))
    y = np.arange(len(sources))[::-1]
    if all(t.days is not None and t.days.size for t in sources):
        ax.boxplot([t.days for t in sources], positions=y, vert=False, widths=0.6, whis=(5, 95), showfliers=False,
                   medianprops=dict(color=COLOUR["p95"]))
        for yi, t in zip(y, sources):
            ax.text(np.percentile(t.days, 95), yi + 0.3, f" n={t.days.size:,}", fontsize=7.5, va="bottom")
        what = "every consignment delivered after the warm-up: box p25–p75, line the median, whiskers p5–p95"
    else:
        for key, colour, offset in (("p50", COLOUR["p50"], 0.12), ("p95", COLOUR["p95"], -0.12)):
            for i, (yi, t) in enumerate(zip(y, sources)):
                v = t.per_run.get(key, np.zeros(0))
                v = v[np.isfinite(v)]
                ax.plot(v, np.full(v.size, yi + offset), "o", color=colour, alpha=0.6, ms=5,
                        label=f"{key} of each replication" if i == 0 else None)
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), borderaxespad=0)
        what = f"each of {rs.replications} replications' p50 and p95 over its deliveries after the warm-up"
    ax.set_yticks(y)
    ax.set_yticklabels([t.source for t in sources], fontsize=8.5)
    ax.set_xlabel("transit time, creation to delivery (days)")
    ax.set_xlim(left=0)
    ax.set_title(f"Transit time per service — {rs.label}\n{what}", fontsize=10)
    save(fig, outdir, f"{prefix}transit_distribution", written)


def plot_monthly(rs: RunSet, outdir, written, prefix=""):
    sources = [t for t in busiest(rs) if "p50" in t.monthly and "p95" in t.monthly]
    if not sources:
        return
    fig, ax = plt.subplots(figsize=(11, 5.5))
    shade_warmup(ax, rs.warmup_months)
    colours = palette()
    x = np.arange(len(rs.months))
    top = 0.0
    for i, t in enumerate(sources):
        p50, p95 = (np.atleast_1d(t.monthly[k]) for k in ("p50", "p95"))
        if p50.ndim == 2:  # [replication x month]: the mean over replications, their p5-p95 band for p95
            band = (nanpercentile(p95, 5), nanpercentile(p95, 95))
            ax.fill_between(x, *band, color=colours[i % len(colours)], alpha=0.15, lw=0)
            p50, p95 = nanmean(p50, axis=0), nanmean(p95, axis=0)
        c = colours[i % len(colours)]
        ax.plot(x[:p50.size], p50, color=c, lw=2, marker="o", ms=3.5, label=f"{t.source} p50")
        ax.plot(x[:p95.size], p95, color=c, lw=1.3, ls="--", label=f"{t.source} p95")
        top = max(top, nanmax(p95))
    month_axis(ax, rs.months, "delivery month")
    ax.set_ylabel("transit time (days)")
    ax.set_ylim(0, (top or 1) * 1.1)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), borderaxespad=0, ncol=1 if len(sources) <= 4 else 2)
    many = f"; mean over {rs.replications} replications, shaded: p5–p95 of their p95" if rs.replications > 1 else ""
    ax.set_title(f"Monthly transit time by delivery month (solid p50, dashed p95) — {rs.label}{many}", fontsize=10)
    save(fig, outdir, f"{prefix}transit_monthly", written)


def plot_transit(rs: RunSet, outdir, written, prefix=""):
    plot_distribution(rs, outdir, written, prefix)
    plot_monthly(rs, outdir, written, prefix)
