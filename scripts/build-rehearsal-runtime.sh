#!/usr/bin/env bash
# Builds the upgrade rehearsal: the runtime as its next release (one `spec_version` ahead, with the
# migrations queued for it; feature `upgrade-rehearsal`), as Wasm only, and prints its path.
#
#   scripts/build-rehearsal-runtime.sh
#
# It builds in a target dir of its own (TAONET_REHEARSAL_TARGET_DIR, default
# ~/.cache/taonet/rehearsal) with `cargo check`, so that the node's build, its features and its
# embedded runtime stay untouched: only the runtime's build script (the Wasm builder) does real
# work. The first run takes about 10 minutes; later runs rebuild only what changed.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$TAONET_ROOT"

export CARGO_TARGET_DIR="${TAONET_REHEARSAL_TARGET_DIR:-$HOME/.cache/taonet/rehearsal}"
cargo check --locked --quiet -p taonet-runtime --features upgrade-rehearsal >&2
# A debug-profile build leaves the Wasm uncompacted and uncompressed (2.9 MB): a valid runtime
# blob all the same, which the chain takes as it is.
wasm="$CARGO_TARGET_DIR/debug/wbuild/taonet-runtime/taonet_runtime.wasm"
if [ ! -f "$wasm" ]; then
	echo "the rehearsal runtime was not built: $wasm is missing" >&2
	exit 1
fi
echo "$wasm"
