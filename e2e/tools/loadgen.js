// A transaction load generator for a running node, Taonet or a plain chain.
//
//   node e2e/tools/loadgen.js --url ws://127.0.0.1:9944 --scenario transfer|weights|mix [options]
//
// Setup (not measured): //Alice funds fresh load accounts //load//<i>; the weights and mix
// scenarios also build a full subnet whose validators hold permits. Then every sender's
// transactions are signed in advance, submitted with raw `author_submitExtrinsic` calls, and
// each new block is measured against the clock, as polkadot-stps does: what it carries, its
// weight and length, when it was seen and finalized. One JSON report goes to stdout (and to
// --out FILE); progress goes to stderr. `--help` lists the options.

import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';

import { sendAndFinalize, until } from '../lib/node.js';
import {
  BlockTracker, Submitter, TAO, job, parseOptions, progress, round, sleep, spread, yieldToEvents,
} from './load-lib.js';

/** What each load transfer moves, in rao. */
const TRANSFER_AMOUNT = 1_000_000n;
/** What each validator hotkey is given: it signs its weights, so its account must exist. */
const HOTKEY_FUND = TAO;
/** Stake on each validator hotkey: the only stake on the subnet, so all of them get permits. */
const VALIDATOR_STAKE = TAO;
/** The load subnet's tempo while it waits for its first epoch's permits. */
const SETUP_TEMPO = 4;
/** Its tempo during the load: no epoch moves permits or fills blocks while it is measured. */
const MEASURED_TEMPO = 360;
/** The most registrations a subnet takes in one block (the hyperparameter's upper bound). */
const REGISTRATIONS_PER_BLOCK = 64;
/** Setup transactions awaiting the node's answer at once. */
const SETUP_INFLIGHT = 256;
/** Setup transactions in the pool at once, well under its default limit of 8192. */
const SETUP_POOL_CAP = 4_000;
/** Transfers in one funding transaction (a `utility.batchAll`) where the chain has that pallet. */
const FUND_BATCH = 1_000;
/** Funding rounds before giving up: each tops up whoever still lacks funds. */
const FUND_ROUNDS = 5;

/** Connects to `url`, failing after 30 s if no node answers there. */
async function connect(url) {
  const provider = new WsProvider(url, 2_500, {}, 120_000);
  const timeout = sleep(30_000).then(() => { throw new Error(`no node answers at ${url}`); });
  await Promise.race([provider.isReady, timeout]);
  const api = await Promise.race([ApiPromise.create({ provider, noInitWarn: true }), timeout]);
  return { api, provider };
}

/** The chain's name, runtime, block limits and existential deposit; `taonet` if it has subnets. */
async function readChain(api) {
  const { maxBlock, perClass } = api.consts.system.blockWeights;
  const { max } = api.consts.system.blockLength;
  const maxBlockRefTime = Number(maxBlock.refTime.toBigInt());
  return {
    name: (await api.rpc.system.chain()).toString(),
    specName: api.runtimeVersion.specName.toString(),
    specVersion: api.runtimeVersion.specVersion.toNumber(),
    taonet: Boolean(api.tx.subnets),
    existentialDeposit: Number(api.consts.balances.existentialDeposit.toBigInt()),
    limits: {
      maxBlockRefTime,
      maxNormalRefTime: perClass.normal.maxTotal.isSome ? Number(perClass.normal.maxTotal.unwrap().refTime.toBigInt()) : maxBlockRefTime,
      maxLength: Math.max(max.normal.toNumber(), max.operational.toNumber(), max.mandatory.toNumber()),
      maxNormalLength: max.normal.toNumber(),
    },
  };
}

/**
 * Refuses what cannot run here: funds below the existential deposit, subnet scenarios off
 * Taonet or without //Alice as sudo.
 */
async function checkRun(api, chain, options, alice) {
  if (options.fund < BigInt(chain.existentialDeposit)) {
    throw new Error(`--fund must be at least the existential deposit, ${chain.existentialDeposit} rao`);
  }
  if (options.scenario === 'transfer') return;
  if (!chain.taonet) throw new Error(`the ${options.scenario} scenario needs a Taonet chain: this chain has no \`subnets\` pallet`);
  const key = (await api.query.sudo.key()).unwrapOr(null)?.toString();
  if (key !== alice.address) {
    throw new Error(`the ${options.scenario} scenario sets subnet hyperparameters with sudo, `
      + `but //Alice is not this chain's sudo key (${key ?? 'none'})`);
  }
  if (options.fund < 2n * TAO) {
    throw new Error(`the ${options.scenario} scenario needs --fund of at least 2 TAO: `
      + 'load accounts stake 1 TAO on validators and register hotkeys');
  }
}

