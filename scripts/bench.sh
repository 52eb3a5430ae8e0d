#!/usr/bin/env bash
# Whole-process measurements for docs/BENCHMARKS.md: start to first frame, demo generation time,
# idle CPU on the session screen and resident memory, all on a release build with isolated XDG
# directories in a scratch folder. Installs nothing.
#
# Needs: cargo, hyperfine, tmux, script (util-linux), /usr/bin/time (GNU time), getconf, jq,
# column (bsdextrautils). Debian/Ubuntu: apt-get install -y hyperfine tmux bsdutils time jq bsdextrautils
#
# Usage: scripts/bench.sh [all|criterion|startup|demo|idle|memory]   (default: all)
# Environment:
#   BIN=path        binary to measure (default: target/release/ironpulse, built first)
#   IDLE_SECS=60    how long each idle CPU sample runs
#   RUNS=30         hyperfine runs per start-up case
#   KEEP=1          keep the scratch folder (printed at the end)
#
# `criterion` runs the in-process benches (cargo bench) and prints criterion's medians and the
# set-commit percentiles; the other parts measure the release binary as a whole process.
set -euo pipefail

what=${1:-all}
here=$(cd "$(dirname "$0")/.." && pwd)
IDLE_SECS=${IDLE_SECS:-60}
RUNS=${RUNS:-30}
WIDTH=120
HEIGHT=40

for tool in hyperfine tmux script getconf /usr/bin/time jq column; do
    command -v "$tool" >/dev/null || { echo "bench.sh: needs $tool (see the header of this script)" >&2; exit 2; }
done

if [[ -z ${BIN:-} ]]; then
    (cd "$here" && cargo build --release --quiet)
    BIN=$here/target/release/ironpulse
