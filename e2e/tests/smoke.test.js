// Smoke test: a person's first steps on a Taonet dev chain with polkadot.js.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { Keyring } from '@polkadot/keyring';
import { u8aToHex } from '@polkadot/util';
import { cryptoWaitReady } from '@polkadot/util-crypto';

import { sendAndFinalize, startDevNode, waitForFinalized } from '../lib/node.js';

const TAO = 1_000_000_000n;

let node;
let api;
let alice;
let bob;
let charlie;
let dave;

const free = async (account, at) => {
  const query = at ? await api.at(at) : api;
  return (await query.query.system.account(account.address)).data.free.toBigInt();
};

const issuance = async (at) => (await (await api.at(at)).query.balances.totalIssuance()).toBigInt();

/** The events of the one signed extrinsic in `result`, by `section.method`. */
const eventsOf = (result) => result.events.map(({ event }) => event);
const findEvent = (result, section, method) =>
  eventsOf(result).find((event) => event.section === section && event.method === method);

before(async () => {
  await cryptoWaitReady();
  node = await startDevNode();
  api = node.api;
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  [alice, bob, charlie, dave] = ['//Alice', '//Bob', '//Charlie', '//Dave'].map((uri) => keyring.addFromUri(uri));
});

after(async () => {
  await node?.stop();
});

describe('a development chain', () => {
  test('announces TAO with 9 decimals and SS58 format 42', async () => {
    const properties = await api.rpc.system.properties();
    assert.deepEqual(properties.tokenSymbol.unwrap().map(String), ['TAO']);
    assert.deepEqual(properties.tokenDecimals.unwrap().map((d) => d.toNumber()), [9]);
    assert.equal(properties.ss58Format.unwrap().toNumber(), 42);
    assert.deepEqual(api.registry.chainTokens, ['TAO']);
    assert.deepEqual(api.registry.chainDecimals, [9]);
    assert.equal(api.registry.chainSS58, 42);
  });

  test('runs the taonet runtime with its RPC methods', async () => {
    assert.equal(api.runtimeVersion.specName.toString(), 'taonet');
    assert.equal((await api.rpc.system.chain()).toString(), 'Taonet Development');
    const { methods } = (await api.rpc.rpc.methods()).toJSON();
    for (const method of ['system_accountNextIndex', 'payment_queryInfo', 'author_submitAndWatchExtrinsic', 'engine_createBlock']) {
      assert.ok(methods.includes(method), `${method} is served`);
    }
    const aliceNonce = await api.rpc.system.accountNextIndex(alice.address);
    assert.equal(aliceNonce.toNumber(), (await api.query.system.account(alice.address)).nonce.toNumber());
  });

  test('serves metadata V15 and the runtime APIs to api.call', async () => {
    const versions = (await api.call.metadata.metadataVersions()).map((v) => v.toNumber());
    assert.ok(versions.includes(15), `metadata versions ${versions}`);
    assert.ok(api.runtimeMetadata.version >= 15);
    const nonce = await api.call.accountNonceApi.accountNonce(alice.address);
    assert.equal(nonce.toNumber(), (await api.query.system.account(alice.address)).nonce.toNumber());
    const presets = (await api.call.genesisBuilder.presetNames()).map(String);
    assert.deepEqual(presets.sort(), ['development', 'local_testnet']);
  });

  test('signs with the standard transaction extensions, in order, then CheckWeights', async () => {
    assert.deepEqual(api.registry.signedExtensions, [
      'CheckNonZeroSender', 'CheckSpecVersion', 'CheckTxVersion', 'CheckGenesis', 'CheckMortality',
      'CheckNonce', 'CheckWeight', 'ChargeTransactionPayment', 'CheckMetadataHash', 'CheckWeights',
    ]);
    // Taonet's own extension carries no data, explicit or implicit: nothing for signers to add.
    const ext = api.registry.metadata.extrinsic.transactionExtensions.find((e) => e.identifier.toString() === 'CheckWeights');
    for (const type of [ext.type, ext.implicit]) {
      assert.equal(api.registry.lookup.getSiType(type).def.isComposite || api.registry.lookup.getSiType(type).def.isTuple, true);
      assert.equal(api.registry.createType(api.registry.lookup.getTypeDef(type).type).toU8a().length, 0);
    }
  });

  test('produces and finalizes blocks whose timestamps are 12 s slots apart', async () => {
    const head = await waitForFinalized(api, 3);
    const number = head.number.toNumber();
    const hashes = await Promise.all([number - 1, number].map((n) => api.rpc.chain.getBlockHash(n)));
    const [t1, t2] = await Promise.all(hashes.map(async (hash) => (await (await api.at(hash)).query.timestamp.now()).toBigInt()));
    assert.equal(t2 - t1, 12_000n);
    assert.equal((await api.consts.aura.slotDuration).toBigInt(), 12_000n);
  });

  test('Alice, the only authority, is the block author who earns the fees', async () => {
    const authorities = await api.query.aura.authorities();
    assert.deepEqual(authorities.map((key) => u8aToHex(key)), [u8aToHex(alice.publicKey)]);
  });
});

