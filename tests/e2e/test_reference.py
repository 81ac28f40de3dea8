"""scenarios/reference.yaml documents every key the loader accepts, and is itself a valid scenario.

The lists of keys, stage types, distributions, departure policies, metric counts/events and units are
read from the C++ sources with simple regular expressions, so a key added to the parser without being
documented in reference.yaml makes this test fail. The scenario must validate and run quickly.
"""
import os
import re
import time

import h5py
from common import SRC, caspian, expect, scenario, tmpdir

REFERENCE = scenario("reference.yaml")


def source(rel):
    with open(os.path.join(SRC, rel), encoding="utf-8") as f:
        return f.read()


def quoted(text):
    return re.findall(r'"([A-Za-z_]+)"', text)


parse_scenario = source("models/scenario/parse_scenario.cpp")
parse_stage = source("models/scenario/parse_stage.cpp")
parse_source = source("models/scenario/parse_source.cpp")
reader = source("sim/config/reader.cpp")
units = source("sim/core/units.cpp")
observe = source("sim/record/observe.cpp")
doc = source("sim/config/doc.cpp")
parsers = parse_scenario + parse_stage + parse_source + reader

# --- What the parser accepts ---------------------------------------------------------------------
# Keys: r.optional("k") / r.required("k") on any MapReader, each_item(r, "k", ...), distribution
# parameters param("k"), the handling-time key of terminal/border, and the key lists given to
# parse_changes (changeable keys) and parse_schedule (schedule forms).
keys = set(re.findall(r'\.(?:optional|required)\("([a-z_]+)"\)', parsers))
keys |= set(re.findall(r'each_item\(\s*\w+,\s*"([a-z_]+)"', parsers))
keys |= set(re.findall(r'\bparam\("([a-z_]+)"\)', parsers))
keys |= set(re.findall(r'parse_handling\(\s*\w+,\s*\w+,\s*"([a-z_]+)"\)', parsers))
for braces in re.findall(r'parse_changes\([^{;]*\{([^}]*)\}', parsers):
    keys |= set(quoted(braces))
for braces in re.findall(r'std::vector<std::string>\s*\{([^}]*)\}', parse_source):
    keys |= set(quoted(braces))

# Top-level keys: those read from the root MapReader `r` inside parse_scenario().
body = parse_scenario[parse_scenario.index("Scenario parse_scenario("):]
body = body[: body.index("\n}\n")]
top_level = set(re.findall(r'\br\.(?:optional|required)\("([a-z_]+)"\)', body))
top_level |= set(re.findall(r'each_item\(\s*r,\s*"([a-z_]+)"', body))

registry = parse_stage[parse_stage.index("registry()"):]
stage_types = set(re.findall(r'\{"([a-z_]+)",\s*(?:parse_|\[)', registry[: registry.index("};")]))
dist_kinds = set(re.findall(r'kind == "([a-z_]+)"', reader))
policies = set(re.findall(r'policy == "([a-z_]+)"', parse_stage))


def names_returned(function):
    start = observe.index(function)
    return set(re.findall(r'return "([a-z_]+)";', observe[start: observe.index("\n}\n", start)]))


counts = names_returned("const char* measure_name(")
events = names_returned("const char* event_kind_name(")
cargo_classes = set(quoted(re.search(r"kCargoClasses\s*=\s*\{([^}]*)\}", parse_scenario).group(1)))
unit_names = set(re.findall(r'\{"([A-Za-z]+)",\s*\{Base::', units)) | set(re.findall(r'unit == "([A-Za-z]+)"', units))

# Sanity: the regexes still find what they should (guards against a refactoring that empties them).
expect({"name", "start", "end", "horizon", "stages", "metrics"} <= top_level, f"top-level keys found: {sorted(top_level)}")
expect(len(stage_types) >= 6 and "pipeline" in stage_types, f"stage types found: {sorted(stage_types)}")
expect({"capacity", "servers", "fleet", "every", "arrivals", "nomination", "handling_time", "value", "mode"} <= keys,
       f"keys found: {sorted(keys)}")
