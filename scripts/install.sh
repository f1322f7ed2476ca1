#!/usr/bin/env bash
# Install leian into ./.venv (Python >= 3.11). Offline-safe after the first install.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[test]'
echo "leian installed in .venv (run: .venv/bin/leian --help)"
