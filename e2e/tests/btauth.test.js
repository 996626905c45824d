// Signed requests between neurons interoperate with Bittensor's Python neurons: a request the
// Rust SDK signs (through `taonet request sign`) verifies in bittensor 11.3's own
// `bittensor.http_auth.verify`, and one that module signs verifies in the SDK (`taonet request
// verify`); each side refuses the other's request when its body or receiver is changed.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { after, before, test } from 'node:test';

import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';

import { cliBinary } from '../lib/node.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const python = path.join(here, '..', 'python', '.venv', 'bin', 'python');
const script = path.join(here, '..', 'python', 'btauth.py');
const run = promisify(execFile);

let wallets;
let alice;
let bob;
const body = '{"task":"7 * 6","id":3}';
const target = '/solve?round=3';

/** Runs `cmd args`, writing `input` to its stdin; resolves `{ code, stdout, stderr }`. */
function spawnWithInput(cmd, args, input, env = process.env) {
  return new Promise((resolve) => {
    const child = execFile(cmd, args, { env, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (error.code ?? 1) : 0, stdout, stderr });
    });
    child.stdin.end(input);
  });
}

const taonet = (wallet, args, input) => spawnWithInput(cliBinary(), ['--wallet-path', wallets, '--wallet', wallet, ...args], input ?? '');

before(async () => {
  assert.ok(existsSync(python), `no Python client at ${python}: run scripts/setup.sh`);
  await cryptoWaitReady();
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  [alice, bob] = ['//Alice', '//Bob'].map((uri) => keyring.addFromUri(uri).address);
  wallets = mkdtempSync(path.join(os.tmpdir(), 'taonet-btauth-'));
  for (const [wallet, uri] of [['alice', '//Alice'], ['bob', '//Bob']]) {
    const imported = await taonet(wallet, ['wallet', 'import', '--as-hotkey', '--secret', uri]);
    assert.equal(imported.code, 0, imported.stderr);
  }
});

after(() => {
  if (wallets) rmSync(wallets, { recursive: true, force: true });
});

test('a request signed in Rust verifies in bittensor.http_auth, and only as sent', async () => {
  const signed = await taonet('alice', ['request', 'sign', '--method', 'post', '--path', target, '--body', body, '--receiver', bob]);
  assert.equal(signed.code, 0, signed.stderr);
  const headers = signed.stdout;
  const verify = async (args) => JSON.parse((await spawnWithInput(python, [script, 'verify', ...args], headers)).stdout);
  const accepted = await verify(['//Bob', 'POST', target, body]);
  assert.deepEqual([accepted.ok, accepted.hotkey], [true, alice]);
  assert.equal(accepted.nonce, JSON.parse(headers)['X-Bittensor-Nonce']);
  assert.deepEqual(await verify(['//Bob', 'POST', target, `${body} `]).then((r) => r.error), 'BadSignature');
  assert.deepEqual(await verify(['//Bob', 'POST', '/solve?round=4', body]).then((r) => r.error), 'BadSignature');
  assert.deepEqual(await verify(['//Charlie', 'POST', target, body]).then((r) => r.error), 'WrongReceiver');
});

test('a request signed by bittensor.http_auth verifies in Rust, and only as sent', async () => {
  const { stdout } = await run(python, [script, 'sign', '//Alice', bob, 'POST', target, body], { timeout: 60_000 });
  const verify = (wallet, args) => taonet(wallet, ['request', 'verify', ...args], stdout);
  const accepted = await verify('bob', ['--method', 'POST', '--path', target, '--body', body]);
  assert.equal(accepted.code, 0, accepted.stderr);
  assert.equal(JSON.parse(accepted.stdout).hotkey, alice);
  const tampered = await verify('bob', ['--method', 'POST', '--path', target, '--body', '{}']);
  assert.equal(tampered.code, 1);
  assert.match(tampered.stderr, /bad signature: .*HTTP 401, bad-signature/);
  const misdirected = await verify('alice', ['--method', 'POST', '--path', target, '--body', body]);
  assert.equal(misdirected.code, 1);
  assert.match(misdirected.stderr, /wrong receiver.*HTTP 421/);
  const unsigned = await taonet('bob', ['request', 'verify', '--path', target, '--body', body], '{}');
  assert.match(unsigned.stderr, /no X-Bittensor-Version header.*HTTP 400/);
});
