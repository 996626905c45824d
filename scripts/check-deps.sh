#!/usr/bin/env bash
# Checks the workspace's dependency rules (docs/architecture.md), and fails naming each break:
#
#   - a pallet depends (normal or build dependency) on no other pallet: pallets meet through
#     the traits and data of `taonet-primitives`, and Yuma's math in `taonet-yuma`;
#   - the node depends on no pallet of the workspace: it reads the chain through the runtime and
#     `taonet-runtime-api`;
#   - `taonet-primitives`, `taonet-yuma` and `taonet-runtime-api` depend on no pallet.
#
# Dev-dependencies are free: a pallet's tests may build a runtime of several pallets.
#
#   scripts/check-deps.sh
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$TAONET_ROOT"

cargo metadata --locked --no-deps --format-version 1 | python3 -c '
import json, sys

packages = json.load(sys.stdin)["packages"]
ours = {p["name"] for p in packages}
pallets = {name for name in ours if name.startswith("pallet-")}
leaves = {"taonet-primitives", "taonet-yuma", "taonet-runtime-api"}

breaks = []
for package in packages:
    name = package["name"]
    deps = {d["name"] for d in package["dependencies"] if d["kind"] in (None, "build")}
    if name in pallets:
        for dep in sorted(deps & pallets):
            breaks.append(f"{name} depends on {dep}: share it through taonet-primitives")
    elif name == "taonet-node" or name in leaves:
        for dep in sorted(deps & pallets):
            breaks.append(f"{name} depends on {dep}: read it through the runtime and taonet-runtime-api")

if breaks:
    print("dependency rules broken:", *breaks, sep="\n  ", file=sys.stderr)
    sys.exit(1)
print(f"dependency rules hold: {len(pallets)} pallets depend on no pallet; the node and {len(leaves)} shared crates on none either")
'

# One jsonrpsee and one sp-core are compiled, the SDK's subxt included: Cargo.lock also lists
# the jsonrpsee that subxt's unused `jsonrpsee` feature would take, but nothing builds it.
compiled=$(cargo tree --workspace --locked -e normal,build --prefix none --format '{p}' \
	| sed 's/ (.*//' | sort -u)
for crate in jsonrpsee sp-core; do
	versions=$(grep -c "^$crate v" <<<"$compiled" || true)
	if [ "$versions" != 1 ]; then
		echo "dependency rules broken: $versions versions of $crate are compiled:" >&2
		grep "^$crate v" <<<"$compiled" >&2
		exit 1
	fi
done
echo "one jsonrpsee and one sp-core are compiled: $(grep -E '^(jsonrpsee|sp-core) v' <<<"$compiled" | tr '\n' ' ')"
