#!/usr/bin/env bash
# bench/profile.sh BUILD_DIR [canned|large] [mock|ceiling] — where does a server spend its CPU under
# wrk load?
#
# Starts BUILD_DIR/bin/mock_server (canned, validation on), or the Pistache ceiling to compare
# with, on a free 127.0.0.1 port, loads it with
# wrk (the documented request, or a LARGE_NUMBERS-number order), samples it with
# `perf record -e cpu-clock` (a software event: works where hardware counters do not) and prints
# the hottest symbols. Output in bench/results/raw/profile-SCENARIO[-ceiling].{data,txt}.
# Environment: DURATION [8] seconds of sampling, CONNECTIONS [32], THREADS [2], SERVER_THREADS [2],
#              LARGE_NUMBERS [1000], MOCK_ARGS [extra mock_server flags], TOP [40] symbols shown.
set -u -o pipefail
BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$BENCH_DIR")
# shellcheck source=lib.sh
source "$BENCH_DIR/lib.sh"

if [ $# -lt 1 ] || [ ! -x "$1/bin/mock_server" ] || [ ! -x "$1/bin/bench_probe" ]; then
    echo "usage: bench/profile.sh BUILD_DIR [canned|large] [mock|ceiling]  (a -DHARNESS_BUILD_BENCH=ON build)" >&2
    exit 2
fi
command -v perf >/dev/null || { echo "profile: perf is not installed (linux-perf)" >&2; exit 1; }
BIN=$(cd "$1" && pwd)/bin
SCENARIO=${2:-canned}
SERVER=${3:-mock}
DURATION=${DURATION:-8}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
SERVER_THREADS=${SERVER_THREADS:-2}
LARGE_NUMBERS=${LARGE_NUMBERS:-1000}
MOCK_ARGS=${MOCK_ARGS:-}
TOP=${TOP:-40}
OUT=$BENCH_DIR/results/raw
mkdir -p "$OUT"

case "$SCENARIO" in
    canned) BODY=$ROOT/fixtures/disconnects/create_request.xml ;;
    large)
        BODY=$OUT/order_$LARGE_NUMBERS.xml
        python3 "$BENCH_DIR/bench_tool.py" gen-order "$LARGE_NUMBERS" "$BODY" || exit 1 ;;
    *) echo "profile: scenario must be canned or large" >&2; exit 2 ;;
esac

port=$("$BIN/bench_probe" free-port) || exit 1
case "$SERVER" in
    mock)
        TAG=$SCENARIO
        # shellcheck disable=SC2086
        "$BIN/mock_server" --host 127.0.0.1 --port "$port" --mode canned --threads "$SERVER_THREADS" $MOCK_ARGS \
            >"$OUT/profile-mock.log" 2>&1 & ;;
    ceiling)
        TAG=$SCENARIO-ceiling
        "$BIN/pistache_ceiling" --port "$port" --threads "$SERVER_THREADS" \
            --body "$ROOT/fixtures/disconnects/create_response_201.xml" >"$OUT/profile-ceiling.log" 2>&1 & ;;
    *) echo "profile: server must be mock or ceiling" >&2; exit 2 ;;
esac
server_pid=$!
WRK_PID=""
trap 'stop_tree "$server_pid"; [ -n "$WRK_PID" ] && stop_tree "$WRK_PID"' EXIT
"$BIN/bench_probe" first-201 "$port" 10000 "$BODY" >/dev/null || { echo "profile: $SERVER did not answer 201" >&2; exit 1; }

BENCH_BODY=$BODY wrk -t"$THREADS" -c"$CONNECTIONS" -d"$((DURATION + 3))s" --latency -s "$BENCH_DIR/post.lua" \
    "http://127.0.0.1:$port" >"$OUT/profile-$TAG-wrk.txt" 2>&1 &
WRK_PID=$!
nap 1
perf record -e cpu-clock -F 1999 -p "$server_pid" -o "$OUT/profile-$TAG.data" -- sleep "$DURATION" \
    >"$OUT/profile-$TAG-record.txt" 2>&1
wait "$WRK_PID"
WRK_PID=""
perf report -i "$OUT/profile-$TAG.data" --no-children --sort dso,symbol --stdio 2>/dev/null |
    grep -v '^#' | grep '%' | head -n "$TOP" | cut -c1-200 >"$OUT/profile-$TAG.txt"
echo "== $SERVER, scenario $SCENARIO: $(grep '^BENCH_RESULT' "$OUT/profile-$TAG-wrk.txt" | awk '{print $4, $5, $7}')"
echo "== hottest symbols (self time, cpu-clock samples):"
cat "$OUT/profile-$TAG.txt"
echo "== CPU samples by binary:"
perf report -i "$OUT/profile-$TAG.data" --no-children --sort dso --stdio 2>/dev/null | grep -v '^#' | grep '%' | head -n 8
