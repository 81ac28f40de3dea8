"""tools/expansion-path on a tiny deterministic case worked out by hand: one train a day into a terminal
that handles one per 2 days. Faster cranes (1 M USD/yr) and a second terminal (10 M USD/yr) each let
every train through; a faster line (0.1 M USD/yr) changes nothing. The cheapest path to 85 trains is
the cranes alone: the greedy path takes them first and stops; the exhaustive search agrees; the line,
cheapest of all, is never taken because it adds nothing."""
import json
import os
import subprocess

from common import CASPIAN, SRC, expect, tmpdir

d = tmpdir()
base = os.path.join(d, "base.yaml")
with open(base, "w") as f:
    f.write("""name: tiny terminal
start: 2025-01-01
end: 2025-03-31
seed: 1
stages:
  - {name: line, type: rail_section, running_time: 1h, capacity: 10 trains/d}
  - {name: terminal, type: terminal, servers: 1, handling_time: 2d}
services:
  - {name: shuttle, class: transit, route: [line, terminal], every: 1d, teu: 100 TEU}
metrics:
  - {name: trains, count: trains, event: depart, at: terminal}
""")


def overlay(name, body, price):
    p = os.path.join(d, name + ".yaml")
    with open(p, "w") as f:
        f.write(f"extends: base.yaml\nname: {name}\n{body}\nexpansions:\n  - {{name: {name}, {price}, price_year: 2025, assumed: test}}\n")
    return p


cranes = overlay("cranes", "stages:\n  - {name: terminal, handling_time: 1d}", "capital_cost: 10 M USD, lifetime: 10yr")
second = overlay("second", "stages:\n  - {name: terminal, servers: 2}", "capital_cost: 100 M USD, lifetime: 10yr")
line = overlay("line", "stages:\n  - {name: line, running_time: 30min}", "capital_cost: 1 M USD, lifetime: 10yr")
tool = os.path.join(SRC, "tools", "expansion-path")


def path(*extra):
    p = subprocess.run(["/usr/bin/python3", tool, base, second, line, cranes, "--metric", "trains", "--target", "85", "-n", "3",
                        "-j", "2", "--json", "--caspian", CASPIAN, *extra], capture_output=True, text=True)
    expect(p.returncode == 0, f"expansion-path exited {p.returncode}: {p.stderr}")
    return json.loads(p.stdout)


g = path()
expect(g["path"] == ["cranes"] and g["reached"], f"greedy: the cranes alone reach 85 trains: {g['path']} {g['final']}")
s = g["steps"][0]
# 90 days: 45 trains through the slow terminal, every train but the last day's with the cranes (89).
expect(abs(s["added"]["mean"] - 44) <= 1 and s["yearly_cost_usd"] == 1e6, f"what the cranes add and cost: {s}")
expect(g["costs"]["second"]["yearly"] == 10e6 and g["costs"]["line"]["yearly"] == 1e5, f"prices: {g['costs']}")
e = path("--exhaustive")
expect(e["cheapest"]["overlays"] == ["cranes"] and len(e["subsets"]) == 7, f"exhaustive: {e['cheapest']}")
line_only = [t for t in e["subsets"] if t["overlays"] == ["line"]][0]
expect(line_only["added"]["mean"] == 0, f"the line adds nothing: {line_only}")
print("ok")
