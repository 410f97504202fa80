#!/usr/bin/env bash
# Sets up a fresh machine for REDHOME POS: system packages (Debian, when run as root),
# a virtual environment in .venv and the project installed into it with its test extra.
# Sourced by scripts/demo and scripts/test; safe to run again (it only does what is missing).
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$REPO/.venv"
PYTHON="${PYTHON:-python3}"

need_apt=()
if command -v dpkg-query >/dev/null 2>&1; then
    for pkg in fonts-wqy-microhei postgresql ghostscript; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need_apt+=("$pkg")
    done
fi
if [ ${#need_apt[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "setup: installing ${need_apt[*]}"
        apt-get update -qq >/dev/null
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
    else
        echo "setup: please install ${need_apt[*]} (Chinese font; PostgreSQL for the multi-terminal tests; Ghostscript for GS1 DataMatrix labels)" >&2
    fi
fi

if [ ! -x "$VENV/bin/python" ]; then
    echo "setup: creating $VENV"
    "$PYTHON" -m venv "$VENV"
fi
stamp="$VENV/.redhome-installed"
if [ ! -f "$stamp" ] || [ "$REPO/pyproject.toml" -nt "$stamp" ]; then
    echo "setup: installing REDHOME POS and its dependencies"
    "$VENV/bin/python" -m pip install -q --upgrade pip >/dev/null
    "$VENV/bin/python" -m pip install -q -e "$REPO[test]"
    touch "$stamp"
fi
export PATH="$VENV/bin:$PATH"
