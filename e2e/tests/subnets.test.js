// Subnets and neurons from polkadot.js: registering a subnet holds its lock, a burned registration
// recycles its burn, endpoints are published, parameters are set by the right origin, and bad
// input fails with the pallet's error and changes nothing.

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
let dave;
let aliceHot;
let bobHot;

const account = async (pair, at) => (await (at ? await api.at(at) : api).query.system.account(pair.address)).data;
const issuance = async (at) => (await (await api.at(at)).query.balances.totalIssuance()).toBigInt();
const event = (result, method) => result.events.map(({ event: e }) => e).find((e) => e.section === 'subnets' && e.method === method);
const moduleError = (result) => {
  assert.ok(result.dispatchError?.isModule, 'the extrinsic failed with a module error');
  const { section, name } = api.registry.findMetaError(result.dispatchError.asModule);
  return `${section}.${name}`;
};
const parentOf = async (hash) => (await api.rpc.chain.getHeader(hash)).parentHash;

before(async () => {
  await cryptoWaitReady();
  node = await startDevNode();
  api = node.api;
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  [alice, bob, dave, aliceHot, bobHot] = ['//Alice', '//Bob', '//Dave', '//Alice//hot', '//Bob//hot'].map((uri) => keyring.addFromUri(uri));
});

after(async () => {
  await node?.stop();
});

describe('subnets', () => {
  test('register_network holds the lock from the owner and registers the owner hotkey at UID 0', async () => {
    const lock = 1_000n * TAO; // the minimum lock: no subnet was registered before
    const result = await sendAndFinalize(api.tx.subnets.registerNetwork(aliceHot.address), alice);
    assert.equal(result.dispatchError, undefined);
    const registered = event(result, 'NetworkRegistered');
    assert.ok(registered, 'NetworkRegistered');
    assert.equal(registered.data.netuid.toNumber(), 1);
    assert.equal(registered.data.lock.toBigInt(), lock);
    const before = await account(alice, await parentOf(result.blockHash));
    const after = await account(alice, result.blockHash);
    assert.equal(after.reserved.toBigInt() - before.reserved.toBigInt(), lock, 'the lock shows as reserved');
    const subnet = (await api.query.subnets.networks(1)).unwrap();
    assert.equal(subnet.owner.toString(), alice.address);
    assert.equal(subnet.lock.toBigInt(), lock);
    assert.equal((await api.query.subnets.keys(1, 0)).unwrap().toString(), aliceHot.address);
    assert.equal((await api.query.subnets.hotkeyOwner(aliceHot.address)).unwrap().toString(), alice.address);
  });

  test('burned_register recycles the burn: total issuance drops by exactly it', async () => {
    const result = await sendAndFinalize(api.tx.subnets.burnedRegister(1, bobHot.address, 100n * TAO), bob);
    assert.equal(result.dispatchError, undefined);
    // The burn starts at 1 TAO and decays by 2^(-1/360) a block until someone registers.
    const burn = event(result, 'Recycled').data.amount.toBigInt();
    assert.ok(burn <= 1n * TAO && burn > 9n * TAO / 10n, `burn ${burn}`);
    const drop = (await issuance(await parentOf(result.blockHash))) - (await issuance(result.blockHash));
    assert.equal(drop, burn, 'fees go to the author; only the burn leaves the supply');
    assert.equal((await api.query.subnets.uids(1, bobHot.address)).unwrap().toNumber(), 1);
    assert.equal((await api.query.subnets.totalRecycled()).toBigInt(), burn);
  });

  test('a registered hotkey publishes its axon', async () => {
    await sendAndFinalize(api.tx.balances.transferKeepAlive(bobHot.address, 10n * TAO), bob);
    const result = await sendAndFinalize(api.tx.subnets.serveAxon(1, 7, 0x7f000001, 8091, 4, 0), bobHot);
    assert.equal(result.dispatchError, undefined);
    const axon = (await api.query.subnets.axons(1, bobHot.address)).unwrap();
    assert.equal(axon.ip.toBigInt(), 0x7f000001n);
    assert.equal(axon.port.toNumber(), 8091);
    assert.equal(axon.version.toNumber(), 7);
  });

  test('the owner sets owner-settable parameters; governance-only ones need sudo', async () => {
    let result = await sendAndFinalize(api.tx.subnets.setHyperparameter(1, { ServingRateLimit: 7 }), alice);
    assert.equal(result.dispatchError, undefined);
    assert.equal((await api.query.subnets.hyperparams(1)).unwrap().servingRateLimit.toNumber(), 7);
    result = await sendAndFinalize(api.tx.subnets.setHyperparameter(1, { Tempo: 10 }), alice);
    assert.equal(moduleError(result), 'subnets.GovernanceOnly');
    // What a registrant pays and may keep is not the owner's to change under it.
    result = await sendAndFinalize(api.tx.subnets.setHyperparameter(1, { MinBurn: 50n * TAO }), alice);
    assert.equal(moduleError(result), 'subnets.GovernanceOnly');
    result = await sendAndFinalize(api.tx.subnets.setHyperparameter(1, { ImmunityPeriod: 0 }), alice);
    assert.equal(moduleError(result), 'subnets.GovernanceOnly');
    result = await sendAndFinalize(api.tx.sudo.sudo(api.tx.subnets.setHyperparameter(1, { Tempo: 10 })), alice);
    assert.equal((await api.query.subnets.hyperparams(1)).unwrap().tempo.toNumber(), 10);
  });

  test('bad input fails with its own error and changes nothing', async () => {
    const daveBefore = await account(dave);
    let result = await sendAndFinalize(api.tx.subnets.burnedRegister(1, aliceHot.address, 100n * TAO), dave);
    assert.equal(moduleError(result), 'subnets.HotkeyAlreadyRegistered');
    result = await sendAndFinalize(api.tx.subnets.registerNetwork(bobHot.address), dave);
    assert.equal(moduleError(result), 'subnets.HotkeyOwnedByAnotherColdkey');
    result = await sendAndFinalize(api.tx.subnets.burnedRegister(9, dave.address, 100n * TAO), dave);
    assert.equal(moduleError(result), 'subnets.SubnetNotFound');
    // A price ceiling below the current burn: nothing is burned, nothing registered.
    result = await sendAndFinalize(api.tx.subnets.burnedRegister(1, dave.address, 1n), dave);
    assert.equal(moduleError(result), 'subnets.BurnAboveLimit');
    const daveAfter = await account(dave);
    assert.equal(daveAfter.reserved.toBigInt(), daveBefore.reserved.toBigInt());
    assert.equal((await api.query.subnets.neuronCount(1)).toNumber(), 2);
    assert.ok((await api.query.subnets.hotkeyOwner(dave.address)).isNone, 'no hotkey was bound');
  });
});
