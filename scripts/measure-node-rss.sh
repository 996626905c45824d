#!/usr/bin/env bash
# Measures taonet-node's resident memory after N development blocks (default 1,000).
#
#   scripts/measure-node-rss.sh [blocks] [sealing-ms] [load-tx-per-s]
#
# Starts a throwaway dev chain sealing a block every sealing-ms (default 50), waits for the
# finalized head to reach `blocks`, and prints the node's VmRSS and VmHWM (peak) in MiB. With
# load-tx-per-s above 0, e2e/tools/loadgen.js sends that many transfers a second meanwhile, run
# after run (each funds 200 accounts that send 10 transfers each), so that the blocks carry
# transactions and the pool, the RPC server and the database all work.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"

blocks="${1:-1000}"
interval="${2:-50}"
load="${3:-0}"
port=$(( 20000 + RANDOM % 20000 ))
"$TAONET_NODE" --dev --tmp --sealing "$interval" --rpc-port "$port" --port 0 \
	--no-prometheus --no-telemetry --no-mdns >"${TMPDIR:-/tmp}/taonet-rss-node.log" 2>&1 &
pid=$!
loader=
stop() {
	if [ -n "$loader" ]; then
		kill "$loader" 2>/dev/null || true
		pkill -P "$loader" 2>/dev/null || true
	fi
	kill -INT "$pid" 2>/dev/null || true
	wait "$pid" 2>/dev/null || true
}
trap stop EXIT

rpc() {
	curl -sf -H 'content-type: application/json' \
		-d "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"$1\",\"params\":${2:-[]}}" "http://127.0.0.1:$port"
}
finalized_number() {
	local hash
	hash=$(rpc chain_getFinalizedHead | sed -E 's/.*"result":"([^"]+)".*/\1/') || return 1
	rpc chain_getHeader "[\"$hash\"]" | sed -E 's/.*"number":"0x([0-9a-f]+)".*/\1/' | xargs -I{} printf '%d\n' 0x{}
}

start=$(date +%s)
if [ "$load" -gt 0 ]; then
	until rpc system_health >/dev/null 2>&1; do sleep 1; done
	(
		while true; do
			node "$TAONET_ROOT/e2e/tools/loadgen.js" --url "ws://127.0.0.1:$port" --scenario transfer \
				--accounts 200 --per-account 10 --rate "$load" >/dev/null 2>>"${TMPDIR:-/tmp}/taonet-rss-load.log" || sleep 1
		done
	) &
	loader=$!
fi
until n=$(finalized_number 2>/dev/null) && [ "$n" -ge "$blocks" ]; do
	kill -0 "$pid" 2>/dev/null || { echo "node exited; see ${TMPDIR:-/tmp}/taonet-rss-node.log" >&2; exit 1; }
	sleep 1
done
rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
hwm=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status")
echo "blocks: $n in $(( $(date +%s) - start )) s (sealing every ${interval} ms, load ${load} transfers/s)"
echo "VmRSS: $(( rss / 1024 )) MiB, peak VmHWM: $(( hwm / 1024 )) MiB"
