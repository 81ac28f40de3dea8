"""The HDF5 layouts (docs/results-format.md) read into small data classes, for formats 1 and 2."""
from dataclasses import dataclass, field
from typing import Dict, List, Optional

import h5py
import numpy as np

from .numbers import nanmean

TONNE_UNITS = {"t", "tonne", "tonnes"}
# Queued amounts besides consignments, drawn (each in its own panel) where non-zero.
QUEUE_AMOUNTS = (("queue_teu_mean", "mean queue (TEU)"), ("backlog_tonnes_mean", "mean backlog (t)"))


class PlotError(Exception):
    """A problem with the input that ends the program with a clear message."""


def text(value) -> str:
    """An HDF5 string (bytes, str or numpy scalar) as str."""
    if isinstance(value, (bytes, np.bytes_)):
        return value.decode("utf-8")
    if isinstance(value, np.ndarray) and value.shape == ():
        return text(value[()])
    return str(value)


def strings(dataset) -> List[str]:
    return [text(v) for v in np.atleast_1d(dataset[()])]


def attr(obj, name, default=None):
    """An attribute, strings decoded, HDF5 empty values as DEFAULT."""
    if name not in obj.attrs:
        return default
    value = obj.attrs[name]
    if isinstance(value, h5py.Empty):
        return default
    if isinstance(value, (bytes, str, np.bytes_, np.str_)):
        return text(value)
    if isinstance(value, np.ndarray) and value.dtype.kind in "OSU":
        return [text(v) for v in value]
    return value


def fnum(obj, key):
    """A numeric attribute as float, or None when absent or empty."""
    value = attr(obj, key)
    return float(value) if value is not None else None


def variables(group) -> List[str]:
    """The members of GROUP that are not dimension scales (format 2 keeps its coordinates beside
    the variables, as netCDF-4 does)."""
    return [k for k in group if not (isinstance(group[k], h5py.Dataset) and "CLASS" in group[k].attrs)]


def floats(node) -> np.ndarray:
    return np.asarray(node[()], dtype=float)


@dataclass
class Metric:
    name: str
    units: str
    description: str
    mean: np.ndarray                       # monthly value (single run) or monthly mean
    runs: Optional[np.ndarray] = None      # [replication x month], replications only
    ci_low: Optional[np.ndarray] = None
    ci_high: Optional[np.ndarray] = None
    p5: Optional[np.ndarray] = None
    p95: Optional[np.ndarray] = None
    total_mean: float = 0.0
    total_ci: Optional[tuple] = None


@dataclass
class Target:
    metric: str
    start: str
    end: str
    observed: float
    simulated: float
    units: str
    ci: Optional[tuple] = None             # replications: 95% CI of the simulated mean
    source: str = ""
    tolerance_pct: float = 0.0
    inside: str = "-"


@dataclass
class Resource:
    name: str
    kind: str
    utilisation: float
    utilisation_ci: Optional[tuple]
    queue: np.ndarray                      # monthly mean queue, consignments
    queued: Dict[str, np.ndarray]          # other monthly mean queues by axis label (TEU, t)


@dataclass
class Transit:
    """Transit times of one service or flow, in days."""
    source: str
    days: Optional[np.ndarray] = None      # single run: one per consignment delivered after the warm-up
    per_run: Dict[str, np.ndarray] = field(default_factory=dict)   # replications: mean, p50, p95 per replication
    monthly: Dict[str, np.ndarray] = field(default_factory=dict)   # p50, p95, mean, n: [month] or [replication x month]


@dataclass
class RunSet:
    """One scenario's results: a single run or a set of replications."""
    label: str
    months: List[str]
    replications: int
    warmup_months: float = 0.0
    metrics: Dict[str, Metric] = field(default_factory=dict)
    targets: List[Target] = field(default_factory=list)
    resources: List[Resource] = field(default_factory=list)
    transit: Dict[str, Transit] = field(default_factory=dict)
    bottlenecks: List[tuple] = field(default_factory=list)   # (resource, reason)
    attrs: Dict[str, object] = field(default_factory=dict)


def monthly(node) -> np.ndarray:
    """A monthly series; a [replication x month] matrix is averaged over replications."""
    data = floats(node)
    return nanmean(data, axis=0) if data.ndim == 2 else data


def statistics(node, stats_group) -> Dict[str, np.ndarray]:
    """Format 2: a [statistic x month] variable as {statistic: monthly array}."""
    names = strings(stats_group["statistic"])
    data = np.atleast_2d(floats(node))
    return {n: data[i] for i, n in enumerate(names)}


def total_ci(node):
    low, high = fnum(node, "total_ci_low"), fnum(node, "total_ci_high")
    return (low, high) if low is not None and high is not None else None


