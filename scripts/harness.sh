#!/usr/bin/env bash
# The long run of the randomized runtime harness (runtime/src/harness.rs): random call
# sequences against the whole runtime, every invariant checked after every block.
#
#   scripts/harness.sh [sequences] [seed]
#
# Defaults: 3,000 sequences (about 120,000 calls) from seed 1. It prints the number of calls
# made; a failure is shrunk to a minimal sequence, printed, and its seed kept in
# runtime/src/regressions/ so every later run (CI's too) replays it first.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$TAONET_ROOT"

export TAONET_HARNESS_CASES="${1:-3000}"
export TAONET_HARNESS_SEED="${2:-1}"
cargo test --locked --workspace --lib harness:: -- --nocapture
