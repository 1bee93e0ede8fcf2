#!/usr/bin/env bash
# Starts the packaged app for the Playwright tests: a fresh embedded database with the demo data,
# on port 18080 (or E2E_PORT), serving the built SPA. Playwright stops it when the tests end.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
java_home=$("$root/scripts/find-jdk.sh")
jar="$root/backend/target/recruitflow.jar"
if [ ! -f "$jar" ]; then
  echo "No $jar: build it first (make test or make e2e does)." >&2
  exit 1
fi
data_dir=$(mktemp -d "${TMPDIR:-/tmp}/recruitflow-e2e.XXXXXX")
export SERVER_PORT="${E2E_PORT:-18080}"
export RECRUITFLOW_DATA_DIR="$data_dir"
export RECRUITFLOW_DEMO_DATA=true
unset MONGODB_URI MESSAGEBIRD_ACCESS_KEY
exec "$java_home/bin/java" "@$root/backend/jvm.options" -jar "$jar"
