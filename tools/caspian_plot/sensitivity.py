"""Tornado charts of a sensitivity file: OAT swings around the scenario's value, or Morris mu* with CIs."""
import matplotlib.pyplot as plt
import numpy as np

from .read import attr, select_metrics, strings
from .style import COLOUR, safe, save


def plot_sensitivity(f, wanted, outdir, written):
    """A tornado chart per metric, the largest effect on top."""
    method = attr(f, "method")
    for name in select_metrics(list(f["metrics"]), wanted):
        g = f["metrics"][name]
        params = strings(g["parameter"])[::-1]  # barh draws from the bottom: largest on top
        units = attr(g, "units", "")
        fig, ax = plt.subplots(figsize=(9, 1.6 + 0.45 * len(params)))
        y = np.arange(len(params))
        if method == "oat":
            base = float(attr(g, "base", 0.0))
            low, high = g["low"][:][::-1], g["high"][:][::-1]
            ax.barh(y, low - base, left=base, color=COLOUR["main"], label="parameter at LO")
            ax.barh(y, high - base, left=base, color=COLOUR["sig"], label="parameter at HI")
            ax.axvline(base, color="black", lw=0.8)
            ax.set_xlabel(f"{name} ({units}); line: the scenario's values")
            ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), borderaxespad=0)
        else:
            eff, lo, hi = g["effect"][:][::-1], g["effect_ci_low"][:][::-1], g["effect_ci_high"][:][::-1]
            err = np.nan_to_num(np.vstack([eff - lo, hi - eff])).clip(min=0)
            ax.barh(y, eff, xerr=err, color=COLOUR["main"], capsize=3)
            ax.set_xlabel(f"mu*: mean |elementary effect| on {name} ({units}), 95% CI")
        ax.set_yticks(y)
        ax.set_yticklabels(params, fontsize=8)
        ax.grid(axis="y", visible=False)
        ax.set_title(f"{name}: sensitivity ({method})")
        save(fig, outdir, f"tornado_{safe(name)}", written)
