// The whole workflow of miners, validators and apps on a fresh dev chain, through polkadot.js and
// the node's taonet_* JSON-RPC methods (definitions in clients/polkadot-js/taonet-rpc.js). Every
// step asserts on-chain state read back through the API, at the block it is about.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';

import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { blake2AsHex, cryptoWaitReady, encodeAddress } from '@polkadot/util-crypto';

import { rpc } from '../../clients/polkadot-js/taonet-rpc.js';
import { epochPaid, finalizedNumber, sendAndFinalize, startDevNode } from '../lib/node.js';

const TAO = 1_000_000_000n;
/** Rao a payout may differ from its exact fraction: fixed-point rounding, a few rao per step. */
const TOLERANCE = 64n;

let node;
let api;
let k; // key pairs by role
/** Per finalized block, from its events: TAO accrued to pending emission and recycled by burns. */
const books = new Map();
let unsubscribeBooks = () => {};

const ok = (result) => assert.equal(result.dispatchError, undefined, 'the extrinsic succeeded');
const sudo = async (call) => ok(await sendAndFinalize(api.tx.sudo.sudo(call), k.alice));
const json = async (promise) => (await promise).toJSON();
const numberOf = async (hash) => (await api.rpc.chain.getHeader(hash)).number.toNumber();
const hashOf = (number) => api.rpc.chain.getBlockHash(number);
const finalized = () => finalizedNumber(api);
const eventsAt = async (hash) => (await (await api.at(hash)).query.system.events()).map(({ event }) => event);
const moduleError = (result) => {
  const { section, name } = api.registry.findMetaError(result.dispatchError.asModule);
  return `${section}.${name}`;
};
const near = (actual, expected, what) => {
  const diff = actual > expected ? actual - expected : expected - actual;
  assert.ok(diff <= TOLERANCE, `${what}: ${actual} rao, expected ${expected} ± ${TOLERANCE}`);
};
const big = (v) => BigInt(v);

/** The examples of docs/rpc.md: `[{ request, response }]`, in order. */
function docExamples() {
  const text = readFileSync(new URL('../../docs/rpc.md', import.meta.url), 'utf8');
  const blocks = [...text.split('## Examples')[1].matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]));
  const pairs = [];
  for (let i = 0; i + 1 < blocks.length; i += 2) pairs.push({ request: blocks[i], response: blocks[i + 1] });
  return pairs;
}

/** A value's shape: object keys, the shape of an array's first element, a primitive's type; null matches anything. */
function shape(value) {
  if (value === null) return null;
  if (Array.isArray(value)) return value.length ? [shape(value[0])] : [];
  if (typeof value === 'object') return Object.fromEntries(Object.keys(value).sort().map((key) => [key, shape(value[key])]));
  return typeof value;
}

function sameShape(actual, documented, path) {
  if (actual === null || documented === null) return;
  if (Array.isArray(documented)) {
    assert.ok(Array.isArray(actual), `${path}: an array`);
    if (documented.length && actual.length) sameShape(actual[0], documented[0], `${path}[0]`);
    return;
  }
  if (typeof documented === 'object') {
    assert.deepEqual(Object.keys(actual).sort(), Object.keys(documented).sort(), `${path}: the keys`);
    for (const key of Object.keys(documented)) sameShape(actual[key], documented[key], `${path}.${key}`);
    return;
  }
  assert.equal(actual, documented, path);
}

/** Issuance, pending, and the emission pallet's and subnets pallet's running totals at `hash`. */
async function totals(hash) {
  const at = await api.at(hash);
  return {
    issuance: (await at.query.balances.totalIssuance()).toBigInt(),
    pending: (await at.query.emission.totalPending()).toBigInt(),
    emitted: (await at.query.emission.totalEmitted()).toBigInt(),
    recycled: (await at.query.subnets.totalRecycled()).toBigInt(),
  };
}

/** As `epochPaid` of lib/node.js, with the event's data as `paid`. */
async function epochPaidData(netuid, afterBlock) {
  const { hash, number, paid } = await epochPaid(api, netuid, afterBlock);
  return { hash, number, paid: paid.data };
}

/** Waits until subnet `netuid` (tempo 10) is in a later epoch than at block `number`. */
async function nextEpochAfter(netuid, number) {
  const epoch = (b) => Math.floor((b + netuid + 1) / 11);
  while (epoch(await finalized()) <= epoch(number)) await new Promise((resolve) => setTimeout(resolve, 150));
}

