#!/usr/bin/env bash
# bench/run.sh BUILD_DIR — the project's benchmark (`make bench` runs it on build-release/).
#
# On 127.0.0.1 only, in one run: mock_server (canned mode, validation on), our bare Pistache
# ceiling (bench/pistache_ceiling.cpp), nginx (`return 201`) and, when java and the npm registry
# are available, WireMock, all answering the documented create with the same canned 201.
#   1. validator micro-benchmark (validator_bench, Google Benchmark, JSON output)
#   2. start-up: STARTUP_RUNS cold starts per server, spawn -> first 201 (bench_probe)
#   3. per scenario (canned: the documented request; large: a LARGE_NUMBERS-number order):
#      check each answer once (201, Location, Content-Type, body bytes), wrk warm-up per server,
#      then ROUNDS rounds of one wrk run per server (servers alternate), then RSS per server
#   4. bench/results/latest.md + latest.json (medians, ratios to the ceiling and nginx, targets)
#
# Environment (defaults in brackets):
#   ROUNDS [5] DURATION [6] seconds per measured run, WARMUP [5] seconds, WARMUP_JVM [20] (WireMock,
#   first scenario), CONNECTIONS [32], THREADS [2] wrk threads, SERVER_THREADS [2] threads of the
#   mock and the ceiling / nginx workers, STARTUP_RUNS [5], STARTUP_RUNS_JVM [3], LARGE_NUMBERS [1000],
#   SERVERS ["mock ceiling nginx wiremock"; also "mock-novalidate": the mock with --no-validate], WIREMOCK [auto|off], MOCK_ARGS [extra mock_server flags],
#   CEILING_ARGS ["--malloc-trim-threshold 67108864", as the mock does; "" for glibc's default],
#   VARY [64] distinct request bodies sent in turn (first number varied; 1: the file's bytes only),
#   MICRO [on|off], MICRO_MIN_TIME [0.5] seconds per micro-benchmark, OUT_DIR [bench/results],
#   KEEP_SCRATCH [0] (1: keep the scratch dir with rendered configs and logs).
set -u -o pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$BENCH_DIR")
# shellcheck source=lib.sh
source "$BENCH_DIR/lib.sh"

