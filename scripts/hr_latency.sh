#!/usr/bin/env bash
# Heart-rate notification → on screen latency, end to end, for docs/BENCHMARKS.md: the release
# TUI in a 140×40 tmux pane on the session screen, connected through btleplug/libdbus to the fake
# BlueZ on a private dbus-daemon; 60 notifications with distinctive BPMs, each timed from the
# moment the fake wrote it to the bus until `tmux capture-pane` shows it in the header.
# The harness is tests/hr_latency.rs (an ignored test). Installs nothing.
#
# Needs: cargo, tmux, dbus-daemon. Debian/Ubuntu: apt-get install -y tmux dbus-daemon
#
# Usage: scripts/hr_latency.sh
# Environment:
#   CARGO_TARGET_DIR   where the release build goes (default: cargo's)
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
for tool in cargo tmux dbus-daemon; do
    command -v "$tool" >/dev/null || { echo "hr_latency.sh: needs $tool (see the header of this script)" >&2; exit 2; }
done
cd "$here"
cargo test --release --test hr_latency -- --ignored --nocapture --test-threads 1 2>&1 |
    grep -E 'notification →|all \(ms\)|test result|panicked'
