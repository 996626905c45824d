// Governance on a chain started without a sudo key (a network file, `--chain network:<file>`, of
// chain type Local so that the node may seal a block every 300 ms):
// council referenda change parameters, authorize a runtime upgrade that anyone then applies, and
// the upgrade keeps every subnet, neuron, stake position, balance and pending emission while its
// migration runs. The new runtime is the upgrade rehearsal (scripts/build-rehearsal-runtime.sh):
// this runtime one spec_version ahead, with the next release's migration.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import { Keyring } from '@polkadot/keyring';
import { Metadata, TypeRegistry } from '@polkadot/types';
import { u8aToHex, stringToU8a, u8aConcat } from '@polkadot/util';
import { blake2AsHex, cryptoWaitReady, xxhashAsU8a } from '@polkadot/util-crypto';

import { finalizedNumber, nodeBinary, sendAndFinalize, startDevNode, until, waitForFinalized } from '../lib/node.js';

const TAO = 1_000_000_000n;
const here = path.dirname(fileURLToPath(import.meta.url));
const networkFile = path.join(here, '..', 'fixtures', 'network-no-sudo.json');
const rehearsalWasm = process.env.TAONET_REHEARSAL_WASM
  ?? path.join(os.homedir(), '.cache/taonet/rehearsal/debug/wbuild/taonet-runtime/taonet_runtime.wasm');

let node;
let api;
let dir;
const k = {};

/** The dispatch error of a result as `section.Name`, or null. */
function errorName(result) {
  const error = result.dispatchError;
  if (!error) return null;
  if (error.isModule) {
    const meta = api.registry.findMetaError(error.asModule);
    return `${meta.section}.${meta.name}`;
  }
  return error.type;
}

function ok(result) {
  assert.equal(errorName(result), null, 'the call succeeded');
  return result;
}

function eventsOf(result, section, method) {
  return result.events.map(({ event }) => event).filter((e) => e.section === section && e.method === method);
}

const ROOT = { system: 'Root' };
const ADMIN = { Governance: 'Admin' };

/** Alice submits `call` on the track of `origin`; Bob places the decision deposit. */
async function submit(origin, call) {
  const submitted = ok(await sendAndFinalize(
    api.tx.referenda.submit(origin, { Inline: call.method.toHex() }, { After: 0 }),
    k.alice,
  ));
  const [event] = eventsOf(submitted, 'referenda', 'Submitted');
  const index = event.data.index.toNumber();
  ok(await sendAndFinalize(api.tx.referenda.placeDecisionDeposit(index), k.bob));
  return index;
}

async function vote(index, ayes, nays = []) {
  for (const who of ayes) ok(await sendAndFinalize(api.tx.council.vote(index, true), who));
  for (const who of nays) ok(await sendAndFinalize(api.tx.council.vote(index, false), who));
}

/** The referendum's outcome once it has one: `approved`, `rejected`, `cancelled`, ... */
async function outcome(index) {
  return until(`referendum ${index} to end`, async () => {
    const info = await api.query.referenda.referendumInfoFor(index);
    return info.isSome && !info.unwrap().isOngoing ? info.unwrap().type.toLowerCase() : null;
  });
}

/** Passes `call` with the whole council and waits until it is approved. */
async function pass(origin, call) {
  const index = await submit(origin, call);
  await vote(index, [k.alice, k.bob, k.charlie]);
  assert.equal(await outcome(index), 'approved');
  return index;
}

/** Raw storage key of a plain storage value. */
function plainKey(pallet, item) {
  return u8aToHex(u8aConcat(xxhashAsU8a(pallet, 128), xxhashAsU8a(item, 128)));
}

/** The raw value under storage `key` at block `hash` (hex), or null. */
async function rawStorage(key, hash) {
  const value = await api.rpc.state.getStorage(key, hash);
  // The RPC answers an optional value; polkadot.js decodes it as Option<StorageData>.
  if (value.isNone) return null;
  return u8aToHex((value.isSome ? value.unwrap() : value).toU8a(true));
}

/**
 * The events of block `hash`, decoded with the metadata of the runtime that made it (its
 * parent's), in a registry of their own. In the block that sets new code polkadot.js may decode
 * with the new runtime's metadata, whose type ids differ, both in a transaction's subscription and
 * in `api.at`; a registry built here from the parent's metadata does not depend on that race.
 */
async function eventsAt(hash) {
  const { parentHash } = await api.rpc.chain.getHeader(hash);
  const registry = new TypeRegistry();
  const metadata = new Metadata(registry, (await api.rpc.state.getMetadata(parentHash)).toU8a());
  registry.setMetadata(metadata);
  const system = metadata.asLatest.pallets.find((pallet) => pallet.name.eq('System'));
  const entry = system.storage.unwrap().items.find((item) => item.name.eq('Events'));
  const raw = await rawStorage(plainKey('System', 'Events'), hash);
  return registry.createType(registry.createLookupType(entry.type.asPlain), raw ?? '0x00');
}