if [ $# -ne 1 ] || [ ! -d "$1" ]; then
    echo "usage: bench/run.sh BUILD_DIR   (a build configured with -DHARNESS_BUILD_BENCH=ON)" >&2
    exit 2
fi
BUILD_DIR=$(cd "$1" && pwd)
BIN=$BUILD_DIR/bin

ROUNDS=${ROUNDS:-5}
DURATION=${DURATION:-6}
WARMUP=${WARMUP:-5}
WARMUP_JVM=${WARMUP_JVM:-20}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
SERVER_THREADS=${SERVER_THREADS:-2}
STARTUP_RUNS=${STARTUP_RUNS:-5}
STARTUP_RUNS_JVM=${STARTUP_RUNS_JVM:-3}
LARGE_NUMBERS=${LARGE_NUMBERS:-1000}
SERVERS=${SERVERS:-mock ceiling nginx wiremock}
WIREMOCK=${WIREMOCK:-auto}
MOCK_ARGS=${MOCK_ARGS:-}
# The ceiling runs with the same process-level malloc setting as mock_server (mallopt(M_TRIM_THRESHOLD,
# 64 MiB) since 292140f), so the comparison is about the request path only. CEILING_ARGS="" for stock.
CEILING_ARGS=${CEILING_ARGS-"--malloc-trim-threshold 67108864"}
VARY=${VARY:-64}
MICRO=${MICRO:-on}
MICRO_MIN_TIME=${MICRO_MIN_TIME:-0.5}
OUT_DIR=${OUT_DIR:-$BENCH_DIR/results}
KEEP_SCRATCH=${KEEP_SCRATCH:-0}

for v in VARY ROUNDS DURATION WARMUP WARMUP_JVM CONNECTIONS THREADS SERVER_THREADS STARTUP_RUNS STARTUP_RUNS_JVM LARGE_NUMBERS; do
    [[ ${!v} =~ ^[0-9]+$ ]] || { echo "bench: $v must be a whole number (got '${!v}')" >&2; exit 2; }
done
if [ "$ROUNDS" -lt 1 ] || [ "$DURATION" -lt 1 ] || [ "$THREADS" -lt 1 ] || [ "$CONNECTIONS" -lt "$THREADS" ]; then
    echo "bench: need ROUNDS >= 1, DURATION >= 1, CONNECTIONS >= THREADS >= 1" >&2
    exit 2
fi
for tool in wrk curl python3; do
    command -v "$tool" >/dev/null || { echo "bench: missing tool: $tool (scripts/deps.sh bench)" >&2; exit 1; }
done

PROBE=$BIN/bench_probe
[ -x "$PROBE" ] || { echo "bench: $PROBE not built (configure with -DHARNESS_BUILD_BENCH=ON)" >&2; exit 1; }

RAW=$OUT_DIR/raw
SCRATCH=$(mktemp -d "${TMPDIR:-/tmp}/harness-bench.XXXXXX") || exit 1
REQ_SMALL=$ROOT/fixtures/disconnects/create_request.xml
RESP=$ROOT/fixtures/disconnects/create_response_201.xml
REQ_LARGE=$SCRATCH/order_$LARGE_NUMBERS.xml
ACCOUNT=9900000
CREATE_PATH=/accounts/$ACCOUNT/disconnects
AUTH_HEADER="Authorization: Basic dXNlcjpzZWNyZXQ=" # user:secret
ORDER_ID=$(tr -d ' \r\n\t' <"$RESP" | sed -n 's|.*<id>\([^<]*\)</id>.*|\1|p')
WIREMOCK_JAR=""
PROBE_TIMEOUT_MS=60000

declare -A PID PORT STATUS NOTE
STARTED_PIDS=()
FG_PID="" # the command run_fg waits for

exec {LOG_FD}>&2 # the console, also from traps that fire inside a redirected command
log() { echo "[bench $(date -u +%H:%M:%S)] $*" >&"$LOG_FD"; }

# rec KIND SERVER SCENARIO ROUND KEY VALUE: one row of records.tsv (bench_tool.py report reads it).
rec() {
    local value=${6//$'\t'/ }
    value=${value//$'\n'/ }
    value=${value//$'\r'/}
    value=${value//|//}
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "$5" "$value" >>"$RAW/records.tsv"
}

forget_pid() {
    local p kept=()
    for p in "${STARTED_PIDS[@]}"; do [ "$p" != "$1" ] && kept+=("$p"); done
    STARTED_PIDS=("${kept[@]}")
}

halt() { # halt PID: stop a server tree started by this script
    [ -n "$1" ] || return 0
    stop_tree "$1"
    forget_pid "$1"
}

cleanup() {
    local p
    [ -n "$FG_PID" ] && stop_tree "$FG_PID"
    for p in "${STARTED_PIDS[@]}"; do stop_tree "$p"; done
    STARTED_PIDS=()
    if [ -d "$SCRATCH" ]; then
        mkdir -p "$RAW/logs"
        for p in "$SCRATCH"/*/server.log "$SCRATCH"/*/error.log; do
            [ -f "$p" ] && cp "$p" "$RAW/logs/$(basename "$(dirname "$p")")-$(basename "$p")"
        done
        if [ "$KEEP_SCRATCH" = 1 ]; then log "scratch kept: $SCRATCH"; else rm -rf "$SCRATCH"; fi
    fi
}
trap cleanup EXIT
trap 'log "interrupted"; exit 130' INT TERM

# ---------------------------------------------------------------- servers

prepare_server() { # NAME PORT DIR: render configs before the clock starts
    local name=$1 port=$2 dir=$3
    case "$name" in
        nginx)
            mkdir -p "$dir/body" &&
                python3 "$BENCH_DIR/bench_tool.py" render "$BENCH_DIR/templates/nginx.conf.in" "$dir/nginx.conf" \
                    --body "$RESP" --var "PORT=$port" --var "WORK=$dir" --var "WORKERS=$SERVER_THREADS" \
                    --var "ORDER_ID=$ORDER_ID" ;;
        wiremock)
            mkdir -p "$dir/__files" &&
                python3 "$BENCH_DIR/bench_tool.py" render "$BENCH_DIR/templates/wiremock/create_order.json.in" \
                    "$dir/mappings/create_order.json" --body "$RESP" --var "PORT=$port" --var "ORDER_ID=$ORDER_ID" ;;
        *) return 0 ;;
    esac
}

spawn_server() { # NAME PORT DIR LOG: starts in the background of this shell ($! is the server)
    local name=$1 port=$2 dir=$3 log=$4
    case "$name" in
        mock)
            # shellcheck disable=SC2086
            "$BIN/mock_server" --host 127.0.0.1 --port "$port" --mode canned --threads "$SERVER_THREADS" \
                $MOCK_ARGS >"$log" 2>&1 & ;;
        mock-novalidate)
            # shellcheck disable=SC2086
            "$BIN/mock_server" --host 127.0.0.1 --port "$port" --mode canned --threads "$SERVER_THREADS" \
                --no-validate $MOCK_ARGS >"$log" 2>&1 & ;;
        ceiling)
            # shellcheck disable=SC2086
            "$BIN/pistache_ceiling" --port "$port" --threads "$SERVER_THREADS" --body "$RESP" \
                --order-id "$ORDER_ID" $CEILING_ARGS >"$log" 2>&1 & ;;
        nginx)
            nginx -e "$dir/error.log" -p "$dir" -c "$dir/nginx.conf" >"$log" 2>&1 & ;;
        wiremock)
            java -jar "$WIREMOCK_JAR" --port "$port" --bind-address 127.0.0.1 --root-dir "$dir" \
                --no-request-journal --disable-request-logging --disable-banner >"$log" 2>&1 & ;;
    esac
}

