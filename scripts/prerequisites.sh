#!/usr/bin/env bash
# Installs what the service and its tests need on Debian/Ubuntu, or says exactly what to install.
# Usage: scripts/prerequisites.sh [run|test]
set -euo pipefail
need="${1:-run}"

missing=()
have_pg() { ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || command -v pg_ctl >/dev/null 2>&1; }
have_pg || missing+=(postgresql)
if [ "$need" = test ]; then
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  # The distribution's python (not a pyenv shim) is the one that sees Debian's python3-* packages.
  py=/usr/bin/python3; [ -x "$py" ] || py=python3
  "$py" -c 'import aiosmtpd' >/dev/null 2>&1 || missing+=(python3-aiosmtpd)
  "$py" -c 'import icalendar' >/dev/null 2>&1 || missing+=(python3-icalendar)
fi

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing ${missing[*]} from the distribution's packages..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "Missing: ${missing[*]}. Install them with: sudo apt-get install ${missing[*]}" >&2
    exit 1
  fi
fi

if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET 10 SDK is missing. Install it from Microsoft's packages (https://learn.microsoft.com/dotnet/core/install/linux-debian):" >&2
  echo "  sudo apt-get install dotnet-sdk-10.0   # after adding Microsoft's package repository" >&2
  exit 1
fi
