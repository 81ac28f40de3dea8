"""Fingerprints: every shipped scenario's event stream, hashed (as OMNeT++ fingerprints do).

A single run of each scenario (its own seed) must give the fingerprint recorded in
tests/fingerprints/shipped.txt. Any change of behaviour changes a fingerprint: a change that moves
results on purpose updates the file in the same commit and says why in the commit message:

    CASPIAN=build/tools/caspian /usr/bin/python3 tests/e2e/test_fingerprints.py --update

A new scenario fails here until its fingerprint is recorded.
"""
import glob
import json
import os
import sys
from common import SRC, caspian, expect, tmpdir

RECORD = os.path.join(SRC, "tests", "fingerprints", "shipped.txt")


def shipped():
    """Every runnable scenario under scenarios/ (base/ holds fragments, observations/ published figures)."""
    paths = glob.glob(os.path.join(SRC, "scenarios", "**", "*.yaml"), recursive=True)
    return sorted(os.path.relpath(p, SRC) for p in paths if "/base/" not in p and "/observations/" not in p)


def measure(rel, d):
    out = os.path.join(d, os.path.basename(rel) + ".h5")
    _, stdout, _ = caspian("run", os.path.join(SRC, rel), "-o", out, "--summary", "json")
    s = json.loads(stdout)
    os.remove(out)
    return s["fingerprint"], s["events"]


def read_record():
    rec = {}
    with open(RECORD) as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                rel, fp, events = line.split()
                rec[rel] = (fp, int(events))
    return rec


d = tmpdir()
now = {rel: measure(rel, d) for rel in shipped()}
if "--update" in sys.argv:
    with open(RECORD, "w") as f:
        f.write("# scenario  fingerprint  events   (tests/e2e/test_fingerprints.py --update rewrites this file)\n")
        for rel, (fp, ev) in now.items():
            f.write(f"{rel} {fp} {ev}\n")
    print(f"updated {RECORD}")
    sys.exit(0)
rec = read_record()
changed = [f"{rel}: {rec[rel][0]} ({rec[rel][1]} events) -> {fp} ({ev} events)" for rel, (fp, ev) in now.items()
           if rel in rec and rec[rel] != (fp, ev)]
new = [rel for rel in now if rel not in rec]
gone = [rel for rel in rec if rel not in now]
expect(not changed, "behaviour changed (if on purpose: --update and say why in the commit):\n  " + "\n  ".join(changed))
expect(not new, f"scenarios without a recorded fingerprint (run with --update): {new}")
expect(not gone, f"recorded scenarios that no longer exist: {gone}")
print(f"ok: {len(now)} fingerprints")