before(async () => {
  await cryptoWaitReady();
  node = await startDevNode();
  api = await ApiPromise.create({ provider: new WsProvider(`ws://127.0.0.1:${node.rpcPort}`), rpc, noInitWarn: true });
  // Keep the books of every finalized block as it comes (old state is pruned after 256 blocks).
  let next = 1;
  let busy = Promise.resolve();
  unsubscribeBooks = await api.rpc.chain.subscribeFinalizedHeads((head) => {
    busy = busy.then(async () => {
      for (; next <= head.number.toNumber(); next += 1) {
        const events = await eventsAt(await hashOf(next));
        const sum = (section, method, field) => events
          .filter((e) => e.section === section && e.method === method)
          .reduce((total, e) => total + e.data[field].toBigInt(), 0n);
        books.set(next, { accrued: sum('emission', 'EmissionAccrued', 'amount'), recycled: sum('subnets', 'Recycled', 'amount') });
      }
    });
  });
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  k = Object.fromEntries(Object.entries({
    alice: '//Alice', bob: '//Bob', charlie: '//Charlie', dave: '//Dave', eve: '//Eve', ferdie: '//Ferdie',
    owner1: '//Alice//owner', owner2: '//Bob//owner', validator: '//Charlie//validator',
    m1: '//Eve//miner1', m2: '//Eve//miner2', m3: '//Eve//miner3', stranger: '//Ferdie//stranger',
  }).map(([role, uri]) => [role, keyring.addFromUri(uri)]));
});

after(async () => {
  unsubscribeBooks();
  await api?.disconnect();
  await node?.stop();
});

