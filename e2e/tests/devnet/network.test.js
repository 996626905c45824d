// A four-validator devnet with a full node (scripts/devnet.sh, on loopback), with subnets,
// stake and weights in use, driven through the faults operators meet: validators lost, finality
// stalled and resumed, a node killed mid-import, a new node syncing from genesis, a validator
// back with a new network key. Each step checks what every node reports, and prints the
// finality lag, resync times and peer counts it saw (`# ...` lines).
//
// Aura's 12 s slots set the pace: the file takes about ten minutes.

import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';

import { finalizedNumber, nodeBinary, sendAndFinalize, until as waitUntil } from '../../lib/node.js';

const TAO = 1_000_000_000n;
const SCRIPT = fileURLToPath(new URL('../../../scripts/devnet.sh', import.meta.url));
const VALIDATORS = ['alice', 'bob', 'charlie', 'dave'];
const NET = 1;

let dir;
const apis = new Map(); // node name -> ApiPromise, while it runs
let k;

const env = () => ({ ...process.env, TAONET_NODE: nodeBinary() });

/** Runs `scripts/devnet.sh <args> --dir <dir>`. */
async function devnet(...args) {
  const { stdout } = await promisify(execFile)(SCRIPT, [...args, '--dir', dir], { env: env(), maxBuffer: 16 * 1024 * 1024 });
  return stdout;
}

/** Stops every node of the devnet, synchronously: also from an exit or signal handler. */
function stopDevnet() {
  if (dir) {
    try {
      execFileSync(SCRIPT, ['stop', '--dir', dir], { env: env(), stdio: 'ignore' });
    } catch {
      // Already stopped.
    }
  }
}

// However this process ends (a timeout, Ctrl-C), no node is left behind.
process.once('exit', stopDevnet);
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
  process.once(signal, () => {
    stopDevnet();
    process.exit(code);
  });
}

async function connect(name) {
  const port = (await readFile(path.join(dir, name, 'rpc-port'), 'utf8')).trim();
  const api = await ApiPromise.create({ provider: new WsProvider(`ws://127.0.0.1:${port}`), noInitWarn: true });
  apis.set(name, api);
  return api;
}

async function disconnect(name) {
  await apis.get(name)?.disconnect().catch(() => {});
  apis.delete(name);
}

const api = (name) => apis.get(name);
const best = async (name) => (await api(name).rpc.chain.getHeader()).number.toNumber();
const finalized = (name) => finalizedNumber(api(name));
const peers = async (name) => (await api(name).rpc.system.health()).peers.toNumber();

/** As `until` in lib/node.js, for nodes that may be restarting: an error counts as not yet. */
const until = (what, probe, timeoutMs = 180_000) => waitUntil(what, probe, timeoutMs, { retryErrors: true });

/** The index in the authority set of the validator that authored the block (its Aura slot). */
function authorIndex(node, header, authorities) {
  const log = header.digest.logs.find((item) => item.isPreRuntime && item.asPreRuntime[0].toString() === 'aura');
  const slot = node.createType('u64', log.asPreRuntime[1].toU8a(true)).toBigInt();
  return Number(slot % BigInt(authorities));
}

/** Authority indices of the blocks `from..=to` as `name` sees them. */
async function authors(name, from, to) {
  const node = api(name);
  const out = [];
  for (let number = from; number <= to; number += 1) {
    const header = await node.rpc.chain.getHeader(await node.rpc.chain.getBlockHash(number));
    out.push(authorIndex(node, header, VALIDATORS.length));
  }
  return out;
}

/** Finality lag (best - finalized) of each running node, for the report. */
async function report(t, label) {
  const rows = [];
  for (const name of apis.keys()) {
    rows.push(`${name} best #${await best(name)} finalized #${await finalized(name)} peers ${await peers(name)}`);
  }
  t.diagnostic(`${label}: ${rows.join('; ')}`);
}

const ok = (result) => assert.equal(result.dispatchError, undefined, 'the extrinsic succeeded');

before(async () => {
  await cryptoWaitReady();
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  k = Object.fromEntries(['alice', 'validator', 'm1', 'm2'].map((role) => [
    role, keyring.addFromUri(role === 'alice' ? '//Alice' : `//Alice//${role}`),
  ]));
  dir = await mkdtemp(path.join(os.tmpdir(), 'taonet-devnet-'));
  // Fixed ports below the ephemeral range (32768 and up), so that no outgoing socket holds one.
  await devnet('start', '--detach', '--port-offset', String(1000 + (process.pid % 100) * 10));
  for (const name of [...VALIDATORS, 'full']) await connect(name);
});

