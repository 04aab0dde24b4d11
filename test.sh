#!/usr/bin/env bash
# Runs every test of the solution on a fresh machine: installs what the tests need (the pinned npm
# tools in tools/, the Debian packages listed in tools/apt-packages.txt), builds once in Release and
# runs `dotnet test`. Ends with one line "tests: N passed, M failed, K skipped"; exits non-zero when
# anything failed or did not build.
set -euo pipefail
cd "$(dirname "$0")"
root=$PWD
results="$root/artifacts/test-results"

echo "== npm tools (tools/package-lock.json)"
(cd tools && npm ci --no-audit --no-fund --loglevel=error)

missing=()
if [[ -f tools/apt-packages.txt ]]; then
  while read -r package; do
    [[ -z "$package" || "$package" == \#* ]] && continue
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done < tools/apt-packages.txt
fi
if ((${#missing[@]})); then
  echo "== apt packages: ${missing[*]}"
  sudo_cmd=""; [[ $(id -u) -ne 0 ]] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

echo "== build (Release)"
if ! dotnet build ValueChain.sln -c Release -nologo -v quiet; then
  echo "tests: build failed, nothing ran"
  exit 1
fi

echo "== test"
mkdir -p "$results"
set +e
dotnet test ValueChain.sln -c Release --no-build -nologo "$@" 2>&1 | tee "$results/console.log"
status=${PIPESTATUS[0]}
set -e

# Sum the per-assembly summaries ("Passed!  - Failed: 0, Passed: 90, Skipped: 0, …") into one line.
read -r passed failed skipped < <(
  grep -E '^(Passed|Failed)! +- Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+' "$results/console.log" |
    awk -F'[:,]' '{ f += $2; p += $4; s += $6 } END { printf "%d %d %d\n", p, f, s }')
if ((failed != 0)); then
  # Repeat each failure with its message at the end, where a CI log's tail shows it.
  echo "== failed tests"
  grep -E -A6 '^  Failed [A-Za-z_]' "$results/console.log" | grep -v -E '^\s+at ' | head -n 120 || true
fi
echo "tests: ${passed} passed, ${failed} failed, ${skipped} skipped"
if ((status != 0 || failed != 0 || passed == 0)); then
  exit 1
fi
