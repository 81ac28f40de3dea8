"""`report RESULT.h5 -o report.html`: one self-contained HTML page for a result file of any kind: the
scenario and its provenance, observations against the model, bottlenecks, metrics with CIs, transit
times, comparison or sweep results, cost and CO2 where the file has /costs, and every chart of `plot`,
inline as base64 PNG."""
import argparse
import hashlib
import os
import shlex
import sys
import tempfile

import numpy as np

from . import html as H
from .cli import open_result, plot_file, scenario_label, scenario_labels, sweep_points
from .comparison import comparison_differences
from .costs import (QUANTITIES, TITLES, cost_label, generalized_differences, read_costs, read_effectiveness)
from .numbers import ci_label, nanmean, number
from .periods import period_label
from .read import PlotError, RunSet, attr, read_runset, strings
from .style import BOTTLENECK, fmt


def sha256(text) -> str:
    return hashlib.sha256(str(text).encode("utf-8")).hexdigest()


def command(kind, g, extra=(), grid_keys=0) -> str:
    """The command line that writes this file again, rebuilt from its attributes."""
    words = ["caspian", {"results": "run", "replications": "run"}.get(kind, kind), attr(g, "scenario_file", "SCENARIO.yaml")]
    words += list(extra)
    if kind in ("replications", "sensitivity", "sweep") and attr(g, "replications") is not None:
        words += ["-n", str(int(attr(g, "replications")))]
    if attr(g, "seed") is not None:
        words += ["--seed", str(int(attr(g, "seed")))]
    overrides = list(attr(g, "overrides") or [])
    for o in overrides[:len(overrides) - grid_keys]:  # a sweep point's last overrides are its grid values
        words += ["--set", o]
    return " ".join(shlex.quote(w) for w in words)


def provenance(g, kind, extra=(), grid_keys=0, root=None) -> str:
    """The scenario, its version, seed, dates and command; the stored scenario files with hashes."""
    warm = attr(g, "warmup_days")
    pairs = [("scenario", attr(g, "scenario_name")), ("description", attr(g, "scenario_description")),
             ("scenario file", attr(g, "scenario_file")), ("caspian version", attr(g, "version")),
             ("result format", attr(root if root is not None else g, "format")), ("seed", attr(g, "seed")),
             ("replications", attr(g, "replications")), ("failed replications", attr(g, "failed")),
             ("dates", f"{attr(g, 'start_date')} to {attr(g, 'end_date')}" if attr(g, "start_date") else None),
             ("warm-up", f"{fmt(float(warm))} days, to {attr(g, 'warmup_end')}: {attr(g, 'warmup')}" if warm else None),
             ("overrides (--set)", ", ".join((attr(g, "overrides") or [])[:len(attr(g, "overrides") or []) - grid_keys])),
             ("command (rebuilt from the file)", command(kind, g, extra, grid_keys)),
             ("fingerprint of the event stream", attr(g, "fingerprint")),
             ("sha256 of the resolved scenario", sha256(attr(g, "scenario")) if attr(g, "scenario") else None)]
    out = [H.definition(pairs)]
    files = g.get("scenario_files")
    if files is not None:
        rows = [(attr(files[k], "path", ""), sha256(attr(files[k], "text", "")), len(attr(files[k], "text", "")))
                for k in sorted(files, key=lambda k: int(k) if k.isdigit() else k)]
        out.append("<p>Scenario files as read (their exact text is stored in the result file):</p>")
        out.append(H.table(["file", "sha256 of its text", "characters"], rows, numeric=(2,)))
    if attr(g, "scenario"):
        out.append("<details><summary>The resolved scenario (YAML)</summary><pre>"
                   f"{H.esc(attr(g, 'scenario'))}</pre></details>")
    return "\n".join(out)


