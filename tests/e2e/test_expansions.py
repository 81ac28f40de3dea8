"""The expansion library: every overlay validates, changes something (its fingerprint differs from its
base's), and runs against the 2027 base, and, applied onto
2025 with --overlays, too; relieving the binding constraint (Kuryk ferry loading) carries
significantly more, and the Zangezur route changes China-Europe transit times."""
import glob
import json
import os
from common import scenario, caspian, tmpdir, expect, SRC

d = tmpdir()
overlays = sorted(glob.glob(os.path.join(SRC, "scenarios", "expansions", "*.yaml")))
expect(len(overlays) >= 7, f"the expansion library: {overlays}")
# Every overlay changes something: its recorded fingerprint (tests/fingerprints/shipped.txt, checked by
# test_fingerprints) differs from its base's. (aktau_hub_240k and kmtf_new_ships became no-ops when the
# 2025 file took the hub to 240,000 TEU/yr and the 2027 base took KMTF's ships; issue 11 retargeted them.)
prints = {}
for row in open(os.path.join(SRC, "tests", "fingerprints", "shipped.txt")):
    if not row.startswith("#") and row.strip():
        rel, fp, _ = row.split()
        prints[rel] = fp
for o in overlays:
    rel = os.path.relpath(o, SRC)
    ext = [x.split(":", 1)[1].strip() for x in open(o) if x.startswith("extends:")][0]
    base = os.path.relpath(os.path.normpath(os.path.join(os.path.dirname(o), ext)), SRC)
    expect(prints[rel] != prints[base], f"{rel} runs exactly as its base {base}: it changes nothing")

# The corridor overlays on the 2027 projection (the oil overlays and third_ropax_2026 have other bases).
corridor = [o for o in overlays if "extends: ../middle_corridor_2027.yaml" in open(o).read()]
for o in overlays:
    code, out, err = caspian("validate", o, check=False)
    expect(code == 0, f"{o}: {err}")

_, out, _ = caspian("compare", scenario("middle_corridor_2027.yaml"), *corridor, "-n", "8", "-o", os.path.join(d, "c27.h5"), "--summary", "json")
alts = json.loads(out)["alternatives"]
expect(set(alts) == {os.path.basename(o)[:-5] for o in corridor}, f"every overlay compared: {list(alts)}")
k = alts["kuryk_loading"]
expect(k["ady_teu"]["significant"] and k["ady_teu"]["difference"]["mean"] > 0, "more Kuryk loading: more ADY TEU in 2027")
expect(k["kz_ferry_railcars"]["difference"]["mean"] > 0, "more Kuryk loading: more railcars across")

_, out, _ = caspian("compare", scenario("middle_corridor_2025.yaml"), os.path.join(SRC, "scenarios/expansions/zangezur_route.yaml"),
                    "--overlays", "-n", "4", "-o", os.path.join(d, "c25.h5"), "--summary", "json")
z = json.loads(out)["alternatives"]["zangezur_route"]["transit_days:china_europe_transit"]
expect(z["significant"], f"the Zangezur route changes China-Europe transit times on 2025: {z['difference']}")
print("ok")
