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
  const slots = await Promise.all(hashes.map(async (hash) => {
    const at = await api.at(hash);
    return { slot: (await at.query.aura.currentSlot()).toBigInt(), time: (await at.query.timestamp.now()).toBigInt() };
  }));
  // Each block sits in its own 12 s Aura slot, which its wall-clock timestamp falls in.
  for (const { slot, time } of slots) assert.equal(time / 12_000n, slot);
  assert.ok(slots[1].slot > slots[0].slot);
  const { methods } = (await api.rpc.rpc.methods()).toJSON();
  assert.ok(!methods.includes('engine_createBlock'), 'no sealing RPC outside development sealing');
});
