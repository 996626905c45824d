#!/usr/bin/env bash
# Builds the workspace (the node with its runtime) as CI does; the Docker image's builder stage
# runs this same script with --release. Extra arguments go to cargo.
#
#   scripts/build.sh            # debug, as CI tests it: $CARGO_TARGET_DIR/debug/taonet-node
#   scripts/build.sh --release  # release, as the image ships it
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$TAONET_ROOT"
cargo build --workspace --locked "$@"