/** `count` sr25519 pairs `<base>//<i>`, derived from `<base>`'s pair (one seed, not one per pair). */
function derive(keyring, base, count) {
  const root = keyring.createFromUri(base);
  return Array.from({ length: count }, (_, i) => root.derive(`//${i}`));
}

/** Free balance and nonce of each address, read a thousand at a time. */
async function accountInfos(api, addresses) {
  const infos = [];
  for (let i = 0; i < addresses.length; i += 1_000) {
    for (const info of await api.query.system.account.multi(addresses.slice(i, i + 1_000))) {
      infos.push({ free: info.data.free.toBigInt(), nonce: info.nonce.toNumber() });
    }
  }
  return infos;
}

/**
 * Signs transactions offline. Given a nonce and era 0 (immortal), polkadot.js builds the payload
 * from the genesis hash, runtime version and signed extensions it already holds, so signing
 * sends nothing to the node. Every few hundred signatures it lets pending I/O run, so that
 * blocks are still followed as they come, and every 5 s it says how far it is.
 */
class OfflineSigner {
  #signed = 0;
  #lastLog = performance.now();

  constructor(api) {
    this.api = api;
  }

  /** The hex of `call` signed by `pair` with `nonce`, immortal, tip 0. */
  async sign(pair, call, nonce) {
    const tx = this.api.tx(call);
    await tx.signAsync(pair, { nonce, era: 0, tip: 0 });
    this.#signed += 1;
    if (this.#signed % 256 === 0) {
      await yieldToEvents();
      if (performance.now() - this.#lastLog >= 5_000) {
        this.#lastLog = performance.now();
        progress(`signed ${this.#signed} transactions so far`);
      }
    }
    return tx.toHex();
  }
}

/** The next nonce of every load account and hotkey, as read from the chain, then counted here. */
class Nonces {
  #next = new Map();

  set(address, nonce) {
    this.#next.set(address, nonce);
  }

  /** The nonce for `address`'s next transaction (then counts it as used). */
  take(address) {
    const nonce = this.#next.get(address);
    if (nonce === undefined) throw new Error(`no nonce read for ${address}`);
    this.#next.set(address, nonce + 1);
    return nonce;
  }
}

/**
 * Submits setup transactions and waits until all are in blocks; `strict`, throws unless each
 * succeeded (otherwise the caller checks the outcome itself).
 */
async function runSetup(ctx, label, jobs, { strict = true } = {}) {
  progress(`phase: ${label} (${jobs.length} transactions)`);
  const submitter = new Submitter(ctx.tracker, { inflight: SETUP_INFLIGHT, poolCap: SETUP_POOL_CAP, label });
  const stats = await submitter.run(jobs, ctx.options.timeoutMs);
  await ctx.tracker.settle(jobs, { finalized: false, timeoutMs: ctx.options.timeoutMs, progressOf: submitter.lastProgressMs, label });
  ctx.tracker.forget(jobs);
  const bad = jobs.filter((j) => j.state !== 'accepted' || j.includedMs === null || j.failed);
  if (bad.length && strict) {
    const reasons = [...new Set([...stats.invalidMessages, ...bad.map((j) => j.failed ?? (j.state === 'accepted' ? 'not included' : j.state))])];
    throw new Error(`${label}: ${bad.length} of ${jobs.length} transactions failed: ${reasons.slice(0, 5).join('; ')}`);
  }
}

/** Sends one call from `signer`, waits for its finalization and throws on a dispatch or sudo error. */
async function sendOne(ctx, call, signer, what) {
  const result = await sendAndFinalize(call, signer, ctx.options.timeoutMs);
  const sudid = result.events.map(({ event }) => event).find((e) => ctx.api.events.sudo?.Sudid?.is(e));
  const error = result.dispatchError ?? (sudid?.data[0].isErr ? sudid.data[0].asErr : null);
  if (error) {
    const reason = error.isModule ? (({ section, name }) => `${section}.${name}`)(ctx.api.registry.findMetaError(error.asModule)) : error.type;
    throw new Error(`${what} failed: ${reason}`);
  }
  return result;
}

