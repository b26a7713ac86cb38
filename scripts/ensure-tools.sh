#!/usr/bin/env bash
# Installs what the project needs when it is missing, and skips what is there.
#   scripts/ensure-tools.sh            build tools: wasm32 target, trunk, wasm-bindgen, wasm-opt
#   scripts/ensure-tools.sh --tests    also chromium, postgresql and the browser tests' npm packages
# Everything comes from the package registries (crates.io, Debian, npm); nothing
# downloads a prebuilt binary or a browser.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132
want_tests=0
[ "${1:-}" = "--tests" ] && want_tests=1

say() { printf '==> %s\n' "$*" >&2; }
export PATH="$HOME/.cargo/bin:$PATH"

# Building tools from source: thin settings halve the time on 2 cores.
fast_install() {
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    CARGO_PROFILE_RELEASE_OPT_LEVEL=1 cargo install "$@"
}

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32 target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (about 8 minutes)"
  fast_install --locked trunk --version "$TRUNK_VERSION"
fi

# wasm-bindgen-cli must match the wasm-bindgen crate in Cargo.lock exactly.
WB_VERSION=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)
if [ -z "$WB_VERSION" ]; then
  say "Cargo.lock names no wasm-bindgen version"; exit 1
fi
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WB_VERSION" ]; then
  say "installing wasm-bindgen-cli $WB_VERSION (about 6 minutes)"
  # Not --locked: its lockfile pins a crate version the registry no longer
  # offers (seen with 0.2.130 and webpki-roots 1.0.11).
  fast_install wasm-bindgen-cli --version "$WB_VERSION"
fi

need_apt=()
command -v npm >/dev/null 2>&1 || need_apt+=(nodejs npm)
if [ "$want_tests" = 1 ]; then
  command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need_apt+=(postgresql)
fi
if [ "${#need_apt[@]}" -gt 0 ]; then
  say "installing ${need_apt[*]} from Debian"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

# Debian's binaryen is too old for what rustc emits; npm's is current.
wasm_opt_major=$(wasm-opt --version 2>/dev/null | grep -oE '[0-9]+' | head -1 || true)
if [ -z "$wasm_opt_major" ] || [ "$wasm_opt_major" -lt 120 ]; then
  say "installing wasm-opt (binaryen $BINARYEN_VERSION from npm)"
  npm install -g --no-fund --no-audit "binaryen@$BINARYEN_VERSION" >/dev/null
fi

if [ "$want_tests" = 1 ] && [ -f tests/browser/package-lock.json ]; then
  if [ ! -d tests/browser/node_modules ] || [ tests/browser/package-lock.json -nt tests/browser/node_modules ]; then
    say "installing the browser tests' npm packages"
    (cd tests/browser && npm ci --no-fund --no-audit >/dev/null && touch node_modules)
  fi
fi
