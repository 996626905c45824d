// Proof of Intelligence from polkadot.js on a dev node: a validator's weights, signed with the
// runtime's CheckWeights extension without any client configuration, move newly minted TAO to
// the miners it rates and to itself, visibly in balances, stake and events; the pool refuses a
// weight call from an unregistered hotkey; clients read the emission schedule from a runtime API.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';

import { epochPaid, finalizedNumber, sendAndFinalize, startDevNode } from '../lib/node.js';

const TAO = 1_000_000_000n;
const NETUID = 1;

let node;
let api;
let alice;
let bob;
let ownerHot;
let validator;
let miners;
let stranger;

const ok = (result) => assert.equal(result.dispatchError, undefined, 'the extrinsic succeeded');
const sudo = (call) => sendAndFinalize(api.tx.sudo.sudo(call), alice).then(ok);
/** A hotkey's pool at `at`, its stream of rewards included: the hotkey's voting power. */
const poolTotal = async (at, hotkey) => {
  const pool = await at.query.stake.pools(hotkey.address);
  return pool.stake.toBigInt() + pool.streaming.toBigInt();
};
const uidOf = async (hotkey) => (await api.query.subnets.uids(NETUID, hotkey.address)).unwrap().toNumber();
before(async () => {
  await cryptoWaitReady();
  node = await startDevNode();
  api = node.api;
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  [alice, bob, ownerHot, validator, stranger] = ['//Alice', '//Bob', '//Alice//owner', '//Alice//validator', '//Eve//stranger'].map((uri) => keyring.addFromUri(uri));
  miners = ['//Bob//miner1', '//Bob//miner2'].map((uri) => keyring.addFromUri(uri));
});

after(async () => {
  await node?.stop();
});

