#!/usr/bin/env bash
# Build the PWA (frontend/) into dist/ with Trunk, in release mode, offline.
#
#   scripts/build-frontend.sh          # skips the build when dist/ is up to date
#   FORCE=1 scripts/build-frontend.sh  # always builds
#
# Needs on PATH: trunk 0.21.x, wasm-bindgen (the exact version of the
# wasm-bindgen crate in Cargo.lock), wasm-opt (binaryen >= 118; npm's
# binaryen@132 works), python3 (for the post-build hook) and the
# wasm32-unknown-unknown rustup target. Another script installs them.
#
# After the build it writes a gzip -9 copy (`<file>.gz`) beside each text
# file, for the server to send as it is, and prints the gzipped size of
# what a phone downloads on first load and warns if that is over the budget
# (BUDGET_KB, default 250; BUDGET_STRICT=1 makes it fail).
set -euo pipefail

cd "$(dirname "$0")/.."
root=$(pwd)
# DIST_DIR: build somewhere else (two builds at once must not share a dir).
dist="${DIST_DIR:-$root/dist}"
stamp="$dist/index.html"
budget_kb=${BUDGET_KB:-250}

# Everything that can change what ends up in dist/.
inputs=(frontend shared Trunk.toml Cargo.lock Cargo.toml scripts/trunk-post-build.py scripts/build-frontend.sh)

if [[ "${FORCE:-0}" != "1" && -f "$stamp" ]]; then
    newer=$(find "${inputs[@]}" -newer "$stamp" -type f -print -quit 2>/dev/null || true)
    if [[ -z "$newer" ]]; then
        echo "build-frontend: dist/ is newer than frontend/ and shared/: skipping (FORCE=1 to rebuild)"
        exit 0
    fi
    echo "build-frontend: $newer changed since the last build"
fi

missing=0
for tool in trunk wasm-bindgen wasm-opt python3; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "build-frontend: $tool is not on PATH" >&2
        missing=1
    fi
done
[[ $missing == 0 ]] || exit 1

# trunk refuses (offline) a wasm-bindgen whose version differs from Cargo.lock.
want=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)
have=$(wasm-bindgen --version | awk '{print $2}')
if [[ -n "$want" && "$want" != "$have" ]]; then
    echo "build-frontend: Cargo.lock wants wasm-bindgen $want but PATH has $have" >&2
    exit 1
fi

# Offline trunk runs `cargo build --offline`: make sure the crates are here
# first (a no-op when they are; crates.io is the only place this reaches).
cargo fetch --target wasm32-unknown-unknown >/dev/null 2>&1 ||
    echo "build-frontend: cargo fetch failed; building with what is cached" >&2

# Size over speed for the WASM only: these override the workspace's release
# profile for this cargo run (the server keeps its own settings). About 15%
# smaller gzipped than thin LTO with 16 codegen units.
export CARGO_PROFILE_RELEASE_OPT_LEVEL=${CARGO_PROFILE_RELEASE_OPT_LEVEL:-z}
export CARGO_PROFILE_RELEASE_LTO=${CARGO_PROFILE_RELEASE_LTO:-fat}
export CARGO_PROFILE_RELEASE_CODEGEN_UNITS=${CARGO_PROFILE_RELEASE_CODEGEN_UNITS:-1}

echo "build-frontend: trunk build --release (offline)"
TRUNK_OFFLINE=true TRUNK_SKIP_VERSION_CHECK=true trunk build --release --dist "$dist"

# The staff screens are a second app (the `staff` feature), served by the
# backend for /staff/... and /admin/... from dist/staff-app/, so young
# people's phones never download them. Same page, one attribute more.
echo "build-frontend: the staff app (--features staff)"
staff_html="$root/frontend/staff.html"
staff_dist=$(mktemp -d)
trap 'rm -rf "$staff_html" "$staff_dist"' EXIT
# (The worker, manifest and icons stay the young people's app's: at /.)
sed -e 's/data-trunk rel="rust"/data-trunk rel="rust" data-cargo-features="staff"/' \
    -e '/rel="copy-file"/d' \
    "$root/frontend/index.html" >"$staff_html"
grep -q 'data-cargo-features="staff"' "$staff_html" || {
    echo "build-frontend: could not mark the staff build in $staff_html" >&2; exit 1; }
TRUNK_OFFLINE=true TRUNK_SKIP_VERSION_CHECK=true trunk build --release \
    --dist "$staff_dist/out" --public-url /staff-app/ "$staff_html"
rm -rf "$dist/staff-app"
mv "$staff_dist/out" "$dist/staff-app"

# The hook should have left no inline script; make sure.
if grep -Eqi '<script( type="?module"?)?>' "$stamp"; then
    echo "build-frontend: dist/index.html still has an inline script (CSP would block it)" >&2
    exit 1
fi
touch "$stamp"

# Precompressed copies beside the text files (gzip -9, and brotli when a
# `brotli` tool is on PATH): the server sends `<file>.gz` as it is to a
# browser that takes gzip (backend/src/static_files.rs), instead of
# compressing the WASM again on every request, and at a higher level than it
# could afford on the fly. -n keeps names and times out, so the same build
# gives the same bytes. A copy that is no smaller is not kept.
precompress() {
    local f=$1 raw
    raw=$(wc -c <"$f")
    gzip -9 -n -c "$f" >"$f.gz"
    if (( $(wc -c <"$f.gz") >= raw )); then rm -f "$f.gz"; fi
    if command -v brotli >/dev/null 2>&1; then
        brotli -q 11 -f -o "$f.br" "$f"
        if (( $(wc -c <"$f.br") >= raw )); then rm -f "$f.br"; fi
    fi
}
find "$dist" -type f \( -name '*.gz' -o -name '*.br' \) -delete
while IFS= read -r -d '' f; do
    precompress "$f"
done < <(find "$dist" -type f \( -name '*.html' -o -name '*.js' -o -name '*.css' \
    -o -name '*.wasm' -o -name '*.svg' -o -name '*.webmanifest' -o -name '*.json' \) -print0)

# First-load size: index.html + CSS + JS + WASM, gzipped.
total=0
printf '%-44s %10s %10s\n' file bytes gzipped
for f in "$dist"/index.html "$dist"/*.css "$dist"/*.js "$dist"/*.wasm; do
    [[ -f "$f" ]] || continue
    raw=$(wc -c <"$f")
    gz=$(gzip -9 -c "$f" | wc -c)
    total=$((total + gz))
    printf '%-44s %10d %10d\n' "${f#"$root"/}" "$raw" "$gz"
done
printf '%-44s %10s %10d (budget %d KB)\n' "first load" "" "$total" "$budget_kb"
staff_total=0
for f in "$dist"/staff-app/*.js "$dist"/staff-app/*.wasm; do
    [[ -f "$f" ]] || continue
    staff_total=$((staff_total + $(gzip -9 -c "$f" | wc -c)))
done
printf '%-44s %10s %10d (staff only, not in the budget)\n' "staff app (JS + WASM)" "" "$staff_total"
if (( total > budget_kb * 1024 )) && [[ "${BUDGET_STRICT:-0}" == "1" ]]; then
    echo "build-frontend: first load is over the ${budget_kb} KB gzipped budget" >&2
    exit 1
elif (( total > budget_kb * 1024 )); then
    # The budget is a goal measured here (issue 9), not a test: say so loudly
    # without failing the build. BUDGET_STRICT=1 makes it fail.
    echo "build-frontend: WARNING: first load is over the ${budget_kb} KB gzipped budget" >&2
fi
