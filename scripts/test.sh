#!/usr/bin/env bash
# Run the whole test suite: installs what it needs (Python packages; system packages when
# root), starts a local Elasticsearch node when Java and Maven are here, runs pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
bash scripts/system-deps.sh
# --- Elasticsearch node (issue 4 fills this in) ---
# --- end Elasticsearch ---
set +e
.venv/bin/python -m pytest "$@"
rc=$?
set -e
exit $rc
