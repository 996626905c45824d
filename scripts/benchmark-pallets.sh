#!/usr/bin/env bash
# Builds a release taonet-node with runtime benchmarks and regenerates the weights of Taonet's
# pallets and of the FRAME pallets the runtime measures itself. Weights to ship come from this
# script with its defaults (release, 20 steps, 5 repeats); each generated file's header records how
# it was made. About 25 minutes of release build from cold on 2 cores, then minutes of measuring.
#
#   scripts/benchmark-pallets.sh [pallet ...]
#
# Pallets are named as under pallets/ (`subnets`) or, for the FRAME pallets of governance, by
# crate (`pallet_referenda`); the default is all of them.
#
# STEPS and REPEAT (default 20 and 5) set the sampling. PROFILE (default release) the node's
# profile: the runtime's Wasm is always optimized, but the host functions it calls (storage,
# hashing) run at the node's speed, so only a release node gives the weights to ship.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$TAONET_ROOT"

PROFILE=${PROFILE:-release}
STEPS=${STEPS:-20}
REPEAT=${REPEAT:-5}
case "$PROFILE" in dev) dir=debug ;; *) dir=$PROFILE ;; esac

# The benchmarking CLI depends on a test runtime of its own that the Wasm builder cannot place
# in this workspace (WASM_BUILD_WORKSPACE_HINT); pallet benchmarks do not use it.
export SKIP_FRAME_STORAGE_ACCESS_TEST_RUNTIME_WASM_BUILD=1
cargo build --locked --workspace --profile "$PROFILE" --features taonet-node/runtime-benchmarks
node="$CARGO_TARGET_DIR/$dir/taonet-node"
# Every pallet is measured on the runtime's `benchmark` genesis preset (built with this feature
# only): the development chain with an empty council and production referendum periods, which
# the benchmarks of pallet-ranked-collective and pallet-referenda expect.
wasm="$CARGO_TARGET_DIR/$dir/wbuild/taonet-runtime/taonet_runtime.compact.compressed.wasm"

# Taonet's pallets write `pallets/<name>/src/weights.rs` (their own WeightInfo trait, from
# scripts/weight-template.hbs); the FRAME pallets of governance write
# `runtime/src/weights/<pallet>.rs` (implementations of their WeightInfo traits for this runtime,
# from the CLI's standard template).
frame_pallets=(pallet_preimage pallet_scheduler pallet_ranked_collective pallet_referenda)

pallets=("$@")
if [ ${#pallets[@]} -eq 0 ]; then
	for dir in pallets/*/; do
		[ -f "$dir/src/benchmarking.rs" ] && pallets+=("$(basename "$dir")")
	done
	pallets+=("${frame_pallets[@]}")
fi

for pallet in "${pallets[@]}"; do
	case "$pallet" in
	pallet_*)
		name=$pallet
		output=(--output "runtime/src/weights/$pallet.rs")
		;;
	*)
		name=pallet_$pallet
		output=(--template scripts/weight-template.hbs --output "pallets/$pallet/src/weights.rs")
		;;
	esac
	echo "==> $name"
	"$node" benchmark pallet \
		--runtime "$wasm" \
		--genesis-builder runtime \
		--genesis-builder-preset benchmark \
		--pallet "$name" \
		--extrinsic '*' \
		--steps "$STEPS" \
		--repeat "$REPEAT" \
		--wasm-execution compiled \
		"${output[@]}"
	rustfmt --edition 2021 "${output[-1]}"
done
