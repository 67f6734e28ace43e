#!/usr/bin/env bash
# Load test of the API with wrk, against a Release build serving the generated ledger of
# 1,000,000 donations (40,000 givers). Compares every read the dashboard makes (the charts, a page
# of totals, a page of donations, an organization's page) and totals by donor with the trivial JSON
# endpoint GET /api/v1 of the same app, at 32 connections.
#
#   tests/load/run.sh [seconds]        (needs wrk: apt-get install wrk)
#   LEDGER_LOAD_LEDGER=FILE tests/load/run.sh   serves a copy of FILE, a generated ledger built before
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-20}"
port=5181
work="$(mktemp -d)"
trap 'kill "$api" 2>/dev/null || true; rm -rf "$work"' EXIT

command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)" >&2; exit 2; }
dotnet build -c Release src/Ledger.Api -v q -nologo >/dev/null
generated="${LEDGER_LOAD_LEDGER:-}"
[ -n "$generated" ] || generated="$(dotnet run -c Release --project tests/Ledger.Benchmarks -- --generated-ledger | tail -1)"
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
base="http://127.0.0.1:$port/api/v1"
# The reads the dashboard makes; each answered once first, as the dashboard's first visit does (not timed).
reads=(
  "timeline chart|$base/charts/timeline"
  "top donors chart (top 10)|$base/charts/top-donors?limit=10"
  "supplies chart|$base/charts/supplies"
  "flows chart (50 largest flows)|$base/charts/flows"
  "flows chart, 12 givers and 12 receivers by name (top_donors=12&top_recipients=12)|$base/charts/flows?top_donors=12&top_recipients=12"
  "totals by donor, a page of 100 (limit=100)|$totals&limit=100"
  "totals by donor, a page of 100 (offset=0&limit=100)|$totals&offset=0&limit=100"
  "donations, a page of 25 (limit=25)|$base/donations?limit=25"
  "an organization's page, by name (/organizations/捐赠单位00100)|$base/organizations/%E6%8D%90%E8%B5%A0%E5%8D%95%E4%BD%8D00100"
)
for read in "${reads[@]}"; do curl -sf -o /dev/null --max-time 600 "${read#*|}" || echo "failed: ${read#*|}" >&2; done
# Warm-up (JIT, pools), not reported.
wrk -t2 -c32 -d5s "$base" >/dev/null
wrk -t2 -c32 -d5s -H "If-None-Match: $etag" "$totals" >/dev/null
run "trivial JSON: GET /api/v1" "$base"
run "totals by donor, If-None-Match (a dashboard polling)" -H "If-None-Match: $etag" "$totals"
for read in "${reads[@]}"; do run "${read%%|*}" "${read#*|}"; done
# As the dashboard's browser asks: an answer over 64 KB comes gzipped (kept so until the next write).
curl -sf -o /dev/null -H "Accept-Encoding: gzip" "$totals&limit=100" || echo "failed: gzip page" >&2
run "totals by donor, a page of 100, as a browser asks (Accept-Encoding: gzip)" -H "Accept-Encoding: gzip" "$totals&limit=100"
organization="$base/organizations/%E6%8D%90%E8%B5%A0%E5%8D%95%E4%BD%8D00100"
curl -sf -o /dev/null -H "Accept-Encoding: gzip" "$organization" || echo "failed: gzip organization" >&2
run "an organization's page, as a browser asks (Accept-Encoding: gzip)" -H "Accept-Encoding: gzip" "$organization"
run "trivial JSON again: GET /api/v1" "$base"
# The whole answer last: its 35 MB bodies leave the garbage collector busy for a while.
run "totals by donor, gzip (Accept-Encoding: gzip)" -H "Accept-Encoding: gzip" "$totals"
run "totals by donor, full answer" "$totals"
