#!/usr/bin/env bash
# Load test of the API with wrk, against a Release build serving the generated ledger of
# 1,000,000 donations (40,000 givers). Compares GET /api/v1/totals?by=donor with the trivial JSON
# endpoint GET /api/v1 of the same app, at 32 connections.
#
#   tests/load/run.sh [seconds]        (needs wrk: apt-get install wrk)
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-20}"
port=5181
work="$(mktemp -d)"
trap 'kill "$api" 2>/dev/null || true; rm -rf "$work"' EXIT

command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)" >&2; exit 2; }
dotnet build -c Release src/Ledger.Api -v q -nologo >/dev/null
generated="$(dotnet run -c Release --project tests/Ledger.Benchmarks -- --generated-ledger | tail -1)"
cp "$generated" "$work/ledger.db"

Ledger__Database="$work/ledger.db" Ledger__Seeds="" ASPNETCORE_ENVIRONMENT=Production \
  dotnet src/Ledger.Api/bin/Release/net10.0/Ledger.Api.dll --urls "http://127.0.0.1:$port" >"$work/api.log" 2>&1 &
api=$!
for _ in $(seq 60); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 1; done

totals="http://127.0.0.1:$port/api/v1/totals?by=donor"
bytes="$(curl -s "$totals" | wc -c)"; gzipped="$(curl -s -H "Accept-Encoding: gzip" "$totals" | wc -c)"
etag="$(curl -s -D - -o /dev/null "$totals" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag"{print $2}')"
echo "totals by donor: $bytes bytes of JSON ($gzipped gzipped), ETag $etag"
echo "machine: $(nproc) cores, $(dotnet --version) SDK; wrk -t2 -c32 -d${seconds}s --latency"

run() {
  local name="$1"; shift
  echo "== $name"
  wrk -t2 -c32 -d"${seconds}s" --latency "$@" | grep -E "Requests/sec|Transfer/sec|^ +(50|90|99)%|Non-2xx|Socket errors"
}
# Warm-up (JIT, pools), not reported.
wrk -t2 -c32 -d5s "http://127.0.0.1:$port/api/v1" >/dev/null
wrk -t2 -c32 -d5s -H "If-None-Match: $etag" "$totals" >/dev/null
run "trivial JSON: GET /api/v1" "http://127.0.0.1:$port/api/v1"
run "totals by donor, If-None-Match (a dashboard polling)" -H "If-None-Match: $etag" "$totals"
run "totals by donor, a page of 100 (offset=0&limit=100)" "$totals&offset=0&limit=100"
run "top donors chart (top 10)" "http://127.0.0.1:$port/api/v1/charts/top-donors"
# The whole answer last: its 35 MB bodies leave the garbage collector busy for a while.
run "totals by donor, gzip (Accept-Encoding: gzip)" -H "Accept-Encoding: gzip" "$totals"
run "totals by donor, full answer" "$totals"
