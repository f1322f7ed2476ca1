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
# The demo and the summaries' charts need a CJK font (a system package; installed when root).
# OCR (rapidocr, onnxruntime) came with the pip install above, its models inside the wheel.
bash scripts/system-deps.sh runtime || echo "warning: the CJK font could not be installed" >&2
echo "leian installed in .venv (run: .venv/bin/leian --help)"