/** What each target `[pair, amount]` lacks of its amount, as `[pair, top-up]`; notes every target's nonce. */
async function missingFunds(ctx, targets) {
  progress(`phase: read ${targets.length} accounts`);
  const infos = await accountInfos(ctx.api, targets.map(([pair]) => pair.address));
  infos.forEach(({ nonce }, i) => ctx.nonces.set(targets[i][0].address, nonce));
  return targets.map(([pair, amount], i) => [pair, amount - infos[i].free]).filter(([, amount]) => amount > 0n);
}

/**
 * //Alice's funding calls: batches of transfers, one at a time in the pool, where the chain has
 * the utility pallet; otherwise one transfer each, all at once.
 */
function fundingCalls(api, topUps) {
  const transfers = topUps.map(([pair, amount]) => api.tx.balances.transferKeepAlive(pair.address, amount));
  if (!api.tx.utility) return { calls: transfers, gated: false };
  const calls = [];
  for (let i = 0; i < transfers.length; i += FUND_BATCH) calls.push(api.tx.utility.batchAll(transfers.slice(i, i + FUND_BATCH)));
  return { calls, gated: true };
}

/**
 * Gives every load account `--fund` and each validator hotkey 1 TAO, topping up what they
 * hold, in rounds until none lacks anything (a round's transfer may be lost in the pool).
 */
async function fund(ctx) {
  const { api, options, alice } = ctx;
  const targets = [...ctx.accounts.map((pair) => [pair, options.fund]), ...ctx.validators.map((pair) => [pair, HOTKEY_FUND])];
  for (let round = 1; ; round += 1) {
    const topUps = await missingFunds(ctx, targets);
    if (!topUps.length) return;
    if (round > FUND_ROUNDS) throw new Error(`${topUps.length} accounts still lack their funds after ${FUND_ROUNDS} rounds of funding`);
    const total = topUps.reduce((sum, [, amount]) => sum + amount, 0n);
    const free = (await api.query.system.account(alice.address)).data.free.toBigInt();
    if (free < total + BigInt(topUps.length) * TAO / 100n) {
      throw new Error(`//Alice holds ${free / TAO} TAO but funding needs ${total / TAO} TAO: lower --accounts or --fund`);
    }
    const { calls, gated } = fundingCalls(api, topUps);
    progress(`phase: sign ${calls.length} funding transactions from //Alice`);
    let nonce = (await api.rpc.system.accountNextIndex(alice.address)).toNumber();
    const jobs = [];
    for (const call of calls) {
      jobs.push(job(await ctx.signer.sign(alice, call, nonce), gated ? alice.address : null));
      nonce += 1;
    }
    await runSetup(ctx, `fund ${topUps.length} accounts, round ${round}`, jobs, { strict: false });
  }
}

/** The netuid of the subnet whose owner hotkey is `hotkey` (a load subnet of an earlier run), or null. */
async function findSubnet(api, hotkey) {
  for (const [key, info] of await api.query.subnets.networks.entries()) {
    if (info.unwrap().ownerHotkey.toString() === hotkey) return key.args[0].toNumber();
  }
  return null;
}

/** Sets subnet hyperparameters through sudo, all in one batch. */
async function setHyperparameters(ctx, netuid, params) {
  const { api, alice } = ctx;
  const calls = params.map((param) => api.tx.subnets.setHyperparameter(netuid, param));
  const names = params.map((param) => Object.keys(param)[0]).join(', ');
  progress(`phase: set ${names} of subnet ${netuid}`);
  await sendOne(ctx, api.tx.sudo.sudo(api.tx.utility.batchAll(calls)), alice, `setting ${names}`);
}

/**
 * The load subnet: registered by //Alice with //load//hk//0 as owner hotkey (UID 0), or found
 * from an earlier run; registration opened wide and made cheap, its size set to --uids and
 * --validators, the weights rate limit off and a short tempo for the first permits.
 */
