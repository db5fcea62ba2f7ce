#!/usr/bin/env python3
"""Prints a Markdown table from the newest Gatling HTML report: requests, errors, throughput and
p50/p95/p99 per request, and each request's throughput as a ratio to the liveness probe (the
framework's floor). Usage: python3 bench/summary.py [target/gatling]"""
import glob
import html
import os
import re
import sys

root = sys.argv[1] if len(sys.argv) > 1 else "target/gatling"
runs = sorted((d for d in glob.glob(os.path.join(root, "*")) if os.path.isdir(d)), key=os.path.getmtime)
if not runs:
    sys.exit("no Gatling report under " + root)
run = runs[-1]
ROW = re.compile(r'<td class="title">([^<]*)(?:</abbr>)?</td>\s*<td class="total">([^<]*)</td>\s*'
                 r'<td class="ok">([^<]*)</td>\s*<td class="ko">([^<]*)</td>')


def stats(path):
    text = open(path, encoding="utf-8").read()
    name = html.unescape(re.search(r"<title>Gatling Stats - ([^<]*)", text).group(1)).strip()
    values = {}
    for label, total, ok, ko in ROW.findall(text):
        values.setdefault(label.strip(), (total, ok, ko))
    return name, values


rows = [stats(p) for p in glob.glob(os.path.join(run, "req_*.html"))]
rows = [(n, v) for n, v in rows if "redirect" not in n.lower()]


def num(v):
    try:
        return float(v.replace(",", ""))
    except ValueError:
        return 0.0


floor = next((num(v["Mean count/s"][0]) for n, v in rows if n.startswith("liveness")), None)
print("Report: " + os.path.join(run, "index.html"))
print()
print("| request | requests | errors | req/s | p50 ms | p95 ms | p99 ms | req/s ÷ floor |")
print("|---|---:|---:|---:|---:|---:|---:|---:|")
for name, v in sorted(rows):
    rps = num(v["Mean count/s"][0])
    ratio = f"{rps / floor:.3f}" if floor else "-"
    print(f"| {name} | {v['Total count'][0]} | {v['Total count'][2]} | {rps:.1f} | {v['50th percentile'][0]} | "
          f"{v['95th percentile'][0]} | {v['99th percentile'][0]} | {ratio} |")
