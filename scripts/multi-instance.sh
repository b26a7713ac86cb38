#!/usr/bin/env bash
# Several instances (issue 10): two servers on one PostgreSQL database behind
# the production nginx site (deploy/nginx, rendered for loopback by
# scripts/nginx-site.sh, over https), and three checks:
#   1. a token from one instance works on the other (and through nginx,
#      which spreads requests over both);
#   2. a refresh token rotated on one is rejected by both;
#   3. a scheduled reminder, due while both run their background workers,
#      is sent once: one job run, one notification, one push to the
#      (loopback) push service.
#
#   scripts/multi-instance.sh
#
# Uses ports 18100 (nginx, https) and 18104 (its http), 18101 and 18102 (the
# servers), 18103 (the push service); PostgreSQL at $TEST_DATABASE_URL, else scripts/postgres.sh's
# (started when it does not answer; never stopped here). A fresh database
# is made and dropped. Exits 0 when every check passes.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

LB_PORT=${LB_PORT:-18100}
A_PORT=${A_PORT:-18101}
B_PORT=${B_PORT:-18102}
SINK_PORT=${SINK_PORT:-18103}
LB_HTTP_PORT=${LB_HTTP_PORT:-18104}

step() { printf '==> %s\n' "$*"; }

# nginx and its brotli module (Debian's), and openssl for the certificate.
scripts/ensure-tools.sh --tests >/dev/null

pg_server=${TEST_DATABASE_URL:-}
if [ -z "$pg_server" ]; then
  pg_server=$(scripts/postgres.sh start)
fi
command -v psql >/dev/null || { echo "psql is missing (apt-get install postgresql-client)" >&2; exit 1; }

step "building the server"
cargo build -q -p backend --bin backend
BIN="${CARGO_TARGET_DIR:-target}/debug/backend"

work=$(mktemp -d)
db="gfm_multi_$(date +%s)_$$"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  [ -f "$work/nginx/nginx.pid" ] && kill "$(cat "$work/nginx/nginx.pid" 2>/dev/null)" 2>/dev/null || true
  sleep 0.5
  psql "$pg_server" -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
psql "$pg_server" -qc "CREATE DATABASE $db" >/dev/null
DB_URL="${pg_server%/*}/$db"

# Both instances: loopback push allowed (the test's push service), the
# background worker looking for work every second.
cat >"$work/config.toml" <<EOF
[push]
allow_loopback_http = true
poll_secs = 1
EOF

start() { # name port
  mkdir -p "$work/$1"
  DATA_DIR="$work/$1" GFM_CONFIG="$work/config.toml" DATABASE_URL="$DB_URL" \
    BIND_ADDR="127.0.0.1:$2" DEMO_DATA=1 PUBLIC_DIR="$work/dist" BACKGROUND_JOBS=1 \
    RUST_LOG=warn "$BIN" >"$work/$1.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 150); do
    curl -fsS "http://127.0.0.1:$2/api/health" >/dev/null 2>&1 && return 0
    sleep 0.2
  done
  echo "instance $1 did not start:" >&2
  tail -20 "$work/$1.log" >&2
  exit 1
}

step "two instances on one database"
# The first migrates and adds the demo people; the second shares its keys.
start a "$A_PORT"
mkdir -p "$work/b"
cp "$work/a/secrets.toml" "$work/b/secrets.toml"
start b "$B_PORT"

step "the production nginx site (deploy/nginx) in front of both, https on :$LB_PORT"
nginx_cmd=$(scripts/nginx-site.sh "$work/nginx" "$LB_HTTP_PORT" "$LB_PORT" "$work/dist" "$A_PORT" "$B_PORT")
$nginx_cmd 2>"$work/nginx-start.log" &
pids+=($!)
for _ in $(seq 1 50); do
  curl -fsS --cacert "$work/nginx/tls/fullchain.pem" "https://127.0.0.1:$LB_PORT/api/health" >/dev/null 2>&1 && break
  sleep 0.2
done

step "checks"
A="http://127.0.0.1:$A_PORT" B="http://127.0.0.1:$B_PORT" LB="https://127.0.0.1:$LB_PORT" \
  CHECKS_CA_FILE="$work/nginx/tls/fullchain.pem" SINK_PORT="$SINK_PORT" PG_URL="$DB_URL" \
  UPSTREAM_LOG="$work/nginx/logs/upstreams.log" \
  python3 scripts/multi-instance-checks.py || {
  echo "--- instance a"; tail -20 "$work/a.log"
  echo "--- instance b"; tail -20 "$work/b.log"
  exit 1
}
