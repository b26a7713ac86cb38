#!/usr/bin/env bash
# Installs openapi-spec-validator (from PyPI, into .tools/openapi) when it is
# missing, and prints its path. The HTTP tests run the server's OpenAPI
# document through it, as a council's client generator or API gateway would.
set -euo pipefail
cd "$(dirname "$0")/.."
VERSION=0.9.0
venv=.tools/openapi
validator="$venv/bin/openapi-spec-validator"
installed=$("$venv/bin/pip" show openapi-spec-validator 2>/dev/null || true)
if [ ! -x "$validator" ] || ! grep -qx "Version: $VERSION" <<<"$installed"; then
  printf '==> installing openapi-spec-validator %s from PyPI into %s\n' "$VERSION" "$venv" >&2
  if ! python3 -m venv "$venv" >/dev/null 2>&1; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
    python3 -m venv "$venv"
  fi
  "$venv/bin/pip" install -q --disable-pip-version-check "openapi-spec-validator==$VERSION" >&2
fi
echo "$(pwd)/$validator"