server_setup() {
    case "$1" in
        mock) echo "build/bin/mock_server --mode canned --threads $SERVER_THREADS${MOCK_ARGS:+ $MOCK_ARGS} (validation on, auth default)" ;;
        mock-novalidate) echo "build/bin/mock_server --mode canned --threads $SERVER_THREADS --no-validate${MOCK_ARGS:+ $MOCK_ARGS} (what validation costs)" ;;
        ceiling) echo "bench/pistache_ceiling.cpp: Rest::Router, $SERVER_THREADS threads, keep-alive fixed, canned body + Location, nothing else${CEILING_ARGS:+ ($CEILING_ARGS)}" ;;
        nginx) echo "nginx-light, $SERVER_THREADS workers, return 201 with the body inline, keepalive_requests 10000000, no access log" ;;
        wiremock) echo "WireMock standalone jar (java -jar, JVM defaults), one mapping, --no-request-journal --disable-request-logging" ;;
    esac
}

server_version() {
    case "$1" in
        mock | mock-novalidate) echo "commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$ROOT" diff --quiet HEAD -- mock_server contracts 2>/dev/null || echo '+local changes'), $(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$BUILD_DIR/CMakeCache.txt")" ;;
        ceiling) echo "Pistache $(dpkg-query -W -f='${Version}' libpistache-dev 2>/dev/null)" ;;
        nginx) echo "nginx $(nginx -v 2>&1 | sed 's|.*nginx/||')" ;;
        wiremock) echo "WireMock $(basename "$WIREMOCK_JAR" .jar | sed 's/wiremock-standalone-//') / OpenJDK $(java -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p')" ;;
    esac
}

