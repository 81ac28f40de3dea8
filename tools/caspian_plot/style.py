"""One figure style for every chart, the colours, number formats and the helpers every chart uses."""
import os
import re

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from matplotlib.ticker import FuncFormatter  # noqa: E402

DPI = 110
STYLE = {  # applied once, by apply(): every chart shares it
    "figure.facecolor": "white", "axes.facecolor": "white", "axes.grid": True, "grid.alpha": 0.3,
    "axes.spines.top": False, "axes.spines.right": False, "axes.titlesize": 11, "axes.labelsize": 10,
    "xtick.labelsize": 9, "ytick.labelsize": 9, "legend.fontsize": 8.5, "legend.framealpha": 0.9,
    "font.family": "DejaVu Sans", "savefig.bbox": "tight", "savefig.pad_inches": 0.15,
}
COLOUR = {"main": "#1f77b4", "ci": "#1f77b4", "spread": "#9ecae1", "target": "#d62728",
          "hot": "#d62728", "ok": "#4a7fb5", "neutral": "#b0b0b0", "sig": "#e6550d",
          "insig": "#8c8c8c", "ref": "#555555", "warmup": "#e8e8e8", "p95": "#d62728", "p50": "#1f77b4"}
BOTTLENECK = 0.85  # utilisation above which a resource is highlighted (as in caspian's report)


def apply():
    plt.rcParams.update(STYLE)


def palette():
    return plt.rcParams["axes.prop_cycle"].by_key()["color"]


def safe(name) -> str:
    """NAME usable as a file name."""
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", name) or "unnamed"


def fmt(x) -> str:
    """A number for a label: thousands separated, a sensible number of decimals."""
    if x is None or not np.isfinite(x):
        return "n/a"
    a = abs(x)
    if a >= 100:
        return f"{x:,.0f}"
    if a >= 10:
        return f"{x:,.1f}"
    return f"{x:,.2f}"


def thousands(ax, axis="y"):
    formatter = FuncFormatter(lambda v, _: f"{v:,.0f}" if abs(v) >= 1000 or v == int(v) else f"{v:g}")
    (ax.yaxis if axis == "y" else ax.xaxis).set_major_formatter(formatter)


def month_axis(ax, months, label="month"):
    """Month labels on the x axis, thinned so they never overlap."""
    n = len(months)
    step = max(1, int(np.ceil(n / 24)))
    ticks = list(range(0, n, step))
    ax.set_xticks(ticks)
    ax.set_xticklabels([months[i] for i in ticks], rotation=45 if n > 6 else 0, ha="right" if n > 6 else "center")
    ax.set_xlim(-0.6, n - 0.4)
    ax.set_xlabel(label)


def shade_warmup(ax, warmup_months, label=True):
    """Greys the months wholly inside the warm-up (NaN in the file: nothing was measured) and says so,
    instead of leaving blank bars or drawing a ramp from zero."""
    n = int(warmup_months or 0)
    if n <= 0:
        return
    ax.axvspan(-0.6, n - 0.5, color=COLOUR["warmup"], zorder=0, lw=0,
               label="warm-up: not measured" if label else None)
    ax.text((n - 1.1) / 2, 0.5, "warm-up\n(not measured)", transform=ax.get_xaxis_transform(),
            ha="center", va="center", fontsize=8, color="#666666", rotation=90 if n < 3 else 0, zorder=1)


def save(fig, outdir, name, written) -> str:
    """Writes FIG as OUTDIR/NAME.png (bbox 'tight' keeps every label inside the image)."""
    path = os.path.join(outdir, safe(name) + ".png")
    fig.savefig(path, dpi=DPI)
    plt.close(fig)
    written.append(path)
    return path
