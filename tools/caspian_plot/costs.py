"""Cost and CO2 from a file's /costs group (docs/costs.md): per service or flow, cost per TEU (per
tonne where tonnes are carried), CO2 and generalized cost, with 95% CIs over replications; monthly
totals by delivery month; in comparisons the paired change in generalized cost and the
cost-effectiveness of priced expansions (/cost_effectiveness). Nothing is drawn for a file without
/costs (its scenario declares no costs)."""
from dataclasses import dataclass, field
from typing import Dict, List, Optional

import matplotlib.pyplot as plt
import numpy as np
from scipy import stats

from .comparison import Difference, plot_differences
from .numbers import ci_label, nanmax, nanmean, nanpercentile, number
from .read import attr, floats, strings
from .style import COLOUR, fmt, month_axis, palette, save, shade_warmup, thousands

QUANTITIES = ("usd_per_teu", "generalized_usd_per_teu", "co2_per_teu",
              "usd_per_t", "generalized_usd_per_t", "co2_per_t")
TITLES = {"usd_per_teu": "Tariffs per TEU", "generalized_usd_per_teu": "Generalized cost per TEU (tariffs + value of time)",
          "co2_per_teu": "CO2 per TEU", "usd_per_t": "Tariffs per tonne",
          "generalized_usd_per_t": "Generalized cost per tonne (tariffs + value of time)", "co2_per_t": "CO2 per tonne"}
MONTHLY = (("usd_monthly", "tariffs"), ("co2_monthly", "CO2"))
MAX_SOURCES = 8  # monthly lines: the services with the largest totals; more would not be readable


@dataclass
class Quantity:
    """One quantity per source: VALUE (mean over consignments; with replications the mean over
    replications of each one's mean) and its 95% CI (replications) or p50 and p95 (a single run)."""
    name: str
    units: str
    description: str
    value: np.ndarray
    low: Optional[np.ndarray] = None      # 95% CI of the mean over replications
    high: Optional[np.ndarray] = None
    p50: Optional[np.ndarray] = None      # over consignments (single run) or mean over replications
    p95: Optional[np.ndarray] = None
    per_run: Optional[np.ndarray] = None  # [source x replication]: each replication's mean


@dataclass
class Costs:
    sources: List[str]
    replications: int
    quantities: Dict[str, Quantity] = field(default_factory=dict)
    monthly: Dict[str, np.ndarray] = field(default_factory=dict)   # [source x month] or [source x replication x month]
    monthly_units: Dict[str, str] = field(default_factory=dict)
    totals: Dict[str, tuple] = field(default_factory=dict)         # name -> (per-source array, units)
    attrs: Dict[str, object] = field(default_factory=dict)


def labels_of(g, name, default):
    return strings(g[name]) if name in g else list(default)


def read_quantity(g, q, replications) -> Quantity:
    node = g[q]
    stat = labels_of(g, "cost_statistic", ("mean", "p50", "p95"))
    units, desc = attr(node, "units", "") or "", attr(node, "description", "") or ""
    data = floats(node)
    if not replications:  # source x cost_statistic: over consignments
        col = {s: data[:, i] for i, s in enumerate(stat)}
        return Quantity(q, units, desc, col["mean"], p50=col.get("p50"), p95=col.get("p95"))
    summary = floats(g["summary_" + q])  # source x cost_statistic x statistic
    names = labels_of(g, "statistic", ("mean", "ci_low", "ci_high"))
    s = {k: summary[:, stat.index("mean"), names.index(k)] for k in ("mean", "ci_low", "ci_high")}
    mean_of = (lambda k: summary[:, stat.index(k), names.index("mean")] if k in stat else None)  # noqa: E731
    return Quantity(q, units, desc, s["mean"], s["ci_low"], s["ci_high"], mean_of("p50"), mean_of("p95"),
                    per_run=data[:, :, stat.index("mean")])


