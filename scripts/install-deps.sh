#!/usr/bin/env bash
# Installs the Debian 12 packages tkg builds with. Idempotent: does nothing when all are present.
set -euo pipefail
packages=(g++ cmake make pkg-config python3 curl
  librocksdb-dev libboost-graph-dev nlohmann-json3-dev libcpp-httplib-dev catch2
  libicu-dev libhowardhinnant-date-dev libxxhash-dev libpugixml-dev zlib1g-dev)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "tkg: installing ${missing[*]}" >&2
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
