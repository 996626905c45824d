// The default `--dev` mode: Aura authors a block per 12 s slot and GRANDPA finalizes them.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { startDevNode, waitForFinalized } from '../lib/node.js';

let node;

before(async () => {
  node = await startDevNode({ sealing: 'aura' });
});

after(async () => {
  await node?.stop();
});

test('--dev authors 12 s Aura blocks and GRANDPA finalizes them', { timeout: 120_000 }, async () => {
  const { api } = node;
  const head = await waitForFinalized(api, 2, 90_000);
  const number = head.number.toNumber();
  const hashes = await Promise.all([number - 1, number].map((n) => api.rpc.chain.getBlockHash(n)));
  const [t1, t2] = await Promise.all(
    hashes.map(async (hash) => (await (await api.at(hash)).query.timestamp.now()).toBigInt()),
  );
  // Aura slots: consecutive blocks are whole slots apart (one slot unless a slot was missed).
  assert.ok(t2 > t1);
  assert.equal((t2 - t1) % 12_000n, 0n);
  const { methods } = (await api.rpc.rpc.methods()).toJSON();
  assert.ok(!methods.includes('engine_createBlock'), 'no sealing RPC outside development sealing');
});