async function openSubnet(ctx) {
  const { api, options, alice, hotkeys } = ctx;
  let netuid = await findSubnet(api, hotkeys[0].address);
  if (netuid === null) {
    progress('phase: register the load subnet');
    const { events } = await sendOne(ctx, api.tx.subnets.registerNetwork(hotkeys[0].address), alice, 'registering the load subnet');
    netuid = events.map(({ event }) => event).find((e) => api.events.subnets.NetworkRegistered.is(e)).data.netuid.toNumber();
  }
  const neurons = (await api.query.subnets.neuronCount(netuid)).toNumber();
  if (neurons > options.uids) throw new Error(`subnet ${netuid} (of an earlier run) has ${neurons} neurons, more than --uids ${options.uids}`);
  const { minBurn } = (await api.query.subnets.hyperparams(netuid)).unwrap();
  await setHyperparameters(ctx, netuid, [
    { Tempo: SETUP_TEMPO }, { WeightsRateLimit: 0 }, { MaxRegistrationsPerBlock: REGISTRATIONS_PER_BLOCK },
    { MaxBurn: minBurn }, { RegistrationAllowed: true }, { MaxUids: options.uids }, { MaxValidators: options.validators },
  ]);
  return netuid;
}

/** Registers every load hotkey not yet registered, coldkey the load account of its index, 64 a block. */
async function registerHotkeys(ctx, netuid) {
  const { api, accounts, hotkeys, nonces } = ctx;
  const registered = await api.query.subnets.uids.multi(hotkeys.map((pair) => [netuid, pair.address]));
  const missing = hotkeys.map((pair, i) => [pair, i]).filter(([, i]) => registered[i].isNone);
  for (let done = 0; done < missing.length; done += REGISTRATIONS_PER_BLOCK) {
    const jobs = [];
    for (const [pair, i] of missing.slice(done, done + REGISTRATIONS_PER_BLOCK)) {
      const coldkey = accounts[i % accounts.length];
      const call = api.tx.subnets.burnedRegister(netuid, pair.address, TAO);
      jobs.push(job(await ctx.signer.sign(coldkey, call, nonces.take(coldkey.address)), coldkey.address));
    }
    await runSetup(ctx, `register hotkeys ${done + 1}–${done + jobs.length} of ${missing.length}`, jobs);
  }
  const neurons = (await api.query.subnets.neuronCount(netuid)).toNumber();
  if (neurons !== hotkeys.length) throw new Error(`subnet ${netuid} has ${neurons} neurons after registration, not ${hotkeys.length}`);
}

/** Stakes 1 TAO on each validator hotkey that has less, from the load account of its index. */
async function stakeValidators(ctx) {
  const { api, accounts, validators, nonces } = ctx;
  const pools = await api.query.stake.pools.multi(validators.map((pair) => pair.address));
  const jobs = [];
  for (const [i, pair] of validators.entries()) {
    if (pools[i].stake.toBigInt() >= VALIDATOR_STAKE) continue;
    const coldkey = accounts[i % accounts.length];
    const call = api.tx.stake.addStake(pair.address, VALIDATOR_STAKE);
    jobs.push(job(await ctx.signer.sign(coldkey, call, nonces.take(coldkey.address)), coldkey.address));
  }
  if (jobs.length) await runSetup(ctx, `stake on ${jobs.length} validators`, jobs);
}

/** Waits for an epoch that gives every validator hotkey a permit. */
async function waitForPermits(ctx, netuid) {
  const { api, options, validators } = ctx;
  const uids = (await api.query.subnets.uids.multi(validators.map((pair) => [netuid, pair.address]))).map((uid) => uid.unwrap().toNumber());
  progress(`phase: wait for an epoch of subnet ${netuid} that gives ${uids.length} validators their permits`);
  await until('validator permits for every load validator', async () => {
    const permits = (await api.query.consensus.validatorPermits(netuid)).toJSON();
    return uids.every((uid) => permits[uid]);
  }, options.timeoutMs);
}

/** The full load subnet with permitted validators; returns its netuid. */
async function prepareSubnet(ctx) {
  const netuid = await openSubnet(ctx);
  await registerHotkeys(ctx, netuid);
  await stakeValidators(ctx);
  await waitForPermits(ctx, netuid);
  await setHyperparameters(ctx, netuid, [{ Tempo: MEASURED_TEMPO }]);
  return netuid;
}

/**
 * `count` transfers, each load account i paying account i+1 (mod N), nonce by nonce across
 * accounts, at most `--depth` of an account's in the pool at once (0: no limit).
 */
