// The reference subnet on a dev node: three arith-miner processes of different accuracy and
// one arith-validator. The validator sends each miner signed tasks, scores the answers and
// sets weights; Yuma runs every epoch; after a few epochs the miners' incentive and TAO are
// ordered by their accuracy and the validator earns dividends. The miner's axon is then
// probed as an attacker would: requests with no, a wrong or a replayed signature, a stale
// one, and one from a registered hotkey without a validator permit are each refused with
// their own status, and a Python neuron signing with bittensor.http_auth is served.

import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { after, before, describe, test } from 'node:test';

import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';

import { cliBinary, rpcCall, startDevNode, until } from '../lib/node.js';

const run = promisify(execFile);
const here = path.dirname(fileURLToPath(import.meta.url));
const python = path.join(here, '..', 'python', '.venv', 'bin', 'python');
const btauth = path.join(here, '..', 'python', 'btauth.py');
const binary = (name) => path.join(path.dirname(cliBinary()), name);

let node;
let wallets;
let netuid;
const children = [];
const keys = {};
// Coldkey, hotkey and accuracy of each miner; the validator is Alice's.
const miners = [['bob', '//Bob', 100], ['charlie', '//Charlie', 60], ['dave', '//Dave', 20]];

const env = () => ({ ...process.env, TAONET_URL: `ws://127.0.0.1:${node.rpcPort}`, TAONET_WALLET_PATH: wallets, TAONET_PASSWORD: 'pw' });

async function taonet(wallet, args) {
  const { stdout } = await run(cliBinary(), ['--json', '--wallet', wallet, '--wait', 'included', ...args], { env: env(), timeout: 120_000 });
  return stdout.trim() ? JSON.parse(stdout) : null;
}

const rpc = (method, params) => rpcCall(node.rpcPort, method, params);

