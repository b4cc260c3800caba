#!/usr/bin/python3
"""The benchmarks' figures in one table.

Every benchmark, when $BENCH_RESULTS names a file (bench/run.sh sets it),
appends one line per figure to it, tab-separated (an empty field: not
measured):

    group  figure  unit  value  p99  anchor  anchor_value  target  note

  group         queries, import, kiosks, wire, ssh, cluster
  value         the figure: a median (queries), a p50 (kiosks, ssh), the
                best run (import), a count of bytes (wire)
  anchor        what the figure is compared with: "naive SQL" (the same
                question in plain SQL on the same file), "anchor.py" (the
                plain load of the same file), "JSON" (its size), "lynx",
                "w3m", "floor" (the changed cells); anchor_value its figure
  target        conditions separated by spaces, each [value|p99|ratio] then
                < or <= then a number ("<10 p99<30", "ratio<=1.2"); the
                ratio is value / anchor_value
  note          a few words (what the query found, writes per step)

    bench/results.py table FILE        the one table, grouped, and a count
                                       of the targets met
    bench/results.py meter JSON...     rows from tests/bytes/meter.py
                                       --save-json files (group wire)
    bench/results.py driver GROUP      rows from tests/load/driver.py's
                                       summary, read on stdin

Python scripts import it (sys.path) and call add().
"""
import json
import math
import os
import re
import sys

COLUMNS = ("group", "figure", "unit", "value", "p99", "anchor", "anchor_value",
           "target", "note")

# In this order; a group not named here comes after them.
GROUPS = {
    "queries": "queries through the store (ms): median and p99 of the runs;"
               " anchor: the same question in naive SQL",
    "import": "htkp-import (best of the runs); anchors: bench/anchor.py, the"
              " input's size",
    "kiosks": "kiosks on ptys (bench/many.py): key to frame p50 and p99 (ms),"
              " memory (MB)",
    "wire": "bytes on the wire per step at 80x24 (tests/bytes/meter.py);"
            " anchors: the changed-cell floor, the best of lynx and w3m",
    "ssh": "sessions over SSH (bench/ssh_load.sh): key to frame p50 and p99"
           " (ms), server PSS (MB)",
    "cluster": "sessions behind HAProxy (bench/cluster.sh): key to frame p50"
               " and p99 (ms), PSS (MB)",
}

COND = re.compile(r"^(value|p99|ratio)?(<=|<)([0-9]+(?:\.[0-9]+)?)$")


def fmt(x, digits=2):
    """A figure as the table shows it: '' for None."""
    if x is None:
        return ""
    if isinstance(x, str):
        return x
    if isinstance(x, int):
        return str(x)
    return "%.*f" % (digits, x)


def add(group, figure, unit, value, p99=None, anchor=None, anchor_value=None,
        target="", note="", digits=2):
    """Appends one figure to $BENCH_RESULTS; does nothing when it is unset."""
    path = os.environ.get("BENCH_RESULTS")
    if not path:
        return
    row = [group, figure, unit, fmt(value, digits), fmt(p99, digits), anchor or "",
           fmt(anchor_value, digits), target, note]
    with open(path, "a") as f:
        f.write("\t".join(str(c).replace("\t", " ").replace("\n", " ") for c in row) + "\n")


def number(s):
    try:
        return float(s)
    except (TypeError, ValueError):
        return None


def ratio_of(row):
    """value / anchor_value; None when either is missing, inf when only the
    anchor is 0, None when both are."""
    v, a = number(row["value"]), number(row["anchor_value"])
    if v is None or a is None:
        return None
    if a == 0:
        return None if v == 0 else math.inf
    return v / a


def verdict(row):
    """'ok', 'OVER', '?' (a figure the target needs is missing) or ''."""
    target = row["target"].split()
    if not target:
        return ""
    seen = {"value": number(row["value"]), "p99": number(row["p99"]),
            "ratio": ratio_of(row)}
    # 0 bytes against a floor of 0: nothing to send, nothing sent.
    if seen["ratio"] is None and seen["value"] == 0 and number(row["anchor_value"]) == 0:
        seen["ratio"] = 0.0
    result = "ok"
    for cond in target:
        m = COND.match(cond)
        if not m:
            return "?"
        x = seen[m.group(1) or "value"]
        if x is None:
            return "?"
        limit = float(m.group(3))
        if not (x < limit if m.group(2) == "<" else x <= limit):
            result = "OVER"
    return result


def read_rows(path):
    rows = []
    with open(path) as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            cells = line.split("\t")
            if len(cells) != len(COLUMNS):
                raise SystemExit("%s:%d: %d fields, want %d" % (path, n, len(cells), len(COLUMNS)))
            rows.append(dict(zip(COLUMNS, cells)))
    return rows