async function signTransfers(ctx, count) {
  const { api, accounts, nonces, options } = ctx;
  const calls = accounts.map((_, i) => api.tx.balances.transferKeepAlive(accounts[(i + 1) % accounts.length].address, TRANSFER_AMOUNT).method);
  const jobs = [];
  while (jobs.length < count) {
    for (let i = 0; i < accounts.length && jobs.length < count; i += 1) {
      const hex = await ctx.signer.sign(accounts[i], calls[i], nonces.take(accounts[i].address));
      jobs.push(options.depth ? job(hex, accounts[i].address, options.depth) : job(hex));
    }
  }
  return jobs;
}

/**
 * `--per-account` set_weights of each validator, each a row of `--row` (uid, weight) pairs over
 * UIDs 0.., nonce by nonce across validators. They are gated by hotkey: the pool keeps one
 * weight call per hotkey and subnet at a time (CheckWeights provides the tag (hotkey, netuid)),
 * so a validator's next one is submitted once the one before is in a block.
 */
async function signWeights(ctx, netuid) {
  const { api, options, validators, nonces } = ctx;
  const uids = Array.from({ length: options.row }, (_, uid) => uid);
  const calls = validators.map((_, v) => api.tx.consensus.setWeights(netuid, uids, uids.map((uid) => 1 + ((uid * 31 + v * 17) % 1_000)), 0).method);
  const jobs = [];
  for (let k = 0; k < options.perAccount; k += 1) {
    for (const [v, pair] of validators.entries()) {
      jobs.push(job(await ctx.signer.sign(pair, calls[v], nonces.take(pair.address)), pair.address, 1));
    }
  }
  return jobs;
}

/** The measured transactions of the scenario, signed, in submission order. */
async function signLoad(ctx, netuid) {
  const { options } = ctx;
  if (options.scenario === 'transfer') return signTransfers(ctx, options.accounts * options.perAccount);
  const weights = await signWeights(ctx, netuid);
  if (options.scenario === 'weights') return weights;
  // Mix: as many transfers as set_weights, alternating.
  const transfers = await signTransfers(ctx, Math.min(weights.length, options.accounts * options.perAccount));
  const jobs = [];
  for (let i = 0; i < Math.max(weights.length, transfers.length); i += 1) {
    if (i < transfers.length) jobs.push(transfers[i]);
    if (i < weights.length) jobs.push(weights[i]);
  }
  return jobs;
}

/** The events that count for the scenario: transfers, weights set, or both. */
function scenarioEvents(api, scenario) {
  const transfer = (event) => api.events.balances.Transfer.is(event);
  const weights = (event) => api.events.consensus.WeightsSet.is(event);
  return { transfer, weights, mix: (event) => transfer(event) || weights(event) }[scenario];
}

/** Submits the load and follows it until every transaction is included and finalized, or progress stops. */
async function measure(ctx, jobs) {
  const { api, options, tracker } = ctx;
  tracker.countEvent = scenarioEvents(api, options.scenario);
  await tracker.catchUp();
  const startNumber = tracker.bestNumber;
  const limits = `rate ${options.rate || 'unlimited'}, ${options.inflight} in flight, depth ${options.depth || 'unlimited'}`;
  progress(`phase: submit ${jobs.length} transactions (${limits}) from best #${startNumber}`);
  const submitter = new Submitter(tracker, { rate: options.rate, inflight: options.inflight, poolCap: options.poolCap, label: 'load' });
  const stats = await submitter.run(jobs, options.timeoutMs);
  progress('phase: wait for inclusion and finality');
  await tracker.settle(jobs, { finalized: true, timeoutMs: options.timeoutMs, progressOf: submitter.lastProgressMs, label: 'load' });
  return { stats, startNumber };
}

/** The report's row for a block, times relative to the first submission. */
function blockRow(block, t0, limits) {
  return {
    number: block.number,
    seenMs: round(block.seenMs - t0),
    finalizedMs: block.finalizedMs === null ? null : round(block.finalizedMs - t0),
    timestamp: block.timestamp,
    ours: block.ours,
    events: block.events,
    weightRefTime: Number(block.weightRefTime),
    weightPct: round((Number(block.weightRefTime) / limits.maxBlockRefTime) * 100, 2),
    lengthBytes: block.lengthBytes,
    lengthPct: round((block.lengthBytes / limits.maxLength) * 100, 2),
  };
}