/**
 * Anyone (Dave, not on the council) applies `code`; returns the finalized result, with the
 * extrinsic's own events read by [`eventsAt`].
 */
async function apply(code) {
  const tx = api.tx.system.applyAuthorizedUpgrade(code);
  const { blockHash } = await sendAndFinalize(tx, k.dave, 120_000);
  const { block } = await api.rpc.chain.getBlock(blockHash);
  const index = block.extrinsics.findIndex((extrinsic) => extrinsic.hash.eq(tx.hash));
  assert.ok(index >= 0, 'the upgrade is in its finalized block');
  const events = [...(await eventsAt(blockHash))]
    .filter(({ phase }) => phase.isApplyExtrinsic && phase.asApplyExtrinsic.eqn(index));
  const failed = events.find(({ event }) => event.section === 'system' && event.method === 'ExtrinsicFailed');
  return { blockHash, events, dispatchError: failed?.event.data.dispatchError };
}

/** The state the upgrade must keep, read at block `hash`. */
async function snapshot(hash) {
  const at = await api.at(hash);
  const entries = async (query) => (await query.entries())
    .map(([key, value]) => [key.toHex(), JSON.stringify(value.toJSON())])
    .sort(([a], [b]) => (a < b ? -1 : 1));
  const pending = await entries(at.query.emission.pendingEmission);
  return {
    fixed: {
      networks: await entries(at.query.subnets.networks),
      hyperparams: await entries(at.query.subnets.hyperparams),
      neuronCount: await entries(at.query.subnets.neuronCount),
      keys: await entries(at.query.subnets.keys),
      uids: await entries(at.query.subnets.uids),
      axons: await entries(at.query.subnets.axons),
      hotkeyOwner: await entries(at.query.subnets.hotkeyOwner),
      pools: await entries(at.query.stake.pools),
      positions: await entries(at.query.stake.positions),
      takes: await entries(at.query.stake.takes),
      totalStake: (await at.query.stake.totalStake()).toString(),
      balances: await Promise.all(['charlie', 'eve', 'ferdie'].map(async (who) => JSON.stringify((await at.query.system.account(k[who].address)).data.toJSON()))),
    },
    pendingTotal: pending.reduce((sum, [, value]) => sum + BigInt(JSON.parse(value)), 0n),
    pendingSubnets: pending.map(([key]) => key),
    emitted: (await at.query.emission.totalEmitted()).toBigInt(),
  };
}

before(async () => {
  await cryptoWaitReady();
  assert.ok(existsSync(rehearsalWasm), `the rehearsal runtime is missing at ${rehearsalWasm}: run scripts/build-rehearsal-runtime.sh`);
  const keyring = new Keyring({ type: 'sr25519' });
  for (const name of ['alice', 'bob', 'charlie', 'dave', 'eve', 'ferdie']) {
    k[name] = keyring.addFromUri(`//${name[0].toUpperCase()}${name.slice(1)}`);
  }
  for (const name of ['ownerHot', 'miner1', 'miner2']) k[name] = keyring.addFromUri(`//Governance//${name}`);

  const { stdout } = await promisify(execFile)(nodeBinary(), ['build-spec', '--chain', `network:${networkFile}`, '--raw'], {
    maxBuffer: 64 * 1024 * 1024,
  });
  dir = await mkdtemp(path.join(os.tmpdir(), 'taonet-governance-'));
  const spec = path.join(dir, 'network-raw.json');
  await writeFile(spec, stdout);
  node = await startDevNode({ chain: spec });
  api = node.api;

  // Subnets, neurons and stake in place before any governance happens.
  ok(await sendAndFinalize(api.tx.subnets.registerNetwork(k.ownerHot.address), k.alice));
  for (const [miner, coldkey] of [['miner1', 'eve'], ['miner2', 'ferdie']]) {
    ok(await sendAndFinalize(api.tx.subnets.burnedRegister(1, k[miner].address, 100n * TAO), k[coldkey]));
  }
  ok(await sendAndFinalize(api.tx.stake.addStake(k.ownerHot.address, 500n * TAO), k.charlie));
  ok(await sendAndFinalize(api.tx.stake.addStake(k.ownerHot.address, 250n * TAO), k.eve));
});

