#!/usr/bin/env bash
# Run the whole test suite: installs what it needs (Python packages; system packages when
# root), starts a local Elasticsearch node when Java and Maven are here, runs pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
bash scripts/system-deps.sh
# --- Elasticsearch nodes (issue 4) ---
# With Java and Maven here, two throw-away local nodes (scripts/elasticsearch) serve the
# Elasticsearch tests and are stopped on exit: a plain-HTTP one for most tests and an HTTPS
# one (ES_TLS=1, a throw-away CA) for the TLS tests. They start side by side (the TLS one in
# the background). In CI (CI=true) those tests FAIL when a node is not running; elsewhere
# they skip with a message saying how to run them.
if [ "${CI:-}" = true ]; then export LEIAN_REQUIRE_ES=1; fi
if [ -n "${LEIAN_TEST_ES_URL:-}" ]; then
  echo "Elasticsearch tests: using the node at $LEIAN_TEST_ES_URL" \
       "${LEIAN_TEST_ES_TLS_URL:+and the HTTPS node at $LEIAN_TEST_ES_TLS_URL}"
elif command -v mvn >/dev/null 2>&1 && { command -v java >/dev/null 2>&1 || ls /usr/lib/jvm/*/bin/java >/dev/null 2>&1; }; then
  es_node="test-$$" tls_node="test-$$-tls"
  trap 'for n in '"$es_node $tls_node"'; do LEIAN_ES_NODE=$n bash scripts/elasticsearch stop --purge >/dev/null 2>&1 || true; done' EXIT
  es_started=$SECONDS
  LEIAN_ES_NODE=$tls_node ES_TLS=1 bash scripts/elasticsearch start >/dev/null &
  tls_pid=$!
  if LEIAN_ES_NODE=$es_node bash scripts/elasticsearch start >/dev/null; then
    eval "$(LEIAN_ES_NODE=$es_node bash scripts/elasticsearch env)"
    echo "Elasticsearch tests: local node at $LEIAN_TEST_ES_URL (stopped when the tests end)"
  else
    echo "warning: the local Elasticsearch node did not start (see above); its tests will not run" >&2
  fi
  if wait "$tls_pid"; then
    eval "$(LEIAN_ES_NODE=$tls_node bash scripts/elasticsearch env)"
    echo "Elasticsearch TLS tests: local HTTPS node at $LEIAN_TEST_ES_TLS_URL" \
         "(both nodes up in $((SECONDS - es_started)) s)"
  else
    echo "warning: the local HTTPS Elasticsearch node did not start (see above); the TLS tests will not run" >&2
  fi
else
  echo "note: Java or Maven missing, so the Elasticsearch tests skip. To run them: install a JDK 17+" \
       "and Maven (apt-get install openjdk-17-jdk-headless maven) and re-run this script, or point" \
       "LEIAN_TEST_ES_URL (+ LEIAN_TEST_ES_USERNAME/PASSWORD) at a node" >&2
fi
# --- end Elasticsearch ---
# --- lint and types: ruff on everything, mypy on extractors/, search/, pipelines/, config/ ---
.venv/bin/ruff check . || { echo "ruff found problems (above)" >&2; exit 1; }
.venv/bin/python -m mypy || { echo "mypy found problems (above)" >&2; exit 1; }
set +e
.venv/bin/python -m pytest "$@"
rc=$?
set -e
exit $rc