after(async () => {
  for (const name of [...apis.keys()]) await disconnect(name);
  if (dir) {
    stopDevnet();
    await rm(dir, { recursive: true, force: true });
  }
});

test('1. all four validators author, GRANDPA finalizes, the full node follows; epochs pay', async (t) => {
  const alice = api('alice');
  assert.equal((await alice.query.aura.authorities()).length, 4);
  // A subnet with a staked validator and two miners, epochs every 5 blocks, set up by Alice
  // (the local testnet's sudo key) in one batch.
  const tx = alice.tx;
  ok(await sendAndFinalize(tx.utility.batchAll([
    tx.balances.transferKeepAlive(k.validator.address, 10n * TAO),
    tx.subnets.registerNetwork(k.validator.address),
    tx.sudo.sudo(tx.subnets.setHyperparameter(NET, { Tempo: 4 })),
    tx.sudo.sudo(tx.subnets.setHyperparameter(NET, { WeightsRateLimit: 0 })),
    tx.sudo.sudo(tx.subnets.setHyperparameter(NET, { MaxRegistrationsPerBlock: 4 })),
    tx.subnets.burnedRegister(NET, k.m1.address, 100n * TAO),
    tx.subnets.burnedRegister(NET, k.m2.address, 100n * TAO),
    tx.stake.addStake(k.validator.address, 1_000n * TAO),
  ]), k.alice, 120_000));
  // After an epoch the validator holds a permit; it weights the two miners three to one.
  const permitted = await until('a validator permit', async () => {
    const neuron = (await alice.call.taonetApi.neuronByHotkey(NET, k.validator.address)).unwrap();
    return neuron.validatorPermit.isTrue && neuron;
  });
  const uid = async (key) => (await alice.call.taonetApi.neuronByHotkey(NET, key.address)).unwrap().uid.toNumber();
  ok(await sendAndFinalize(tx.consensus.setWeights(NET, [await uid(k.m1), await uid(k.m2)], [3, 1], 0), k.validator, 120_000));
  // An epoch after the weights pays the miners by them: the first three times the second.
  await until('incentive by the weights', async () => {
    const at = await alice.at(await alice.rpc.chain.getFinalizedHead());
    const incentive = async (key) => (await at.call.taonetApi.neuronByHotkey(NET, key.address)).unwrap().incentive.toNumber();
    const [first, second] = [await incentive(k.m1), await incentive(k.m2)];
    return second > 0 && Math.abs(first - 3 * second) <= 3;
  });
  assert.equal(permitted.uid.toNumber(), 0, "the owner's hotkey holds UID 0");

  // Every validator authored among the blocks so far, and the full node follows the head.
  const head = await finalized('alice');
  const seen = new Set(await authors('full', 1, head));
  assert.deepEqual([...seen].sort(), [0, 1, 2, 3], 'each of the four authorities authored');
  await until('the full node at the finalized head', async () => (await finalized('full')) >= head);
  assert.ok((await best('alice')) - (await finalized('alice')) <= 3, 'finality keeps up with the head');
  for (const name of apis.keys()) await until(`${name} connected to the other four nodes`, async () => (await peers(name)) >= 4);
  await report(t, 'four validators and the full node');
});

test('2. one validator down: blocks and finality continue', async (t) => {
  await disconnect('charlie');
  await devnet('kill', 'charlie', '--hard');
  const [b0, f0] = [await best('alice'), await finalized('alice')];
  await until('three more blocks', async () => (await best('alice')) >= b0 + 3);
  await until('finality past the kill', async () => (await finalized('alice')) >= f0 + 3);
  await until('the full node following', async () => (await finalized('full')) >= f0 + 3);
  await report(t, 'charlie down');
});

