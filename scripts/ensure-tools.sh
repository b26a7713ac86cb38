#!/usr/bin/env bash
# Installs what the project needs when it is missing, and skips what is there.
#   scripts/ensure-tools.sh            build tools: wasm32 target, trunk, wasm-bindgen, wasm-opt
#   scripts/ensure-tools.sh --tests    also chromium, postgresql, nginx, cargo-deny and the browser tests' npm packages
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
# brotli: the build's precompressed .br copies (gzip alone without it).
command -v brotli >/dev/null 2>&1 || need_apt+=(brotli)
if [ "$want_tests" = 1 ]; then
  command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need_apt+=(postgresql)
  # The production nginx site (deploy/nginx) is checked and run in front of
  # the server by the tests.
  { command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ]; } || need_apt+=(nginx-light)
  [ -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ] || need_apt+=(libnginx-mod-http-brotli-static)
  command -v openssl >/dev/null 2>&1 || need_apt+=(openssl)
fi
if [ "${#need_apt[@]}" -gt 0 ]; then
  say "installing ${need_apt[*]} from Debian"
  # Packages must not start their own services here (nginx would take :80).
  made_policy=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
    chmod +x /usr/sbin/policy-rc.d
    made_policy=1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
  if [ -n "$made_policy" ]; then rm -f /usr/sbin/policy-rc.d; fi
fi

# Debian's binaryen is too old for what rustc emits; npm's is current.
wasm_opt_major=$(wasm-opt --version 2>/dev/null | grep -oE '[0-9]+' | head -1 || true)
if [ -z "$wasm_opt_major" ] || [ "$wasm_opt_major" -lt 120 ]; then
  say "installing wasm-opt (binaryen $BINARYEN_VERSION from npm)"
  npm install -g --no-fund --no-audit "binaryen@$BINARYEN_VERSION" >/dev/null
fi

# cargo-deny: the licences, bans and sources check (deny.toml).
DENY_VERSION=0.20.2
if [ "$want_tests" = 1 ] && [ "$(cargo deny --version 2>/dev/null)" != "cargo-deny $DENY_VERSION" ]; then
  say "installing cargo-deny $DENY_VERSION (about 7 minutes)"
  fast_install --locked cargo-deny --version "$DENY_VERSION"
fi

if [ "$want_tests" = 1 ] && [ -f tests/browser/package-lock.json ]; then
  if [ ! -d tests/browser/node_modules ] || [ tests/browser/package-lock.json -nt tests/browser/node_modules ]; then
    say "installing the browser tests' npm packages"
    (cd tests/browser && npm ci --no-fund --no-audit >/dev/null && touch node_modules)
  fi
fi