def observations(rs: RunSet) -> str:
    if not rs.targets:
        return '<p class="note">The scenario declares no targets or observations inside its dates.</p>'
    rows = []
    for t in rs.targets:
        sim = ci_label(t.simulated, *t.ci, signed=False) if t.ci else fmt(t.simulated)
        err = 100 * (t.simulated - t.observed) / t.observed if t.observed else np.nan
        tol = f"±{t.tolerance_pct:g}%" if t.tolerance_pct else "-"
        rows.append((t.metric, period_label(t.start, t.end), t.units, fmt(t.observed), sim, number(err, 1) + "%", tol, t.inside, t.source))
    simulated = "simulated, mean [95% CI]" if any(t.ci for t in rs.targets) else "simulated"
    return H.table(["metric", "period", "units", "observed", simulated, "error", "tolerance", "inside", "source"],
                   rows, numeric=(3, 4, 5), row_class=lambda r: "bad" if r[7] == "no" else "")


def bottlenecks(g, rs: RunSet) -> str:
    out = []
    if rs.bottlenecks:
        out.append(H.table(["resource", "why it is a bottleneck"], rs.bottlenecks))
    elif attr(g, "binding_constraint"):
        binding = "binds" if attr(g, "binding_constraint_is_binding") else "does not bind by the bottleneck rule"
        out.append(f"<p>Binding constraint: <b>{H.esc(attr(g, 'binding_constraint'))}</b>, mean utilisation "
                   f"{100 * float(attr(g, 'binding_constraint_utilisation')):.1f}% ({binding}).</p>")
    else:
        out.append('<p class="note">No resource is above 85% utilisation or has a growing queue.</p>')
    busy = sorted((r for r in rs.resources if r.kind != "sea_area"), key=lambda r: -r.utilisation)[:10]
    rows = [(r.name, r.kind, f"{100 * r.utilisation:.1f}%",
             f"{100 * r.utilisation_ci[0]:.1f}–{100 * r.utilisation_ci[1]:.1f}%" if r.utilisation_ci else "-") for r in busy]
    out.append("<p>The ten busiest resources (sea areas excluded):</p>")
    out.append(H.table(["resource", "kind", "mean utilisation", "95% CI"], rows, numeric=(2, 3),
                       row_class=lambda r: "bad" if float(r[2][:-1]) > 100 * BOTTLENECK else ""))
    return "\n".join(out)


def metrics(rs: RunSet) -> str:
    rows = []
    for m in rs.metrics.values():
        total = ci_label(m.total_mean, *m.total_ci, signed=False) if m.total_ci else fmt(m.total_mean)
        rows.append((m.name, m.units, total, m.description))
    with_ci = any(m.total_ci for m in rs.metrics.values())
    what = f", mean over {rs.replications} replications [95% CI]" if with_ci else " (a single run: no CI)"
    return H.table(["metric", "units", f"total after the warm-up{what}", "description"], rows, numeric=(2,))


def transit(rs: RunSet) -> str:
    rows = []
    for t in rs.transit.values():
        if t.days is not None:
            if t.days.size:
                p50, p95 = np.percentile(t.days, [50, 95])
                rows.append((t.source, f"{t.days.size:,}", fmt(float(np.mean(t.days))), fmt(p50), fmt(p95)))
        elif t.per_run:
            n = t.monthly.get("n")
            count = fmt(float(np.nansum(n)) / max(rs.replications, 1)) if n is not None else "-"
            rows.append((t.source, count, *(fmt(float(nanmean(t.per_run[k]))) if k in t.per_run else "-"
                                          for k in ("mean", "p50", "p95"))))
    if not rows:
        return '<p class="note">No consignment was delivered after the warm-up.</p>'
    each = "" if rs.replications <= 1 else f", mean over {rs.replications} replications"
    return H.table(["service or flow", "delivered" + (" per replication" if each else ""), f"mean (d{each})",
                    "p50 (d)", "p95 (d)"], rows, numeric=(1, 2, 3, 4))


def runset_sections(g, rs, kind) -> list:
    return [("Scenario and provenance", provenance(g, kind)), ("Observations against the model", observations(rs)),
            ("Bottlenecks", bottlenecks(g, rs)), ("Metrics", metrics(rs)), ("Transit times", transit(rs))]


def single_sections(f, kind):
    return runset_sections(f, read_runset(f, scenario_label(f)), kind)


