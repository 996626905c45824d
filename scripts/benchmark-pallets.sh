#!/usr/bin/env bash
# Builds taonet-node with runtime benchmarks and regenerates the weights.rs of Taonet's pallets.
#
#   scripts/benchmark-pallets.sh [pallet ...]     (default: every pallet under pallets/)
#
# STEPS and REPEAT (default 20 and 5) set the sampling. The benchmarks execute the runtime's
# Wasm (always an optimized build) in the compiled executor, so a debug node measures the same
# runtime code as a release one; set PROFILE=release for a release node.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$TAONET_ROOT"

PROFILE=${PROFILE:-dev}
STEPS=${STEPS:-20}
REPEAT=${REPEAT:-5}
case "$PROFILE" in dev) dir=debug ;; *) dir=$PROFILE ;; esac

# The benchmarking CLI depends on a test runtime of its own that the Wasm builder cannot place
# in this workspace (WASM_BUILD_WORKSPACE_HINT); pallet benchmarks do not use it.
export SKIP_FRAME_STORAGE_ACCESS_TEST_RUNTIME_WASM_BUILD=1
cargo build --locked --workspace --profile "$PROFILE" --features taonet-node/runtime-benchmarks
node="$CARGO_TARGET_DIR/$dir/taonet-node"

pallets=("$@")
if [ ${#pallets[@]} -eq 0 ]; then
	for dir in pallets/*/; do
		[ -f "$dir/src/benchmarking.rs" ] && pallets+=("$(basename "$dir")")
	done
fi

for pallet in "${pallets[@]}"; do
	echo "==> pallet_$pallet"
	"$node" benchmark pallet \
		--chain dev \
		--pallet "pallet_$pallet" \
		--extrinsic '*' \
		--steps "$STEPS" \
		--repeat "$REPEAT" \
		--wasm-execution compiled \
		--template scripts/weight-template.hbs \
		--output "pallets/$pallet/src/weights.rs"
	rustfmt --edition 2021 "pallets/$pallet/src/weights.rs"
done
