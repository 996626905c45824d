// The `taonet` command line (and through it the Rust SDK) drives every call of the chain on a
// dev node: each step runs the CLI as a user would (`--json` to read its answer) and checks
// the outcome on chain with @polkadot/api, independently of the SDK.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';

import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';

import { cliBinary, rpcCall, startDevNode, until } from '../lib/node.js';

const run = promisify(execFile);
const TAO = 1_000_000_000n;
const PASSWORD = 'a long coldkey password';

let node;
let api;
let wallets;
let keys;
let netuid;

/** Runs `taonet --json ...args` with wallet `wallet`; resolves `{ code, out, err }`. */
async function taonet(wallet, args, { password = PASSWORD, hotkey = 'default' } = {}) {
  const env = {
    ...process.env,
    TAONET_URL: `ws://127.0.0.1:${node.rpcPort}`,
    TAONET_WALLET_PATH: wallets,
    TAONET_PASSWORD: password,
    TAONET_COMMITS: path.join(wallets, `${wallet}-commits.json`),
  };
  try {
    const { stdout, stderr } = await run(cliBinary(), ['--json', '--wallet', wallet, '--hotkey', hotkey, '--wait', 'included', ...args], { env, timeout: 120_000 });
    return { code: 0, out: stdout.trim() ? JSON.parse(stdout) : null, err: stderr };
  } catch (e) {
    if (e.code === undefined || typeof e.code === 'string') throw e;
    return { code: e.code, out: e.stdout?.trim() ? JSON.parse(e.stdout) : null, err: e.stderr };
  }
}

/** `taonet ...` that must succeed. */
async function ok(wallet, args, options) {
  const result = await taonet(wallet, args, options);
  assert.equal(result.code, 0, `taonet ${args.join(' ')} failed: ${result.err}`);
  return result.out;
}

const rpc = (method, params) => rpcCall(node.rpcPort, method, params);

const free = async (address) => (await api.query.system.account(address)).data.free.toBigInt();
/** What `coldkey` put into its position on `hotkey` (rewards streaming into the pool aside). */
const held = async (hotkey, coldkey) => (await api.query.stake.positions(hotkey, coldkey)).unwrapOr({ held: { toBigInt: () => 0n } }).held.toBigInt();

before(async () => {
  await cryptoWaitReady();
  node = await startDevNode();
  api = node.api;
  wallets = mkdtempSync(path.join(os.tmpdir(), 'taonet-cli-'));
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  keys = Object.fromEntries(['//Alice', '//Alice//cli', '//Bob', '//Bob//cli', '//Charlie'].map((uri) => [uri, keyring.addFromUri(uri).address]));
  for (const [wallet, cold, hot] of [['alice', '//Alice', '//Alice//cli'], ['bob', '//Bob', '//Bob//cli']]) {
    assert.deepEqual(await ok(wallet, ['wallet', 'import', '--secret', cold]), { wallet, coldkey: keys[cold] });
    assert.deepEqual(await ok(wallet, ['wallet', 'import', '--secret', hot, '--as-hotkey']), { wallet, hotkey: keys[hot] });
  }
  // A hotkey signs weights: its account must exist (the existential deposit), as on any
  // Substrate chain, though weight calls pay no fee.
  const unfunded = await taonet('alice', ['weights', 'set', '1', '--uids', '0', '--weights', '1', '--version-key', '0']);
  assert.equal(unfunded.code, 1);
  assert.match(unfunded.err, /existential deposit/);
  for (const hot of ['//Alice//cli', '//Bob//cli']) await ok('alice', ['wallet', 'transfer', '--to', keys[hot], '--amount', '1']);
});

after(async () => {
  await node?.stop();
  if (wallets) rmSync(wallets, { recursive: true, force: true });
});