describe('emission', () => {
  test('a subnet with a staked validator and two miners, epochs every 11 blocks', async () => {
    ok(await sendAndFinalize(api.tx.subnets.registerNetwork(ownerHot.address), alice));
    for (const param of [{ Tempo: 10 }, { WeightsRateLimit: 0 }, { MaxRegistrationsPerBlock: 8 }]) {
      await sudo(api.tx.subnets.setHyperparameter(NETUID, param));
    }
    ok(await sendAndFinalize(api.tx.subnets.burnedRegister(NETUID, validator.address, 100n * TAO), alice));
    for (const miner of miners) ok(await sendAndFinalize(api.tx.subnets.burnedRegister(NETUID, miner.address, 100n * TAO), bob));
    const staked = await sendAndFinalize(api.tx.stake.addStake(validator.address, 1_000n * TAO), alice);
    ok(staked);
    // Read where the stake landed: an epoch in a later block may already have paid the validator.
    const at = await api.at(staked.blockHash);
    assert.equal((await at.query.subnets.neuronCount(NETUID)).toNumber(), 4);
    assert.equal((await at.query.stake.pools(validator.address)).stake.toBigInt(), 1_000n * TAO);
    // The hotkey signs its weight calls: they are free, but its account must exist.
    ok(await sendAndFinalize(api.tx.balances.transferKeepAlive(validator.address, TAO), alice));
  });

  test('the first epoch gives the staked validator a permit', async () => {
    await epochPaid(api, NETUID, await finalizedNumber(api));
    const permits = await api.query.consensus.validatorPermits(NETUID);
    assert.equal(permits[await uidOf(validator)].isTrue, true);
  });

  test('the pool refuses weights from an unregistered hotkey, before any block', async () => {
    await sendAndFinalize(api.tx.balances.transferKeepAlive(stranger.address, TAO), alice).then(ok);
    await assert.rejects(
      sendAndFinalize(api.tx.consensus.setWeights(NETUID, [1], [1], 0), stranger),
      /Custom error: 2/,
    );
  });

  test('weights signed from polkadot.js move TAO to the rated miners and to the validator', async () => {
    const [m1, m2] = [await uidOf(miners[0]), await uidOf(miners[1])];
    const tx = api.tx.consensus.setWeights(NETUID, [m1, m2], [3, 1], 0);
    // CheckWeights encodes to nothing: polkadot.js signs as with the standard extensions only.
    const result = await sendAndFinalize(tx, validator);
    ok(result);
    const set = result.events.map(({ event }) => event).find((e) => e.section === 'consensus' && e.method === 'WeightsSet');
    assert.ok(set, 'WeightsSet');
    const weights = await (await api.at(result.blockHash)).query.consensus.weights([NETUID, 0], await uidOf(validator));
    assert.deepEqual(weights.map(([uid, w]) => [uid.toNumber(), w.toNumber()]), [[m1, 65535], [m2, 21845]]);

    // The state the weights were set in: the next epoch of the subnet is the one they move.
    const setAt = (await api.rpc.chain.getHeader(result.blockHash)).number.toNumber();
    const atSet = await api.at(result.blockHash);
    const stakeAtSet = async (hotkey) => (await atSet.query.stake.pools(hotkey.address)).stake.toBigInt();
    const before = {
      bob: (await atSet.query.system.account(bob.address)).data,
      validator: await poolTotal(atSet, validator),
      miners: await Promise.all(miners.map(stakeAtSet)),
    };
    assert.deepEqual(before.miners, [0n, 0n], 'miners earned nothing before any weights');

    const { hash, paid, events } = await epochPaid(api, NETUID, setAt);
    const at = await api.at(hash);
    const minerStake = await Promise.all(miners.map(async (m) => (await at.query.stake.pools(m.address)).stake.toBigInt()));
    // The validator's dividends stream into its pool's share price: count the stream too.
    const validatorGrowth = await poolTotal(at, validator) - before.validator;
    const { ownerCut, paid: total, kept } = paid.data;
    assert.ok(ownerCut.toBigInt() > 0n && total.toBigInt() > 0n, 'the epoch paid');
    // Miners 3:1 (within fixed-point rounding), validator half to the validator.
    assert.ok(minerStake[0] > 0n && minerStake[1] > 0n, 'both rated miners earned');
    const ratio = Number(minerStake[0]) / Number(minerStake[1]);
    assert.ok(Math.abs(ratio - 3) < 1e-6, `miner emission 3:1, got ${ratio}`);
    const minerTotal = minerStake[0] + minerStake[1];
    assert.equal(minerTotal + validatorGrowth, total.toBigInt(), 'paid = miners + validator');
    assert.ok(validatorGrowth - minerTotal <= 2n && validatorGrowth >= minerTotal, '41% / 41%');
    // 18% of the epoch's pending to the owner: cut / (cut + paid + kept) = 0.18 (rounded down).
    const pending = ownerCut.toBigInt() + total.toBigInt() + kept.toBigInt();
    assert.equal(ownerCut.toBigInt(), (pending * 18n) / 100n);
    // Rewards are minted into the stake pallet's reward account, not onto Bob's coldkey: his
    // reserved balance is unchanged until he touches the positions, which taonet_stake values
    // at what the miners earned.
    const bobAfter = (await at.query.system.account(bob.address)).data;
    assert.equal(bobAfter.reserved.toBigInt(), before.bob.reserved.toBigInt());
    const answer = await fetch(`http://127.0.0.1:${node.rpcPort}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'taonet_stake', params: [bob.address, hash.toString()] }),
    }).then((response) => response.json());
    const { positions } = answer.result;
    const worth = Object.fromEntries(positions.map((p) => [p.hotkey, BigInt(p.stake)]));
    assert.deepEqual(miners.map((m) => worth[m.address]), minerStake);
    const minted = events.map(({ event }) => event).filter((e) => e.section === 'stake' && e.method === 'PositionRewarded');
    assert.equal(minted.length, 2, 'one reward event per miner');
  });

  test('the emission schedule and subnet shares are readable through the runtime API', async () => {
    const at = await api.at(await api.rpc.chain.getFinalizedHead());
    const schedule = await at.call.emissionApi.emissionSchedule();
    assert.equal(schedule.blockEmission.toBigInt(), TAO, '1 TAO a block before the first halving');
    assert.equal(schedule.totalIssuance.toBigInt(), (await at.query.balances.totalIssuance()).toBigInt());
    assert.equal(schedule.totalPending.toBigInt(), (await at.query.emission.totalPending()).toBigInt());
    assert.equal(schedule.nextHalvingThreshold.unwrap().toBigInt(), 10_500_000n * TAO);
    const supply = schedule.totalIssuance.toBigInt() + schedule.totalPending.toBigInt();
    assert.equal(schedule.blocksToNextHalving.unwrap().toBigInt(), (10_500_000n * TAO - supply + TAO - 1n) / TAO);
    const subnets = await at.call.emissionApi.subnetEmission();
    assert.equal(subnets.length, 1);
    assert.equal(subnets[0].netuid.toNumber(), NETUID);
    assert.equal(subnets[0].share.toBigInt(), 1n, 'one subnet, no root weights: an equal share');
    assert.equal(subnets[0].pending.toBigInt(), (await at.query.emission.pendingEmission(NETUID)).toBigInt());
  });
});