def comparison_sections(f, kind):
    labels = scenario_labels(f)
    base = attr(f, "base") or labels[0]
    groups = [f["scenarios"][label] for label in labels]
    files = [attr(g, "scenario_file", label) for g, label in zip(groups, labels)]
    words = ["caspian", "compare", *files, "-n", str(int(attr(groups[0], "replications", 1)))]
    out = [("Comparison", H.definition([("base", base), ("alternatives", ", ".join(labels[1:])),
                                         ("result format", attr(f, "format")),
                                         ("command (rebuilt from the file)", " ".join(shlex.quote(w) for w in words))]))]
    for alt, diffs in comparison_differences(f, []).items():
        rows = []
        for d in diffs:
            value = ci_label(d.mean, d.low, d.high)
            rows.append((d.name, d.units, value.split(" [")[0], value.split(" [")[1].rstrip("]") if " [" in value else "-",
                         number(100 * d.mean / abs(d.base_mean), 1) + "%" if d.base_mean else "-", "yes" if d.significant else "no"))
        out.append((f"Paired differences: {alt} − {base}",
                    "<p>Alternative minus base, replication by replication (common random numbers); significant "
                    "when the 95% CI excludes 0 at the precision written.</p>" +
                    H.table(["metric", "units", "difference", "95% CI", "of base", "significant"], rows,
                            numeric=(2, 3, 4), row_class=lambda r: "sig" if r[5] == "yes" else "")))
    for label in labels:
        g = f["scenarios"][label]
        for title, body in runset_sections(g, read_runset(g, label), "replications"):
            out.append((f"{label}: {title}", body))
    return out


def sweep_sections(f, kind):
    keys, values, runsets = sweep_points(f)
    names = list(dict.fromkeys(m for rs in runsets for m in rs.metrics))
    rows = []
    for i, rs in enumerate(runsets):
        cells = [str(i)] + [v[i] for v in values]
        for n in names:
            m = rs.metrics.get(n)
            cells.append(ci_label(m.total_mean, *m.total_ci, signed=False) if m and m.total_ci else fmt(m.total_mean) if m else "-")
        rows.append(cells + [rs.attrs.get("binding_constraint") or "-"])
    units = [next((rs.metrics[n].units for rs in runsets if n in rs.metrics), "") for n in names]
    header = ["point"] + keys + [f"{n} ({u}) [95% CI]" for n, u in zip(names, units)] + ["binding constraint"]
    first = f["points"][sorted(f["points"], key=lambda k: int(k) if k.isdigit() else k)[0]]
    grid = [a for k, v in zip(keys, values) for a in ("--grid", f"{k}={','.join(dict.fromkeys(v))}")]
    return [("Scenario and provenance", provenance(first, "sweep", grid, len(keys), f)),
            ("Sweep results", "<p>Run totals after the warm-up at every grid point: mean over replications "
             "[95% CI].</p>" + H.table(header, rows, numeric=tuple(range(1 + len(keys), 1 + len(keys) + len(names)))))]


def sensitivity_sections(f, kind):
    p = f["parameters"]
    params = strings(p["parameter"])
    rows = list(zip(params, strings(p["unit"]), *(map(fmt, p[k][()]) for k in ("low", "base", "high"))))
    extra = ["--method", attr(f, "method", "")] + [a for n, lo, hi in zip(params, p["low"][()], p["high"][()])
                                                   for a in ("--param", f"{n}={lo:g}..{hi:g}")]
    out = [("Scenario and provenance", provenance(f, "sensitivity", extra)),
           ("Parameters", H.table(["parameter", "unit", "low", "scenario", "high"], rows, numeric=(2, 3, 4)))]
    for name in f["metrics"]:
        g = f["metrics"][name]
        if attr(f, "method") == "oat":
            body = H.table(["parameter", f"at low ({attr(g, 'units', '')})", "at high"],
                           zip(strings(g["parameter"]), map(fmt, g["low"][()]), map(fmt, g["high"][()])), numeric=(1, 2))
        else:
            body = H.table(["parameter", "mu* [95% CI]"], [(n, ci_label(e, lo, hi, signed=False)) for n, e, lo, hi in zip(
                strings(g["parameter"]), g["effect"][()], g["effect_ci_low"][()], g["effect_ci_high"][()])], numeric=(1,))
        out.append((f"Sensitivity of {name}", body))
    return out


