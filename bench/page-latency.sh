#!/usr/bin/env bash
# One request at a time: logs in as a member like a browser (session cookie + CSRF token), then
# times GET requests of one page with curl and prints p50/p90/p99 in milliseconds.
#
#   bench/page-latency.sh BASE_URL USERNAME PASSWORD PATH [WARMUP=30] [RUNS=100]
#   bench/page-latency.sh http://localhost:8181 gen1 benchmark-password /feed
set -euo pipefail
base=$1 user=$2 pass=$3 path=$4 warmup=${5:-30} runs=${6:-100}
jar=$(mktemp)
trap 'rm -f "$jar"' EXIT
csrf=$(curl -s -c "$jar" -b "$jar" "$base/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "username=$user" --data-urlencode "password=$pass" \
     --data-urlencode "_csrf=$csrf" "$base/login"
status=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" "$base$path")
[ "$status" = 200 ] || { echo "GET $path answered $status (login failed?)" >&2; exit 1; }
for _ in $(seq "$warmup"); do curl -s -o /dev/null -b "$jar" "$base$path"; done
for _ in $(seq "$runs"); do curl -s -o /dev/null -b "$jar" -w '%{time_total}\n' "$base$path"; done |
  sort -n | awk -v user="$user" -v path="$path" '{ t[NR] = $1 * 1000 }
    END { printf "%s %s: n=%d p50=%.1f ms p90=%.1f ms p99=%.1f ms\n", user, path, NR, t[int(NR*0.5)], t[int(NR*0.9)], t[int(NR*0.99)] }'
