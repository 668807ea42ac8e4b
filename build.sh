#!/usr/bin/env bash
# One entry point for people and CI.
#   ./build.sh test    install what a bare Debian machine lacks (nginx, chromium, postgresql, poppler-utils,
#                      fonts-noto-cjk) if missing, check formatting, build, and run every test project. .ci/run calls
#                      exactly this.
#   ./build.sh test-fast   the inner loop (about 75 s of tests): Domain, Documents and Web tests on SQLite,
#                      leaving out the browser tests, the system tests (trait Category=System: extra processes, a
#                      published app, nginx, a database stopped mid-journey), the tests that print with Chromium (trait
#                      Category=Chromium) and the PostgreSQL twins (classes named ...OnPostgres). Its apps start without
#                      Chromium, so a test that prints and lacks the trait fails here at once. No installs, no format
#                      check; ./build.sh test still runs everything.
#   ./build.sh bench   run the benchmarks (figures are printed, nothing is asserted).
#   ./build.sh bench load [seconds] [sqlite|postgres|both]   the load benchmark: the app as a process on SQLite and PostgreSQL
#                                  under wrk, ratios to the sign-in page and issue 20's goals (docs/performance.md).
#   ./build.sh bench binder-app [incidents images heapMiB]   the binder's memory in the app as its own process.
#   ./build.sh bench quick-exit [presses]   Quick exit in Chromium, press to neutral page painted (target 300 ms).
#   ./build.sh run     install what the app itself uses (chromium, poppler-utils, fonts-noto-cjk) if missing, then run
#                      it on SQLite with no setup. dotnet run --project src/IncidentResponse.Web runs it without
#                      installing anything: the PDFs then say they can't be made here.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

find_postgres_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then echo "$dir"; fi
  done | sort -V | tail -n 1
}

# add_missing_app_packages appends to missing[] the Debian packages the app itself uses and this machine lacks, checked
# where the app looks for them: Chromium prints the binder and letters as PDFs (Binder:ChromiumPath), poppler's pdftoppm
# draws a PDF exhibit's first page in the binder (Binder:PdftoppmPath; PdfPig, which the tests read PDFs with, cannot
# draw a page), and Chinese, Japanese and Korean text in a printed PDF needs a CJK font (Debian's Chromium brings none).
# `run` and `test` both call it.
add_missing_app_packages() {
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  [ -x /usr/bin/pdftoppm ] || missing+=(poppler-utils)
  [ -n "$(fc-list :lang=zh 2>/dev/null)" ] || [ -e /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc ] || missing+=(fonts-noto-cjk)
}