TOTALS = {"total_teu": "TEU delivered after the warm-up (all services)", "total_tonnes": "tonnes delivered after the warm-up",
          "total_usd": "tariffs paid on them", "total_co2": "CO2 emitted for them"}


def cost_table(c, label=None) -> str:
    """Per service or flow and quantity: mean with its 95% CI over replications, p50 and p95."""
    rows = []
    for i, source in enumerate(c.sources):
        for name in QUANTITIES:
            q = c.quantities.get(name)
            if q is None or not np.isfinite(q.value[i]):
                continue
            ci = (q.low[i], q.high[i]) if q.low is not None else (None, None)
            rows.append((source, TITLES[name].split(" (")[0], q.units, cost_label(q.value[i], *ci),
                         cost_label(q.p50[i]) if q.p50 is not None else "-", cost_label(q.p95[i]) if q.p95 is not None else "-"))
    if not rows:
        return '<p class="note">No consignment with costs was delivered after the warm-up.</p>'
    many = c.replications > 1
    mean = f"mean over {c.replications} replications [95% CI]" if many else "mean over consignments"
    over = " (mean over replications)" if many else " over consignments"
    out = [H.table(["service or flow", "quantity", "units", mean, "p50" + over, "p95" + over], rows, numeric=(3, 4, 5))]
    totals = [(TOTALS[k], f"{fmt(float(np.nansum(v)))} {u}") for k, (v, u) in c.totals.items()
              if k in TOTALS and np.nansum(v) != 0]
    vot = [(f"value of time ({u})", fmt(float(c.attrs[k]))) for k, u in (("value_of_time_usd_per_teu_day", "USD/TEU/d"),
           ("value_of_time_usd_per_t_day", "USD/t/d")) if c.attrs.get(k) is not None and float(c.attrs[k]) > 0]
    if totals or vot:
        out.append(H.definition(totals + vot))
    head = f"<h3>{H.esc(label)}</h3>" if label else ""
    return head + "\n".join(out)


def effectiveness_table(f) -> str:
    rows = []
    for r in read_effectiveness(f):
        extra = [cost_label(*r.extra[u], units=f"{u}/yr") if u in r.extra else "-" for u in ("TEU", "t")]
        per = [cost_label(*r.per_extra[u], units=f"USD per extra {u}") if u in r.per_extra and np.isfinite(r.per_extra[u][0])
               else "n/a (extra not above 0 at 95%)" for u in ("TEU", "t")]
        rows.append((r.alternative, f"{fmt(r.annualised)} USD/yr", *extra, *per))
    if not rows:
        return ""
    return ("<h3>Cost-effectiveness of priced expansions</h3><p>Annualised cost = capital / lifetime + operating "
            "(straight line, no discounting), over the extra carried a year after the warm-up (paired mean "
            "[95% CI]); the cost per extra unit's CI is the annualised cost over the extra's CI bounds.</p>" +
            H.table(["alternative", "annualised cost", "extra TEU a year", "extra tonnes a year", "cost per extra TEU",
                     "cost per extra tonne"], rows, numeric=(1, 2, 3, 4, 5)))


def cost_changes(f, labels, base) -> str:
    """The paired change (alternative − base) of each service's mean cost, CO2 and generalized cost."""
    costs = {label: read_costs(f["scenarios"][label]) for label in labels}
    out = []
    for label in labels:
        if label == base or not costs.get(base) or not costs[label]:
            continue
        rows = [(d.name.split(":", 1)[1], TITLES[d.name.split(":")[0]].split(" (")[0], d.units,
                 cost_label(d.mean, d.low, d.high, signed=True),
                 f"{number(100 * d.mean / abs(d.base_mean), 1)}%" if d.base_mean else "-",
                 "yes" if d.significant else "no") for d in generalized_differences(costs[base], costs[label])]
        if rows:
            out.append(f"<h3>Change in cost per service: {H.esc(label)} − {H.esc(base)}</h3>"
                       "<p>Each replication's mean over its consignments, alternative minus base, paired by "
                       "replication (common random numbers); 95% t CI.</p>" +
                       H.table(["service or flow", "quantity", "units", "difference [95% CI]", "of base", "significant"],
                               rows, numeric=(3, 4), row_class=lambda r: "sig" if r[5] == "yes" else ""))
    return "\n".join(out)