/** Median and maximum of a list of percentages; nulls when empty. */
function pctSpread(values) {
  const { median, max } = spread(values, 2);
  return { median, max };
}

/**
 * The throughputs. `wall`: included transactions over the time from the first submission to
 * the sighting of the last block carrying ours. `chain`, as polkadot-stps counts: ours in the
 * load blocks over the runtime's timestamps, from the block before the first load block to the
 * last one. Under the node's fast development sealing the runtime's timestamps advance a fixed
 * 12 s a block whatever the wall clock does, so there only `wall` measures the node.
 */
function throughput(ctx, loadBlocks, included, t0) {
  if (!loadBlocks.length) return { wall: 0, chain: 0, chainSpanMs: null, wallSpanMs: null };
  const last = loadBlocks.at(-1);
  const before = ctx.tracker.blocks.get(loadBlocks[0].parentHash);
  const wallSpanMs = last.seenMs - t0;
  const chainSpanMs = before?.timestamp && last.timestamp ? last.timestamp - before.timestamp : null;
  const ours = loadBlocks.reduce((sum, block) => sum + block.ours, 0);
  return {
    wall: round(included / (wallSpanMs / 1000), 2),
    chain: chainSpanMs ? round(ours / (chainSpanMs / 1000), 2) : null,
    chainSpanMs,
    wallSpanMs,
  };
}

/** The report: counts, throughput, block fullness, latencies and every block of the load. */
function buildReport(ctx, { jobs, stats, startNumber, signingSeconds, netuid }) {
  const { options, chain, tracker } = ctx;
  const t0 = stats.firstSubmitMs ?? performance.now();
  const accepted = jobs.filter((j) => j.state === 'accepted');
  const included = accepted.filter((j) => j.includedMs !== null);
  const finalized = included.filter((j) => j.finalizedMs !== null);
  const seen = [...tracker.blocks.values()].filter((b) => b.number > startNumber).sort((a, b) => a.number - b.number || a.seenMs - b.seenMs);
  const loadBlocks = seen.filter((b) => b.ours > 0);
  const lastLoad = loadBlocks.at(-1)?.number ?? startNumber;
  const blocks = seen.filter((b) => b.number <= lastLoad).map((b) => blockRow(b, t0, chain.limits));
  const loadRows = blocks.filter((b) => b.ours > 0);
  const tps = throughput(ctx, loadBlocks, included.length, t0);
  const notes = [...ctx.notes];
  if (tps.chainSpanMs && tps.chainSpanMs > 2 * tps.wallSpanMs) {
    notes.push(`the runtime's timestamps span ${round(tps.chainSpanMs / 1000)} s against ${round(tps.wallSpanMs / 1000)} s `
      + 'of wall time (development sealing: 12 s a block whatever the clock): tps.wall is the figure that counts');
  }
  const dropped = accepted.length - included.length;
  if (dropped) {
    notes.push(`${dropped} transactions the pool accepted never reached a block: it drops some without a word when `
      + 'over its limits (the node\'s --pool-limit, 8192, and --pool-kbytes, 20480, by default) or with a sender\'s '
      + 'earlier transaction it finds stale; lower --pool-cap, --depth or --rate, or start the node with larger limits');
  }
  const weight = pctSpread(loadRows.map((b) => b.weightPct));
  const length = pctSpread(loadRows.map((b) => b.lengthPct));
  const params = {
    accounts: options.accounts, perAccount: options.perAccount, rate: options.rate, inflight: options.inflight,
    depth: options.depth, poolCap: options.poolCap,
  };
  if (netuid !== null) Object.assign(params, { netuid, uids: options.uids, validators: options.validators, row: options.row });
  return {
    chain,
    scenario: options.scenario,
    params,
    submitted: stats.submitted,
    included: included.length,
    finalized: finalized.length,
    invalid: stats.invalid,
    dropped,
    unsent: stats.unsent,
    failed: included.filter((j) => j.failed).length,
    retries: stats.retries,
    invalidMessages: stats.invalidMessages,
    retryMessages: stats.retryMessages,
    signingSeconds: round(signingSeconds, 3),
    submitSeconds: stats.lastSubmitMs === null ? 0 : round((stats.lastSubmitMs - t0) / 1000, 3),
    tps: { wall: tps.wall, chain: tps.chain },
    blocksWithLoad: loadRows.length,
    fullness: { weightPctMedian: weight.median, weightPctMax: weight.max, lengthPctMedian: length.median, lengthPctMax: length.max },
    latencyMs: {
      inclusion: spread(included.map((j) => j.includedMs - j.submitMs)),
      finality: spread(finalized.map((j) => j.finalizedMs - j.submitMs)),
    },
    events: blocks.reduce((sum, b) => sum + b.events, 0),
    notes,
    blocks,
  };
}

