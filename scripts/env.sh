# Sourced by the other scripts: the build environment every Taonet command shares.
#
# One cargo target dir outside the clone, so that every clone (CI's too) reuses the same build,
# and the Wasm builder pointed at this workspace so that it uses our Cargo.lock.

TAONET_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export TAONET_ROOT
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/taonet/target}"
export WASM_BUILD_WORKSPACE_HINT="${WASM_BUILD_WORKSPACE_HINT:-$TAONET_ROOT}"
export TAONET_NODE="${TAONET_NODE:-$CARGO_TARGET_DIR/debug/taonet-node}"
if [ -f "$HOME/.cargo/env" ]; then
	# shellcheck disable=SC1091
	. "$HOME/.cargo/env"
fi
