#!/usr/bin/env bash
# The README's second command: every test. Formatting, clippy (warnings are
# errors), unit tests, the HTTP tests on SQLite and on PostgreSQL, the
# frontend's release build, and the browser tests in headless Chromium.
#
#   scripts/test.sh           everything; CI (.ci/run) runs exactly this
#   scripts/test.sh --quick   the developer's loop: formatting, clippy on the
#                             host crates, unit tests and the HTTP tests on
#                             SQLite (no PostgreSQL, no WASM build, no browser)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
export CARGO_TERM_COLOR=never

step() { printf '\n==> %s\n' "$*"; }
quick=0
case "${1:-}" in
  --quick) quick=1 ;;
  "") ;;
  *) echo "usage: scripts/test.sh [--quick]" >&2; exit 2 ;;
esac

if [ "$quick" = 1 ]; then
  step "formatting"
  cargo fmt --all -- --check
  step "clippy (server, shared, tests)"
  cargo clippy --workspace --exclude frontend --all-targets -- -D warnings
  step "unit tests and HTTP tests on SQLite"
  env -u TEST_DATABASE_URL cargo test --workspace
  step "quick tests passed (the full set: scripts/test.sh)"
  exit 0
fi

server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  scripts/postgres.sh stop || true
}
trap cleanup EXIT

step "tools"
scripts/ensure-tools.sh --tests

step "formatting"
cargo fmt --all -- --check

step "clippy (server, shared, tests)"
cargo clippy --workspace --exclude frontend --all-targets -- -D warnings
step "clippy (the WASM app)"
cargo clippy -p frontend --target wasm32-unknown-unknown -- -D warnings
cargo clippy -p frontend --features staff --target wasm32-unknown-unknown -- -D warnings

step "unit tests and HTTP tests on SQLite"
cargo test --workspace

step "HTTP tests on PostgreSQL"
pg_url=$(scripts/postgres.sh start)
TEST_DATABASE_URL="$pg_url" cargo test -p tests

step "frontend release build"
scripts/build-frontend.sh

if [ -f tests/browser/package.json ]; then
  step "browser tests (headless Chromium)"
  cargo build -p backend
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  data_dir=$(mktemp -d)
  DATA_DIR="$data_dir" BIND_ADDR="127.0.0.1:$port" DEMO_DATA=1 PUBLIC_DIR=dist \
    RUST_LOG=warn "${CARGO_TARGET_DIR:-target}/debug/backend" >"$data_dir/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 100); do
    curl -fsS "http://127.0.0.1:$port/api/health" >/dev/null 2>&1 && break
    sleep 0.2
  done
  (cd tests/browser && BASE_URL="http://127.0.0.1:$port" node --test --test-concurrency=1) || {
    echo "server log:"; tail -50 "$data_dir/server.log"; exit 1; }
fi

step "all tests passed"