describe('the workflow of a subnet, from registration to rewards', () => {
  const state = {};

  test('1. Alice registers a subnet (lock held, owner hotkey UID 0); Bob one with commit-reveal', async () => {
    const lock = big((await json(api.rpc.taonet.lockCost())).lockCost);
    const reservedBefore = (await api.query.system.account(k.alice.address)).data.reserved.toBigInt();
    const result = await sendAndFinalize(api.tx.subnets.registerNetwork(k.owner1.address), k.alice);
    ok(result);
    const at = await api.at(result.blockHash);
    assert.equal((await at.query.system.account(k.alice.address)).data.reserved.toBigInt() - reservedBefore, lock);
    ok(await sendAndFinalize(api.tx.subnets.registerNetwork(k.owner2.address), k.bob));
    for (const netuid of [1, 2]) {
      for (const param of [{ Tempo: 10 }, { WeightsRateLimit: 0 }, { MaxRegistrationsPerBlock: 8 }]) {
        await sudo(api.tx.subnets.setHyperparameter(netuid, param));
      }
    }
    await sudo(api.tx.subnets.setHyperparameter(2, { CommitRevealEnabled: true }));
    const { subnets } = await json(api.rpc.taonet.subnets());
    assert.deepEqual(subnets.map((s) => [s.netuid, s.owner, s.ownerHotkey, s.tempo]), [
      [1, k.alice.address, k.owner1.address, 10], [2, k.bob.address, k.owner2.address, 10],
    ]);
    assert.equal(big(subnets[0].lock), lock);
    assert.equal((await json(api.rpc.taonet.neuron(1, 0))).hotkey, k.owner1.address);
    assert.equal((await json(api.rpc.taonet.subnetHyperparams(2))).commitRevealEnabled, true);
    state.start = await finalized();
    state.startTotals = await totals(await hashOf(state.start));
  });

  test('2. a validator and three miners register with burned_register; miners serve axons', async () => {
    const registered = [];
    for (const [netuid, coldkey, hotkey] of [
      [1, 'charlie', 'validator'], [2, 'charlie', 'validator'], [1, 'eve', 'm1'], [1, 'eve', 'm2'], [1, 'eve', 'm3'], [2, 'eve', 'm1'], [2, 'eve', 'm2'],
    ]) {
      const result = await sendAndFinalize(api.tx.subnets.burnedRegister(netuid, k[hotkey].address, 100n * TAO), k[coldkey]);
      ok(result);
      registered.push(result);
    }
    // The burn is recycled: total issuance drops by exactly it (nobody is staked yet, so no epoch mints).
    const first = registered[0];
    const burn = (await eventsAt(first.blockHash)).find((e) => e.method === 'NeuronRegistered').data.burn.toBigInt();
    const parent = (await api.rpc.chain.getHeader(first.blockHash)).parentHash;
    const issuance = async (hash) => (await (await api.at(hash)).query.balances.totalIssuance()).toBigInt();
    assert.ok(burn > 0n);
    assert.equal(await issuance(parent) - await issuance(first.blockHash), burn);
    // Hotkeys sign their own calls: their accounts must exist.
    for (const hotkey of ['validator', 'm1', 'm2', 'm3']) ok(await sendAndFinalize(api.tx.balances.transferKeepAlive(k[hotkey].address, TAO), k.eve));
    for (const [i, miner] of ['m1', 'm2', 'm3'].entries()) {
      ok(await sendAndFinalize(api.tx.subnets.serveAxon(1, 1, 0x7f000001, 8091 + i, 4, 0), k[miner]));
    }
    const metagraph = await json(api.rpc.taonet.metagraph(1, false));
    assert.deepEqual(metagraph.neurons.map((n) => n.hotkey), ['owner1', 'validator', 'm1', 'm2', 'm3'].map((r) => k[r].address));
    assert.deepEqual(metagraph.neurons.slice(2).map((n) => [n.coldkey, n.axon.ip, n.axon.port]), [
      [k.eve.address, '127.0.0.1', 8091], [k.eve.address, '127.0.0.1', 8092], [k.eve.address, '127.0.0.1', 8093],
    ]);
  });

  test('3. the validator stakes, a nominator delegates, the take is set', async () => {
    ok(await sendAndFinalize(api.tx.stake.addStake(k.validator.address, 1_000n * TAO), k.charlie));
    const delegated = await sendAndFinalize(api.tx.stake.addStake(k.validator.address, 500n * TAO), k.dave);
    ok(delegated);
    // Read at the block of the delegation: later epochs already reward the position.
    const { positions } = await json(api.rpc.taonet.stake(k.dave.address, delegated.blockHash));
    assert.deepEqual(positions.map((p) => [p.hotkey, p.hotkeyOwner, big(p.stake)]), [[k.validator.address, k.charlie.address, 500n * TAO]]);
    const result = await sendAndFinalize(api.tx.stake.decreaseTake(k.validator.address, 6_553), k.charlie);
    ok(result);
    const at = result.blockHash;
    const delegate = (await json(api.rpc.taonet.delegates(at))).delegates.find((d) => d.hotkey === k.validator.address);
    assert.equal(delegate.owner, k.charlie.address);
    assert.equal(delegate.take.raw, 6_553);
    const nominators = Object.fromEntries(delegate.nominators.map((n) => [n.coldkey, big(n.stake)]));
    assert.ok(nominators[k.dave.address] >= 500n * TAO, 'the nominator position (plus any epoch reward)');
    assert.ok(nominators[k.charlie.address] >= 1_000n * TAO, "the owner's position (plus any epoch reward)");
    // The total counts the pool's stream of rewards not yet released, which no position's
    // worth includes yet; the positions' worths are each rounded down.
    const pool = await (await api.at(at)).query.stake.pools(k.validator.address);
    const worth = nominators[k.dave.address] + nominators[k.charlie.address];
    assert.equal(big(delegate.totalStake), pool.stake.toBigInt() + pool.streaming.toBigInt());
    assert.ok(worth <= big(delegate.totalStake));
    assert.ok(big(delegate.totalStake) - worth <= pool.streaming.toBigInt() + 2n, 'stream and rounding only');
  });

  test('4. after an epoch the validator holds permits; it sets weights (commit-reveal on subnet 2); root weights', async () => {
    const now = await finalized();
    await epochPaid(api, 1, now);
    await epochPaid(api, 2, now);
    for (const netuid of [1, 2]) {
      assert.equal((await json(api.rpc.taonet.neuronByHotkey(netuid, k.validator.address))).validatorPermit, true, `permit on ${netuid}`);
    }
    const uid = async (netuid, role) => (await json(api.rpc.taonet.neuronByHotkey(netuid, k[role].address))).uid;
    const [m1, m2, m3] = [await uid(1, 'm1'), await uid(1, 'm2'), await uid(1, 'm3')];
    const set = await sendAndFinalize(api.tx.consensus.setWeights(1, [m1, m2, m3], [60, 20, 10], 0), k.validator);
    ok(set);
    state.weightsAt = await numberOf(set.blockHash);
    const { weights } = await json(api.rpc.taonet.metagraph(1, true, set.blockHash));
    assert.deepEqual(weights, [{ uid: await uid(1, 'validator'), row: [[m1, 65535], [m2, 21845], [m3, 10922]] }]);
    // Subnet 2: set_weights is refused in the pool (CheckWeights code 13, commit-reveal on),
    // commit now, reveal in the next epoch.
    await assert.rejects(
      sendAndFinalize(api.tx.consensus.setWeights(2, [await uid(2, 'm1')], [1], 0), k.validator),
      /Custom error: 13/,
    );
    const uids2 = [await uid(2, 'm1'), await uid(2, 'm2')];
    const weights2 = [10, 30];
    const salt = [7, 7, 7];
    const payload = api.createType('(AccountId, u16, Vec<u16>, Vec<u16>, Vec<u16>, u64)', [k.validator.address, 2, uids2, weights2, salt, 0]);
    // The reveal must land in the epoch after the commit's (11 blocks of 300 ms); should a slow
    // machine miss it, the pool refuses it (CheckWeights code 18, too late) and the validator
    // commits again, which the expired commit allows.
    for (let attempt = 1; ; attempt += 1) {
      const commit = await sendAndFinalize(api.tx.consensus.commitWeights(2, blake2AsHex(payload.toU8a(), 256)), k.validator);
      ok(commit);
      await nextEpochAfter(2, await numberOf(commit.blockHash));
      try {
        ok(await sendAndFinalize(api.tx.consensus.revealWeights(2, uids2, weights2, salt, 0), k.validator));
        break;
      } catch (error) {
        assert.match(String(error), /Custom error: 18/);
        assert.ok(attempt < 3, 'three reveals missed their epoch');
      }
    }
    const rows = (await json(api.rpc.taonet.metagraph(2, true))).weights;
    assert.deepEqual(rows, [{ uid: await uid(2, 'validator'), row: [[uids2[0], 21845], [uids2[1], 65535]] }]);
    // The root network: the validator joins and weights both subnets 1:3.
    ok(await sendAndFinalize(api.tx.root.rootRegister(k.validator.address), k.charlie));
    const root = await sendAndFinalize(api.tx.root.setRootWeights([1, 2], [1, 3], 0), k.validator);
    ok(root);
    state.rootAt = await numberOf(root.blockHash);
    const rootAt = await api.at(root.blockHash);
    assert.deepEqual((await rootAt.query.root.rootValidators()).toJSON(), [k.validator.address]);
    assert.deepEqual((await rootAt.query.root.rootWeights(k.validator.address)).toJSON(), [[1, 21845], [2, 65535]]);
  });

  test('5. the epoch rewards the favoured miner, the validator and its nominator, 18 / 41 / 41', async () => {
    const { hash, number, paid } = await epochPaidData(1, state.weightsAt);
    const parent = await hashOf(number - 1);
    const before = await api.at(parent);
    const after = await api.at(hash);
    const metagraph = await json(api.rpc.taonet.metagraph(1, false, hash));
    const byHotkey = Object.fromEntries(metagraph.neurons.map((n) => [n.hotkey, n]));
    const [m1, m2, m3, validator] = ['m1', 'm2', 'm3', 'validator'].map((r) => byHotkey[k[r].address]);
    assert.ok(m1.incentive.raw > m2.incentive.raw && m2.incentive.raw > m3.incentive.raw, 'the favoured miner has the most incentive');
    assert.ok(validator.dividends.raw > 0 && validator.validatorPermit);
    // 18% of the epoch's pending to Alice, the rest split in halves.
    const cut = paid.ownerCut.toBigInt();
    const pending = cut + paid.paid.toBigInt() + paid.kept.toBigInt();
    assert.equal(cut, (pending * 18n) / 100n);
    const minerEmission = [m1, m2, m3].reduce((sum, n) => sum + big(n.emission), 0n);
    const half = (pending - cut) / 2n;
    near(minerEmission, half, 'miners: 41%');
    near(big(validator.emission), pending - cut - half, 'validator: 41%');
    // What the miners earned is staked for Eve; the validator's pool grew by its dividends,
    // which stream into its share price (the stream counts in the pool's total).
    const stakeOf = async (at, role) => (await at.query.stake.pools(k[role].address)).stake.toBigInt();
    const poolOf = async (at, role) => {
      const pool = await at.query.stake.pools(k[role].address);
      return { total: pool.stake.toBigInt() + pool.streaming.toBigInt(), streaming: pool.streaming.toBigInt(), streamEnd: pool.streamEnd.toNumber() };
    };
    assert.equal(await stakeOf(after, 'm1') - await stakeOf(before, 'm1'), big(m1.emission));
    const [poolBefore, poolAfter] = [await poolOf(before, 'validator'), await poolOf(after, 'validator')];
    const dividends = poolAfter.total - poolBefore.total;
    assert.equal(dividends, big(validator.emission));
    // The take to Charlie first; the rest streams to every share over the reward period.
    const takeRatio = BigInt((await before.query.stake.takes(k.validator.address)).toNumber());
    assert.equal(takeRatio, 6_553n, 'the take set in step 3');
    const take = (dividends * takeRatio) / 65_535n;
    const rewarded = (await eventsAt(hash)).find((e) => e.section === 'stake' && e.method === 'HotkeyRewarded'
      && e.data.hotkey.toString() === k.validator.address);
    assert.ok(rewarded, 'HotkeyRewarded');
    assert.deepEqual([rewarded.data.amount.toBigInt(), rewarded.data.take.toBigInt()], [dividends, take]);
    const period = (await after.query.stake.rewardPeriod()).toNumber();
    assert.equal(rewarded.data.until.toNumber(), number + period);
    assert.equal(poolAfter.streamEnd, number + period);
    assert.ok(poolAfter.streaming >= dividends - take, 'the rest is still streaming');
    // So the nominator's position has not jumped by its share of the rest: it earns it block by
    // block while it stays.
    const worthOf = async (at) => {
      const { positions } = await json(api.rpc.taonet.stake(k.dave.address, at));
      return big(positions.find((p) => p.hotkey === k.validator.address).stake);
    };
    const [daveBefore, daveAfter] = [await worthOf(parent), await worthOf(hash)];
    const share = ((dividends - take) * daveBefore) / poolBefore.total;
    assert.ok(daveAfter >= daveBefore);
    assert.ok(daveAfter - daveBefore < share, `grew ${daveAfter - daveBefore} rao, less than its full share ${share}`);
    while (await finalized() < number + 2) await new Promise((resolve) => setTimeout(resolve, 100));
    assert.ok(await worthOf(await hashOf(number + 2)) > daveAfter, 'the stream raises the position block by block');
    state.end = number;
    state.endHash = hash;
  });

  test('5. issuance grew by exactly the block emissions minus the burns; shares follow the root weights', async () => {
    const [start, end] = [state.startTotals, await totals(state.endHash)];
    // Summed from each block's events, independently of the pallets' running totals.
    let accrued = 0n;
    let recycled = 0n;
    for (let number = state.start + 1; number <= state.end; number += 1) {
      while (!books.has(number)) await new Promise((resolve) => setTimeout(resolve, 100));
      accrued += books.get(number).accrued;
      recycled += books.get(number).recycled;
    }
    assert.equal(accrued, BigInt(state.end - state.start) * TAO, 'every block emitted 1 TAO');
    assert.ok(recycled > 0n, 'the registrations burned');
    // Issuance and what is pending grew by exactly what was emitted less what was burned.
    assert.equal((end.issuance + end.pending) - (start.issuance + start.pending), accrued - recycled);
    assert.equal(end.emitted - start.emitted, accrued);
    assert.equal(end.recycled - start.recycled, recycled);
    const schedule = await json(api.rpc.taonet.emissionSchedule(state.endHash));
    assert.equal(big(schedule.totalIssuance), end.issuance);
    assert.equal(big(schedule.blockEmission), TAO);
    // Shares are computed once per root tempo: root weights count from the next root epoch, the
    // first block after them where (block + 1) / (tempo + 1) changes.
    const tempo = (await api.query.root.tempo()).toNumber();
    let rootEpoch = state.rootAt + 1;
    while ((rootEpoch + 1) % (tempo + 1) !== 0) rootEpoch += 1;
    while ((await finalized()) < rootEpoch) await new Promise((resolve) => setTimeout(resolve, 150));
    const updated = (await eventsAt(await hashOf(rootEpoch))).some((e) => e.section === 'root' && e.method === 'SharesUpdated');
    assert.ok(updated, `the shares were computed at the root epoch, block ${rootEpoch}`);
    const shares = (await json(api.rpc.taonet.subnets(await hashOf(rootEpoch)))).subnets.map((s) => s.emissionShare.value);
    assert.ok(Math.abs(shares[1] / shares[0] - 3) < 1e-6, `the root weights 1:3 are the shares: ${shares}`);
    assert.ok(shares[1] > shares[0], `the root weights favour subnet 2: ${shares}`);
  });

  test('6. bad input: the pool refuses an unregistered hotkey; an oversized stake fails; nothing changes', async () => {
    ok(await sendAndFinalize(api.tx.balances.transferKeepAlive(k.stranger.address, TAO), k.ferdie));
    const nonce = (await api.query.system.account(k.stranger.address)).nonce.toNumber();
    await assert.rejects(sendAndFinalize(api.tx.consensus.setWeights(1, [0], [1], 0), k.stranger), /Custom error: 2/);
    assert.equal((await api.query.system.account(k.stranger.address)).nonce.toNumber(), nonce, 'nothing was executed');
    const result = await sendAndFinalize(api.tx.stake.addStake(k.validator.address, 10_000_000n * TAO), k.ferdie);
    assert.equal(moduleError(result), 'stake.InsufficientBalance');
    const at = await api.at(result.blockHash);
    assert.equal((await at.query.system.account(k.ferdie.address)).data.reserved.toBigInt(), 0n);
    assert.ok((await at.query.stake.positions(k.validator.address, k.ferdie.address)).isNone);
    assert.deepEqual((await json(api.rpc.taonet.stake(k.ferdie.address, result.blockHash))).positions, []);
  });

  test('every answer has the shape docs/rpc.md shows, every error its code', async () => {
    const raw = (method, params) => fetch(`http://127.0.0.1:${node.rpcPort}`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
    }).then((r) => r.json());
    // This chain's own parameters for each documented call (the examples' accounts differ).
    const params = {
      taonet_subnets: [], taonet_subnetHyperparams: [1], taonet_metagraph: [1, true], taonet_neuron: [1, 2],
      taonet_neuronByHotkey: [1, k.validator.address], taonet_stake: [k.dave.address], taonet_delegates: [],
      taonet_lockCost: [], taonet_emissionSchedule: [],
    };
    const examples = docExamples();
    const documented = new Set();
    for (const { request, response } of examples) {
      if (response.error) {
        const answer = await raw(request.method, request.params);
        assert.equal(answer.error?.code, response.error.code, `${request.method} ${JSON.stringify(request.params)}`);
        assert.equal(answer.error.message, response.error.message);
        continue;
      }
      documented.add(request.method);
      const answer = await raw(request.method, params[request.method]);
      assert.ok(answer.result !== undefined, `${request.method}: ${JSON.stringify(answer.error)}`);
      sameShape(shape(answer.result), shape(response.result), request.method);
    }
    assert.deepEqual([...documented].sort(), Object.keys(rpc.taonet).map((m) => `taonet_${m}`).sort(), 'every method documented');
    // The same data through the runtime API in the metadata, as SCALE.
    const head = await api.rpc.chain.getFinalizedHead();
    const viaCall = (await (await api.at(head)).call.taonetApi.metagraph(1, false)).unwrap();
    const viaRpc = await json(api.rpc.taonet.metagraph(1, false, head));
    assert.deepEqual(viaCall.neurons.map((n) => [n.uid.toNumber(), n.incentive.toNumber(), n.stake.toBigInt()]),
      viaRpc.neurons.map((n) => [n.uid, n.incentive.raw, big(n.stake)]));
    assert.equal((await api.call.taonetApi.lockCost()).toBigInt(), big((await json(api.rpc.taonet.lockCost())).lockCost));
  });

  test('the RPC methods answer errors for bad parameters, and list themselves', async () => {
    await assert.rejects(api.rpc.taonet.subnetHyperparams(9), /1001: unknown subnet: no subnet has netuid 9/);
    await assert.rejects(api.rpc.taonet.neuron(1, 999), /1002: unknown neuron: subnet 1 has no neuron with UID 999/);
    const raw = await fetch(`http://127.0.0.1:${node.rpcPort}`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'taonet_stake', params: ['not-an-account'] }),
    }).then((r) => r.json());
    assert.equal(raw.error.code, -32602);
    assert.match(raw.error.message, /invalid coldkey "not-an-account": not an SS58 address/);
    const polkadot = encodeAddress(k.alice.publicKey, 0);
    const other = await fetch(`http://127.0.0.1:${node.rpcPort}`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'taonet_stake', params: [polkadot] }),
    }).then((r) => r.json());
    assert.equal(other.error.code, -32602);
    assert.match(other.error.message, /SS58 prefix 0, but Taonet addresses use 42/);
    const { methods } = (await api.rpc.rpc.methods()).toJSON();
    for (const method of Object.keys(rpc.taonet)) assert.ok(methods.includes(`taonet_${method}`), method);
  });
});