def read_metric(name, node, stats=None) -> Metric:
    units = attr(node, "units", "")
    description = attr(node, "description", "") or ""
    if isinstance(node, h5py.Dataset) and node.ndim == 1:  # single run: a 1-D monthly dataset
        series = floats(node)
        return Metric(name, units, description, series, total_mean=float(np.nansum(series)))
    if isinstance(node, h5py.Dataset):  # format 2 replications: [replication x month], stats beside
        runs = np.atleast_2d(floats(node))
        s = statistics(stats[name], stats) if stats is not None and name in stats else {}
        total = fnum(node, "total_mean")
        if total is None:
            total = float(nanmean(np.nansum(runs, axis=1)))
        return Metric(name, units, description, s.get("mean", monthly(node)), runs, s.get("ci_low"), s.get("ci_high"),
                      s.get("p5"), s.get("p95"), total_mean=total, total_ci=total_ci(node))
    opt = {k: floats(node[k]) for k in ("monthly_ci_low", "monthly_ci_high", "monthly_p5", "monthly_p95") if k in node}
    runs = np.atleast_2d(floats(node["monthly"])) if "monthly" in node else None
    mean = floats(node["monthly_mean"]) if "monthly_mean" in node else monthly(node["monthly"])
    total = fnum(node, "total_mean")
    return Metric(name, units, description, mean, runs, opt.get("monthly_ci_low"), opt.get("monthly_ci_high"),
                  opt.get("monthly_p5"), opt.get("monthly_p95"),
                  total_mean=total if total is not None else float(np.nansum(mean)), total_ci=total_ci(node))


def read_target(node) -> Target:
    if "simulated" in node:  # replications: per-replication totals, mean and CI as attributes
        simulated = fnum(node, "mean")
        if simulated is None:
            simulated = float(nanmean(floats(node["simulated"])))
        low, high = fnum(node, "ci_low"), fnum(node, "ci_high")
        ci = (low, high) if low is not None and high is not None else None
    else:
        simulated, ci = fnum(node, "simulated"), None
    return Target(attr(node, "metric", ""), attr(node, "from", ""), attr(node, "to", ""),
                  float(attr(node, "observed", np.nan)), simulated, attr(node, "units", ""), ci,
                  attr(node, "source", "") or "", fnum(node, "tolerance_pct") or 0.0, attr(node, "inside_tolerance", "-"))


def read_resource(name, node) -> Resource:
    util = fnum(node, "utilisation_mean")
    if util is None and "utilisation" in node:
        util = float(nanmean(floats(node["utilisation"])))
    low, high = fnum(node, "utilisation_ci_low"), fnum(node, "utilisation_ci_high")
    queue = monthly(node["queue_mean"]) if "queue_mean" in node else np.zeros(0)
    queued = {label: monthly(node[key]) for key, label in QUEUE_AMOUNTS if key in node}
    return Resource(name, attr(node, "kind", ""), util if util is not None and np.isfinite(util) else 0.0,
                    (low, high) if low is not None and high is not None else None, queue, queued)


def read_transit(group) -> Dict[str, Transit]:
    """Per-consignment or per-replication transit times (/transit_time) and their monthly statistics
    (/transit_monthly, format 2)."""
    out: Dict[str, Transit] = {}
    for source in group.get("transit_time", {}):
        node = group["transit_time"][source]
        t = Transit(source)
        if "days" in node:
            t.days = floats(node["days"])
        for key in ("mean", "p50", "p95"):
            if key in node:
                t.per_run[key] = np.atleast_1d(floats(node[key]))
        out[source] = t
    tm = group.get("transit_monthly")
    if tm is not None and "source" in tm:
        for i, source in enumerate(strings(tm["source"])):
            t = out.setdefault(source, Transit(source))
            t.monthly = {k: floats(tm[k])[i] for k in ("mean", "p50", "p95", "n") if k in tm}
    return out


def read_runset(group, label) -> RunSet:
    """Reads a single-run or replications layout rooted at GROUP."""
    months = (strings(group["calendar/month_label"]) if "calendar/month_label" in group
              else strings(group["calendar/month"]) if "calendar/month" in group else [])
    runs = int(attr(group, "replications", 1) or 1)
    rs = RunSet(label, months, runs, float(attr(group, "warmup_months", 0) or 0))
    rs.attrs = {k: attr(group, k) for k in group.attrs}
    metrics = group.get("metrics", {})
    for name in variables(metrics):
        rs.metrics[name] = read_metric(name, metrics[name], group.get("metric_stats"))
    if not months and rs.metrics:
        rs.months = [str(i + 1) for i in range(len(next(iter(rs.metrics.values())).mean))]
    targets = group.get("targets", {})
    for key in sorted(targets, key=lambda k: int(k) if k.isdigit() else k):
        rs.targets.append(read_target(targets[key]))
    resources = group.get("resources", {})
    for name in variables(resources):
        rs.resources.append(read_resource(name, resources[name]))
    rs.transit = read_transit(group)
    b = group.get("bottlenecks")
    if b is not None and "resource" in b:
        rs.bottlenecks = list(zip(strings(b["resource"]), strings(b["reason"]) if "reason" in b else []))
    return rs


def select_metrics(names, wanted) -> List[str]:
    """The metric names to plot: all of NAMES, or those asked for with --metrics (in that order)."""
    if not wanted:
        return list(names)
    missing = [m for m in wanted if m not in names]
    if missing:
        raise PlotError(f"unknown metric(s) {', '.join(missing)}; the file has: {', '.join(names) or 'none'}")
    return list(wanted)
