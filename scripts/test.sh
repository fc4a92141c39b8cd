#!/usr/bin/env bash
# The whole test suite, stage by stage; stops at the first failing stage, exits non-zero.
#
#   1. Chromium (Debian's package; installed with apt-get when missing and we are root)
#   2. ruff check .
#   3. pytest -m "not browser and not postgres and not deploy"   on SQLite
#   4. pytest -m deploy          the production path, once: README.md's deploy steps in a
#                                temporary copy, then real gunicorn on 127.0.0.1 (its own
#                                SQLite database, whatever the stage's)
#   5. pytest -m "not browser and not deploy"   on a throwaway PostgreSQL 15
#                                (scripts/with-postgres.sh), including the tests marked
#                                `postgres` (row locks, concurrency)
#   6. pytest -m browser         end-to-end journeys and accessibility in headless Chromium
#
# `make test` installs the Python packages and builds the front-end assets first; run this
# script directly when they are already in place. Extra arguments go to every pytest run,
# e.g. `bash scripts/test.sh -x -k arrangement`.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
VENV=${VENV:-.venv}
PYTEST=("$VENV/bin/pytest" -p no:cacheprovider)

if [[ -t 1 ]]; then
  bold=$'\033[1m' red=$'\033[31m' green=$'\033[32m' plain=$'\033[0m'
else
  bold="" red="" green="" plain=""
fi

stage_names=()
stage_times=()
current=""
started=0

now() { echo "${EPOCHREALTIME/,/.}"; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

stage() {
  finish_stage
  current=$1
  started=$(now)
  printf '\n%s==> %s%s\n' "$bold" "$current" "$plain"
}

finish_stage() {
  if [[ -n $current ]]; then
    stage_names+=("$current")
    stage_times+=("$(elapsed "$started")")
    current=""
  fi
}

summary() {
  local status=$? i
  local failed=$current
  finish_stage
  printf '\n%s==> Timings%s\n' "$bold" "$plain"
  for i in "${!stage_names[@]}"; do
    printf '  %6ss  %s\n' "${stage_times[$i]}" "${stage_names[$i]}"
  done
  if ((status == 0)); then
    printf '\n%sAll stages passed.%s\n' "$green" "$plain"
  else
    printf '\n%sFAILED%s (exit code %s).%s\n' "$red" "${failed:+ at stage: $failed}" "$status" "$plain"
  fi
}
trap summary EXIT

# pytest, where exit code 5 ("no tests collected") is a failure too, said plainly.
run_pytest() {
  local status=0
  "$@" || status=$?
  if ((status == 5)); then
    echo "No tests were collected: this stage must run some." >&2
  fi
  return "$status"
}

stage "Chromium (Debian package)"
if ! command -v chromium >/dev/null 2>&1; then
  if [[ $(id -u) -ne 0 ]]; then
    echo "chromium is not installed; as root: apt-get install chromium" >&2
    exit 1
  fi
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
fi
CHROMIUM=$(command -v chromium)
export CHROMIUM
"$CHROMIUM" --version 2>/dev/null || echo "(chromium --version failed; the browser tests will tell)"

stage "Lint: ruff check ."
"$VENV/bin/ruff" check .

stage "Tests on SQLite: pytest -m \"not browser and not postgres and not deploy\""
run_pytest "${PYTEST[@]}" -m "not browser and not postgres and not deploy" "$@"

stage "Production path (README deploy steps, gunicorn on 127.0.0.1): pytest -m deploy"
run_pytest "${PYTEST[@]}" -m deploy "$@"

stage "Tests on PostgreSQL 15: pytest -m \"not browser and not deploy\""
run_pytest bash scripts/with-postgres.sh "${PYTEST[@]}" -m "not browser and not deploy" "$@"

stage "Browser tests (headless Chromium, SQLite): pytest -m browser"
run_pytest "${PYTEST[@]}" -m browser "$@"

finish_stage
