#!/usr/bin/env bash
# Measures Taonet's throughput and costs next to a plain polkadot-sdk chain, on this machine, in
# one run: docs/performance.md explains every figure this prints.
#
#   scripts/benchmark-performance.sh            # the full run (release node; about 40 minutes warm)
#   scripts/benchmark-performance.sh --smoke    # checks that every step works (debug node, small loads)
#
# Both chains run on the same taonet-node binary, one after the other, each from a chain spec
# whose code is its production runtime Wasm (the baseline is `baseline-runtime/`, feature `wasm`):
#
#   1. transfers (`transfer_keep_alive`) on both chains, at each sealing interval in SEALING,
#      and the ratio of Taonet's included transfers per second to the baseline's;
#   2. on Taonet: `set_weights` of VALIDATORS validators on a full subnet of UIDS UIDs, and a mix of
#      transfers and weights; the state a subnet and a neuron occupy;
#   3. full run only: `benchmark machine`, `overhead`, `storage` (the database a load run left),
#      `block` (that run's blocks: real time against predicted weight), the largest epoch
#      (4,096 UIDs, 256 x 1,024 weights) through `benchmark pallet`, and the node's memory after
#      1,000 and 10,000 blocks under load;
#   4. a plot of throughput and finality over the Taonet transfer run (PNG).
#
# Reports (JSON), logs and the plot go to OUT (default target/perf under the target dir; the
# full run also copies its summary and plot to docs/performance/).
#
# Knobs: ACCOUNTS and PER_ACCOUNT (the transfer load: accounts x transactions each), SEALING
# (intervals in ms), UIDS and VALIDATORS (the weights load), POOL (the pool's ready limit, the
# same for both chains), RSS_BLOCKS (the memory run's lengths).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$TAONET_ROOT"

mode=full
case "${1:-}" in
--smoke) mode=smoke ;;
"") ;;
*) echo "usage: $0 [--smoke]" >&2; exit 2 ;;
esac

if [ "$mode" = smoke ]; then
	ACCOUNTS=${ACCOUNTS:-40} PER_ACCOUNT=${PER_ACCOUNT:-3} SEALING=${SEALING:-500}
	UIDS=${UIDS:-16} VALIDATORS=${VALIDATORS:-4} RSS_BLOCKS=${RSS_BLOCKS:-}
	node="${TAONET_NODE:-$CARGO_TARGET_DIR/debug/taonet-node}"
else
	ACCOUNTS=${ACCOUNTS:-2000} PER_ACCOUNT=${PER_ACCOUNT:-10} SEALING=${SEALING:-"12000 1000"}
	UIDS=${UIDS:-1024} VALIDATORS=${VALIDATORS:-64} RSS_BLOCKS=${RSS_BLOCKS:-"1000 10000"}
	node="$CARGO_TARGET_DIR/release/taonet-node"
fi
POOL=${POOL:-65536}
# The memory runs: a block every RSS_SEALING ms, RSS_LOAD transfers a second.
RSS_SEALING=${RSS_SEALING:-50} RSS_LOAD=${RSS_LOAD:-100}
# A fixed network key: a validator of a chain other than `--dev` needs one, and these nodes never
# meet a peer.
NODE_KEY=0000000000000000000000000000000000000000000000000000000000000001
OUT=${OUT:-$CARGO_TARGET_DIR/perf/$mode}
rm -rf "$OUT"
mkdir -p "$OUT"

log() { echo "[perf] $*" >&2; }

# --- Build -------------------------------------------------------------------------------------
# The runtimes are the debug build's Wasm: the Wasm builder compiles a runtime with its release
# profile in every build, and these carry no benchmark features.
log "building both runtimes' Wasm (cargo build --workspace --features taonet-baseline-runtime/wasm)"
cargo build --locked --quiet --workspace --features taonet-baseline-runtime/wasm
taonet_wasm="$CARGO_TARGET_DIR/debug/wbuild/taonet-runtime/taonet_runtime.wasm"
baseline_wasm="$CARGO_TARGET_DIR/debug/wbuild/taonet-baseline-runtime/taonet_baseline_runtime.wasm"
if [ "$mode" = full ]; then
	log "building the release node with the benchmark subcommands"
	# The benchmarking CLI's own test runtime cannot be built in this workspace; nothing here uses it.
	SKIP_FRAME_STORAGE_ACCESS_TEST_RUNTIME_WASM_BUILD=1 \
		cargo build --locked --quiet --workspace --release --features taonet-node/runtime-benchmarks
fi
for file in "$node" "$taonet_wasm" "$baseline_wasm"; do
	[ -f "$file" ] || { echo "missing after the build: $file" >&2; exit 1; }
done

"$node" build-spec --chain dev 2>/dev/null >"$OUT/dev-spec.json"
node e2e/tools/bench-specs.js "$OUT/dev-spec.json" "$taonet_wasm" "$baseline_wasm" "$OUT" >/dev/null

# --- A node per run ------------------------------------------------------------------------------
pid=
port=
stop_node() {
	if [ -n "$pid" ]; then
		kill -INT "$pid" 2>/dev/null || true
		wait "$pid" 2>/dev/null || true
		pid=
	fi
}
trap stop_node EXIT

