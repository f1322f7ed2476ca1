#!/usr/bin/env bash
# Run the whole test suite: installs what it needs, starts a local Elasticsearch node when
# Java and Maven are here, runs pytest, stops the node.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
exec .venv/bin/python -m pytest "$@"