test('3. two validators down: blocks continue, finality stalls; one back: finality catches up', async (t) => {
  await disconnect('dave');
  await devnet('kill', 'dave', '--hard');
  // Let a round that was already voted on complete, then finality must hold still.
  const b0 = await best('alice');
  await until('two more blocks', async () => (await best('alice')) >= b0 + 2);
  const stalled = await finalized('alice');
  const b1 = await best('alice');
  await until('two more blocks without finality', async () => (await best('alice')) >= b1 + 2);
  assert.equal(await finalized('alice'), stalled, 'two of four authorities cannot finalize');
  const lag = (await best('alice')) - stalled;
  t.diagnostic(`finality stalled at #${stalled}, ${lag} blocks behind the head`);

  const restart = Date.now();
  await devnet('restart', 'dave');
  await connect('dave');
  const target = await best('alice');
  await until('finality past the stalled head', async () => (await finalized('alice')) >= target, 240_000);
  t.diagnostic(`finality resumed and caught up ${target - stalled} blocks ${((Date.now() - restart) / 1000).toFixed(1)} s after dave's restart`);
  await report(t, 'dave back, charlie down');
});

test('4. a node killed with SIGKILL while it catches up restarts on its database and syncs', async (t) => {
  // Charlie has been down since step 2. Restarted, it opens its database at the block it had
  // and catches up on the blocks it missed: kill it hard at that moment (its first log line
  // about its own chain), then start it again on the same database.
  const log = path.join(dir, 'charlie', 'node.log');
  const from = (await stat(log)).size;
  const head = await best('alice');
  await devnet('restart', 'charlie', '--no-wait');
  const at = await until('charlie on its database', async () => {
    const text = (await readFile(log)).subarray(from).toString();
    return text.match(/(?:Highest known block at|Imported) #(\d+)/)?.[1];
  }, 180_000);
  await devnet('kill', 'charlie', '--hard');
  t.diagnostic(`charlie killed with SIGKILL at #${at}, ${head - Number(at)} or more blocks behind the head`);
  const started = Date.now();
  await devnet('restart', 'charlie');
  await connect('charlie');
  const target = await finalized('alice');
  await until('charlie at the finalized head', async () => (await finalized('charlie')) >= target, 240_000);
  t.diagnostic(`charlie resynced to #${target} ${((Date.now() - started) / 1000).toFixed(1)} s after its restart`);
  const hash = await api('alice').rpc.chain.getBlockHash(target);
  assert.equal((await api('charlie').rpc.chain.getBlockHash(target)).toHex(), hash.toHex(), 'the same chain');
  await report(t, 'all four validators');
});

test('5. a new full node syncs from genesis; every node agrees on state, metagraph and issuance', async (t) => {
  const started = Date.now();
  await devnet('join', 'fresh');
  await connect('fresh');
  const target = await finalized('alice');
  await until('the new node at the finalized head', async () => (await finalized('fresh')) >= target, 240_000);
  t.diagnostic(`a new full node synced ${target} blocks from genesis in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const hash = await api('alice').rpc.chain.getBlockHash(target);
  const views = [];
  for (const name of apis.keys()) {
    await until(`${name} at #${target}`, async () => (await finalized(name)) >= target, 240_000);
    const node = api(name);
    const header = await node.rpc.chain.getHeader(hash);
    const at = await node.at(hash);
    views.push({
      name,
      stateRoot: header.stateRoot.toHex(),
      issuance: (await at.query.balances.totalIssuance()).toString(),
      metagraph: (await at.call.taonetApi.metagraph(NET, true)).toHex(),
    });
  }
  for (const view of views.slice(1)) {
    assert.deepEqual({ ...view, name: views[0].name }, views[0], `${view.name} agrees with ${views[0].name} at #${target}`);
  }
  t.diagnostic(`${views.length} nodes agree at #${target}: state root ${views[0].stateRoot}, issuance ${views[0].issuance} rao`);
});

test('6. a validator restarted with a new node key and the same session keys rejoins', async (t) => {
  const before = (await api('alice').rpc.system.peers()).map((p) => p.peerId.toString());
  await disconnect('bob');
  await devnet('restart', 'bob', '--new-node-key');
  await connect('bob');
  const bobId = (await api('bob').rpc.system.localPeerId()).toString();
  assert.ok(!before.includes(bobId), 'bob has a new network identity');
  await until('alice connected to the new bob', async () =>
    (await api('alice').rpc.system.peers()).some((p) => p.peerId.toString() === bobId));
  const from = (await best('alice')) + 1;
  // Bob authors in its slots again (index 1), and finality goes on.
  await until('a block authored by bob', async () => {
    const to = await best('alice');
    return to >= from && (await authors('alice', from, to)).includes(1);
  }, 240_000);
  const f0 = await finalized('alice');
  await until('finality after bob rejoined', async () => (await finalized('alice')) >= f0 + 2);
  await report(t, 'bob with a new node key');
});