# launch NAME TAG: free port, render, spawn, wait for the first 201.
# Sets L_PID, L_PORT, L_MS (spawn -> first 201) or L_ERR; returns 0 on a 201.
launch() {
    local name=$1 dir="$SCRATCH/$1-$2" out rc status t0
    L_PID="" L_MS="" L_ERR=""
    L_PORT=$("$PROBE" free-port) || { L_ERR="no free port"; return 1; }
    mkdir -p "$dir"
    prepare_server "$name" "$L_PORT" "$dir" || { L_ERR="config rendering failed"; return 1; }
    t0=$EPOCHREALTIME
    spawn_server "$name" "$L_PORT" "$dir" "$dir/server.log"
    L_PID=$!
    STARTED_PIDS+=("$L_PID")
    run_fg "$PROBE" first-201 "$L_PORT" "$PROBE_TIMEOUT_MS" "$REQ_SMALL" "$t0" "$CREATE_PATH" >"$dir/probe.txt" 2>&1
    rc=$?
    out=$(cat "$dir/probe.txt")
    if [ $rc -eq 0 ]; then
        L_MS=$(sed -n 's/.*elapsed_ms=\([0-9.]*\).*/\1/p' <<<"$out")
        return 0
    fi
    status=$(sed -n 's/.*last_status=\(-\{0,1\}[0-9]*\).*/\1/p' <<<"$out")
    if ! proc_alive "$L_PID"; then
        L_ERR="exited before answering: $(tail -n 3 "$dir/server.log" 2>/dev/null | tr '\n' ' ')"
    elif [ "${status:--1}" -gt 0 ]; then
        L_ERR="answered HTTP $status instead of 201"
    else
        L_ERR="no answer within $((PROBE_TIMEOUT_MS / 1000)) s"
    fi
    halt "$L_PID"
    L_PID=""
    return 1
}

active_servers() { # servers still in the race, in SERVERS order
    local s
    for s in $SERVERS; do [ "${STATUS[$s]}" = ok ] && echo "$s"; done
}

fail_server() { # NAME REASON
    STATUS[$1]=failed
    NOTE[$1]=$2
    log "$1 FAILED: $2"
    [ -n "${PID[$1]:-}" ] && halt "${PID[$1]}"
    PID[$1]=""
}

# verify NAME SCENARIO BODY_FILE: one POST, compare with the canned answer; records the verdict.
verify() {
    local name=$1 scenario=$2 body=$3 port=${PORT[$1]} hdr out bad="" status loc expected_loc
    hdr="$RAW/check-$scenario-$name.headers"
    out="$RAW/check-$scenario-$name.body"
    expected_loc="http://127.0.0.1:$port$CREATE_PATH/$ORDER_ID"
    if ! curl -sS --max-time 10 -X POST -H 'Content-Type: application/xml' -H "$AUTH_HEADER" -H 'Expect:' \
        --data-binary @"$body" -D "$hdr" -o "$out" "http://127.0.0.1:$port$CREATE_PATH" 2>"$RAW/check-$scenario-$name.err"; then
        bad="no answer ($(head -c 200 "$RAW/check-$scenario-$name.err"))"
    else
        status=$(head -n 1 "$hdr" | awk '{print $2}')
        [ "$status" = 201 ] || bad="$bad status $status;"
        loc=$(grep -i '^Location:' "$hdr" | head -n 1 | cut -d' ' -f2- | tr -d '\r')
        [ "$loc" = "$expected_loc" ] || bad="$bad Location '${loc:-absent}';"
        grep -qi '^Content-Type: *application/xml' "$hdr" || bad="$bad Content-Type not application/xml;"
        cmp -s "$out" "$RESP" || bad="$bad body $(wc -c <"$out") B differs from the fixture ($(wc -c <"$RESP") B);"
    fi
    if [ -z "$bad" ]; then
        rec check "$name" "$scenario" 0 verdict "OK: 201, Location, Content-Type, body bytes"
    else
        rec check "$name" "$scenario" 0 verdict "MISMATCH:$bad"
        log "$name ($scenario) answer MISMATCH:$bad"
    fi
}

# run_fg COMMAND...: runs a command in the background and waits for it, so that INT/TERM reach our
# trap at once (bash defers traps while a foreground child runs); the trap stops it too.

run_fg() {
    "$@" &
    FG_PID=$!
    wait "$FG_PID"
    local rc=$?
    FG_PID=""
    return $rc
}

