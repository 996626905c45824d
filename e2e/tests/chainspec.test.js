// Chain specs: `build-spec --raw` writes a spec that a node starts from with `--chain <file>`.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';

import { nodeBinary, startDevNode, waitForFinalized } from '../lib/node.js';

let node;
let dir;

before(async () => {
  const { stdout } = await promisify(execFile)(nodeBinary(), ['build-spec', '--chain', 'local', '--raw'], {
    maxBuffer: 64 * 1024 * 1024,
  });
  const spec = JSON.parse(stdout);
  assert.equal(spec.id, 'taonet_local');
  assert.ok(spec.genesis.raw.top['0x3a636f6465'], 'the raw spec holds the runtime code');
  dir = await mkdtemp(path.join(os.tmpdir(), 'taonet-spec-'));
  const file = path.join(dir, 'local-raw.json');
  await writeFile(file, stdout);
  node = await startDevNode({ chain: file });
});

after(async () => {
  await node?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

test('a node started from a raw local_testnet spec file runs that chain', async () => {
  const { api } = node;
  assert.equal((await api.rpc.system.chain()).toString(), 'Taonet Local Testnet');
  assert.equal((await api.rpc.system.chainType()).toString(), 'Local');
  assert.equal((await api.query.aura.authorities()).length, 4, 'Alice, Bob, Charlie and Dave author');
  assert.equal((await api.query.grandpa.authorities()).length, 4);
  assert.deepEqual(api.registry.chainTokens, ['TAO']);
  await waitForFinalized(api, 2);
});
