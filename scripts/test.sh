#!/usr/bin/env bash
# The whole test suite, from a fresh machine: installs what it needs, then runs every check.
# Usage: ./scripts/test.sh            (everything)
#        ./scripts/test.sh rust       (only the Rust part; also: wasm, playground, vscode)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
only=${1:-all}
want() { [[ $only == all || $only == "$1" ]]; }
step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }
export CARGO_TERM_COLOR=${CARGO_TERM_COLOR:-never}

ensure_rust() {
  step "toolchain"
  command -v cargo >/dev/null || { echo "cargo not found: install Rust with rustup first" >&2; exit 2; }
  rustup target add wasm32-unknown-unknown >/dev/null
  rustup component add rustfmt clippy >/dev/null 2>&1 || true
}

ensure_wasm_bindgen() {
  local want_version
  want_version=$(grep -A1 'name = "wasm-bindgen"$' Cargo.lock | grep -o '[0-9][0-9.]*' | head -1)
  if [[ -z $want_version ]]; then return; fi
  if [[ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$want_version" ]]; then
    step "installing wasm-bindgen-cli $want_version (about 3 minutes, once)"
    # Not --locked: the registry mirror lacks one locked dependency version (see docs/toolchain notes).
    cargo install wasm-bindgen-cli --version "$want_version"
  fi
}

ensure_chromium() {
  if ! command -v chromium >/dev/null; then
    step "installing Debian chromium (for the browser and VS Code web tests)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq chromium >/dev/null
  fi
}

if want rust; then
  ensure_rust
  step "cargo fmt --check"
  cargo fmt --all --check
  step "cargo clippy --all-targets -- -D warnings"
  cargo clippy --workspace --all-targets -- -D warnings
  step "cargo test (unit, fixtures, docs drift, parser conformance with ../shared/corpus)"
  cargo test --workspace
  step "core builds for wasm32-unknown-unknown"
  cargo build -p stowage-core --target wasm32-unknown-unknown
fi

if want wasm && [[ -f wasm/package.json ]]; then
  ensure_rust
  ensure_wasm_bindgen
  step "WASM package: build and Node tests"
  ./scripts/build-wasm.sh
  (cd wasm && npm test)
fi

if want playground && [[ -f playground/package.json ]]; then
  ensure_chromium
  step "playground: build and end-to-end tests in headless Chromium"
  [[ -f wasm/pkg/package.json ]] || ./scripts/build-wasm.sh
  (cd playground && npm ci --no-audit --no-fund && npm run build && npm test)
fi

if want vscode && [[ -f vscode-extension/package.json ]]; then
  ensure_chromium
  step "VS Code extension: build, unit tests, real VS Code (web) tests, .vsix"
  [[ -f wasm/pkg/package.json ]] || ./scripts/build-wasm.sh
  (cd vscode-extension && npm ci --no-audit --no-fund && npm test && npm run package)
fi

step "all checks passed"
