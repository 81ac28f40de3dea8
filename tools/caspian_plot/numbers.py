"""Labels for a mean and its CI with a precision that suits the CI, and significance judged at the
precision shown: "-0.0 d [-0.0, -0.0]" marked significant cannot happen."""
import math

import numpy as np


def decimals_for(half_width, value=0.0) -> int:
    """Decimals that show two significant digits of the CI half-width (of the value when there is no CI)."""
    scale = abs(half_width) if half_width and np.isfinite(half_width) and half_width > 0 else abs(value)
    if not scale or not np.isfinite(scale):
        return 0
    return int(min(6, max(0, 1 - math.floor(math.log10(scale)))))


def number(x, decimals, signed=True) -> str:
    if x is None or not np.isfinite(x):
        return "n/a"
    text = f"{x:+,.{decimals}f}" if signed else f"{x:,.{decimals}f}"
    return "0" if float(text.replace(",", "")) == 0 else text  # never "-0.0"


def ci_label(mean, low, high, units="", signed=True) -> str:
    """'+1,234 TEU [+800, +1,700]' with decimals chosen from the CI's half-width (SIGNED: a difference)."""
    half = (high - low) / 2 if low is not None and high is not None else None
    d = decimals_for(half, mean)
    unit = f" {units}" if units else ""
    if half is None or not np.isfinite(half):
        return f"{number(mean, d, signed)}{unit}"
    return f"{number(mean, d, signed)}{unit} [{number(low, d, signed)}, {number(high, d, signed)}]"


def significant(low, high, flagged=True) -> bool:
    """Whether the CI excludes 0 at the precision its label is written with (and the file agrees)."""
    if not flagged or low is None or high is None or not (np.isfinite(low) and np.isfinite(high)):
        return False
    d = decimals_for((high - low) / 2)
    lo, hi = round(low, d), round(high, d)
    return (lo > 0 and hi > 0) or (lo < 0 and hi < 0)


def nanmean(a, axis=None):
    """The mean over the finite values; NaN (without a warning) where there are none."""
    a = np.asarray(a, dtype=float)
    finite = np.isfinite(a)
    count = finite.sum(axis=axis)
    total = np.where(finite, a, 0.0).sum(axis=axis)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(count > 0, total / np.maximum(count, 1), np.nan)


def nanmax(a, default=0.0) -> float:
    a = np.asarray(a, dtype=float)
    finite = a[np.isfinite(a)]
    return float(finite.max()) if finite.size else default


def nanpercentile(a, q, axis=0):
    """Percentile over the finite values along AXIS; NaN where there are none (no warning)."""
    a = np.asarray(a, dtype=float)
    moved = np.moveaxis(a, axis, -1)
    out = np.full(moved.shape[:-1], np.nan)
    for idx in np.ndindex(out.shape):
        v = moved[idx]
        v = v[np.isfinite(v)]
        if v.size:
            out[idx] = np.percentile(v, q)
    return out
