// Writes the two chain specs the performance benchmark runs, from the development chain spec
// that `taonet-node build-spec --chain dev` prints:
//
//   node e2e/tools/bench-specs.js <dev-spec.json> <taonet.wasm> <baseline.wasm> <out-dir>
//
// - <out-dir>/taonet.json: the development chain with `taonet.wasm` as its code, so that every
//   run executes the same production runtime whatever the node binary embeds;
// - <out-dir>/baseline.json: the same spec and genesis (authority, sudo key, endowed accounts)
//   with the baseline runtime's code, its own name and id, and only the genesis of the pallets
//   the baseline has.
//
// Neither names boot nodes: each runs a single node.

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The genesis sections of the baseline's pallets. */
const BASELINE_PALLETS = ['system', 'timestamp', 'aura', 'grandpa', 'balances', 'transactionPayment', 'sudo'];

/** The spec `base` with `wasm` as its code, the given name and id, and the genesis patch of only
 * `pallets` (all when omitted). */
function withCode(base, wasm, name, id, pallets) {
  const spec = structuredClone(base);
  const genesis = spec.genesis?.runtimeGenesis;
  if (!genesis) {
    throw new Error('the development spec has no `genesis.runtimeGenesis`: pass a spec from `build-spec` without `--raw`');
  }
  if (!genesis.patch) throw new Error('the development spec has no genesis patch');
  genesis.code = `0x${wasm.toString('hex')}`;
  if (pallets) {
    genesis.patch = Object.fromEntries(Object.entries(genesis.patch).filter(([pallet]) => pallets.includes(pallet)));
  }
  spec.bootNodes = [];
  spec.name = name;
  spec.id = id;
  return spec;
}

function main([devSpec, taonetWasm, baselineWasm, outDir]) {
  if (!outDir) {
    throw new Error('usage: bench-specs.js <dev-spec.json> <taonet.wasm> <baseline.wasm> <out-dir>');
  }
  const base = JSON.parse(readFileSync(devSpec, 'utf8'));
  const specs = {
    'taonet.json': withCode(base, readFileSync(taonetWasm), 'Taonet benchmark', 'taonet_bench'),
    'baseline.json': withCode(base, readFileSync(baselineWasm), 'Taonet baseline', 'taonet_baseline', BASELINE_PALLETS),
  };
  for (const [file, spec] of Object.entries(specs)) {
    writeFileSync(path.join(outDir, file), JSON.stringify(spec));
    console.log(path.join(outDir, file));
  }
}

try {
  main(process.argv.slice(2));
} catch (error) {
  console.error(`bench-specs: ${error.message}`);
  process.exit(1);
}
