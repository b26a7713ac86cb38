#!/usr/bin/env bash
# Starts a throwaway PostgreSQL on loopback for the tests (Debian's packages),
# unless one is already answering there, and prints its URL.
#   scripts/postgres.sh start    (default)     scripts/postgres.sh stop
set -euo pipefail
PGPORT=${PGPORT:-55432}
PGDIR=${PGDIR:-/tmp/goodforme-pg-$PGPORT}
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$PGBIN" ]; then
  echo "PostgreSQL is not installed: run scripts/ensure-tools.sh --tests" >&2; exit 1
fi
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
case "${1:-start}" in
  stop)
    [ -d "$PGDIR/data" ] && as_pg "$PGBIN/pg_ctl" -D "$PGDIR/data" -m fast -w stop >/dev/null || true
    exit 0 ;;
  start) ;;
  *) echo "usage: $0 [start|stop]" >&2; exit 2 ;;
esac
if ! "$PGBIN/pg_isready" -q -h 127.0.0.1 -p "$PGPORT"; then
  rm -rf "$PGDIR"
  mkdir -p "$PGDIR"
  [ "$(id -u)" = 0 ] && chown postgres "$PGDIR"
  as_pg "$PGBIN/initdb" -D "$PGDIR/data" -A trust -U postgres --no-sync -E UTF8 >/dev/null
  # Durability off: this cluster only ever holds test data.
  as_pg "$PGBIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/log" -w -o \
    "-p $PGPORT -k $PGDIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
    start >/dev/null
fi
echo "postgres://postgres@127.0.0.1:$PGPORT/postgres"