# load NAME SCENARIO BODY_FILE SECONDS OUTFILE: one wrk run into OUTFILE.
load() {
    local name=$1 body=$3 seconds=$4 out=$5
    BENCH_BODY=$body BENCH_PATH=$CREATE_PATH BENCH_VARY=$VARY run_fg timeout -k 5 $((seconds + 60)) \
        wrk -t"$THREADS" -c"$CONNECTIONS" -d"${seconds}s" --latency -s "$BENCH_DIR/post.lua" \
        "http://127.0.0.1:${PORT[$name]}" >"$out" 2>&1
}

# ---------------------------------------------------------------- setup

rm -rf "$RAW"
mkdir -p "$RAW"
: >"$RAW/records.tsv"
python3 "$BENCH_DIR/bench_tool.py" gen-order "$LARGE_NUMBERS" "$REQ_LARGE" || exit 1

for s in $SERVERS; do
    case "$s" in mock | mock-novalidate | ceiling | nginx | wiremock) ;; *) echo "bench: unknown server '$s'" >&2; exit 2 ;; esac
    STATUS[$s]=ok
    NOTE[$s]=""
    PID[$s]=""
done
for s in mock mock-novalidate; do
    [[ " $SERVERS " == *" $s "* ]] && [ ! -x "$BIN/mock_server" ] && fail_server "$s" "$BIN/mock_server not built"
done
[[ " $SERVERS " == *" ceiling "* ]] && [ ! -x "$BIN/pistache_ceiling" ] && fail_server ceiling "$BIN/pistache_ceiling not built"
[[ " $SERVERS " == *" nginx "* ]] && ! command -v nginx >/dev/null && fail_server nginx "nginx not installed (nginx-light)"
if [[ " $SERVERS " == *" wiremock "* ]]; then
    jars=("$BENCH_DIR"/node_modules/wiremock/build/wiremock-standalone-*.jar)
    if [ "$WIREMOCK" = off ]; then
        STATUS[wiremock]=skipped NOTE[wiremock]="WIREMOCK=off"
    elif ! command -v java >/dev/null; then
        STATUS[wiremock]=skipped NOTE[wiremock]="java not installed"
    else
        if [ ! -f "${jars[0]}" ] && command -v npm >/dev/null; then
            log "installing WireMock into bench/node_modules (npm ci)"
            (cd "$BENCH_DIR" && timeout 300 npm ci --no-audit --no-fund --loglevel=error) >"$RAW/npm-ci.log" 2>&1
            jars=("$BENCH_DIR"/node_modules/wiremock/build/wiremock-standalone-*.jar)
        fi
        if [ -f "${jars[0]}" ]; then
            WIREMOCK_JAR=${jars[0]}
        else
            STATUS[wiremock]=skipped NOTE[wiremock]="npm ci failed or npm missing (registry unreachable?), see raw/npm-ci.log"
        fi
    fi
    [ "${STATUS[wiremock]}" = skipped ] && log "wiremock skipped: ${NOTE[wiremock]}"
fi