describe('transfers with signAndSend', () => {
  test('Alice pays Bob: Bob gains the amount, the fee goes to the author (Alice)', async () => {
    const amount = 12n * TAO + 345n;
    const tx = api.tx.balances.transferKeepAlive(bob.address, amount);
    const estimate = (await tx.paymentInfo(alice)).partialFee.toBigInt();
    assert.ok(estimate > 0n, 'payment_queryInfo quotes a fee');

    const parent = await api.rpc.chain.getFinalizedHead();
    const [aliceBefore, bobBefore] = [await free(alice, parent), await free(bob, parent)];

    const result = await sendAndFinalize(tx, alice);
    assert.equal(result.dispatchError, undefined);
    const paid = findEvent(result, 'transactionPayment', 'TransactionFeePaid');
    assert.ok(paid, 'TransactionFeePaid emitted');
    assert.equal(paid.data.who.toString(), alice.address);
    const fee = paid.data.actualFee.toBigInt();
    assert.equal(fee, estimate, 'the fee charged is the fee quoted');
    const deposit = findEvent(result, 'balances', 'Deposit');
    assert.equal(deposit.data.who.toString(), alice.address, 'the fee is deposited to the author');
    assert.equal(deposit.data.amount.toBigInt(), fee);

    const at = result.blockHash;
    assert.equal(await free(bob, at), bobBefore + amount);
    assert.equal(await free(alice, at), aliceBefore - amount - fee + fee);
  });

  test('Bob pays Charlie: Bob pays amount plus fee, and no TAO is created or destroyed', async () => {
    const amount = 3n * TAO;
    const parent = await api.rpc.chain.getFinalizedHead();
    const before = {
      alice: await free(alice, parent), bob: await free(bob, parent),
      charlie: await free(charlie, parent), issuance: await issuance(parent),
    };

    const result = await sendAndFinalize(api.tx.balances.transferKeepAlive(charlie.address, amount), bob);
    assert.equal(result.dispatchError, undefined);
    const fee = findEvent(result, 'transactionPayment', 'TransactionFeePaid').data.actualFee.toBigInt();
    assert.ok(fee > 0n);

    const at = result.blockHash;
    assert.equal(await free(bob, at), before.bob - amount - fee);
    assert.equal(await free(charlie, at), before.charlie + amount);
    assert.equal(await free(alice, at), before.alice + fee);
    assert.equal(await issuance(at), before.issuance);
  });

  test('a transfer of more than the balance fails with its dispatch error and moves nothing', async () => {
    const parent = await api.rpc.chain.getFinalizedHead();
    const charlieBefore = await free(charlie, parent);
    const daveBefore = await free(dave, parent);

    const result = await sendAndFinalize(api.tx.balances.transferKeepAlive(dave.address, charlieBefore + TAO), charlie);
    assert.ok(result.dispatchError, 'the extrinsic failed');
    assert.ok(findEvent(result, 'system', 'ExtrinsicFailed'));
    // pallet-balances reports a lack of funds as the token error `FundsUnavailable`.
    assert.ok(result.dispatchError.isToken, `token error, got ${result.dispatchError.toString()}`);
    assert.equal(result.dispatchError.asToken.type, 'FundsUnavailable');
    assert.equal(findEvent(result, 'balances', 'Transfer'), undefined);

    const fee = findEvent(result, 'transactionPayment', 'TransactionFeePaid').data.actualFee.toBigInt();
    const at = result.blockHash;
    assert.equal(await free(dave, at), daveBefore, 'the receiver got nothing');
    assert.equal(await free(charlie, at), charlieBefore - fee, 'the sender paid only the fee');
  });

  test('a transfer the sender cannot pay the fee for never reaches a block', async () => {
    const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
    const pauper = keyring.addFromUri('//Pauper');
    await assert.rejects(
      api.tx.balances.transferKeepAlive(dave.address, 1n).signAndSend(pauper),
      /Inability to pay some fees|1010/,
    );
    assert.equal(await free(pauper), 0n);
  });
});