/** Starts a neuron binary; resolves its first stdout line that parses as JSON with `event`. */
function startNeuron(name, args, event) {
  const child = spawn(binary(name), args, { env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  const lines = [];
  child.stderr.on('data', (chunk) => lines.push(chunk.toString()));
  return new Promise((resolve, reject) => {
    let buffer = '';
    child.stdout.on('data', (chunk) => {
      buffer += chunk.toString();
      for (let i; (i = buffer.indexOf('\n')) >= 0; buffer = buffer.slice(i + 1)) {
        const line = buffer.slice(0, i);
        lines.push(line);
        try {
          const parsed = JSON.parse(line);
          if (parsed.event === event) resolve({ child, first: parsed, lines });
        } catch { /* not JSON */ }
      }
    });
    child.on('exit', (code) => reject(new Error(`${name} exited (${code}):\n${lines.join('\n')}`)));
  });
}

const stopAll = () => { for (const child of children) if (child.exitCode === null) child.kill('SIGKILL'); };
process.once('exit', stopAll);

before(async () => {
  await cryptoWaitReady();
  node = await startDevNode();
  wallets = mkdtempSync(path.join(os.tmpdir(), 'taonet-subnet-'));
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  for (const [wallet, cold] of [['alice', '//Alice'], ...miners.map(([w, c]) => [w, c]), ['eve', '//Eve']]) {
    await taonet(wallet, ['wallet', 'import', '--secret', cold]);
    await taonet(wallet, ['wallet', 'import', '--secret', `${cold}//neuron`, '--as-hotkey']);
    keys[wallet] = keyring.addFromUri(`${cold}//neuron`).address;
    // A hotkey signs weights and its axon: its account must exist.
    await taonet(wallet, ['wallet', 'transfer', '--to-own-hotkey', '--amount', '1']);
  }
  netuid = (await taonet('alice', ['subnet', 'create'])).netuid;
  await taonet('alice', ['subnet', 'set', String(netuid), 'tempo', '4', '--sudo']);
  await taonet('alice', ['subnet', 'set', String(netuid), 'weights_rate_limit', '0', '--sudo']);
  await taonet('alice', ['stake', 'add', '--amount', '1000']);
  for (const [wallet] of [...miners, ['eve']]) await taonet(wallet, ['neuron', 'register', String(netuid)]);
});

after(async () => {
  stopAll();
  await node?.stop();
  if (wallets) rmSync(wallets, { recursive: true, force: true });
});

describe('the reference subnet', () => {
  let axons;

  test('miners serve their axons and the validator sets weights from their scores', async () => {
    axons = {};
    for (const [wallet, , accuracy] of miners) {
      const { first } = await startNeuron('arith-miner', ['--wallet', wallet, '--netuid', String(netuid), '--port', '0', '--bind', '127.0.0.1', '--accuracy', String(accuracy)], 'serving');
      assert.equal(first.hotkey, keys[wallet]);
      axons[wallet] = first.addr;
    }
    await until('a validator permit', async () => (await rpc('taonet_neuronByHotkey', [netuid, keys.alice])).validatorPermit, 60_000);
    const validator = await startNeuron('arith-validator', ['--wallet', 'alice', '--netuid', String(netuid), '--round-secs', '1'], 'round');
    const scored = await until('a round that scores every miner and sets weights', () => {
      const rounds = validator.lines.map((l) => { try { return JSON.parse(l); } catch { return null; } }).filter((r) => r?.event === 'round');
      return rounds.find((r) => r.weights === 'set' && r.miners.length === 3);
    }, 60_000);
    const byUid = Object.fromEntries(scored.miners.map((m) => [m.uid, m]));
    const uid = async (wallet) => (await rpc('taonet_neuronByHotkey', [netuid, keys[wallet]])).uid;
    // Eve's neuron serves no axon, so it is not asked; the miners score by accuracy.
    assert.equal(byUid[await uid('eve')], undefined);
    const correct = await Promise.all(miners.map(async ([w]) => byUid[await uid(w)].correct));
    assert.ok(correct[0] >= correct[1] && correct[1] >= correct[2], `correct answers ${correct}`);
  });

  test('after a few epochs incentive and TAO follow the miners\' accuracy, and the validator earns dividends', async () => {
    const ordered = await until('incentive ordered by accuracy', async () => {
      const graph = await rpc('taonet_metagraph', [netuid]);
      const of = (wallet) => graph.neurons.find((n) => n.hotkey === keys[wallet]);
      const [best, middle, worst] = miners.map(([w]) => of(w));
      const validator = of('alice');
      const fine = best.incentive.raw > middle.incentive.raw && middle.incentive.raw > worst.incentive.raw
        && best.stake > middle.stake && middle.stake > worst.stake && validator.dividends.raw > 0;
      return fine ? { best, middle, worst, validator } : null;
    }, 180_000);
    assert.ok(ordered.worst.incentive.raw > 0, 'the worst miner still earns for its right answers');
    assert.ok(ordered.validator.validatorPermit);
  });

  test('the axon refuses unsigned, forged, replayed, stale and unpermitted requests, each with its own status', async () => {
    const url = `http://${axons.bob}/solve`;
    const body = JSON.stringify({ a: 7, b: 6, op: 'mul' });
    const sign = async (wallet, extra = []) => JSON.parse((await run(cliBinary(), ['--wallet', wallet, 'request', 'sign', '--path', '/solve', '--body', body, '--receiver', keys.bob, ...extra], { env: env() })).stdout);
    const post = (headers, payload = body) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: payload });

    const unsigned = await post({});
    assert.deepEqual([unsigned.status, unsigned.headers.get('x-taonet-auth-error')], [400, 'malformed']);

    const headers = await sign('alice');
    const forged = await post(headers, JSON.stringify({ a: 7, b: 7, op: 'mul' }));
    assert.deepEqual([forged.status, forged.headers.get('x-taonet-auth-error')], [401, 'bad-signature']);

    const answered = await post(headers);
    assert.equal(answered.status, 200);
    assert.deepEqual(await answered.json(), { answer: 42 });
    assert.ok(answered.headers.get('x-taonet-response-signature'), 'the answer is signed');
    const replayed = await post(headers);
    assert.deepEqual([replayed.status, replayed.headers.get('x-taonet-auth-error')], [409, 'replayed']);

    const old = BigInt(Date.now() - 60_000) * 1_000_000n;
    const stale = await post(await sign('alice', ['--nonce', String(old)]));
    assert.deepEqual([stale.status, stale.headers.get('x-taonet-auth-error')], [401, 'stale']);

    // Eve's hotkey is registered on the subnet, but holds no validator permit.
    const unpermitted = await post(await sign('eve'));
    assert.deepEqual([unpermitted.status, unpermitted.headers.get('x-taonet-auth-error')], [403, 'forbidden']);
    assert.match(await unpermitted.text(), /no validator permit/);
  });

  test('a Python neuron signing with bittensor.http_auth is served by the Rust miner', async () => {
    const body = JSON.stringify({ a: 20, b: 22, op: 'add' });
    const { stdout } = await run(python, [btauth, 'sign', '//Alice//neuron', keys.bob, 'POST', '/solve', body], { timeout: 60_000 });
    const response = await fetch(`http://${axons.bob}/solve`, { method: 'POST', headers: { 'content-type': 'application/json', ...JSON.parse(stdout) }, body });
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { answer: 42 });
  });
});
