// The Python substrate client (substrate-interface, e2e/python/requirements.txt) signs for this
// chain with no configuration beyond the node's URL, Taonet's CheckWeights extension included:
// e2e/python/sign.py makes a transfer and sees a weight call refused by the pool.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { after, before, test } from 'node:test';

import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';

import { startDevNode } from '../lib/node.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const python = path.join(here, '..', 'python', '.venv', 'bin', 'python');
const script = path.join(here, '..', 'python', 'sign.py');

let node;

before(async () => {
  assert.ok(existsSync(python), `no Python client at ${python}: run scripts/setup.sh`);
  node = await startDevNode();
});

after(async () => {
  await node?.stop();
});

test('substrate-interface signs a transfer and meets CheckWeights in the pool', async () => {
  const { stdout } = await promisify(execFile)(python, [script, `ws://127.0.0.1:${node.rpcPort}`], { timeout: 120_000 });
  const result = JSON.parse(stdout.trim().split('\n').pop());
  assert.equal(result.extensions.at(-1), 'CheckWeights');
  assert.equal(result.received, 2_000_000_000);
  assert.equal(result.refused.data, 'Custom error: 1');
  // The transfer is on chain, as polkadot.js reads it.
  await cryptoWaitReady();
  const receiver = new Keyring({ type: 'sr25519', ss58Format: 42 }).addFromUri('//Python//receiver');
  const { data } = await node.api.query.system.account(receiver.address);
  assert.equal(data.free.toBigInt(), 2_000_000_000n);
});
