#!/usr/bin/env bash
# bench/smoke_test.sh BIN_DIR — CTest smoke test of the benchmark's own servers and tools:
# pistache_ceiling on port 0 answers the documented create with 201 + Location + the canned bytes
# (checked by bench_probe and curl), then stops with exit 0 on SIGTERM.
set -u -o pipefail
BIN=${1:?usage: smoke_test.sh BIN_DIR}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
RESP=$ROOT/fixtures/disconnects/create_response_201.xml
REQ=$ROOT/fixtures/disconnects/create_request.xml
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$BIN/bench_probe" free-port | grep -Eq '^[0-9]+$' || { echo "FAIL: free-port"; exit 1; }

exec 3< <(exec "$BIN/pistache_ceiling" --port 0 --threads 1 --body "$RESP")
server=$!
# The readiness signal is the "listening on" line (blocking read with a timeout, no sleep).
read -r -t 10 line <&3 || { echo "FAIL: no 'listening on' line"; kill "$server" 2>/dev/null; exit 1; }
port=${line##*:}
[[ $line == "listening on http://127.0.0.1:$port" && $port =~ ^[0-9]+$ ]] || { echo "FAIL: '$line'"; kill "$server"; exit 1; }

status=0
out=$("$BIN/bench_probe" first-201 "$port" 5000 "$REQ") || { echo "FAIL: probe: $out"; status=1; }
curl -sS --max-time 5 -X POST -H 'Content-Type: application/xml' --data-binary @"$REQ" \
    -D "$work/headers" -o "$work/body" "http://127.0.0.1:$port/accounts/42/disconnects" || status=1
grep -q "^Location: http://127.0.0.1:$port/accounts/42/disconnects/ba05e04b-192a-47cb-b182-b1bf6cfef0d7" "$work/headers" ||
    { echo "FAIL: Location"; status=1; }
grep -qi '^Connection: Keep-Alive' "$work/headers" || { echo "FAIL: keep-alive not restored"; status=1; }
cmp -s "$work/body" "$RESP" || { echo "FAIL: body differs"; status=1; }
# A non-201 answer must make the probe fail at once (exit 3), not wait for its timeout.
"$BIN/bench_probe" first-201 "$port" 60000 "$REQ" 0 /accounts/42/unknown >/dev/null 2>&1
[ $? -eq 3 ] || { echo "FAIL: probe did not report the 404 at once"; status=1; }

kill -TERM "$server"
wait "$server"
rc=$?
[ $rc -eq 0 ] || { echo "FAIL: exit status $rc after SIGTERM"; status=1; }
[ $status -eq 0 ] && echo "smoke test passed"
exit $status
