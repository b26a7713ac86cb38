#!/usr/bin/env bash
# The README's second command: every test. Formatting, the dependency
# check (cargo deny), clippy (warnings are errors), unit tests, the HTTP
# tests on SQLite and on PostgreSQL, the frontend's release build, the
# browser tests in headless Chromium, and the Going live steps behind nginx.
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
# The harm check's recall and false alarms on its two corpora, in the log.
harm_figures() {
  step "harm corpus figures"
  cargo test -q -p shared --test harm_corpus -- --nocapture --test-threads 1 2>&1 \
    | grep -oE 'harm corpus.*|^recall.*|^  (MISSED|FALSE ALARM):.*' || true
}
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
  OPENAPI_VALIDATOR=$(scripts/openapi-validator.sh)
  export OPENAPI_VALIDATOR
  env -u TEST_DATABASE_URL cargo test --workspace
  harm_figures
  step "quick tests passed (the full set: scripts/test.sh)"
  exit 0
fi

trap 'scripts/postgres.sh stop || true' EXIT

step "tools"
scripts/ensure-tools.sh --tests
OPENAPI_VALIDATOR=$(scripts/openapi-validator.sh)
export OPENAPI_VALIDATOR

step "formatting"
cargo fmt --all -- --check

step "dependencies: licences, bans and sources (deny.toml)"
# Offline: the advisory database cannot be fetched here (see deny.toml).
# Two versions of one crate are only warned of; the last line is the verdict.
if ! deny=$(cargo deny --offline check --hide-inclusion-graph licenses bans sources 2>&1); then
  echo "$deny"; exit 1
fi
echo "$deny" | tail -1

step "clippy (server, shared, tests)"
cargo clippy --workspace --exclude frontend --all-targets -- -D warnings
step "clippy (the WASM app)"
cargo clippy -p frontend --target wasm32-unknown-unknown -- -D warnings
cargo clippy -p frontend --features staff --target wasm32-unknown-unknown -- -D warnings

step "unit tests and HTTP tests on SQLite"
cargo build -p backend   # the operator test runs the real binary (api::operator)
cargo test --workspace
harm_figures

step "HTTP tests on PostgreSQL"
pg_url=$(scripts/postgres.sh start)
TEST_DATABASE_URL="$pg_url" cargo test -p tests

step "frontend release build"
scripts/build-frontend.sh

if [ -f tests/browser/package.json ]; then
  # Each test file starts its own server (tests/browser/server.mjs) from the
  # debug build, with fresh demo data, so files run side by side.
  step "browser tests (headless Chromium, a fresh server per file)"
  cargo build -p backend
  target=$(cd "${CARGO_TARGET_DIR:-target}" && pwd)
  rm -f tests/browser/artifacts/*.server.log
  started=$SECONDS
  (cd tests/browser && env -u BASE_URL BACKEND_BIN="$target/debug/backend" \
    node --test --test-concurrency="${BROWSER_JOBS:-2}") || {
    for log in tests/browser/artifacts/*.server.log; do
      [ -f "$log" ] && { echo "$log:"; tail -20 "$log"; }
    done
    exit 1; }
  echo "browser tests took $((SECONDS - started)) s"
  step "no names, tokens or passwords in the browser tests' server logs"
  scripts/check-logs.sh tests/browser/artifacts/*.server.log

  step "going live: the README's steps from an empty database, behind nginx (SQLite, PostgreSQL)"
  TEST_DATABASE_URL="$pg_url" scripts/going-live.sh sqlite postgres
fi

step "all tests passed"