after(async () => {
  await node?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('a chain without sudo', () => {
  test('has no sudo key, and sudo calls fail', async () => {
    assert.equal((await api.rpc.system.chainType()).toString(), 'Local', 'a private test network, so that it may seal fast');
    assert.ok((await api.query.sudo.key()).isNone, 'no sudo key at genesis');
    const result = await sendAndFinalize(api.tx.sudo.sudo(api.tx.subnets.setNetworkParameter({ SubnetLimit: 20 })), k.alice);
    assert.equal(errorName(result), 'sudo.RequireSudo');
    const members = await api.query.council.memberCount(1);
    assert.equal(members.toNumber(), 3, 'the council from the network file');
  });

  test('a stranger can neither submit a referendum nor vote', async () => {
    const call = api.tx.subnets.setNetworkParameter({ SubnetLimit: 20 });
    const submitted = await sendAndFinalize(api.tx.referenda.submit(ADMIN, { Inline: call.method.toHex() }, { After: 0 }), k.dave);
    assert.equal(errorName(submitted), 'BadOrigin');
    const index = await submit(ADMIN, call);
    const voted = await sendAndFinalize(api.tx.council.vote(index, true), k.dave);
    assert.equal(errorName(voted), 'council.NotMember');
    // Leave it to time out quietly: cancel it through nothing; it stays undecided.
    assert.ok((await api.query.referenda.referendumInfoFor(index)).unwrap().isOngoing);
  });

  test('the admin track changes a global parameter and a governance-only hyperparameter', async () => {
    const limit = (await api.query.subnets.subnetLimit()).toNumber();
    const batch = api.tx.utility.batchAll([
      api.tx.subnets.setNetworkParameter({ SubnetLimit: limit - 2 }),
      // A tempo long enough that no epoch runs while the upgrade below is compared.
      api.tx.subnets.setHyperparameter(1, { Tempo: 50_400 }),
    ]);
    await pass(ADMIN, batch);
    await until('the admin referendum to be enacted', async () => (await api.query.subnets.subnetLimit()).toNumber() === limit - 2);
    assert.equal((await api.query.subnets.hyperparams(1)).unwrap().tempo.toNumber(), 50_400);
  });

  test('a referendum without enough approval is rejected and enacts nothing', async () => {
    const limit = (await api.query.subnets.subnetLimit()).toNumber();
    const index = await submit(ADMIN, api.tx.subnets.setNetworkParameter({ SubnetLimit: 3 }));
    await vote(index, [k.alice], [k.bob, k.charlie]);
    assert.equal(await outcome(index), 'rejected');
    assert.equal((await api.query.subnets.subnetLimit()).toNumber(), limit);
  });
});

describe('a runtime upgrade through the root track', () => {
  const rehearsal = () => u8aToHex(readFileSync(rehearsalWasm));
  let genesisCode;

  before(async () => {
    const genesis = await api.rpc.chain.getBlockHash(0);
    genesisCode = await rawStorage(u8aToHex(stringToU8a(':code')), genesis);
    assert.ok(genesisCode?.length > 1000, 'the genesis runtime is in storage');
  });

  test('code applied before any authorization is refused', async () => {
    assert.equal(errorName(await apply(rehearsal())), 'system.NothingAuthorized');
  });

  test('passes, is enacted, applied by anyone, and keeps the state', async () => {
    const code = rehearsal();
    const codeHash = blake2AsHex(code, 256);
    const before = (await api.rpc.state.getRuntimeVersion()).specVersion.toNumber();
    await pass(ROOT, api.tx.system.authorizeUpgrade(codeHash));
    const authorized = await until('the upgrade to be authorized', async () => {
      const value = await api.query.system.authorizedUpgrade();
      return value.isSome ? value.unwrap() : null;
    });
    assert.equal(authorized.codeHash.toHex(), codeHash);

    // Code other than the authorized is refused, and the authorization stays.
    assert.equal(errorName(await apply(genesisCode)), 'system.Unauthorized');
    assert.ok((await api.query.system.authorizedUpgrade()).isSome);

    const divisorKey = plainKey('Governance', 'PeriodDivisor');
    const preHash = await api.rpc.chain.getFinalizedHead();
    const pre = await snapshot(preHash);
    assert.ok(await rawStorage(divisorKey, preHash), 'version 0 keeps PeriodDivisor');

    const applied = ok(await apply(code));
    assert.equal(eventsOf(applied, 'system', 'CodeUpdated').length, 1);
    await until('the new runtime', async () => (await api.rpc.state.getRuntimeVersion()).specVersion.toNumber() === before + 1);

    // Blocks keep coming and finalizing on the new runtime; the migration ran in its first block.
    const upgradedAt = await finalizedNumber(api);
    await waitForFinalized(api, upgradedAt + 3);
    const postHash = await api.rpc.chain.getBlockHash(upgradedAt + 2);
    const post = await snapshot(postHash);
    assert.deepEqual(post.fixed, pre.fixed, 'subnets, neurons, stake and balances are unchanged');
    assert.deepEqual(post.pendingSubnets, pre.pendingSubnets);
    // Pending emission only grew by what was emitted since: nothing was lost or paid.
    assert.equal(post.pendingTotal - pre.pendingTotal, post.emitted - pre.emitted);
    assert.ok(post.emitted > pre.emitted, 'emission went on across the upgrade');

    // The migration's effect: the divisor moved to its new name, storage version 1.
    const after = await api.at(postHash);
    assert.equal((await after.query.governance.trackPeriodDivisor()).toNumber(), 600);
    assert.equal(await rawStorage(divisorKey, postHash), null, 'the old key is gone');
    const versionKey = u8aToHex(u8aConcat(xxhashAsU8a('Governance', 128), xxhashAsU8a(':__STORAGE_VERSION__:', 128)));
    assert.equal(await rawStorage(versionKey, postHash), '0x0100', 'storage version 1');
    assert.ok((await api.query.system.authorizedUpgrade()).isNone, 'the authorization is used up');
  });

  test('a runtime with a lower spec_version is refused', async () => {
    const version = (await api.rpc.state.getRuntimeVersion()).specVersion.toNumber();
    await pass(ROOT, api.tx.system.authorizeUpgrade(blake2AsHex(genesisCode, 256)));
    await until('the downgrade to be authorized', async () => (await api.query.system.authorizedUpgrade()).isSome);
    const result = ok(await apply(genesisCode));
    const [rejected] = eventsOf(result, 'system', 'RejectedInvalidAuthorizedUpgrade');
    assert.ok(rejected, 'the upgrade is rejected');
    const meta = api.registry.findMetaError(rejected.data.error.asModule);
    assert.equal(`${meta.section}.${meta.name}`, 'system.SpecVersionNeedsToIncrease');
    await waitForFinalized(api, (await finalizedNumber(api)) + 2);
    assert.equal((await api.rpc.state.getRuntimeVersion()).specVersion.toNumber(), version);
  });

  test('a runtime with another spec_name is refused', async () => {
    // The rehearsal runtime with its embedded version renamed "taonex": a foreign chain's code.
    const foreign = renameSpec(readFileSync(rehearsalWasm));
    const version = (await api.rpc.state.getRuntimeVersion()).specVersion.toNumber();
    await pass(ROOT, api.tx.system.authorizeUpgrade(blake2AsHex(foreign, 256)));
    await until('the foreign code to be authorized', async () => (await api.query.system.authorizedUpgrade()).isSome);
    const result = ok(await apply(u8aToHex(foreign)));
    const [rejected] = eventsOf(result, 'system', 'RejectedInvalidAuthorizedUpgrade');
    assert.ok(rejected, 'the upgrade is rejected');
    const meta = api.registry.findMetaError(rejected.data.error.asModule);
    assert.equal(`${meta.section}.${meta.name}`, 'system.InvalidSpecName');
    assert.equal((await api.rpc.state.getRuntimeVersion()).specVersion.toNumber(), version);
    assert.equal((await api.rpc.state.getRuntimeVersion()).specName.toString(), 'taonet');
  });
});

/**
 * Returns a copy of `wasm` whose `runtime_version` custom section names the spec "taonex":
 * the section starts with the SCALE-encoded spec name (compact length, then the bytes).
 */
function renameSpec(wasm) {
  const bytes = new Uint8Array(wasm);
  const name = stringToU8a('runtime_version');
  const readLeb = (at) => {
    let value = 0;
    let shift = 0;
    for (;;) {
      const byte = bytes[at.offset++];
      value |= (byte & 0x7f) << shift;
      if (!(byte & 0x80)) return value;
      shift += 7;
    }
  };
  const at = { offset: 8 };
  while (at.offset < bytes.length) {
    const id = bytes[at.offset++];
    const size = readLeb(at);
    const end = at.offset + size;
    if (id === 0) {
      const start = at.offset;
      const nameLength = readLeb(at);
      const sectionName = bytes.subarray(at.offset, at.offset + nameLength);
      if (nameLength === name.length && sectionName.every((b, i) => b === name[i])) {
        const payload = at.offset + nameLength;
        const expected = u8aConcat(new Uint8Array([6 << 2]), stringToU8a('taonet'));
        assert.deepEqual(bytes.subarray(payload, payload + expected.length), expected, 'the section starts with the spec name');
        bytes.set(stringToU8a('taonex'), payload + 1);
        return bytes;
      }
      at.offset = start;
    }
    at.offset = end;
  }
  throw new Error('no runtime_version custom section');
}