describe('the taonet command line', () => {
  test('wallets list their keys; a wrong password signs nothing', async () => {
    const listed = (await ok('alice', ['wallet', 'list'])).filter((w) => ['alice', 'bob'].includes(w.name));
    assert.deepEqual(listed.map((w) => [w.name, w.coldkey, w.hotkeys]), [
      ['alice', keys['//Alice'], [['default', keys['//Alice//cli']]]],
      ['bob', keys['//Bob'], [['default', keys['//Bob//cli']]]],
    ]);
    const before = await free(keys['//Charlie']);
    const wrong = await taonet('alice', ['wallet', 'transfer', '--to', keys['//Charlie'], '--amount', '1'], { password: 'not it' });
    assert.equal(wrong.code, 1);
    assert.match(wrong.err, /wrong password for the coldkey/);
    assert.equal(await free(keys['//Charlie']), before);
  });

  test('a new wallet shows its phrases once, and its phrase restores the same coldkey', async () => {
    const created = await ok('carol', ['wallet', 'new']);
    assert.equal(created.coldkeyMnemonic.split(' ').length, 12);
    const restored = await ok('carol2', ['wallet', 'import', '--secret', created.coldkeyMnemonic]);
    assert.equal(restored.coldkey, created.coldkey);
    const again = await taonet('carol', ['wallet', 'new']);
    assert.equal(again.code, 1, 'an existing wallet is never overwritten');
    assert.match(again.err, /exists already/);
  });

  test('transfer and balance', async () => {
    const before = await free(keys['//Charlie']);
    await ok('alice', ['wallet', 'transfer', '--to', keys['//Charlie'], '--amount', '5.25']);
    assert.equal(await free(keys['//Charlie']) - before, 5_250_000_000n);
    const balance = await ok('alice', ['wallet', 'balance', '--address', keys['//Charlie']]);
    assert.equal(BigInt(balance.free), await free(keys['//Charlie']));
    const foreign = await taonet('alice', ['wallet', 'balance', '--address', '15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5']);
    assert.equal(foreign.code, 1);
    assert.match(foreign.err, /another network/);
  });

  test('subnet create, set (as owner and through sudo), show and hyperparams', async () => {
    const lock = (await ok('alice', ['subnet', 'lock-cost'])).lockCost;
    assert.equal(BigInt(lock), BigInt((await rpc('taonet_lockCost')).lockCost));
    const created = await ok('alice', ['subnet', 'create']);
    netuid = created.netuid;
    const network = (await api.query.subnets.networks(netuid)).unwrap();
    assert.equal(network.owner.toString(), keys['//Alice']);
    // The owner may set how its market scores; governance what shapes the chain.
    await ok('alice', ['subnet', 'set', String(netuid), 'yuma3_enabled', 'false']);
    const refused = await taonet('alice', ['subnet', 'set', String(netuid), 'tempo', '4']);
    assert.equal(refused.code, 1);
    assert.match(refused.err, /Subnets\.GovernanceOnly/);
    assert.match(refused.err, /--sudo/);
    await ok('alice', ['subnet', 'set', String(netuid), 'tempo', '4', '--sudo']);
    await ok('alice', ['subnet', 'set', String(netuid), 'weights_rate_limit', '0', '--sudo']);
    const stored = (await api.query.subnets.hyperparams(netuid)).unwrap();
    assert.equal(stored.tempo.toNumber(), 4);
    assert.equal(stored.weightsRateLimit.toNumber(), 0);
    assert.equal(stored.yuma3Enabled.isTrue, false);
    const params = await ok('alice', ['subnet', 'hyperparams', String(netuid)]);
    assert.deepEqual(params, await rpc('taonet_subnetHyperparams', [netuid]));
    const shown = await ok('alice', ['subnet', 'show', String(netuid)]);
    assert.equal(shown.tempo, 4);
    assert.equal(shown.ownerHotkey, keys['//Alice//cli']);
    assert.deepEqual((await ok('alice', ['subnet', 'list'])).map((s) => s.netuid), [netuid]);
  });

  test('neuron register with a price ceiling, serve an axon', async () => {
    const burn = BigInt((await rpc('taonet_subnets')).subnets[0].burn);
    const low = await taonet('bob', ['neuron', 'register', String(netuid), '--max-burn', '0.000000001']);
    assert.equal(low.code, 1);
    assert.match(low.err, /Subnets\./);
    assert.equal((await api.query.subnets.uids(netuid, keys['//Bob//cli'])).isNone, true, 'the refused registration changed nothing');
    const before = await free(keys['//Bob']);
    const registered = await ok('bob', ['neuron', 'register', String(netuid)]);
    assert.equal(registered.uid, 1);
    const paid = before - (await free(keys['//Bob']));
    assert.ok(paid > 0n && paid <= burn + TAO, `the burn was paid, within the quoted price (${paid} rao)`);
    await ok('bob', ['neuron', 'serve', String(netuid), '--ip', '127.0.0.1', '--port', '8091']);
    const neuron = await ok('bob', ['neuron', 'show', String(netuid)]);
    assert.deepEqual([neuron.uid, neuron.axon.ip, neuron.axon.port], [1, '127.0.0.1', 8091]);
    const read = await rpc('taonet_neuronByHotkey', [netuid, keys['//Bob//cli']]);
    const facts = (n) => [n.uid, n.hotkey, n.coldkey, n.registeredAt, n.axon, n.validatorPermit];
    assert.deepEqual(facts(neuron), facts(read));
  });

  test('stake add, remove, move, transfer and list', async () => {
    const [alice, bob, aliceHot, bobHot] = [keys['//Alice'], keys['//Bob'], keys['//Alice//cli'], keys['//Bob//cli']];
    // Rewards stream into the pools meanwhile, so each call is checked by the event its
    // block holds, at the block the CLI reports.
    const event = async (answer, method) => {
      const events = await (await api.at(answer.block)).query.system.events();
      const found = events.map(({ event: e }) => e).filter((e) => e.section === 'stake' && e.method === method);
      assert.equal(found.length, 1, `one stake.${method} in block ${answer.block}`);
      return Object.fromEntries(found[0].meta.fields.map((f, i) => [f.name.toString(), found[0].data[i].toJSON()]));
    };
    const rao = (tao) => Number(BigInt(tao) * TAO);
    const added = await event(await ok('alice', ['stake', 'add', '--amount', '100']), 'StakeAdded');
    assert.deepEqual([added.coldkey, added.hotkey, added.amount], [alice, aliceHot, rao(100)]);
    const removed = await event(await ok('alice', ['stake', 'remove', '--amount', '10']), 'StakeRemoved');
    assert.deepEqual([removed.hotkey, removed.amount], [aliceHot, rao(10)]);
    const moved = await event(await ok('alice', ['stake', 'move', '--from', aliceHot, '--to', bobHot, '--amount', '20']), 'StakeMoved');
    assert.deepEqual([moved.from, moved.to, moved.amount], [aliceHot, bobHot, rao(20)]);
    const given = await event(await ok('alice', ['stake', 'transfer', '--to-coldkey', bob, '--on-hotkey', bobHot, '--amount', '5']), 'StakeTransferred');
    assert.deepEqual([given.from, given.to, given.hotkey, given.amount], [alice, bob, bobHot, rao(5)]);
    assert.ok(await held(bobHot, bob) >= 5n * TAO, 'Bob holds the given stake (and any reward since)');
    const bobs = await ok('bob', ['stake', 'list']);
    assert.deepEqual(bobs.positions.map((p) => p.hotkey), [bobHot]);
    const listed = await ok('alice', ['stake', 'list']);
    assert.deepEqual(listed.positions.map((p) => p.hotkey).sort(), [aliceHot, bobHot].sort());
    const tooMuch = await taonet('alice', ['stake', 'remove', '--amount', '1000']);
    assert.equal(tooMuch.code, 1);
    assert.match(tooMuch.err, /Stake\./);
  });

  test('delegate take and list', async () => {
    await ok('alice', ['delegate', 'take', '0.1']);
    assert.equal((await api.query.stake.takes(keys['//Alice//cli'])).toNumber(), 6553);
    const listed = await ok('alice', ['delegate', 'list']);
    assert.deepEqual(listed.find((d) => d.hotkey === keys['//Alice//cli']).take.raw, 6553);
  });

  test('weights set, then commit and a reveal the SDK times itself', async () => {
    // Alice's hotkey holds the stake, so the next epoch gives it a validator permit.
    await until('a validator permit', async () => (await rpc('taonet_neuron', [netuid, 0])).validatorPermit, 60_000);
    await ok('alice', ['weights', 'set', String(netuid), '--uids', '1', '--weights', '100']);
    const row = async () => (await rpc('taonet_metagraph', [netuid, true])).weights.find((r) => r.uid === 0)?.row;
    assert.deepEqual(await row(), [[1, 65535]]);
    const bad = await taonet('alice', ['weights', 'set', String(netuid), '--uids', '1,1', '--weights', '1,2']);
    assert.equal(bad.code, 1, 'duplicate UIDs are refused');
    await ok('alice', ['subnet', 'set', String(netuid), 'commit_reveal_enabled', 'true']);
    const committed = await ok('alice', ['weights', 'commit', String(netuid), '--uids', '0,1', '--weights', '1,3']);
    assert.ok(committed.revealEpoch > 0);
    assert.equal((await api.query.consensus.weightCommits.entries()).length, 1);
    const revealed = await ok('alice', ['weights', 'reveal', '--wait-secs', '90']);
    assert.equal(revealed.revealed.length, 1);
    assert.equal(revealed.pending, 0);
    assert.deepEqual(await row(), [[0, 21845], [1, 65535]]);
    assert.equal((await api.query.consensus.weightCommits.entries()).length, 0);
  });

  test('root register and root weights', async () => {
    await ok('alice', ['root', 'register']);
    assert.deepEqual((await api.query.root.rootValidators()).map(String), [keys['//Alice//cli']]);
    await ok('alice', ['root', 'weights', '--netuids', String(netuid), '--weights', '1']);
    const weights = (await api.query.root.rootWeights(keys['//Alice//cli'])).map(([n, w]) => [n.toNumber(), w.toNumber()]);
    assert.deepEqual(weights, [[netuid, 65535]]);
  });

  test('metagraph, and a dissolved subnet returns its lock', async () => {
    const graph = await ok('alice', ['metagraph', String(netuid)]);
    assert.deepEqual(graph.neurons.map((n) => n.hotkey), [keys['//Alice//cli'], keys['//Bob//cli']]);
    const created = await ok('bob', ['subnet', 'create']);
    const held = async () => (await api.query.system.account(keys['//Bob'])).data.reserved.toBigInt();
    const heldBefore = await held();
    await ok('bob', ['subnet', 'dissolve', String(created.netuid)]);
    assert.equal((await api.query.subnets.networks(created.netuid)).isNone, true);
    assert.ok(await held() < heldBefore, 'the lock was released');
  });
});