# install_missing installs missing[] with apt-get; it does nothing (not even apt-get update) when nothing is missing.
install_missing() {
  [ ${#missing[@]} -gt 0 ] || return 0
  echo "Installing missing Debian packages: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

ensure_machine() {
  missing=()
  # The two-instance tests run Debian's nginx as the reverse proxy; the load benchmark drives the app with wrk.
  [ -x /usr/sbin/nginx ] || missing+=(nginx)
  [ "${1:-}" != "bench" ] || command -v wrk >/dev/null 2>&1 || missing+=(wrk)
  [ -n "$(find_postgres_bin)" ] || missing+=(postgresql)
  # The trusted-timestamp tests check a binder's token with the very openssl commands the binder prints.
  command -v openssl >/dev/null 2>&1 || missing+=(openssl)
  # The app's packages, for the tests that print and draw through them. The tests read PDFs back in process with PdfPig
  # (a NuGet package): no poppler tool of their own.
  add_missing_app_packages
  install_missing
  POSTGRES_BIN="$(find_postgres_bin)"
  export POSTGRES_BIN
}

# run_app: what the app uses is installed first, as the test command does; where that cannot be done (no apt-get, no
# sudo) the app starts anyway and the pages say what they cannot make (README: "What each optional part needs").
run_app() {
  missing=()
  add_missing_app_packages
  if ! command -v apt-get >/dev/null 2>&1 || ! (install_missing); then
    [ ${#missing[@]} -eq 0 ] || echo "Not installed: ${missing[*]}. The app starts without them; the README says what each one adds." >&2
  fi
  exec dotnet run --project src/IncidentResponse.Web
}

run_tests() {
  ensure_machine
  dotnet tool restore
  dotnet restore IncidentResponse.sln
  dotnet format IncidentResponse.sln --verify-no-changes --no-restore
  dotnet build IncidentResponse.sln -c Release --no-restore
  # The browser tests take the user guide's pictures (docs/images) from the real journey on every full run, so the
  # guide cannot go stale: commit them when they change. UPDATE_DOCS_SCREENSHOTS=0 keeps the working tree as it is.
  export UPDATE_DOCS_SCREENSHOTS="${UPDATE_DOCS_SCREENSHOTS:-1}"
  run_test_projects "" tests/IncidentResponse.Domain.Tests tests/IncidentResponse.Web.Tests tests/IncidentResponse.Documents.Tests tests/IncidentResponse.Browser.Tests
}

run_fast_tests() {
  POSTGRES_BIN="${POSTGRES_BIN:-$(find_postgres_bin)}"
  export POSTGRES_BIN
  local project
  for project in tests/IncidentResponse.Domain.Tests tests/IncidentResponse.Documents.Tests tests/IncidentResponse.Web.Tests; do
    dotnet build "$project" -c Release
  done
  export IR_TESTS_WITHOUT_CHROMIUM=1
  run_test_projects "Category!=System&Category!=Chromium&FullyQualifiedName!~OnPostgres" \
    tests/IncidentResponse.Domain.Tests tests/IncidentResponse.Documents.Tests tests/IncidentResponse.Web.Tests
}

# run_test_projects FILTER PROJECT...: runs each built project's tests (all of them when FILTER is empty) and prints
# the total.
run_test_projects() {
  local filter=("--filter" "$1")
  [ -n "$1" ] || filter=()
  shift
  local passed=0 failed=0 skipped=0 status=0 project log line
  for project in "$@"; do
    log=$(mktemp)
    echo "== $project"
    if ! dotnet test "$project" -c Release --no-build "${filter[@]}" --logger "console;verbosity=minimal" 2>&1 | tee "$log"; then status=1; fi
    [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
    line=$(grep -Eo 'Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+' "$log" | tail -n 1 || true)
    if [ -z "$line" ]; then echo "No test summary from $project"; status=1; fi
    failed=$((failed + $(echo "$line" | sed -E 's/.*Failed: +([0-9]+).*/\1/;t;s/.*/0/')))
    passed=$((passed + $(echo "$line" | sed -E 's/.*Passed: +([0-9]+).*/\1/;t;s/.*/0/')))
    skipped=$((skipped + $(echo "$line" | sed -E 's/.*Skipped: +([0-9]+).*/\1/;t;s/.*/0/')))
    rm -f "$log"
  done
  echo "Total: $passed passed, $failed failed, $skipped skipped"
  return $status
}

case "${1:-test}" in
  test) run_tests ;;
  test-fast) run_fast_tests ;;
  bench)
    if [ "${2:-}" = "load" ]; then
      ensure_machine bench
      dotnet run -c Release --project tests/IncidentResponse.Benchmarks -- load "${3:-10}" "${4:-both}"
    elif [ "${2:-}" = "binder-app" ]; then
      ensure_machine bench
      dotnet run -c Release --project tests/IncidentResponse.Benchmarks -- binder-app "${3:-500}" "${4:-200}" "${5:-0}"
    elif [ "${2:-}" = "quick-exit" ]; then
      ensure_machine bench
      dotnet run -c Release --project tests/IncidentResponse.Benchmarks -- quick-exit "${3:-20}"
    else
      dotnet run -c Release --project tests/IncidentResponse.Benchmarks -- --filter "${2:-*}"
    fi
    ;;
  run) run_app ;;
  *) echo "usage: ./build.sh [test|test-fast|bench|run]" >&2; exit 2 ;;
esac
