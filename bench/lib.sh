# shellcheck shell=bash
# Process helpers for bench/run.sh (source this file). Everything is done by PID, never by name.

# Fork-free short sleep (read with a timeout on a pipe nobody writes to).
exec {BENCH_NAP_FD}<> <(:)
nap() { read -rt "$1" -u "$BENCH_NAP_FD" _ || true; }

# All descendant PIDs of PID (from /proc/PID/task/*/children).
descendants() {
    local t c kids
    for t in /proc/"$1"/task/*/children; do
        kids=()
        [ -r "$t" ] && read -r -a kids <"$t" 2>/dev/null
        for c in "${kids[@]}"; do
            echo "$c"
            descendants "$c"
        done
    done
}

# True while PID exists and is not a zombie.
proc_alive() {
    local line
    { read -r line <"/proc/$1/stat"; } 2>/dev/null || return 1
    line=${line##*) }
    [ "${line%% *}" != Z ]
}

# Sum of VmRSS (kB) over PID and all its descendants.
rss_kb() {
    local total=0 p v
    for p in "$1" $(descendants "$1"); do
        v=$(awk '/^VmRSS:/{print $2}' "/proc/$p/status" 2>/dev/null)
        total=$((total + ${v:-0}))
    done
    echo "$total"
}

# Sum of utime+stime (clock ticks, all threads) over PID and all its descendants.
cpu_ticks() {
    local total=0 p v line
    for p in "$1" $(descendants "$1"); do
        line=$(cat "/proc/$p/stat" 2>/dev/null) || continue
        line=${line##*) }
        # fields after "comm)": state=1 ... utime=12 stime=13
        v=$(echo "$line" | awk '{print $12 + $13}')
        total=$((total + ${v:-0}))
    done
    echo "$total"
}

# stop_tree PID: SIGTERM to PID and its descendants, wait until all have exited (2 ms polling,
# up to 10 s), then SIGKILL what is left; reap PID. Prints nothing.
stop_tree() {
    local pid=$1 pids p i alive=""
    proc_alive "$pid" || { wait "$pid" 2>/dev/null; return 0; }
    pids="$pid $(descendants "$pid")"
    # shellcheck disable=SC2086 # a list of PIDs
    kill -TERM $pids 2>/dev/null
    for ((i = 0; i < 5000; i++)); do
        alive=""
        for p in $pids; do proc_alive "$p" && alive="$alive $p"; done
        [ -z "$alive" ] && break
        nap 0.002
    done
    # shellcheck disable=SC2086 # a list of PIDs
    [ -n "$alive" ] && kill -KILL $alive 2>/dev/null
    wait "$pid" 2>/dev/null
    return 0
}

# Names of compilers/linkers running right now (other work sharing the cores), comma-separated.
# (Only tools the benchmark never starts itself, so its own java/wrk do not count.)
busy_neighbours() {
    local f c seen=""
    for f in /proc/[0-9]*/comm; do
        c=$(cat "$f" 2>/dev/null) || continue
        case "$c" in
            cc1plus | cc1 | lto1 | ld | ld.gold | collect2 | ctest | valgrind* | perf)
                case ",$seen," in *",$c,"*) ;; *) seen="${seen:+$seen,}$c" ;; esac ;;
        esac
    done
    echo "$seen"
}
