#!/usr/bin/env bash
# Installs the Debian 12 packages the harness needs, only those that are missing.
# As root: apt-get update + apt-get install -y. Otherwise: prints the exact command and fails.
# Usage: scripts/deps.sh [build|bench]   (bench adds the load generator and reference servers)
set -euo pipefail

packages=(cmake make g++ pkg-config ca-certificates curl
          libpistache-dev libpugixml-dev nlohmann-json3-dev libcli11-dev
          libgtest-dev libgmock-dev libcurl4-openssl-dev)
if [[ "${1:-build}" == bench ]]; then
    packages+=(wrk nginx-light libbenchmark-dev hyperfine python3 openjdk-17-jre-headless)
    # WireMock comes from the npm registry: any node/npm on the PATH will do (Debian's otherwise).
    command -v npm >/dev/null 2>&1 || packages+=(npm)
fi

missing=()
for p in "${packages[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
    [[ "$status" == "install ok installed" ]] || missing+=("$p")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

cmd="apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${missing[*]}"
if [[ $(id -u) -ne 0 ]]; then
    echo "deps: missing Debian packages: ${missing[*]}" >&2
    echo "deps: run as root:  sudo sh -c '$cmd'" >&2
    exit 1
fi
echo "deps: installing ${missing[*]}" >&2
apt-get update
DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