meta() { rec meta - - 0 "$1" "$2"; }
meta date_utc "$(date -u '+%Y-%m-%d %H:%M UTC')"
meta git_commit "$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')"
meta cores "$(nproc)"
meta cpu "$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)"
meta memory "$(awk '/MemTotal/{printf "%.0f GiB RAM", $2/1048576}' /proc/meminfo)"
meta kernel "$(uname -r)"
meta os "$(. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME") ($(cat /etc/debian_version 2>/dev/null))"
meta loadavg_start "$(cut -d' ' -f1-3 /proc/loadavg)"
meta clk_tck "$(getconf CLK_TCK)"
meta rounds "$ROUNDS"
meta duration_s "$DURATION"
meta warmup_s "$WARMUP"
meta warmup_jvm_s "$WARMUP_JVM"
meta connections "$CONNECTIONS"
meta wrk_threads "$THREADS"
meta server_threads "$SERVER_THREADS"
meta startup_runs "$STARTUP_RUNS"
meta startup_runs_jvm "$STARTUP_RUNS_JVM"
meta large_numbers "$LARGE_NUMBERS"
meta vary "$VARY"
meta version_wrk "$(wrk -v 2>&1 | head -n 1 | awk '{print $2}')"
meta version_pistache "$(dpkg-query -W -f='${Version}' libpistache-dev 2>/dev/null)"
meta version_pugixml "$(dpkg-query -W -f='${Version}' libpugixml-dev 2>/dev/null)"
meta version_benchmark "$(dpkg-query -W -f='${Version}' libbenchmark-dev 2>/dev/null)"
CXX_USED=$(sed -n 's/^CMAKE_CXX_COMPILER:[A-Z]*=//p' "$BUILD_DIR/CMakeCache.txt")
meta version_gxx "$("${CXX_USED:-c++}" -dumpfullversion 2>/dev/null)"
meta build_type "$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$BUILD_DIR/CMakeCache.txt")"
NEIGHBOURS=""
note_neighbours() {
    local n c
    n=$(busy_neighbours)
    for c in ${n//,/ }; do [[ ",$NEIGHBOURS," == *",$c,"* ]] || NEIGHBOURS="${NEIGHBOURS:+$NEIGHBOURS,}$c"; done
}
note_neighbours
for s in $SERVERS; do
    [ "${STATUS[$s]}" = skipped ] || rec server "$s" - 0 version "$(server_version "$s")"
    rec server "$s" - 0 setup "$(server_setup "$s")"
done

est=$(( (WARMUP * 2 + ROUNDS * DURATION * 2) * $(active_servers | wc -l) + WARMUP_JVM ))
log "servers: $(active_servers | tr '\n' ' ')| rounds $ROUNDS x ${DURATION}s, ~$((est / 60 + 1)) min of load; raw output in $RAW"

# ---------------------------------------------------------------- 1. micro-benchmark

if [ "$MICRO" = on ] && [ -x "$BIN/validator_bench" ]; then
    log "validator micro-benchmark"
    run_fg timeout -k 5 900 "$BIN/validator_bench" --benchmark_out="$RAW/micro.json" --benchmark_out_format=json \
        --benchmark_min_time="$MICRO_MIN_TIME" --benchmark_repetitions=3 --benchmark_report_aggregates_only=true \
        >"$RAW/micro.txt" 2>&1 || rec note - - 0 micro "validator_bench failed: $(tail -n 2 "$RAW/micro.txt")"
    grep -E '_median' "$RAW/micro.txt" >&2
elif [ "$MICRO" = on ]; then
    rec note - - 0 micro "validator_bench is not built (the contracts library was missing at configure time)"
fi
note_neighbours

# ---------------------------------------------------------------- 2. start-up

max_runs=$STARTUP_RUNS
[ "${STATUS[wiremock]:-}" = ok ] && [ "$STARTUP_RUNS_JVM" -gt "$max_runs" ] && max_runs=$STARTUP_RUNS_JVM
for ((i = 1; i <= max_runs; i++)); do
    for s in $(active_servers); do
        if [ "$s" = wiremock ]; then [ "$i" -le "$STARTUP_RUNS_JVM" ] || continue
        else [ "$i" -le "$STARTUP_RUNS" ] || continue; fi
        if launch "$s" "start$i"; then
            rec startup "$s" - "$i" ms "$L_MS"
            if [ "$s" = mock ] && ! grep -q "^listening on http://127.0.0.1:$L_PORT" "$SCRATCH/$s-start$i/server.log"; then
                rec note - - 0 listening "mock_server did not print 'listening on http://127.0.0.1:$L_PORT' (log: $(head -c 200 "$SCRATCH/$s-start$i/server.log"))"
            fi
            t_stop=$EPOCHREALTIME
            halt "$L_PID"
            rec startup "$s" - "$i" stop_ms "$(awk -v a="$t_stop" -v b="$EPOCHREALTIME" 'BEGIN{printf "%.1f", (b-a)*1000}')"
        else
            rec startup "$s" - "$i" fail "$L_ERR"
            fail_server "$s" "start-up failed: $L_ERR"
        fi
    done
    log "start-up run $i/$max_runs done"
done

# ---------------------------------------------------------------- 3. load

for s in $(active_servers); do
    if launch "$s" load; then
        PID[$s]=$L_PID
        PORT[$s]=$L_PORT
        rec startup "$s" - load ms "$L_MS"
        log "$s up on 127.0.0.1:$L_PORT (pid $L_PID, first 201 after $L_MS ms)"
    else
        fail_server "$s" "start-up failed: $L_ERR"
    fi
done

run_scenario() { # KEY TITLE BODY_FILE JVM_WARMUP_SECONDS
    local key=$1 title=$2 body=$3 jvm_warmup=$4 s r res c0 c1 list rotated
    rec scenario - "$key" 0 title "$title"
    rec scenario - "$key" 0 body_bytes "$(wc -c <"$body")"
    log "scenario $key: $title"
    for s in $(active_servers); do verify "$s" "$key" "$body"; done
    for s in $(active_servers); do
        local w=$WARMUP
        [ "$s" = wiremock ] && w=$jvm_warmup
        [ "$w" -gt 0 ] || continue
        log "  warm-up $s ${w}s"
        load "$s" "$key" "$body" "$w" "$RAW/wrk-$key-$s-warmup.txt"
    done
    for ((r = 1; r <= ROUNDS; r++)); do
        mapfile -t list < <(active_servers)
        rotated=()
        for ((i = 0; i < ${#list[@]}; i++)); do rotated+=("${list[$(((i + r - 1) % ${#list[@]}))]}"); done
        for s in "${rotated[@]}"; do
            if ! proc_alive "${PID[$s]}"; then
                rec wrk "$s" "$key" "$r" error "server process died"
                fail_server "$s" "died during load ($key, round $r): $(tail -n 2 "$SCRATCH/$s-load/server.log" | tr '\n' ' ')"
                continue
            fi
            note_neighbours
            c0=$(cpu_ticks "${PID[$s]}")
            load "$s" "$key" "$body" "$DURATION" "$RAW/wrk-$key-$s-r$r.txt"
            c1=$(cpu_ticks "${PID[$s]}")
            res=$(grep '^BENCH_RESULT' "$RAW/wrk-$key-$s-r$r.txt")
            if [ -n "$res" ]; then
                rec wrk "$s" "$key" "$r" result "$res"
                rec wrk "$s" "$key" "$r" cpu_ticks "$((c1 - c0))"
                log "  [$key r$r] $s: $(awk '{for(i=1;i<=NF;i++) if ($i ~ /^(rps|p50_us|p99_us|err_status)=/) printf "%s ", $i}' <<<"$res")"
            else
                rec wrk "$s" "$key" "$r" error "wrk failed: $(tail -n 1 "$RAW/wrk-$key-$s-r$r.txt")"
                log "  [$key r$r] $s: wrk failed"
            fi
        done
    done
    for s in $(active_servers); do rec rss "$s" "$key" 0 kb "$(rss_kb "${PID[$s]}")"; done
}

run_scenario canned "documented create request ($(wc -c <"$REQ_SMALL") B, 3 numbers) -> canned 201 ($(wc -c <"$RESP") B)" "$REQ_SMALL" "$WARMUP_JVM"
run_scenario large "$LARGE_NUMBERS-number order ($(wc -c <"$REQ_LARGE") B) -> canned 201; only the mock validates it" "$REQ_LARGE" "$WARMUP"

for s in $SERVERS; do
    rec server "$s" - 0 status "${STATUS[$s]}"
    rec server "$s" - 0 note "${NOTE[$s]}"
    [ -n "${PID[$s]:-}" ] && halt "${PID[$s]}"
done
meta loadavg_end "$(cut -d' ' -f1-3 /proc/loadavg)"
meta neighbours "$NEIGHBOURS"

# ---------------------------------------------------------------- 4. report

mkdir -p "$OUT_DIR"
python3 "$BENCH_DIR/bench_tool.py" report "$RAW" "$OUT_DIR/latest.md" "$OUT_DIR/latest.json" \
    --notes "$BENCH_DIR/results/profile-notes.md" || { log "report failed"; exit 1; }
sed -n '/^## Targets/,/^## Scenario/p' "$OUT_DIR/latest.md" | sed '$d'
log "wrote $OUT_DIR/latest.md and $OUT_DIR/latest.json"
