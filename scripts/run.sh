#!/usr/bin/env bash
# The README's first command: install what is missing, build the PWA
# (release, offline), migrate and seed an embedded SQLite database, and serve
# the API and the app on http://127.0.0.1:8080 (BIND_ADDR to change it).
#   DEMO_DATA=1 scripts/run.sh    sets up Bexley, the demo council, and its demo
#                                 people (README); without it there is no council
#                                 and the app shows what to run (Operator commands)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
scripts/ensure-tools.sh
scripts/build-frontend.sh
exec cargo run --release -p backend
