#!/usr/bin/env python3
"""Prints a Markdown table from the newest Gatling report: throughput, p50/p95/p99 and errors per
request, and each page's throughput as a ratio to the liveness probe (the framework's floor).
Usage: python3 bench/summary.py [target/gatling]"""
import glob
import json
import os
import sys

root = sys.argv[1] if len(sys.argv) > 1 else "target/gatling"
runs = sorted(glob.glob(os.path.join(root, "*", "js", "stats.json")), key=os.path.getmtime)
if not runs:
    sys.exit("no Gatling report under " + root)
stats = json.load(open(runs[-1], encoding="utf-8"))
rows = []
for entry in stats["contents"].values():
    s = entry["stats"]
    rows.append((s["name"], s["meanNumberOfRequestsPerSecond"]["total"], s["percentiles1"]["total"],
                 s["percentiles3"]["total"], s["percentiles4"]["total"], s["numberOfRequests"]["total"], s["numberOfRequests"]["ko"]))
floor = next((r[1] for r in rows if r[0].startswith("liveness")), None)
print("Report: " + os.path.dirname(os.path.dirname(runs[-1])))
print()
print("| request | req/s | p50 ms | p95 ms | p99 ms | requests | errors | req/s vs floor |")
print("|---|---:|---:|---:|---:|---:|---:|---:|")
for name, rps, p50, p95, p99, total, ko in sorted(rows):
    ratio = f"{rps / floor:.3f}" if floor else "-"
    print(f"| {name} | {rps:.1f} | {p50} | {p95} | {p99} | {total} | {ko} | {ratio} |")
g = stats["stats"]
print(f"| **all** | {g['meanNumberOfRequestsPerSecond']['total']:.1f} | {g['percentiles1']['total']} | "
      f"{g['percentiles3']['total']} | {g['percentiles4']['total']} | {g['numberOfRequests']['total']} | {g['numberOfRequests']['ko']} | |")
