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
# The demo and the summaries' charts need a CJK font, scans need tesseract's Chinese models
# (system packages; installed when root).
bash scripts/system-deps.sh runtime || echo "warning: the CJK font or OCR could not be installed" >&2
echo "leian installed in .venv (run: .venv/bin/leian --help)"
