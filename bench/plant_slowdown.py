#!/usr/bin/env python3
"""Plants a known slowdown into a copy of an archbench run record (the power check of bench/aa-check.sh).

Every ok result's raw data (and warm-up data and score) is made PCT percent worse: throughput-like
values (higherIsBetter) are multiplied by 1 - PCT/100, time-like values divided by it, so that the
performance ratio NEW/OLD that `archbench compare` computes is exactly 1 - PCT/100. The run gets a
new id so that compare treats it as another run; host and label stay (the same host).

usage: plant_slowdown.py RECORD PCT OUT
"""
import json
import sys
import uuid


def worse(value, factor, higher_is_better):
    return value * factor if higher_is_better else value / factor


def main():
    if len(sys.argv) != 4:
        sys.exit("usage: plant_slowdown.py RECORD PCT OUT")
    src, pct, out = sys.argv[1], float(sys.argv[2]), sys.argv[3]
    if not 0 < pct < 100:
        sys.exit("plant_slowdown.py: PCT must be between 0 and 100, got %s" % sys.argv[2])
    factor = 1 - pct / 100
    with open(src, encoding="utf-8") as f:
        record = json.load(f)
    record["run"]["id"] = str(uuid.uuid5(uuid.NAMESPACE_URL, record["run"]["id"] + "/planted/" + sys.argv[2]))
    for r in record["results"]:
        if r.get("status") != "ok":
            continue
        hib = r.get("higherIsBetter", True)
        r["rawData"] = [[worse(v, factor, hib) for v in fork] for fork in (r.get("rawData") or [])]
        if r.get("score") is not None:
            r["score"] = worse(r["score"], factor, hib)
        p = r.get("precision")
        if p and p.get("warmupData"):
            p["warmupData"] = [[worse(v, factor, hib) for v in fork] for fork in p["warmupData"]]
    with open(out, "w", encoding="utf-8") as f:
        json.dump(record, f, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main()
