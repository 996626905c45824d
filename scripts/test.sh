#!/usr/bin/env bash
# Runs every test: formatting, lints, the Rust unit tests, then the end-to-end suites, which
# start a real taonet-node and drive it with @polkadot/api.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"

step() { echo; echo "==> $*"; }

"$TAONET_ROOT/scripts/setup.sh"
cd "$TAONET_ROOT"

step "cargo fmt --check"
cargo fmt --all -- --check

step "dependency rules: no pallet on a pallet, the node on no pallet"
"$TAONET_ROOT/scripts/check-deps.sh"

step "cargo build --workspace (node and runtime): scripts/build.sh, as the Docker image builds"
"$TAONET_ROOT/scripts/build.sh"

step "docker files: the compose file validated, the Dockerfile building with CI's steps"
"$TAONET_ROOT/docker/check.sh"

step "taonet-yuma builds without std for wasm32-unknown-unknown"
cargo build --locked -p taonet-yuma --no-default-features --target wasm32-unknown-unknown

step "cargo clippy --workspace --all-targets -- -D warnings"
cargo clippy --workspace --all-targets --locked -- -D warnings

# Without the runtime's Wasm (SKIP_WASM_BUILD): only the native code is linted, and the debug
# Wasm the other steps use is not rebuilt with these features.
step "cargo clippy with the benchmark subcommands (--features taonet-node/runtime-benchmarks)"
SKIP_WASM_BUILD=1 SKIP_FRAME_STORAGE_ACCESS_TEST_RUNTIME_WASM_BUILD=1 \
	cargo clippy --workspace --all-targets --locked --features taonet-node/runtime-benchmarks -- -D warnings

step "cargo test --workspace"
cargo test --workspace --locked

step "pallet benchmarks run against each pallet's mock runtime"
for bench in pallets/*/src/benchmarking.rs; do
	pallet=$(basename "$(dirname "$(dirname "$bench")")")
	cargo test --locked -p "pallet-$pallet" --features runtime-benchmarks -- benchmarking
done

step "pallet-referenda's benchmark tallies on the council's tracks (pallet-governance, feature runtime-benchmarks)"
cargo test --locked -p pallet-governance --features runtime-benchmarks -- referenda_benchmarks benchmark_tallies

step "the next release's storage migration (pallet-governance, feature next-release)"
cargo test --locked -p pallet-governance --features next-release

step "the upgrade rehearsal runtime (Wasm only, for the governance end-to-end test)"
TAONET_REHEARSAL_WASM="$("$TAONET_ROOT/scripts/build-rehearsal-runtime.sh")"
export TAONET_REHEARSAL_WASM
echo "$TAONET_REHEARSAL_WASM"

step "end-to-end tests against $TAONET_NODE"
cd "$TAONET_ROOT/e2e"
npm test

