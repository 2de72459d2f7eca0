#!/usr/bin/env bash
# Installs what is missing, configures and builds tkg into build/ (or $TKG_BUILD_DIR).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
build="${TKG_BUILD_DIR:-$here/build}"
bash "$here/scripts/install-deps.sh"
cmake -S "$here" -B "$build" -G "Unix Makefiles" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j"$(nproc)" "$@"
