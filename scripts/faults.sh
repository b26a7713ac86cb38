#!/usr/bin/env bash
# Faults (issue 10), repeatable: PostgreSQL restarted under load, the server
# killed while forms are being sent, SQLite's disk full. See scripts/faults.py
# for what each checks; the push service down for an hour is an HTTP test
# (cargo test -p tests faults).
#
#   scripts/faults.sh [restart] [kill] [diskfull]
#
# Uses ports 18110-18113 and a PostgreSQL cluster of its own (started and
# removed here, from Debian's PostgreSQL packages); "diskfull" needs root
# (it mounts a small tmpfs) and is skipped otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
cargo build -q -p backend --bin backend --bin generate
target="${CARGO_TARGET_DIR:-target}/debug"
BACKEND_BIN="$target/backend" GENERATE_BIN="$target/generate" python3 scripts/faults.py "$@"
