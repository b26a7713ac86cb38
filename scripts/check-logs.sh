#!/usr/bin/env bash
# Fails when a server log holds what must never be logged: a demo person's
# name or username (read from backend/src/seed/demo.rs, so new demo people
# are covered), a JWT (access or device token), a refresh token or a
# password.
#
#   scripts/check-logs.sh <log files...>
#
# scripts/test.sh runs it over the browser tests' server logs, which have
# signed in, posted and read as every demo person.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$#" -eq 0 ]; then
  echo "usage: scripts/check-logs.sh <log files...>" >&2
  exit 2
fi

demo=backend/src/seed/demo.rs
# Usernames: every "demo-..." string. Names: `name: "..."` of the young
# people and the display names of the staff tuples ("Sam Patel").
mapfile -t people < <(
  {
    grep -oP '"\Kdemo-[a-z0-9-]+(?=")' "$demo"
    grep -oP '^\s+name: "\K[^"]+(?=")' "$demo"
    grep -oP '"\K[A-Z][a-z]+ [A-Z][a-z]+(?=",)' "$demo"
  } | sort -u
)
if [ "${#people[@]}" -lt 10 ]; then
  echo "check-logs: found only ${#people[@]} demo people in $demo; has its layout changed?" >&2
  exit 2
fi
password=$(grep -oP 'pub const DEMO_PASSWORD: &str = "\K[^"]+' "$demo")

failed=0
report() { # file, what, matching lines
  echo "check-logs: $1 holds $2:" >&2
  printf '%s\n' "$3" | head -5 | cut -c1-300 >&2
  failed=1
}

for log in "$@"; do
  [ -f "$log" ] || { echo "check-logs: no such file: $log" >&2; exit 2; }
  for who in "${people[@]}"; do
    # Whole words only: "Leo" is a name, "Leopard" is not.
    if hits=$(grep -nwF -- "$who" "$log"); then
      report "$log" "a demo person's name ($who)" "$hits"
    fi
  done
  # A JWT: base64url of '{"' starts every header and payload.
  if hits=$(grep -nE 'eyJ[A-Za-z0-9_-]{8,}' "$log"); then
    report "$log" "a JWT" "$hits"
  fi
  # A refresh token: 32 random bytes as base64url, 43 characters on their
  # own (a 64-character hash or a uuid is not one).
  if hits=$(grep -nE '(^|[^A-Za-z0-9_-])[A-Za-z0-9_-]{43}([^A-Za-z0-9_-]|$)' "$log" \
    | grep -E '[A-Z]' | grep -E '[a-z]' | grep -E '[0-9]'); then
    report "$log" "what looks like a refresh token" "$hits"
  fi
  if hits=$(grep -niE 'refresh_token"?[:=] *"?[A-Za-z0-9_-]{16}' "$log"); then
    report "$log" "a refresh token" "$hits"
  fi
  if hits=$(grep -nF -- "$password" "$log"); then
    report "$log" "the demo password" "$hits"
  fi
  if hits=$(grep -niE 'password"?[:=] *"?[^",} ]{4}' "$log"); then
    report "$log" "a password" "$hits"
  fi
done

if [ "$failed" = 1 ]; then
  exit 1
fi
echo "check-logs: ${#people[@]} demo names, tokens and passwords: none in $# log file(s)"
