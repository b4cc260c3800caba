#!/usr/bin/env bash
# The shipped sample in the htkp/2 format: db/seed/sample.json (and any
# tests/data/v2-*.json) must satisfy db/htkp2.schema.json, and the sample
# must be a faithful conversion of the htkp/1 sample it replaces
# (tests/data/sample-v1.json): the same records, ids, titles, summaries
# and dates, and no case filter of the portal left without a single value
# to offer. Prints one TAP line per check; exits 1 if any failed.
#   SEED_V2  the converted sample (default db/seed/sample.json)
#   SEED_V1  the htkp/1 sample it was made from (default tests/data/sample-v1.json)
set -u
cd "$(dirname "$0")/../.." || exit 2

PY=/usr/bin/python3
if ! "$PY" -c 'import jsonschema' 2>/dev/null; then
	echo "ok - seed schema checks # SKIP python3-jsonschema is not installed (scripts/deps.sh test)"
	exit 0
fi

V2=${SEED_V2:-db/seed/sample.json} V1=${SEED_V1:-tests/data/sample-v1.json} \
	exec "$PY" - db/htkp2.schema.json tests/data/v2-*.json <<'PYEOF'
import glob, json, os, sys
import jsonschema

failed = False
def check(ok, desc, why=()):
    global failed
    print(("ok - " if ok else "not ok - ") + desc)
    if not ok:
        failed = True
        for w in list(why)[:10]:
            print("#   " + str(w))

schema_path, extra = sys.argv[1], [p for p in sys.argv[2:] if os.path.exists(p)]
v2_path, v1_path = os.environ["V2"], os.environ["V1"]
schema = json.load(open(schema_path, encoding="utf-8"))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)

for path in [v2_path] + extra:
    try:
        doc = json.load(open(path, encoding="utf-8"))
    except (OSError, ValueError) as e:
        check(False, f"{path} is JSON", [e])
        continue
    errs = sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path))
    # v2-bad-*.json are the import's bad-input files: the schema must
    # refuse each too, so that it and htkp-import agree; but for a charge
    # naming a law that is not in the import, which takes the whole import
    # to see.
    if "/v2-bad-" in path and not path.endswith("/v2-bad-law.json"):
        check(bool(errs), f"{path} is refused by {schema_path}")
        continue
    if "/v2-bad-" in path:
        continue
    check(not errs, f"{path} satisfies {schema_path}",
          [f"{e.json_path}: {e.message[:160]}" for e in errs])

v2 = json.load(open(v2_path, encoding="utf-8"))
v1 = json.load(open(v1_path, encoding="utf-8"))
check(v1.get("format") == "htkp/1" and v2.get("format") == "htkp/2", "the files are htkp/1 and htkp/2")

# A text the conversion adds where the htkp/1 record had none, with why:
# Rantsev's duty of cooperation between states (the judgment, para. 289)
# gives the sample its one International cooperation keyword.
ADDED = {("ECHR-2010-001", "commentary")}

def same(section, fields, rename=None):
    a, b = v1.get(section, []), v2.get(section, [])
    check([r["id"] for r in a] == [r["id"] for r in b],
          f"{section}: the same {len(a)} ids in the same order ({len(b)} converted)")
    new = {r["id"]: r for r in b}
    bad = []
    for r in a:
        s = new.get(r["id"], {})
        for f in fields:
            g = (rename or {}).get(f, f)
            if (r["id"], f) in ADDED and f not in r and s.get(g):
                continue
            if r.get(f) != s.get(g):
                bad.append(f"{r['id']}.{f}: {str(r.get(f))[:60]!r} became {str(s.get(g))[:60]!r}")
    check(not bad, f"{section}: {', '.join(fields)} kept as they were", bad)

same("cases", ["title", "country", "decision_date", "summary", "court", "legislation", "commentary"])
same("legislation", ["title", "country", "summary", "topics", "url"])
same("bibliography", ["title", "authors", "year", "type", "publisher", "language", "countries",
                      "keywords", "method", "methods", "abstract", "url", "doi", "isbn"],
     {"abstract": "synopsis"})

cases2 = {c["id"]: c for c in v2.get("cases", [])}
bad = []
for c in v1.get("cases", []):
    want, got = c.get("victims"), dict(cases2.get(c["id"], {}).get("victims") or {})
    got.pop("age", None)
    if (want or None) != (got or None):
        bad.append(f"{c['id']}: {want} became {got}")
    if c.get("source") and c["source"] not in cases2.get(c["id"], {}).get("sources", []):
        bad.append(f"{c['id']}: source {c['source'][:40]!r} lost")
    form = cases2.get(c["id"], {}).get("keywords", {}).get("form")
    if "cross_border" in c and form != ["Transnational" if c["cross_border"] else "Internal"]:
        bad.append(f"{c['id']}: cross_border {c['cross_border']} became form {form}")
