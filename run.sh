#!/usr/bin/env bash
# Runs the booking service on http://127.0.0.1:5080 with the embedded PostgreSQL and the demo unit.
set -euo pipefail
cd "$(dirname "$0")"
scripts/prerequisites.sh run
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
# With no Smtp__Host, emails are written as .eml files here (dotnet run would otherwise use Booking.Api/ as the current folder).
export Smtp__PickupDirectory="${Smtp__PickupDirectory:-$PWD/pickup}"
exec dotnet run --project Booking.Api -c Release --urls "${BOOKING_URLS:-http://127.0.0.1:5080}" "$@"