def read_costs(group) -> Optional[Costs]:
    """The /costs group under GROUP (a file or a comparison's scenario), or None."""
    if "costs" not in group:
        return None
    g = group["costs"]
    replications = "replication" in g or any(k.startswith("summary_") for k in g)
    sources = strings(g["source"])
    runs = len(g["replication"]) if "replication" in g else (1 if not replications else g["usd_monthly"].shape[1])
    c = Costs(sources, runs if replications else 1, attrs={k: attr(g, k) for k in g.attrs})
    for q in QUANTITIES:
        if q in g:
            c.quantities[q] = read_quantity(g, q, replications)
    for name, _ in MONTHLY:
        if name in g:
            c.monthly[name] = floats(g[name])
            c.monthly_units[name] = attr(g[name], "units", "") or ""
    for name in ("total_teu", "total_tonnes", "total_usd", "total_co2"):
        if name in g:
            c.totals[name] = (floats(g[name]), attr(g[name], "units", "") or "")
    return c


def cost_label(mean, low=None, high=None, units="", signed=False) -> str:
    """'604.5 USD/TEU [604.5, 604.5]': a CI's precision (numbers.ci_label); when the CI has no width
    (identical replications) or there is none (a single run), four significant digits, one decimal
    at least."""
    finite = low is not None and high is not None and np.isfinite(low) and np.isfinite(high)
    # Identical replications can leave a CI of rounding noise (1e-13): that is no width either.
    if finite and high - low > 1e-9 * max(1.0, abs(mean)):
        return ci_label(mean, low, high, units, signed=signed)
    unit = f" {units}" if units else ""
    d = int(min(6, max(1, 3 - np.floor(np.log10(abs(mean)))))) if np.isfinite(mean) and mean else 1
    one = (lambda x: number(x, d, signed) if np.isfinite(x) else "n/a")  # noqa: E731
    return f"{one(mean)}{unit} [{one(low)}, {one(high)}]" if finite else f"{one(mean)}{unit}"


def carried(q: Quantity) -> np.ndarray:
    """The sources that carry the quantity (NaN where a source carries no TEU, resp. no tonnes)."""
    return np.isfinite(q.value)


def plot_quantity(c: Costs, q: Quantity, label, outdir, written, prefix=""):
    keep = np.flatnonzero(carried(q))
    if not keep.size:
        return
    fig, ax = plt.subplots(figsize=(10, 1.5 + 0.5 * keep.size))
    y = np.arange(keep.size)[::-1]
    v = q.value[keep]
    ax.barh(y, v, color=COLOUR["spread"], height=0.6, zorder=2)
    if c.replications > 1:
        lo, hi = q.low[keep], q.high[keep]
        ok = np.isfinite(lo) & np.isfinite(hi)
        ax.errorbar(v[ok], y[ok], xerr=[np.maximum(v - lo, 0)[ok], np.maximum(hi - v, 0)[ok]], fmt="none",
                    ecolor=COLOUR["main"], capsize=4, lw=1.8, zorder=3, label="95% CI over replications")
        texts = [cost_label(m, a, b, q.units) for m, a, b in zip(v, lo, hi)]
        what = f"mean over {c.replications} replications of each one's mean over consignments, 95% CI"
    else:
        for key, marker, colour in (("p50", "|", COLOUR["p50"]), ("p95", "D", COLOUR["p95"])):
            vals = getattr(q, key)
            if vals is not None:
                ax.plot(vals[keep], y, marker, color=colour, ms=9 if marker == "|" else 5, mew=2, ls="none", zorder=3,
                        label=f"{key} over consignments")
        texts = [cost_label(m, units=q.units) for m in v]
        what = "bar: mean over consignments delivered after the warm-up (a single run: no CI)"
    for yi, t in zip(y, texts):
        ax.annotate(t, xy=(1.02, yi), xycoords=("axes fraction", "data"), va="center", fontsize=8.5)
    ax.set_yticks(y)
    ax.set_yticklabels([c.sources[i] for i in keep], fontsize=8.5)
    ax.set_xlim(left=0)
    ax.set_xlabel(q.units)
    thousands(ax, "x")
    ax.grid(axis="y", visible=False)
    ax.legend(loc="lower left", bbox_to_anchor=(0, 1.01), ncol=2, borderaxespad=0, frameon=False)
    ax.set_title(f"{TITLES.get(q.name, q.name)} by service or flow — {label}\n{what}", fontsize=10, pad=22)
    save(fig, outdir, f"{prefix}cost_{q.name}", written)


