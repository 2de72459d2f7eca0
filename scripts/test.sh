#!/usr/bin/env bash
# Sets everything up and runs the whole test suite (this is what CI runs).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
build="${TKG_BUILD_DIR:-$here/build}"
bash "$here/scripts/build.sh"
ctest --test-dir "$build" --output-on-failure -j2
