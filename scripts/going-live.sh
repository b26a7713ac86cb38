#!/usr/bin/env bash
# The README's "Going live", followed by a program, on SQLite and on
# PostgreSQL (scripts/going-live.py says each step): an empty database,
# the operator commands, the first administrator signed in in a real
# browser through the production nginx site, 500 young people and 20 staff
# imported, the sign-in throttle behind the proxy, /metrics, and a backup
# wiped and restored table by table.
#
#   scripts/going-live.sh [sqlite|postgres]...   (default: both)
#
# Needs the server's debug build and the built app (dist/): scripts/test.sh
# builds both before it runs this. Ports 18110-18112 (sqlite) and
# 18120-18122 (postgres).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
target=$(cd "${CARGO_TARGET_DIR:-target}" && pwd)
BIN=${BACKEND_BIN:-$target/debug/backend}
[ -x "$BIN" ] || { echo "going-live: no server build at $BIN (cargo build -p backend)" >&2; exit 1; }
[ -f dist/index.html ] || { echo "going-live: no built app in dist/ (scripts/build-frontend.sh)" >&2; exit 1; }

# The systemd units as a council installs them, pointed at this build:
# systemd reads every line (a misspelt key or value is a warning it prints,
# so any output fails). Only where systemd's tools are installed.
if command -v systemd-analyze >/dev/null 2>&1; then
  printf '==> the systemd units (systemd-analyze verify)\n'
  units=$(mktemp -d)
  touch "$units/goodforme.env"
  for unit in deploy/systemd/*.service; do
    sed -e "s#/opt/goodforme/bin/backend#$BIN#g" -e "s#/etc/goodforme/goodforme.env#$units/goodforme.env#" \
      "$unit" >"$units/$(basename "$unit")"
  done
  said=$(cd "$units" && systemd-analyze verify ./*.service 2>&1) || true
  rm -rf "$units"
  if [ -n "$said" ]; then echo "$said" >&2; echo "going-live: systemd finds fault with deploy/systemd" >&2; exit 1; fi
else
  printf '==> the systemd units: not checked (no systemd-analyze on this machine)\n'
fi

kinds=("$@")
[ "${#kinds[@]}" -gt 0 ] || kinds=(sqlite postgres)
for kind in "${kinds[@]}"; do
  case "$kind" in
    sqlite) base=18110 ;;
    postgres) base=18120; PG_SERVER=${TEST_DATABASE_URL:-$(scripts/postgres.sh start)}; export PG_SERVER ;;
    *) echo "usage: $0 [sqlite|postgres]..." >&2; exit 2 ;;
  esac
  printf '==> going live on %s\n' "$kind"
  work=$(mktemp -d)
  BIN="$BIN" DIST="$PWD/dist" WORK="$work" DB="$kind" PORT=$base \
    NGINX_HTTP=$((base + 1)) NGINX_HTTPS=$((base + 2)) \
    python3 scripts/going-live.py || {
      echo "--- server log (last lines)"; tail -30 "$work/server.log" 2>/dev/null || true
      exit 1
    }
done