def monthly_mean(data) -> tuple:
    """[source x month] as is; [source x replication x month]: the mean and p5-p95 over replications."""
    if data.ndim == 2:
        return data, None
    return nanmean(data, axis=1), (nanpercentile(data, 5, axis=1), nanpercentile(data, 95, axis=1))


def plot_monthly(c: Costs, months, warmup_months, label, outdir, written, prefix=""):
    panels = [(n, w) for n, w in MONTHLY if n in c.monthly]
    if not panels or not months:
        return
    totals = np.nansum(np.where(np.isfinite(c.monthly[panels[0][0]]), c.monthly[panels[0][0]], 0),
                       axis=tuple(range(1, c.monthly[panels[0][0]].ndim)))
    top = [i for i in np.argsort(-totals) if totals[i] > 0][:MAX_SOURCES]
    if not top:
        return
    fig, axes = plt.subplots(len(panels), 1, figsize=(11, 3.4 * len(panels) + 0.8), squeeze=False, sharex=True)
    colours = palette()
    x = np.arange(len(months))
    for ax, (name, what) in zip(axes[:, 0], panels):
        mean, band = monthly_mean(c.monthly[name])
        shade_warmup(ax, warmup_months, label=ax is axes[0, 0])
        for k, i in enumerate(top):
            colour = colours[k % len(colours)]
            n = min(len(x), mean.shape[1])
            if band is not None:
                ax.fill_between(x[:n], band[0][i, :n], band[1][i, :n], color=colour, alpha=0.15, lw=0)
            ax.plot(x[:n], mean[i, :n], color=colour, lw=2, marker="o", ms=3.5, label=c.sources[i])
        ax.set_ylabel(f"{what} ({c.monthly_units.get(name, '')})")
        ax.set_ylim(0, (nanmax(band[1] if band is not None else mean) or 1) * 1.1)
        thousands(ax)
    month_axis(axes[-1, 0], months, "delivery month")
    axes[0, 0].legend(loc="upper left", bbox_to_anchor=(1.01, 1), borderaxespad=0)
    many = f"; mean over {c.replications} replications, shaded p5–p95" if c.replications > 1 else ""
    axes[0, 0].set_title(f"Monthly tariffs and CO2 of the consignments delivered — {label}{many}", fontsize=10)
    save(fig, outdir, f"{prefix}cost_monthly", written)


def plot_costs(group, label, months, warmup_months, outdir, written, prefix=""):
    """Every cost chart of one single run or replications result (nothing without /costs)."""
    c = read_costs(group)
    if c is None:
        return
    for q in c.quantities.values():
        plot_quantity(c, q, label, outdir, written, prefix)
    plot_monthly(c, months, warmup_months, label, outdir, written, prefix)


def paired(base: Quantity, alt: Quantity, i, j):
    """Mean, 95% t CI and base mean of alt − base, replication by replication (common random numbers)."""
    d = alt.per_run[j] - base.per_run[i]
    d = d[np.isfinite(d)]
    if not d.size:
        return None
    mean = float(d.mean())
    if d.size < 2:
        return mean, np.nan, np.nan, float(base.value[i])
    half = float(stats.t.ppf(0.975, d.size - 1) * d.std(ddof=1) / np.sqrt(d.size))
    return mean, mean - half, mean + half, float(base.value[i])


def generalized_differences(base: Costs, alt: Costs) -> List[Difference]:
    """The change in generalized cost (and tariffs, CO2) per service present in both, per TEU and per t."""
    out = []
    for q in QUANTITIES:
        if q not in base.quantities or q not in alt.quantities or base.quantities[q].per_run is None:
            continue
        b, a = base.quantities[q], alt.quantities[q]
        for i, source in enumerate(base.sources):
            if source not in alt.sources or not np.isfinite(b.value[i]):
                continue
            r = paired(b, a, i, alt.sources.index(source))
            if r is not None:
                out.append(Difference(f"{q}:{source}", b.units, r[0], r[1], r[2], r[3], True))
    return out


def plot_cost_differences(alt_label, base_label, diffs, outdir, written):
    if diffs:
        plot_differences(alt_label, base_label, diffs, outdir, written, stem=f"cost_diff_{alt_label}",
                         what="mean per consignment", title="Paired change in cost and CO2 per service")


