#!/usr/bin/env bash
# Builds the npm package @stowage/wasm into wasm/pkg/ and, for the tests, a build that also
# exports __panicForTest() into wasm/pkg-test/.
#
#   scripts/build-wasm.sh                  # both
#   scripts/build-wasm.sh --no-test-build  # only wasm/pkg/
#
# STOWAGE_WASM_OPT_LEVEL (default: the workspace's [profile.wasm] opt-level, "z") overrides it:
# on the real corpus opt-level 3 lints 2-3x faster than "z" but the .wasm is about 35 % larger
# gzipped (see the numbers in the wasm issue's closing note).
#
# Installs what it needs: the wasm32 target, wasm-bindgen-cli (= the crate's pinned version),
# and wasm/'s npm devDependencies (binaryen for wasm-opt; never Debian's binaryen, it corrupts
# wasm-bindgen output). See ../shared/docs/toolchain.md.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

test_build=1
for arg in "$@"; do
  case "$arg" in
    --no-test-build) test_build=0 ;;
    -h | --help) sed -n '2,11p' "$0"; exit 0 ;;
    *) echo "build-wasm.sh: unknown argument $arg" >&2; exit 2 ;;
  esac
done

# The CLI must match the `wasm-bindgen = "=…"` pin in wasm/Cargo.toml.
wb_version=$(sed -n 's/^wasm-bindgen = "=\(.*\)"/\1/p' wasm/Cargo.toml)
target=wasm32-unknown-unknown
profile=wasm
opt_level=${STOWAGE_WASM_OPT_LEVEL:-}
case "$opt_level" in
  '') cargo_opt=() ;;
  0 | 1 | 2 | 3) cargo_opt=(--config "profile.$profile.opt-level=$opt_level") ;;
  s | z) cargo_opt=(--config "profile.$profile.opt-level=\"$opt_level\"") ;;
  *) echo "build-wasm.sh: STOWAGE_WASM_OPT_LEVEL must be 0-3, s or z" >&2; exit 2 ;;
esac
artifact="target/$target/$profile/stowage_wasm.wasm"
# LLVM's inliner charges 25 for the call it removes by inlining; at opt-level "z" that keeps
# nearly every small function a call, and calls are most of a lint's cost in WebAssembly.
# Charging 90 lets it inline the functions whose body costs less than the call: the corpus
# lints 1.08x faster and the .wasm is ~0.1 KB *smaller* (measured 25 to 150: 100 and above
# grow it by 2-11 KB). In RUSTFLAGS' place, so a caller's own RUSTFLAGS still win.
cargo_opt+=(--config "target.$target.rustflags=[\"-C\", \"llvm-args=-inline-call-penalty=90\"]")

step() { printf '\n==> %s\n' "$*" >&2; }

if ! rustup target list --installed | grep -qx "$target"; then
  step "rustup target add $target"
  rustup target add "$target"
fi

if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $wb_version" ]; then
  step "cargo install wasm-bindgen-cli --version $wb_version (about 3 minutes, once)"
  # Not --locked: the offline mirror lacks a locked dependency version (toolchain.md §1).
  cargo install wasm-bindgen-cli --version "$wb_version"
fi

if [ ! -x wasm/node_modules/.bin/wasm-opt ] || [ wasm/package-lock.json -nt wasm/node_modules/.package-lock.json ]; then
  step "npm ci (wasm/)"
  (cd wasm && npm ci --no-audit --no-fund)
fi
wasm_opt="$root/wasm/node_modules/.bin/wasm-opt"
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n1)

# bindgen OUT_DIR: the glue + .wasm from the last cargo build, then the wrapper and manifest.
bindgen() {
  local out=$1
  rm -rf "$out"
  mkdir -p "$out"
  # --experimental-reset-state-function: index.js re-creates the instance after a trap.
  wasm-bindgen --target web --experimental-reset-state-function --out-dir "$out" "$artifact"
  cp wasm/js/index.js wasm/js/index.d.ts wasm/js/rule-docs.js wasm/README.md "$out/"
  node -e '
    const fs = require("fs");
    const [src, dst, version] = process.argv.slice(1);
    const pkg = JSON.parse(fs.readFileSync(src, "utf8"));
    pkg.version = version;
    fs.writeFileSync(dst, JSON.stringify(pkg, null, 2) + "\n");
  ' wasm/js/package.json "$out/package.json" "$version"
}

step "cargo build -p stowage-wasm --profile $profile --target $target (opt-level ${opt_level:-from the profile})"
cargo build -p stowage-wasm --profile "$profile" --target "$target" ${cargo_opt[@]+"${cargo_opt[@]}"}
bindgen wasm/pkg
step "wasm-opt -Oz --converge --low-memory-unused (npm binaryen)"
# --low-memory-unused lets wasm-opt fold address arithmetic into load/store offsets (-3 KB
# gzipped). Its assumption holds: Rust puts the 1 MiB stack first in memory, growing down
# towards address 0, so the low 1 KiB is only reached by a stack about to overflow, which then
# traps one KiB earlier instead of at address 0.
# --converge repeats -Oz while it still shrinks the module (-0.7 KB gzipped, ~8 s more); the
# producers and target-features sections are toolchain notes no engine reads (-0.2 KB).
"$wasm_opt" -Oz --converge --low-memory-unused --strip-producers --strip-target-features \
  wasm/pkg/stowage_wasm_bg.wasm -o wasm/pkg/stowage_wasm_bg.wasm

if [ "$test_build" = 1 ]; then
  step "test build (feature panic-test) into wasm/pkg-test"
  cargo build -p stowage-wasm --profile "$profile" --target "$target" ${cargo_opt[@]+"${cargo_opt[@]}"} --features panic-test
  bindgen wasm/pkg-test
fi

raw=$(wc -c < wasm/pkg/stowage_wasm_bg.wasm)
gz=$(gzip -9 -c wasm/pkg/stowage_wasm_bg.wasm | wc -c)
step "done: wasm/pkg (@stowage/wasm $version), stowage_wasm_bg.wasm $raw bytes, $gz gzipped"
