#!/usr/bin/env bash
# Installs the Debian packages Gerbang needs, and only those that are missing.
# Usage: scripts/prereqs.sh [extra-package ...]
set -euo pipefail

packages=(libpq-dev libcmark-dev postgresql postgresql-contrib pkg-config wireguard-tools)
packages+=("$@")

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null; then
    echo "gerbang: missing packages ${missing[*]} and no apt-get to install them" >&2
    exit 1
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "gerbang: installing ${missing[*]}"
# The package lists may be absent or stale on a fresh machine: refresh once when needed.
if ! $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null 2>&1; then
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
