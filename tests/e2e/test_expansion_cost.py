"""An overlay's `expansions:` price list: parsed with its units, carried through extends, refused with
the file, line and key when wrong."""
import json
import os

from common import caspian, expect, scenario, tmpdir

d = tmpdir()


def overlay(name, body, extends=None):
    path = os.path.join(d, name)
    with open(path, "w") as f:
        f.write(f"extends: {extends or scenario('kazakh_oil_2027.yaml')}\nname: test overlay\n" + body)
    return path


first = overlay("a.yaml", """expansions:
  - {name: ships, capital_cost: 120 M USD, operating_cost: 6 M USD/yr, price_year: 2025, assumed: test}
""")
second = overlay("b.yaml", """expansions:
  - {name: berth, capital_cost: 1.5 bn USD, lifetime: 40yr, price_year: 2024, source: a citation}
""", extends=first)
_, out, _ = caspian("describe", second, "--json")
got = {x["name"]: x for x in json.loads(out)["expansions"]}
expect(set(got) == {"ships", "berth"}, f"a chain of overlays carries every expansion: {sorted(got)}")
expect(got["ships"]["capital_cost"] == 120e6 and abs(got["ships"]["operating_cost"] - 6e6) < 1e-6, f"money in USD: {got['ships']}")
expect(got["ships"]["lifetime_years"] == 25 and got["berth"]["lifetime_years"] == 40, "lifetime default 25 yr, or as given")
expect(got["ships"]["source"] == "assumed: test" and got["berth"]["price_year"] == 2024, f"provenance kept: {got}")
_, text, _ = caspian("describe", second)
expect("ships: capital 120.0 M USD, operating 6.00 M USD/yr" in text, f"describe lists the expansions:\n{text}")

bad = {
    "120 EUR": ("capital_cost: 120 EUR", "expansions[ships].capital_cost"),
    "yearly capital": ("capital_cost: 6 M USD/yr", "expansions[ships].capital_cost"),
    "no provenance": ("capital_cost: 1 M USD", "expansions[ships].source"),
}
for what, (field, key) in bad.items():
    extra = "" if what == "no provenance" else ", assumed: x"
    path = overlay("bad.yaml", f"expansions:\n  - {{name: ships, {field}, price_year: 2025{extra}}}\n")
    code, _, err = caspian("validate", path, check=False)
    expect(code == 3 and key in err and "bad.yaml:" in err, f"{what}: exit 3 naming {key} and the file, got {code}: {err}")
print("ok")