/** Notes on how the subnet scenarios ran. */
function subnetNotes(options, netuid) {
  return [
    `subnet ${netuid}: ${options.uids} neurons (//load//hk//0 the owner hotkey at UID 0), ${options.validators} `
      + `validators //load//hk//0..${options.validators - 1} with 1 TAO of stake each and permits from an epoch at `
      + `tempo ${SETUP_TEMPO}; tempo then ${MEASURED_TEMPO}, so no epoch ran during the load`,
    'weights rate limit 0 (set by sudo), so a validator may set weights in consecutive blocks',
    'the pool keeps one weight call per hotkey and subnet (CheckWeights provides the tag (hotkey, netuid)), so each '
      + `validator's next set_weights was submitted once the one before was in a block: at most ${options.validators} `
      + 'set_weights a block',
  ];
}

/** A note on how many of a sender's transfers were in the pool at once. */
function depthNote(options) {
  if (!options.depth) return 'transfers: every account\'s transactions were submitted without waiting for their blocks (--depth 0)';
  return `transfers: at most ${options.depth} of an account's in the pool at once (--depth), the next one submitted `
    + `once an earlier one was in a block, so at most ${options.depth * options.accounts} transfers a block; deeper, `
    + 'when block building outruns the pool\'s upkeep, the pool finds an included transaction stale and drops the '
    + 'sender\'s later ones with it';
}

async function main() {
  const options = parseOptions(process.argv.slice(2));
  if (options.help) {
    process.stdout.write(`${options.help}\n`);
    return;
  }
  await cryptoWaitReady();
  progress(`phase: connect to ${options.url}`);
  const { api, provider } = await connect(options.url);
  const chain = await readChain(api);
  progress(`chain: ${chain.name}, ${chain.specName} ${chain.specVersion}${chain.taonet ? ', Taonet' : ', no subnets pallet'}`);
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  const alice = keyring.addFromUri('//Alice');
  await checkRun(api, chain, options, alice);
  const subnet = options.scenario !== 'transfer';
  progress(`phase: derive ${options.accounts} load accounts${subnet ? ` and ${options.uids} hotkeys` : ''}`);
  const accounts = derive(keyring, '//load', options.accounts);
  const hotkeys = subnet ? derive(keyring, '//load//hk', options.uids) : [];
  const tracker = new BlockTracker(api, provider);
  await tracker.start();
  const ctx = {
    api, options, chain, alice, accounts, hotkeys, tracker,
    validators: hotkeys.slice(0, options.validators),
    nonces: new Nonces(),
    signer: new OfflineSigner(api),
    notes: [],
  };
  await fund(ctx);
  const netuid = subnet ? await prepareSubnet(ctx) : null;
  if (subnet) ctx.notes.push(...subnetNotes(options, netuid));
  if (options.scenario !== 'weights') ctx.notes.push(depthNote(options));

  progress('phase: sign the load');
  const signStart = performance.now();
  const jobs = await signLoad(ctx, netuid);
  const signingSeconds = (performance.now() - signStart) / 1000;
  progress(`signed ${jobs.length} transactions in ${signingSeconds.toFixed(2)} s`);

  const { stats, startNumber } = await measure(ctx, jobs);
  const report = buildReport(ctx, { jobs, stats, startNumber, signingSeconds, netuid });
  tracker.stop();
  await api.disconnect();
  const text = JSON.stringify(report, null, 2);
  if (options.out) writeFileSync(options.out, `${text}\n`);
  await new Promise((resolve) => { process.stdout.write(`${text}\n`, resolve); });
  const { included, submitted, finalized, invalid, tps } = report;
  progress(`done: ${included}/${submitted} included, ${finalized} finalized, ${invalid} invalid, tps ${tps.wall} (wall)`);
}

main().then(() => process.exit(0), (error) => {
  progress(`error: ${error.message}`);
  process.exit(1);
});
