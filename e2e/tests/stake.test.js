// Staking from polkadot.js: staked TAO shows as the coldkey's held (reserved) balance under the
// stake pallet's hold reason, delegation keeps the hotkey's owner, and unstaking releases it.
// Only a registered hotkey takes stake.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';

import { sendAndFinalize, startDevNode } from '../lib/node.js';

const TAO = 1_000_000_000n;

let node;
let api;
let alice;
let bob;
let aliceHot;

const data = async (pair) => (await api.query.system.account(pair.address)).data;
const moduleError = (result) => {
  assert.ok(result.dispatchError?.isModule, 'the extrinsic failed with a module error');
  const { section, name } = api.registry.findMetaError(result.dispatchError.asModule);
  return `${section}.${name}`;
};

before(async () => {
  await cryptoWaitReady();
  node = await startDevNode();
  api = node.api;
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  [alice, bob, aliceHot] = ['//Alice', '//Bob', '//Alice//stake'].map((uri) => keyring.addFromUri(uri));
  // A hotkey is bound to its coldkey by registering, here as the owner hotkey of a subnet.
  const registered = await sendAndFinalize(api.tx.subnets.registerNetwork(aliceHot.address), alice);
  assert.equal(registered.dispatchError, undefined);
});

after(async () => {
  await node?.stop();
});

describe('stake', () => {
  test('staked TAO is held on the coldkey and shows as reserved', async () => {
    const before = await data(alice);
    const result = await sendAndFinalize(api.tx.stake.addStake(aliceHot.address, 50n * TAO), alice);
    assert.equal(result.dispatchError, undefined);
    const after = await data(alice);
    assert.equal(after.reserved.toBigInt() - before.reserved.toBigInt(), 50n * TAO);
    const holds = (await api.query.balances.holds(alice.address)).map((h) => [JSON.stringify(h.id.toJSON()), h.amount.toBigInt()]);
    assert.deepEqual(holds.filter(([id]) => id.includes('stake')), [[JSON.stringify({ stake: 'Staked' }), 50n * TAO]]);
    assert.equal((await api.query.subnets.hotkeyOwner(aliceHot.address)).unwrap().toString(), alice.address, 'the hotkey is its registrant\'s');
    assert.equal((await api.query.stake.pools(aliceHot.address)).stake.toBigInt(), 50n * TAO);
  });

  test('a nominator delegates to the hotkey and unstakes back to its free balance', async () => {
    let result = await sendAndFinalize(api.tx.stake.addStake(aliceHot.address, 20n * TAO), bob);
    assert.equal(result.dispatchError, undefined);
    assert.equal((await api.query.stake.positions(aliceHot.address, bob.address)).unwrap().held.toBigInt(), 20n * TAO);
    assert.equal((await data(bob)).reserved.toBigInt(), 20n * TAO);
    result = await sendAndFinalize(api.tx.stake.removeStake(aliceHot.address, 20n * TAO), bob);
    assert.equal(result.dispatchError, undefined);
    assert.equal((await data(bob)).reserved.toBigInt(), 0n);
    assert.ok((await api.query.stake.positions(aliceHot.address, bob.address)).isNone);
  });

  test('a hotkey that never registered takes no stake and is bound to nobody', async () => {
    const stranger = new Keyring({ type: 'sr25519', ss58Format: 42 }).addFromUri('//Bob//never-registered');
    const result = await sendAndFinalize(api.tx.stake.addStake(stranger.address, 10n * TAO), bob);
    assert.equal(moduleError(result), 'stake.UnknownHotkey');
    assert.ok((await api.query.subnets.hotkeyOwner(stranger.address)).isNone);
  });

  test('a stake above the free balance fails with the module error and changes nothing', async () => {
    const before = await data(bob);
    const result = await sendAndFinalize(api.tx.stake.addStake(aliceHot.address, 10_000_000n * TAO), bob);
    assert.equal(moduleError(result), 'stake.InsufficientBalance');
    const after = await data(bob);
    assert.equal(after.reserved.toBigInt(), before.reserved.toBigInt());
  });
});