# start_node <chain> <sealing> <base-path>: a single-authority node (Alice) on the chain's spec.
start_node() {
	port=$(( 20000 + RANDOM % 20000 ))
	"$node" --chain "$OUT/$1.json" --alice --node-key "$NODE_KEY" --base-path "$3" --sealing "$2" \
		--rpc-port "$port" --port 0 --no-prometheus --no-telemetry --no-mdns \
		--pool-limit "$POOL" --pool-kbytes $(( POOL * 2 )) >"$3.log" 2>&1 &
	pid=$!
	for _ in $(seq 120); do
		if curl -sf -o /dev/null -H 'content-type: application/json' \
			-d '{"jsonrpc":"2.0","id":1,"method":"system_health","params":[]}' "http://127.0.0.1:$port"; then
			return 0
		fi
		kill -0 "$pid" 2>/dev/null || break
		sleep 1
	done
	echo "the node did not start: see $3.log" >&2
	exit 1
}

# load <chain> <sealing> <scenario> [loadgen options...]: one load run on a fresh chain, whose
# database stays in $OUT/<chain>-<scenario>-<sealing>.
load() {
	local chain=$1 sealing=$2 scenario=$3 name="$1-$3-$2"
	shift 3
	rm -rf "${OUT:?}/$name"
	start_node "$chain" "$sealing" "$OUT/$name"
	log "$name: $ACCOUNTS accounts x $PER_ACCOUNT transactions"
	if [ "$scenario" = weights ]; then
		node e2e/tools/state-size.js --url "ws://127.0.0.1:$port" >"$OUT/$name.state-before.json"
	fi
	node e2e/tools/loadgen.js --url "ws://127.0.0.1:$port" --scenario "$scenario" \
		--accounts "$ACCOUNTS" --per-account "$PER_ACCOUNT" --rate 0 --out "$OUT/$name.json" "$@" \
		>/dev/null 2>"$OUT/$name.loadgen.log" || { tail -20 "$OUT/$name.loadgen.log" >&2; exit 1; }
	if [ "$scenario" = weights ]; then
		node e2e/tools/state-size.js --url "ws://127.0.0.1:$port" >"$OUT/$name.state-after.json"
	fi
	stop_node
}

# --- 1. Transfers on both chains -----------------------------------------------------------------
for sealing in $SEALING; do
	load baseline "$sealing" transfer
	load taonet "$sealing" transfer
done

# --- 2. Weights and the mix on Taonet ------------------------------------------------------------
first_sealing=${SEALING%% *}
load taonet "$first_sealing" weights --uids "$UIDS" --validators "$VALIDATORS"
load taonet "$first_sealing" mix --uids "$UIDS" --validators "$VALIDATORS"

# --- 3. The node's own benchmarks (full run) -----------------------------------------------------
if [ "$mode" = full ]; then
	transfers="$OUT/taonet-transfer-$first_sealing"
	spec="$OUT/taonet.json"
	log "benchmark machine"
	"$node" benchmark machine --chain "$spec" --base-path "$OUT/machine" --allow-fail \
		>"$OUT/machine.txt" 2>&1 || true
	log "benchmark overhead"
	"$node" benchmark overhead --chain "$spec" --base-path "$OUT/overhead" \
		--weight-path "$OUT" >"$OUT/overhead.txt" 2>&1
	log "benchmark storage (the database of the Taonet transfer run)"
	"$node" benchmark storage --chain "$spec" --base-path "$transfers" --state-version 1 \
		--weight-path "$OUT" >"$OUT/storage.txt" 2>&1
	log "benchmark block (the blocks of the Taonet transfer run)"
	best=$(node -e 'const r=require(process.argv[1]);console.log(Math.max(...r.blocks.map(b=>b.number)))' \
		"$transfers.json")
	"$node" benchmark block --chain "$spec" --base-path "$transfers" --from 1 --to "$best" \
		--repeat 3 >"$OUT/block.txt" 2>&1
	log "the largest epoch: benchmark pallet (pallet_consensus, epoch at n = 4,096, w = 262,144)"
	"$node" benchmark pallet --runtime "$CARGO_TARGET_DIR/release/wbuild/taonet-runtime/taonet_runtime.compact.compressed.wasm" \
		--genesis-builder runtime --genesis-builder-preset benchmark \
		--pallet pallet_consensus --extrinsic epoch --steps 2 --repeat 5 \
		--low 4096,262144 --high 4096,262144 --json-file "$OUT/epoch.json" \
		>"$OUT/epoch.txt" 2>&1
	for blocks in $RSS_BLOCKS; do
		log "memory after $blocks blocks under load"
		TAONET_NODE="$node" scripts/measure-node-rss.sh "$blocks" "$RSS_SEALING" "$RSS_LOAD" >"$OUT/rss-$blocks.txt"
	done
fi

# --- 4. Summary and plot -------------------------------------------------------------------------
node e2e/tools/perf-summary.js "$OUT" | tee "$OUT/summary.md"
if [ -x e2e/python/.venv/bin/python ]; then
	e2e/python/.venv/bin/python scripts/plot-performance.py "$OUT/taonet-transfer-$first_sealing.json" \
		"$OUT/baseline-transfer-$first_sealing.json" "$OUT/throughput.png"
fi
[ -s "$OUT/throughput.png" ] || { echo "the plot was not made" >&2; exit 1; }
if [ "$mode" = full ]; then
	mkdir -p docs/performance
	cp "$OUT/summary.md" "$OUT/throughput.png" docs/performance/
fi
log "done: $OUT"
