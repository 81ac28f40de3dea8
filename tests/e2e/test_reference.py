"""scenarios/reference.yaml documents every key the loader accepts, and is itself a valid scenario.

What the loader accepts comes from the binary itself (`caspian describe --json`, drawn from the
stage-type registry and the documented sections that the parsers are held to), not from the C++
sources: a key added to a parser must be documented there (or the parser fails the first time it
runs), and once documented it must be used in reference.yaml, or this test fails.
"""
import json
import os
import re
import time

import h5py
import yaml
from common import caspian, expect, scenario, tmpdir

REFERENCE = scenario("reference.yaml")
_, out, _ = caspian("describe", "--json")
d = json.loads(out)
expect(d["format"] == "caspian-describe/1" and d["command"] == "describe", "describe --json says what it is")
types = {t["name"]: {k["key"] for k in t["keys"]} for t in d["stage_types"]}
common = {k["key"] for k in d["stage_common_keys"]}
# Deprecated keys (old names still read with a warning) are not shown in reference.yaml.
sections = {s["name"]: {k["key"] for k in s["keys"] if k["presence"] != "deprecated"} for s in d["sections"]}
values = d["values"]
expect(len(types) >= 6 and "pipeline" in types and {"fleet", "capacity"} <= types["vessel_line"], f"stage types: {sorted(types)}")
expect({"scenario", "weather", "services", "flows", "shippers", "metrics", "targets"} <= set(sections), f"sections: {sorted(sections)}")

with open(REFERENCE, encoding="utf-8") as f:
    text = f.read()
ref = yaml.safe_load(text)
comments = "\n".join(line.split("#", 1)[1] for line in text.splitlines() if "#" in line)

# Keys given only in comments: `horizon` excludes `end`, `extends` and `remove` belong to overlays.
in_comments = {"horizon"}
problems = []


def check(used, documented, where):
    for k in sorted(documented - used - in_comments):
        problems.append(f"{where}: documented key `{k}` not used in reference.yaml")
    for k in sorted(used - documented):
        problems.append(f"{where}: reference.yaml uses `{k}`, which `caspian describe` does not document")


check(set(ref), sections["scenario"], "top level")
for section in ("weather", "berth_pools", "services", "flows", "shippers", "metrics", "targets"):
    used = set().union(*(set(item) for item in ref.get(section, []))) if ref.get(section) else set()
    check(used, sections[section], section)
# source and assumed exclude each other: the one not used must be shown in a comment
basis_used = set(ref["cost_basis"]) | ({"source"} if re.search(r"#\s+source:", text) else set())
check(basis_used, sections["cost_basis"], "cost_basis")
check(set().union(*(set(st["costs"]) for st in ref["stages"] if "costs" in st)), sections["costs"], "stages' costs")
for name, keys in types.items():
    stages = [s for s in ref["stages"] if s["type"] == name]
    expect(stages, f"reference.yaml has no stage of type {name}")
    check(set().union(*(set(s) for s in stages)), keys | common, f"stages of type {name}")
for k in sorted(in_comments | {"extends", "remove"}):
    if not re.search(rf"(^|\s){k}:", comments, re.M):
        problems.append(f"`{k}` is not documented even in a comment")


def values_of(key):
    return set(re.findall(rf"\b{key}:\s*([a-z_]+)", text)) | {
        v for group in re.findall(rf"\b{key}:\s*\[([^\]]*)\]", text) for v in re.findall(r"[a-z_]+", group)}


for what, key in (("distributions", "dist"), ("departure", "departure"), ("counts", "count"), ("events", "event"),
                  ("classes", "class")):
    missing = sorted(set(values[what]) - values_of(key))
    if missing:
        problems.append(f"{what} not used in reference.yaml (as `{key}: ...`): {missing}")
missing = sorted(u for u in values["units"] if not re.search(rf"(?<![A-Za-z]){re.escape(u)}(?![A-Za-z])", text))
if missing:
    problems.append(f"units not documented in reference.yaml: {missing}")
for key in ("at", "class", "cargo_of"):  # metric filters, both as one name and as a list
    forms = {type(m[key]) for m in ref["metrics"] if key in m}
    if forms != {str, list}:
        problems.append(f"metric filter `{key}` should be shown both as one name and as a list")
expect(not problems, "reference.yaml and `caspian describe` disagree:\n  " + "\n  ".join(problems))

# --- It is valid and runs quickly ------------------------------------------------------------------
_, out, _ = caspian("validate", REFERENCE)
expect(out.startswith("ok:"), f"validate: {out}")
h5 = os.path.join(tmpdir(), "reference.h5")
t0 = time.monotonic()
caspian("run", REFERENCE, "-o", h5)
elapsed = time.monotonic() - t0
expect(elapsed < 10, f"reference.yaml should run in well under a second, took {elapsed:.2f} s")
with h5py.File(h5, "r") as f:
    expect(len(f["calendar/month"]) <= 3, "a short run (at most 3 months)")
    metrics = [m for m in f["metrics"] if "CLASS" not in f["metrics"][m].attrs]  # not the dimension scales
    kinds = {f["resources"][r].attrs["kind"] for r in f["resources"]}
    expect(set(types) <= kinds, f"every stage type runs: {sorted(set(types) - kinds)} missing")
    expect({f["metrics"][m].attrs["count"] for m in metrics} == set(values["counts"]), "every count is used")
    expect({f["metrics"][m].attrs["event"] for m in metrics} == set(values["events"]), "every event is used")
    for m in metrics:
        expect(f["metrics"][m][:].sum() > 0, f"metric {m} counts something")

# `describe SCENARIO` names what the scenario holds.
_, out, _ = caspian("describe", REFERENCE, "--json")
s = json.loads(out)
expect([x["name"] for x in s["stages"]] == [x["name"] for x in ref["stages"]], "describe lists the stages in order")
expect(all(x["summary"] for x in s["stages"]), "every stage has a one-line summary")
names = {x["name"] for x in s["sources"]}
expect(names == {x["name"] for k in ("services", "flows", "shippers") for x in ref.get(k, [])}, f"sources: {names}")
_, out, _ = caspian("describe", REFERENCE)
expect(all(len(line) <= 120 for line in out.splitlines()), "describe's text stays within 120 columns")
_, out, _ = caspian("describe")
expect(all(len(line) <= 120 for line in out.splitlines()) and "vessel_line" in out, "describe (keys) within 120 columns")
print("ok")