fi
# Measure a private copy, so another build replacing the binary mid-run changes nothing.
work=$(mktemp -d "${TMPDIR:-/tmp}/ironpulse-bench.XXXXXX")
cp "$BIN" "$work/ironpulse"
BIN=$work/ironpulse
cleanup() {
    tmux -S "$work/tmux.sock" kill-server 2>/dev/null || true
    if [[ -n ${KEEP:-} ]]; then echo "scratch folder kept: $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

# cargo and rustup live under the real home.
real_home=$HOME
# Isolated home: nothing read from or written to the real config, data, state or cache dirs.
for d in home config data state cache; do mkdir -p "$work/$d"; done
export HOME=$work/home XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data \
    XDG_STATE_HOME=$work/state XDG_CACHE_HOME=$work/cache
unset NO_COLOR IRONPULSE_DB IRONPULSE_LOG TMUX
default_db=$XDG_DATA_HOME/ironpulse/ironpulse.db
demo_db=$work/demo-10y.db
profile_db=$work/profile.db
empty_db=$work/empty.db

section() { printf '\n== %s ==\n' "$*"; }

rm_db() { rm -f "$1" "$1-wal" "$1-shm" "$1.lock"; }

make_demo_db() {
    [[ -f $demo_db ]] || "$BIN" demo --years 10 --seed 1 --db "$demo_db" --no-tui >/dev/null
}

# --- tmux helpers: one private server, one pane running the binary directly ------------------
TMUX_CMD=(tmux -S "$work/tmux.sock" -f /dev/null)

tui_start() { # db → starts ironpulse on db in a WIDTH×HEIGHT pane
    "${TMUX_CMD[@]}" kill-server 2>/dev/null || true
    "${TMUX_CMD[@]}" new-session -d -s bench -x "$WIDTH" -y "$HEIGHT" -- "$BIN" --db "$1"
    "${TMUX_CMD[@]}" set -g remain-on-exit on >/dev/null
}
tui_pid() { "${TMUX_CMD[@]}" list-panes -t bench -F '#{pane_pid}'; }
screen() { "${TMUX_CMD[@]}" capture-pane -p -t bench; }
keys() { "${TMUX_CMD[@]}" send-keys -t bench "$@"; }
typed() { "${TMUX_CMD[@]}" send-keys -t bench -l -- "$1"; }
wait_for() { # text → waits up to 10 s for text on the screen
    local deadline=$((SECONDS + 10))
    until screen | grep -qF -- "$1"; do
        if ((SECONDS > deadline)); then
            echo "bench.sh: timed out waiting for '$1'; screen:" >&2
            screen >&2
            exit 1
        fi
        sleep 0.05
    done
}
onboard() { # fills the first-run profile form (as tests/tui_e2e.rs does)
    # Units (kg), body weight, sex, birth year, max HR (empty = Tanaka), resting HR, LTHR,
    # zones (karvonen), bar weight, plates: Enter moves on, and saves on the last field.
    wait_for "Welcome to ironpulse"
    keys Enter; typed 80; keys Enter Enter; typed 1990; keys Enter Enter; typed 55
    keys Enter Enter Enter Enter Enter
    wait_for "No session running."
}
add_exercise() { # query name
    wait_for "Add exercise — type to search"
    typed "$1"; wait_for "> $1"; keys Enter; wait_for "Set — $2"
}

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# Run time of every thread in ns (schedstat): the same quantity at a finer grain than clock ticks.
cpu_ns() { cat /proc/"$1"/task/*/schedstat | awk '{ s += $1 } END { printf "%d", s }'; }
idle_cpu() { # label → samples utime+stime of the TUI over IDLE_SECS, prints % of one core
    local pid t0 t1 n0 n1 hz
    pid=$(tui_pid); hz=$(getconf CLK_TCK)
    sleep 2 # let the last key's redraw settle
    t0=$(cpu_ticks "$pid"); n0=$(cpu_ns "$pid")
    sleep "$IDLE_SECS"
    t1=$(cpu_ticks "$pid"); n1=$(cpu_ns "$pid")
    awk -v a="$t0" -v b="$t1" -v na="$n0" -v nb="$n1" -v hz="$hz" -v s="$IDLE_SECS" -v l="$1" \
        'BEGIN { printf "idle CPU  %-48s utime+stime %d ticks in %ds = %.3f %% of one core (schedstat %.1f ms = %.4f %%)\n", l, b - a, s, 100 * (b - a) / hz / s, (nb - na) / 1e6, 100 * (nb - na) / 1e9 / s }'
}
memory() { # label → VmHWM / VmRSS of the running TUI
    local pid
    pid=$(tui_pid)
    awk -v l="$1" '/^VmHWM|^VmRSS/ { v[$1] = $2 } END { printf "memory    %-48s VmHWM %6.1f MB  VmRSS %6.1f MB\n", l, v["VmHWM:"] / 1024, v["VmRSS:"] / 1024 }' "/proc/$pid/status"
}

# --- measurements ------------------------------------------------------------------------------
# Start to first frame is timed two ways:
#  1. hyperfine running inside a tmux pane (a real terminal, WIDTH×HEIGHT) with --output=inherit,
#     so the binary draws into the pane itself and nothing sits in between: the net figure.
#  2. under `script` (util-linux), as a cross-check. `script` adds ~20 ms that does not simply add
#     up (it overlaps with the program's own work), so raw − baseline is not a net time.
in_pane() { # script-file → runs it in a fresh WIDTH×HEIGHT tmux pane and waits for it to end
    "${TMUX_CMD[@]}" kill-server 2>/dev/null || true
    "${TMUX_CMD[@]}" new-session -d -s pane -x "$WIDTH" -y "$HEIGHT" -- \
        bash -c "bash '$1'; tmux -S '$work/tmux.sock' wait-for -S pane-done"
    "${TMUX_CMD[@]}" wait-for pane-done
    "${TMUX_CMD[@]}" kill-server 2>/dev/null || true
}
medians() { # hyperfine JSON → one "name  median  min  max" line per command, in ms
    awk -F': ' '
        /"command"/ { name = $2; sub(/^"/, "", name); sub(/",?$/, "", name) }
        /"median"/  { gsub(/,/, "", $2); median = $2 * 1000 }
        /"min"/     { gsub(/,/, "", $2); min = $2 * 1000 }
        /"max"/     { gsub(/,/, "", $2); printf "  %-40s median %7.2f ms  min %7.2f  max %7.2f\n", name, median, min, $2 * 1000 }
    ' "$1"
}
first_frame_cmd() { # db (empty: the default path) → the binary on that db
    echo "$BIN${1:+ --db $1}"
}
script_cmd() { # db → the same under script with a WIDTH×HEIGHT pty, for hyperfine -N
    echo "script -qc 'stty cols $WIDTH rows $HEIGHT && IRONPULSE_EXIT_AFTER_FIRST_FRAME=1 exec $(first_frame_cmd "$1")' /dev/null"
}

run_startup() {
    make_demo_db
    rm_db "$empty_db"
    eval "$(script_cmd "$empty_db")" </dev/null >/dev/null # creates + seeds it
    rm_db "$profile_db"
    tui_start "$profile_db"; onboard; "${TMUX_CMD[@]}" kill-server

    section "start to first frame, ${WIDTH}x${HEIGHT}, hyperfine inside a tmux pane (net)"
    {
        echo "export IRONPULSE_EXIT_AFTER_FIRST_FRAME=1"
        printf '%q ' hyperfine -N --style none --output=inherit --warmup 3 --runs "$RUNS" \
            --export-json "$work/ff.json" \
            -n "exec /bin/true (spawn floor)" /bin/true \
            -n "empty db (onboarding form)" "$(first_frame_cmd "$empty_db")" \
            -n "profile, no sessions (dashboard)" "$(first_frame_cmd "$profile_db")" \
            -n "10-year demo db (dashboard)" "$(first_frame_cmd "$demo_db")"
        echo
        # A fresh first run: no database yet; it is created, migrated and seeded.
        printf '%q ' hyperfine -N --style none --output=inherit --warmup 1 --runs "$RUNS" \
            --export-json "$work/ff-first.json" --prepare "rm -rf $XDG_DATA_HOME/ironpulse" \
            -n "first run (create + migrate + seed)" "$(first_frame_cmd "")"
        echo
    } >"$work/pane.sh"
    in_pane "$work/pane.sh"
    medians "$work/ff.json"
    medians "$work/ff-first.json"

    section "start to first frame under script (raw; baseline = script + stty + /bin/true)"
    hyperfine -N --style none --warmup 3 --runs "$RUNS" --export-json "$work/script.json" \
        -n "baseline" "script -qc 'stty cols $WIDTH rows $HEIGHT && exec /bin/true' /dev/null" \
        -n "empty db" "$(script_cmd "$empty_db")" \
        -n "10-year demo db" "$(script_cmd "$demo_db")" >/dev/null
    medians "$work/script.json"

    section "peak memory of one start to first frame (GNU time %M = VmHWM)"
    for db in "$empty_db" "$demo_db"; do
        script -qc "stty cols $WIDTH rows $HEIGHT && IRONPULSE_EXIT_AFTER_FIRST_FRAME=1 /usr/bin/time -f %M -o $work/rss $BIN --db $db" /dev/null </dev/null >/dev/null
        printf 'max RSS   %-48s %6.1f MB\n' "$(basename "$db")" "$(awk '{print $1 / 1024}' "$work/rss")"
    done
}

run_criterion() { # the in-process benches; medians from criterion's estimates, in µs
    section "cargo bench (criterion medians, µs, with the 95 % interval of the median)"
    (cd "$here" && HOME=$real_home cargo bench --bench core --bench startup >"$work/criterion.log" 2>&1) ||
        { cat "$work/criterion.log" >&2; exit 1; }
    find "$here/target/criterion" -path '*/new/estimates.json' | sort | while read -r f; do
        name=${f#"$here/target/criterion/"}
        jq -r --arg n "${name%/new/estimates.json}" \
            '.median | "  \($n)\t\(.point_estimate / 10 | round / 100)\t[\(.confidence_interval.lower_bound / 10 | round / 100) – \(.confidence_interval.upper_bound / 10 | round / 100)]"' "$f"
    done | column -t -s $'\t'
    section "cargo bench --bench commit (set commit latency percentiles)"
    (cd "$here" && HOME=$real_home cargo bench --bench commit 2>/dev/null | tail -n 4)
}

run_demo() {
    section "demo generation, --years 10 --seed 1 (note: no HR samples generated yet)"
    hyperfine -N --style none --warmup 1 --runs 5 --export-json "$work/demo.json" \
        --prepare "rm -f $work/gen.db $work/gen.db-wal $work/gen.db-shm $work/gen.db.lock" \
        -n "demo --years 10 --seed 1" "$BIN demo --years 10 --seed 1 --db $work/gen.db --no-tui" >/dev/null
    medians "$work/demo.json"
    ls -l "$work/gen.db" | awk '{printf "demo db size: %.1f MB\n", $5 / 1048576}'
}

run_idle() {
    section "idle CPU and memory in the TUI (tmux ${WIDTH}x${HEIGHT}, ${IDLE_SECS}s each, no strap)"
    rm_db "$profile_db"
    tui_start "$profile_db"
    onboard
    idle_cpu "dashboard, no session"
    memory "dashboard, no session (profile only)"
    keys s
    add_exercise "squat" "Back Squat"
    idle_cpu "session screen, no set yet (session clock 1 Hz)"
    typed "100x5@8"; keys Enter; wait_for "Logged Back Squat"
    screen | grep -qi "rest" || echo "warning: no rest timer visible" >&2
    idle_cpu "session screen, rest timer running (1 Hz)"
    memory "session screen, 1 exercise, 1 set"
    "${TMUX_CMD[@]}" kill-server
    run_memory_demo
}

run_memory_demo() { # on a copy: the start-up timings want the demo db without a session
    make_demo_db
    rm_db "$work/demo-copy.db"
    cp "$demo_db" "$work/demo-copy.db"
    tui_start "$work/demo-copy.db"
    wait_for "Dashboard"
    sleep 2
    memory "10-year demo db, dashboard"
    idle_cpu "10-year demo db, dashboard, no session"
    keys s
    add_exercise "squat" "Back Squat"
    typed "100x5@8"; keys Enter; wait_for "Logged Back Squat"
    sleep 1
    memory "10-year demo db, session, 1 set logged"
    "${TMUX_CMD[@]}" kill-server
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(awk '/MemTotal/ {printf "%.1f GB", $2 / 1048576}' /proc/meminfo) RAM"
echo "binary:  $BIN ($(cd "$here" && git rev-parse --short HEAD 2>/dev/null || echo unknown)$(cd "$here" && git diff --quiet 2>/dev/null || echo ', dirty tree'))"
case $what in
    startup) run_startup ;;
    demo) run_demo ;;
    idle) run_idle ;;
    criterion) run_criterion ;;
    memory) run_memory_demo ;;
    all) run_criterion; run_demo; run_idle; run_startup ;;
    *) echo "usage: $0 [all|criterion|startup|demo|idle|memory]" >&2; exit 2 ;;
esac
