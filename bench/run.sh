#!/usr/bin/env bash
# Builds Release and runs the benchmark harness: a throwaway PostgreSQL, the real service on loopback, every measure
# of the issue in one run; prints a table and writes bench/results/latest.json. Takes about 5 minutes on 2 cores.
# Options: --quick (smaller counts, writes bench/results/quick.json), --out FILE.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/prerequisites.sh run
dotnet build bench/Booking.Bench -c Release -warnaserror -nologo -clp:ErrorsOnly
exec dotnet bench/Booking.Bench/bin/Release/net10.0/Booking.Bench.dll "$@"