check(not bad, "cases: victims, sources and the form of trafficking kept", bad)

bad = []
laws2 = {l["id"]: l for l in v2.get("legislation", [])}
for l in v1.get("legislation", []):
    adopted = laws2.get(l["id"], {}).get("adopted")
    if adopted and "year" in l and not adopted.startswith(str(l["year"])):
        bad.append(f"{l['id']}: year {l['year']} but adopted {adopted}")
check(not bad, "legislation: an adoption date falls in the year the record had", bad)

bad = []
for c in v2.get("cases", []):
    for d in c.get("defendants", []):
        for ch in d["charges"]:
            if "law" in ch and ch["law"] not in laws2:
                bad.append(f"{c['id']}: charge {ch['charge'][:40]!r} names unknown law {ch['law']}")
            if "article" in ch and "law" not in ch:
                bad.append(f"{c['id']}: charge {ch['charge'][:40]!r} has an article but no law")
check(not bad, "cases: every charge's law is a record of the same file", bad)

# The portal's case filters: each must have at least one value to offer,
# and the verdict filter every verdict a charge can have.
def values(getter):
    out = set()
    for c in v2.get("cases", []):
        for v in getter(c):
            if v not in (None, "", []):
                out.add(json.dumps(v, sort_keys=True))
    return out

def defendants(c, f):
    return [d.get(f) for d in c.get("defendants", [])]

filters = {
    "country": lambda c: [c.get("country")],
    "decision date": lambda c: [c.get("decision_date")],
    "sentence date": lambda c: [c.get("sentence_date")],
    "victim's nationality": lambda c: (c.get("victims") or {}).get("nationalities", []),
    "victim's gender": lambda c: (c.get("victims") or {}).get("gender", []),
    "child victims": lambda c: [(c.get("victims") or {}).get("children")],
    "victim's age": lambda c: [(c.get("victims") or {}).get("age")],
    "defendant's nationality": lambda c: defendants(c, "nationality"),
    "defendant's gender": lambda c: defendants(c, "gender"),
    "appellate decision (instances)": lambda c: [len((c.get("procedure") or {}).get("instances", [])) > 1 or None],
    "court": lambda c: [c.get("court")],
    "legal system": lambda c: [(c.get("procedure") or {}).get("legal_system")],
    "latest court ruling": lambda c: [(c.get("procedure") or {}).get("latest_ruling")],
    "type of proceeding": lambda c: [(c.get("procedure") or {}).get("proceeding_type")],
    "type of court": lambda c: [c.get("court_type")],
    "cross-cutting issues": lambda c: c.get("cross_cutting", []),
    "involved countries": lambda c: c.get("countries_involved", []),
    "charges linked to a law": lambda c: [ch.get("law") for d in c.get("defendants", []) for ch in d["charges"]],
}
for cat in ("acts", "means", "purposes", "form", "sectors", "cooperation"):
    filters[f"keyword: {cat}"] = lambda c, cat=cat: (c.get("keywords") or {}).get(cat, [])
for name, get in filters.items():
    check(bool(values(get)), f"filter {name!r} has a value to offer")

verdicts = values(lambda c: [ch.get("verdict") for d in c.get("defendants", []) for ch in d["charges"]])
want = {json.dumps(v) for v in ("convicted", "acquitted", "violation found", "no violation", "pending")}
check(want <= verdicts, "filter 'verdict' offers every verdict a charge can have",
      [f"missing {v}" for v in sorted(want - verdicts)])

bad = []
for c in v1.get("cases", []):
    outcome = c.get("outcome")
    got = {ch.get("verdict") for d in cases2.get(c["id"], {}).get("defendants", []) for ch in d["charges"]}
    # A case whose text names no charge has no defendants: nothing to compare.
    if not got:
        continue
    need = {"convicted": [{"convicted"}], "mixed": [{"convicted"}], "acquitted": [{"acquitted"}],
            "violation found": [{"violation found"}], "no violation": [{"no violation"}],
            "quashed or retrial": [{"pending"}, {"acquitted"}]}.get(outcome)
    if need and not any(n <= got for n in need):
        bad.append(f"{c['id']}: outcome {outcome!r} but charge verdicts {sorted(v for v in got if v)}")
check(not bad, "cases: charge verdicts agree with the htkp/1 outcome", bad)

laws = v2.get("legislation", [])
for f in ("provisions", "status", "adopted", "instrument_type", "offences"):
    check(any(l.get(f) for l in laws), f"legislation: some law has {f}")
check(all(p.get("synopsis") for p in v2.get("bibliography", [])) or not v2.get("bibliography"),
      "bibliography: every publication has a synopsis")
sys.exit(1 if failed else 0)
PYEOF
