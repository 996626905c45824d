// Prints, as JSON, how many keys and bytes (key plus value) each storage item holds in the best
// block's state, by pallet and item name, with the chain's subnet and neuron counts:
//
//   node e2e/tools/state-size.js --url ws://127.0.0.1:9944
//
// Keys that no item of the metadata covers (such as `:code`) are counted under `(other)`.

import { ApiPromise, WsProvider } from '@polkadot/api';
import { u8aToHex } from '@polkadot/util';

const PAGE = 1000;

function option(args, name, fallback) {
  const at = args.indexOf(name);
  return at >= 0 && at + 1 < args.length ? args[at + 1] : fallback;
}

/** Maps each storage item's 32-byte key prefix (hex, no 0x) to `Pallet.Item`. */
function itemPrefixes(api) {
  const prefixes = new Map();
  for (const items of Object.values(api.query)) {
    for (const query of Object.values(items)) {
      if (typeof query.keyPrefix !== 'function') continue;
      const { section, method } = query.creator;
      prefixes.set(u8aToHex(query.keyPrefix()).slice(2, 66), `${section}.${method}`);
    }
  }
  return prefixes;
}

/** Every key of the state at `at`, page by page. */
async function* allKeys(api, at) {
  let start;
  for (;;) {
    const page = await api.rpc.state.getKeysPaged('0x', PAGE, start, at);
    if (page.length === 0) return;
    yield page.map((key) => key.toHex());
    if (page.length < PAGE) return;
    start = page[page.length - 1].toHex();
  }
}

async function main(args) {
  const api = await ApiPromise.create({ provider: new WsProvider(option(args, '--url', 'ws://127.0.0.1:9944')), noInitWarn: true });
  try {
    const at = (await api.rpc.chain.getHeader()).hash;
    const prefixes = itemPrefixes(api);
    const items = {};
    let keys = 0;
    let bytes = 0;
    for await (const page of allKeys(api, at)) {
      const values = await api.rpc.state.queryStorageAt(page, at);
      page.forEach((key, i) => {
        const name = prefixes.get(key.slice(2, 66)) ?? '(other)';
        const size = (key.length - 2) / 2 + (values[i].isSome ? values[i].unwrap().length : 0);
        const item = (items[name] ??= { keys: 0, bytes: 0 });
        item.keys += 1;
        item.bytes += size;
        keys += 1;
        bytes += size;
      });
    }
    const apiAt = await api.at(at);
    const subnets = apiAt.query.subnets ? (await apiAt.query.subnets.neuronCount.entries()) : [];
    const neurons = subnets.reduce((sum, [, count]) => sum + count.toNumber(), 0);
    const report = { block: (await api.rpc.chain.getHeader(at)).number.toNumber(), keys, bytes, subnets: subnets.length, neurons, items };
    console.log(JSON.stringify(report, null, 1));
  } finally {
    await api.disconnect();
  }
}

main(process.argv.slice(2)).catch((error) => {
  console.error(`state-size: ${error.message}`);
  process.exit(1);
});