@dataclass
class Effectiveness:
    alternative: str
    annualised: float
    extra: Dict[str, tuple]       # "TEU"/"t" -> (mean, ci_low, ci_high) per year
    per_extra: Dict[str, tuple]   # "TEU"/"t" -> (USD per extra, ci_low, ci_high)


def read_effectiveness(f) -> List[Effectiveness]:
    if "cost_effectiveness" not in f:
        return []
    g = f["cost_effectiveness"]
    get = (lambda k: floats(g[k]) if k in g else None)  # noqa: E731
    out = []
    for i, alt in enumerate(strings(g["alternative"])):
        extra, per = {}, {}
        for unit, ex, pe in (("TEU", "extra_teu", "usd_per_extra_teu"), ("t", "extra_tonnes", "usd_per_extra_tonne")):
            if get(ex) is not None:
                extra[unit] = tuple(get(k)[i] if get(k) is not None else np.nan for k in (ex, ex + "_ci_low", ex + "_ci_high"))
            if get(pe) is not None:
                per[unit] = tuple(get(k)[i] if get(k) is not None else np.nan for k in (pe, pe + "_ci_low", pe + "_ci_high"))
        out.append(Effectiveness(alt, float(get("annualised_cost")[i]), extra, per))
    return out


def effectiveness_units(rows: List[Effectiveness]) -> List[str]:
    """TEU, and tonnes where some alternative carries extra tonnes (or has a cost per extra tonne)."""
    def shown(r, u):
        return (np.isfinite(r.per_extra.get(u, (np.nan,))[0]) or
                (np.isfinite(r.extra.get(u, (np.nan,))[0]) and r.extra[u][0] != 0))
    return [u for u in ("TEU", "t") if any(shown(r, u) for r in rows)] or ["TEU"]


def plot_effectiveness(rows: List[Effectiveness], outdir, written):
    """Per alternative with a priced expansion: the extra carried a year (paired, 95% CI) and what it
    costs per extra TEU (per extra tonne); "n/a" where the extra's CI does not lie above zero."""
    if not rows:
        return
    units = effectiveness_units(rows)
    fig, axes = plt.subplots(len(units), 1, figsize=(10, 1.8 + 0.9 * len(rows) * len(units)), squeeze=False)
    for ax, unit in zip(axes[:, 0], units):
        y = np.arange(len(rows))[::-1]
        for yi, r in zip(y, rows):
            v, lo, hi = r.extra.get(unit, (np.nan,) * 3)
            cost, clo, chi = r.per_extra.get(unit, (np.nan,) * 3)
            above = np.isfinite(cost)
            colour = COLOUR["sig"] if above else COLOUR["insig"]
            if np.isfinite(v):
                err = [[max(v - lo, 0)], [max(hi - v, 0)]] if np.isfinite(lo) and np.isfinite(hi) else None
                ax.errorbar(v, yi, xerr=err, fmt="o", color=colour, ms=7, capsize=4, lw=2)
            text = (cost_label(cost, clo, chi, f"USD per extra {unit}") if above
                    else "n/a: the extra's 95% CI does not lie above 0")
            ax.annotate(f"{text}  (annualised {fmt(r.annualised)} USD/yr)", xy=(1.02, yi),
                        xycoords=("axes fraction", "data"), va="center", fontsize=8.5, color=colour)
        ax.axvline(0, color="black", lw=1)
        ax.set_yticks(y)
        ax.set_yticklabels([r.alternative for r in rows], fontsize=8.5)
        ax.set_ylim(-0.7, len(rows) - 0.3)
        ax.set_xlabel(f"extra {unit} delivered a year after the warm-up, alternative − base (paired, 95% CI)")
        thousands(ax, "x")
        ax.grid(axis="y", visible=False)
    axes[0, 0].set_title("Cost-effectiveness of priced expansions: annualised cost (capital / lifetime + "
                         "operating, no discounting)\nper extra unit carried a year; its CI is the cost over "
                         "the extra's CI bounds", fontsize=10)
    save(fig, outdir, "cost_effectiveness", written)
