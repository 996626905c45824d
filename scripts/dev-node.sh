#!/usr/bin/env bash
# Builds taonet-node and starts a development chain (Alice authors, dev accounts endowed).
#
#   scripts/dev-node.sh                      # Aura + GRANDPA, 12 s blocks, state kept
#   scripts/dev-node.sh --sealing 1000 --tmp # a finalized block every second, throwaway state
#
# Extra arguments go to taonet-node. RPC listens on ws://127.0.0.1:9944.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"

"$TAONET_ROOT/scripts/setup.sh"
cd "$TAONET_ROOT"
cargo build --workspace --locked
exec "$TAONET_NODE" --dev --rpc-cors all "$@"
