#!/usr/bin/env bash
# Measures taonet-node's resident memory after N development blocks (default 1,000).
#
#   scripts/measure-node-rss.sh [blocks] [sealing-ms]
#
# Starts a throwaway dev chain sealing a block every sealing-ms (default 50), waits for the
# finalized head to reach `blocks`, and prints the node's VmRSS and VmHWM (peak) in MiB.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"

blocks="${1:-1000}"
interval="${2:-50}"
port=$(( 20000 + RANDOM % 20000 ))
"$TAONET_NODE" --dev --tmp --sealing "$interval" --rpc-port "$port" --port 0 \
	--no-prometheus --no-telemetry --no-mdns >"${TMPDIR:-/tmp}/taonet-rss-node.log" 2>&1 &
pid=$!
trap 'kill -INT $pid 2>/dev/null || true; wait $pid 2>/dev/null || true' EXIT

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
until n=$(finalized_number 2>/dev/null) && [ "$n" -ge "$blocks" ]; do
	kill -0 "$pid" 2>/dev/null || { echo "node exited; see ${TMPDIR:-/tmp}/taonet-rss-node.log" >&2; exit 1; }
	sleep 1
done
rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
hwm=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status")
echo "blocks: $n in $(( $(date +%s) - start )) s (sealing every ${interval} ms)"
echo "VmRSS: $(( rss / 1024 )) MiB, peak VmHWM: $(( hwm / 1024 )) MiB"
