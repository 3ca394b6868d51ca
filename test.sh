#!/usr/bin/env bash
# Builds warning-free and runs every test (domain, API against a real PostgreSQL, browser tests in chromium).
# Ends with one line "N passed, N failed" and exits non-zero if anything failed.
set -uo pipefail
cd "$(dirname "$0")"
scripts/prerequisites.sh test || exit 1

results="$(pwd)/TestResults"
rm -rf "$results"
dotnet build Booking.sln -c Release -warnaserror -nologo -clp:ErrorsOnly || { echo "0 passed, 1 failed"; exit 1; }

status=0
export BOOKING_TEST_POSTGRES_CHOICE_FILE="$results/postgres-choice.txt"
run_tests() {
  dotnet test "tests/$1" -c Release --no-build -nologo --logger "trx;LogFileName=$1.trx" --results-directory "$results"
}
# The domain tests take seconds and the tiny bench mostly waits on its own service, so both run beside the API tests;
# the browser tests run alone, last. Each project's output is printed whole.
mkdir -p "$results"
(side_status=0; run_tests Booking.Domain.Tests || side_status=1; run_tests Booking.Bench.Tests || side_status=1
 exit $side_status) >"$results/side.log" 2>&1 &
side=$!
run_tests Booking.Api.Tests || status=1
wait "$side" || status=1
cat "$results/side.log"
run_tests Booking.Kiosk.Tests || status=1

[ -f "$BOOKING_TEST_POSTGRES_CHOICE_FILE" ] && sort -u "$BOOKING_TEST_POSTGRES_CHOICE_FILE"
passed=0; failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(echo "$counters" | sed -n 's/.* passed="\([0-9]*\)".*/\1/p'); f=$(echo "$counters" | sed -n 's/.* failed="\([0-9]*\)".*/\1/p')
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$status" -eq 0 ]