def table(path, out=sys.stdout):
    rows = read_rows(path)
    order = list(GROUPS) + [g for g in dict.fromkeys(r["group"] for r in rows) if g not in GROUPS]
    head = ("figure", "value", "unit", "p99", "anchor", "anchor", "ratio", "target", "")
    counts = {"ok": 0, "OVER": 0, "?": 0}
    fw = min(max([len(r["figure"]) for r in rows] + [len(head[0])]), 56)
    line = "%%-%ds %%9s %%-5s %%9s  %%-9s %%9s %%6s  %%-13s %%-4s" % fw
    out.write("== every figure of every benchmark (%s)\n" % path)
    out.write("value: a median or p50, a best run or a count; ratio: value / anchor;"
              " target: on the value, p99 or ratio;\nOVER: a target not met;"
              " ?: a figure the target needs was not measured (bench/README.md)\n")
    for g in order:
        mine = [r for r in rows if r["group"] == g]
        if not mine:
            continue
        out.write("\n%s: %s\n" % (g, GROUPS.get(g, "")) if g in GROUPS else "\n%s\n" % g)
        out.write((line % head).rstrip() + "\n")
        for r in mine:
            v = verdict(r)
            if v:
                counts[v] += 1
            q = ratio_of(r)
            cells = (r["figure"][:fw], r["value"], r["unit"], r["p99"], r["anchor"],
                     r["anchor_value"], "" if q is None else "inf" if q == math.inf else "%.2f" % q,
                     r["target"], v)
            out.write(((line % cells) + ("  " + r["note"] if r["note"] else "")).rstrip() + "\n")
    total = sum(counts.values())
    out.write("\ntargets: %d met, %d not met (OVER)%s, of %d\n"
              % (counts["ok"], counts["OVER"],
                 ", %d not measured (?)" % counts["?"] if counts["?"] else "", total))
    return counts


# Scenarios whose steps are held to the floor: the walks (tests/bytes/
# walk.keys and cases.keys, the one played beside lynx and w3m); others
# (printing, taking a record) are shown without a target.
FLOOR_TARGET = "ratio<=1.15"
HELD = ("walk", "cases")
TERMS_HELD = ("xterm-256color", "vt100")


def scenario(keys):
    return os.path.splitext(os.path.basename(keys))[0]


def meter_rows(paths):
    """Rows of the byte meter's JSON reports: each step against its floor."""
    for path in paths:
        with open(path) as f:
            report = json.load(f)
        for entry in report:
            name = scenario(entry["keys"])
            held = name in HELD and entry["term"] in TERMS_HELD
            tot = [0, 0]
            for s in entry["steps"]:
                tot = [tot[0] + s["bytes"], tot[1] + s["floor"]]
                note = []
                if s.get("writes") is not None:
                    note.append("%d write%s" % (s["writes"], "" if s["writes"] == 1 else "s"))
                if s.get("clear"):
                    note.append("clear")
                add("wire", "%s %s %s" % (entry["term"], name, s["step"]), "bytes",
                    s["bytes"], anchor="floor", anchor_value=s["floor"],
                    target=FLOOR_TARGET if held else "", note=", ".join(note))
            add("wire", "%s %s total" % (entry["term"], name), "bytes", tot[0],
                anchor="floor", anchor_value=tot[1])


# tests/load/driver.py's summary lines.
KEY_ALL = re.compile(r"^# key to frame: p50 ([0-9.]+) ms, p99 ([0-9.]+) ms, max ([0-9.]+) ms")
KEY_KIND = re.compile(r"^#\s+(\S+)\s+([0-9]+) keys\s+p50\s+([0-9.]+) ms\s+p99\s+([0-9.]+) ms")
LATE = re.compile(r"keys sent late by p50 ([0-9.]+) ms, p99 ([0-9.]+) ms")
PSS = re.compile(r"^# PSS: ([0-9.]+) MB in all at the peak .*, ([0-9.]+) MB per session")
SESSIONS = re.compile(r"^# ([0-9]+) sessions, ([0-9]+) keys")
PUBLISH = re.compile(r"^# published ([0-9]+) MB to one front-end .* in ([0-9.]+) ms")


def driver_rows(group, lines):
    """Rows of tests/load/driver.py's summary (and a publish time)."""
    n = ""
    for line in lines:
        m = SESSIONS.match(line)
        if m:
            n = "%s sessions, %s keys" % m.groups()
        m = KEY_ALL.match(line)
        if m:
            add(group, "key to frame, all keys", "ms", m.group(1), m.group(2),
                note="%s; max %s ms" % (n, m.group(3)) if n else "max %s ms" % m.group(3))
        m = KEY_KIND.match(line)
        if m:
            add(group, "key to frame: " + m.group(1), "ms", m.group(3), m.group(4),
                note="%s keys" % m.group(2))
        m = LATE.search(line)
        if m:
            add(group, "the driver's own lateness", "ms", m.group(1), m.group(2))
        m = PSS.match(line)
        if m:
            add(group, "PSS per session, at the peak", "MB", m.group(2),
                note="%s MB in all" % m.group(1))
        m = PUBLISH.match(line)
        if m:
            add(group, "publish %s MB to one front-end" % m.group(1), "ms", m.group(2))


def main(argv):
    if len(argv) == 2 and argv[0] == "table":
        table(argv[1])
        return 0
    if len(argv) >= 2 and argv[0] == "meter":
        meter_rows(argv[1:])
        return 0
    if len(argv) == 2 and argv[0] == "driver":
        driver_rows(argv[1], sys.stdin)
        return 0
    sys.stderr.write("usage: bench/results.py table FILE | meter JSON... | driver GROUP\n")
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