def cost_section(f, kind) -> str:
    """The "Cost and CO2" tables of a file with /costs (every scenario of a comparison, every point of
    a sweep); '' without."""
    if kind == "comparison":
        labels = scenario_labels(f)
        base = attr(f, "base") or labels[0]
        parts = [effectiveness_table(f), cost_changes(f, labels, base)]
        parts += [cost_table(c, f"{label}: per service or flow") for label in labels
                  for c in [read_costs(f["scenarios"][label])] if c]
    elif kind in ("results", "replications"):
        c = read_costs(f)
        parts = [cost_table(c)] if c else []
    elif kind == "sweep":
        keys, values, _ = sweep_points(f)
        names = sorted(f["points"], key=lambda k: int(k) if k.isdigit() else k)
        parts = [cost_table(c, f"point {n}: " + ", ".join(f"{k} = {v[i]}" for k, v in zip(keys, values)))
                 for i, n in enumerate(names) for c in [read_costs(f["points"][n])] if c]
    else:
        parts = []
    parts = [p for p in parts if p]
    if not parts:
        return ""
    basis = ('<p class="note">Tariffs in USD of the scenario\'s price year, CO2 in kg, of the consignments '
             "delivered after the warm-up; generalized cost = tariffs + value of time × transit time "
             "(docs/costs.md).</p>")
    return basis + "\n".join(parts)


def is_cost_figure(path) -> bool:
    name = os.path.basename(path)
    return name.startswith("cost_") or "_cost_" in name


SECTIONS = {"results": single_sections, "replications": single_sections, "comparison": comparison_sections,
            "sweep": sweep_sections, "sensitivity": sensitivity_sections}


def build(path) -> str:
    """The HTML page for the result file PATH."""
    f, fmt_name = open_result(path)
    kind = fmt_name.split("/")[0].replace("caspian-", "")
    with f:
        labels = scenario_labels(f) if "scenarios" in f else []
        title = " vs ".join(labels) if labels else attr(f, "scenario_name")
        if "points" in f and len(f["points"]):
            title = attr(f["points"][sorted(f["points"])[0]], "scenario_name")
        sections = SECTIONS[kind](f, kind)
        costs = cost_section(f, kind)
    with tempfile.TemporaryDirectory(prefix="caspian-report-") as tmp:
        paths = plot_file(path, tmp)
        figure = (lambda p: H.image(p, os.path.splitext(os.path.basename(p))[0]))  # noqa: E731
        figures = [figure(p) for p in paths if not is_cost_figure(p)]
        cost_figures = [figure(p) for p in paths if is_cost_figure(p)]
    if costs:
        sections.append(("Cost and CO2", costs + "\n".join(cost_figures)))
    what = {"results": "single run", "replications": "replications"}.get(kind, kind)
    title = f"caspian {what}: {title or os.path.basename(path)}"
    body = [f"<h1>{H.esc(title)}</h1>",
            f'<p class="note">From <code>{H.esc(os.path.basename(path))}</code> ({H.esc(fmt_name)}). '
            "Every figure and table below is read from that file.</p>"]
    body += [f"<h2>{H.esc(t)}</h2>\n{b}" for t, b in sections]
    body += ["<h2>Charts</h2>"] + figures
    return H.page(title, "\n".join(body))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="report", description="One self-contained HTML page for a caspian result file.")
    parser.add_argument("result", help="result file written by caspian run/compare/sweep/sensitivity")
    parser.add_argument("-o", "--output", help="the HTML file (default: <result stem>.html next to the file)")
    args = parser.parse_args(argv)
    out = args.output or os.path.splitext(args.result)[0] + ".html"
    try:
        page = build(args.result)
    except PlotError as e:
        print(f"report: {e}", file=sys.stderr)
        return 2
    except (KeyError, OSError) as e:
        print(f"report: {args.result}: cannot read the expected layout ({e})", file=sys.stderr)
        return 2
    tmp = out + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(page)
    os.replace(tmp, out)
    print(out)
    return 0