expect(len(dist_kinds) >= 7 and {"when_full", "slots"} <= policies, f"{dist_kinds} {policies}")
expect(len(counts) >= 6 and len(events) >= 6 and len(cargo_classes) >= 4, f"{counts} {events} {cargo_classes}")
expect({"mo", "yr", "TEU", "Mbbl", "kn"} <= unit_names, f"units found: {sorted(unit_names)}")
expect('"extends"' in doc and '"remove"' in doc, "extends/remove in sim/doc.cpp")

# --- What reference.yaml contains -----------------------------------------------------------------
with open(REFERENCE, encoding="utf-8") as f:
    lines = f.read().splitlines()
code = "\n".join(line.split("#", 1)[0] for line in lines)  # the scenario itself, comments removed
comments = "\n".join(line.split("#", 1)[1] for line in lines if "#" in line)
used_keys = set(re.findall(r"(?:^|[\s{,\-])([a-z_]+):", code, re.M))
used_top = set(re.findall(r"^([a-z_]+):", code, re.M))
commented_keys = set(re.findall(r"(?:^|[\s{,])([a-z_]+):", comments, re.M))


def values_of(key):
    return set(re.findall(rf"\b{key}:\s*([a-z_]+)", code)) | {
        v for group in re.findall(rf"\b{key}:\s*\[([^\]]*)\]", code) for v in re.findall(r"[a-z_]+", group)}


# `end` and `horizon` exclude each other: the reference uses `end` and documents `horizon` in a comment.
exclusive = {"horizon"}
missing = sorted(k for k in keys - exclusive if k not in used_keys)
expect(not missing, f"keys accepted by the parser but not used in reference.yaml: {missing}")
missing = sorted(k for k in top_level - exclusive if k not in used_top)
expect(not missing, f"top-level keys not used at the top level of reference.yaml: {missing}")
missing = sorted(k for k in (exclusive | {"extends", "remove"}) if k not in commented_keys | used_keys)
expect(not missing, f"keys not documented (even in a comment) in reference.yaml: {missing}")
for what, accepted, key in (("stage types", stage_types, "type"), ("distributions", dist_kinds, "dist"),
                            ("departure policies", policies, "departure"), ("metric counts", counts, "count"),
                            ("metric events", events, "event"), ("cargo classes", cargo_classes, "class")):
    missing = sorted(accepted - values_of(key))
    expect(not missing, f"{what} not used in reference.yaml (as `{key}: ...`): {missing}")
for key in ("at", "class", "source"):  # metric filters, both as one name and as a list
    expect(re.search(rf"^\s+{key}: \[", code, re.M) and re.search(rf"^\s+{key}: [a-z]", code, re.M),
           f"`{key}:` filters given both as one name and as a list")
expect(re.search(r"dist: empirical, values: \[[^\]]*\]\s*\}", code) and re.search(r"dist: empirical.*weights:", code),
       "empirical distributions with and without weights")
text = "\n".join(lines)
missing = sorted(u for u in unit_names if not re.search(rf"(?<![A-Za-z]){re.escape(u)}(?![A-Za-z])", text))
expect(not missing, f"units accepted by sim/units.cpp but not documented in reference.yaml: {missing}")

# --- It is valid and runs quickly ------------------------------------------------------------------
_, out, _ = caspian("validate", REFERENCE)
expect(out.startswith("ok:"), f"validate: {out}")
h5 = os.path.join(tmpdir(), "reference.h5")
t0 = time.monotonic()
caspian("run", REFERENCE, "-o", h5)
elapsed = time.monotonic() - t0
expect(elapsed < 5, f"reference.yaml should run in well under a second, took {elapsed:.2f} s")
with h5py.File(h5, "r") as f:
    expect(f.attrs["format"] == "caspian-results/1", "single-run format attribute")
    expect(len(f["calendar/month"]) <= 3, "a short run (at most 3 months)")
    kinds = {f["resources"][r].attrs["kind"] for r in f["resources"]}
    expect(stage_types <= kinds, f"every stage type runs: {sorted(stage_types - kinds)} missing")
    metric_counts = {f["metrics"][m].attrs["count"] for m in f["metrics"]}
    metric_events = {f["metrics"][m].attrs["event"] for m in f["metrics"]}
    expect(metric_counts == counts and metric_events == events, f"{metric_counts} {metric_events}")
    for m in f["metrics"]:
        expect(f["metrics"][m][:].sum() > 0, f"metric {m} counts something")
print("ok")
