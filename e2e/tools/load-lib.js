// Helpers of the transaction load generator (e2e/tools/loadgen.js): command-line options,
// statistics, progress lines, a submitter that keeps the transaction pool fed through raw
// `author_submitExtrinsic` calls, and a block tracker that measures what every new block carries.

import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';

import { hexToU8a } from '@polkadot/util';
import { blake2AsHex } from '@polkadot/util-crypto';

export const TAO = 1_000_000_000n;

const USAGE = `usage: node e2e/tools/loadgen.js --url ws://127.0.0.1:9944 --scenario transfer|weights|mix [options]

  --accounts N       load accounts //load//<i>, funded by //Alice (default 1000)
  --per-account M    transactions each sender signs in advance (default 10)
  --rate R           submissions a second, token bucket; 0 = as fast as the pool takes them (default 0)
  --inflight K       most submissions awaiting the node's answer (default 256)
  --depth D          most of a sender's transactions in the pool at once; the next one goes once
                     an earlier one is in a block; 0 = no limit (default 1; set_weights always 1)
  --pool-cap P       most of ours in the pool (accepted, not yet in a block); keep it below the
                     node's --pool-limit (8192 by default) less a block's worth, which the pool
                     still counts until it catches up: past it the pool drops transactions it
                     has accepted, without a word; 0 = no cap (default 4000)
  --fund T           TAO given to each load account (default 10)
  --timeout S        seconds without progress before giving up (default 300)
  --uids U           weights/mix: max UIDs of the load subnet, neurons registered (default 256)
  --validators V     weights/mix: validators that set weights, at most U (default 64)
  --row L            weights/mix: (uid, weight) pairs in each set_weights, at most U (default U)
  --out FILE         also write the report to FILE`;

/** An integer option: `value` parsed, at least `min`, or an error naming `name`. */
function integer(name, value, min) {
  const number = Number(value);
  if (!Number.isInteger(number) || number < min) throw new Error(`--${name} must be an integer of at least ${min}, not "${value}"`);
  return number;
}

/** A TAO amount such as `10` or `0.5`, in rao. */
function taoToRao(value) {
  const match = /^(\d+)(?:\.(\d{1,9}))?$/.exec(value);
  if (!match) throw new Error(`--fund must be an amount of TAO such as 10 or 0.5, not "${value}"`);
  return BigInt(match[1]) * TAO + BigInt((match[2] ?? '').padEnd(9, '0'));
}

/** The command line's options, checked; throws with the usage on bad input. */
export function parseOptions(argv) {
  const string = { type: 'string' };
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        url: { type: 'string', default: 'ws://127.0.0.1:9944' }, scenario: string,
        accounts: { type: 'string', default: '1000' }, 'per-account': { type: 'string', default: '10' },
        rate: { type: 'string', default: '0' }, inflight: { type: 'string', default: '256' },
        'pool-cap': { type: 'string', default: '4000' }, depth: { type: 'string', default: '1' },
        fund: { type: 'string', default: '10' }, timeout: { type: 'string', default: '300' },
        uids: { type: 'string', default: '256' }, validators: { type: 'string', default: '64' },
        row: string, out: string, help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new Error(`${error.message}\n${USAGE}`);
  }
  if (values.help) return { help: USAGE };
  if (!['transfer', 'weights', 'mix'].includes(values.scenario)) {
    throw new Error(`--scenario must be transfer, weights or mix\n${USAGE}`);
  }
  const options = {
    url: values.url,
    scenario: values.scenario,
    accounts: integer('accounts', values.accounts, 2),
    perAccount: integer('per-account', values['per-account'], 1),
    rate: Number(values.rate),
    inflight: integer('inflight', values.inflight, 1),
    poolCap: integer('pool-cap', values['pool-cap'], 0),
    depth: integer('depth', values.depth, 0),
    fund: taoToRao(values.fund),
    timeoutMs: integer('timeout', values.timeout, 1) * 1000,
    uids: integer('uids', values.uids, 2),
    validators: integer('validators', values.validators, 1),
    out: values.out,
  };
  if (!(options.rate >= 0)) throw new Error(`--rate must be a number of transactions a second, 0 or more, not "${values.rate}"`);
  if (options.uids > 4096) throw new Error('--uids must be at most 4096 (the largest subnet)');
  if (options.validators > Math.min(options.uids, 256)) throw new Error('--validators must be at most --uids and at most 256');
  options.row = Math.min(values.row === undefined ? options.uids : integer('row', values.row, 1), options.uids);
  return options;
}

const started = performance.now();

/** Writes one progress line to stderr. */
export function progress(message) {
  process.stderr.write(`[loadgen ${((performance.now() - started) / 1000).toFixed(1)}s] ${message}\n`);
}

/** Resolves after `ms` milliseconds. */
export const sleep = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });

/** Resolves once pending I/O (such as new block notifications) has had its turn. */
export const yieldToEvents = () => new Promise((resolve) => { setImmediate(resolve); });

/** `value` rounded to `digits` decimals; null stays null. */
export function round(value, digits = 1) {
  if (value === null || value === undefined) return null;
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/** The `p`-th percentile of the ascending array `sorted`, by nearest rank; null if empty. */
export function percentile(sorted, p) {
  if (!sorted.length) return null;
  return sorted[Math.max(1, Math.ceil((p / 100) * sorted.length)) - 1];
}

/** Median, 99th percentile and maximum of `values` (nearest rank), rounded to `digits` decimals. */
export function spread(values, digits = 1) {
  const sorted = Float64Array.from(values).sort();
  const at = (p) => round(percentile(sorted, p), digits);
  return { median: at(50), p99: at(99), max: at(100) };
}

/** BLAKE2-256 of an extrinsic's bytes given as hex: the hash the node answers a submission with. */
export const extrinsicHash = (hex) => blake2AsHex(hexToU8a(hex), 256);

/** A first-in first-out queue with O(1) `shift`, for up to millions of entries. */
class Fifo {
  #items = [];
  #head = 0;

  push(item) {
    this.#items.push(item);
  }

  shift() {
    if (this.#head >= this.#items.length) return undefined;
    const item = this.#items[this.#head];
    this.#items[this.#head] = undefined;
    this.#head += 1;
    if (this.#head > 4096 && this.#head * 2 > this.#items.length) {
      this.#items = this.#items.slice(this.#head);
      this.#head = 0;
    }
    return item;
  }

  get length() {
    return this.#items.length - this.#head;
  }
}

/** A wake-up call: `wait(ms)` resolves at the next `notify()` or after `ms`, whichever is first. */
class Wake {
  #wakeUp = null;

  wait(ms) {
    return new Promise((resolve) => {
      let timer = null;
      const done = () => {
        clearTimeout(timer);
        this.#wakeUp = null;
        resolve();
      };
      timer = setTimeout(done, ms);
      this.#wakeUp = done;
    });
  }

  notify() {
    this.#wakeUp?.();
  }
}

/** A token bucket of `rate` tokens a second holding at most a tenth of a second's worth. */
class TokenBucket {
  constructor(rate) {
    this.rate = rate;
    this.capacity = Math.max(1, rate / 10);
    this.tokens = 1;
    this.last = performance.now();
  }

  /** Takes a token and returns 0, or returns the milliseconds until one is there; 0 rate: no limit. */
  take() {
    if (!this.rate) return 0;
    const now = performance.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) * this.rate) / 1000);
    this.last = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 0;
    }
    return ((1 - this.tokens) * 1000) / this.rate;
  }
}

/** Pool answers after which the same transaction is sent again: it is full, or outbid for now. */
function isRetriable(error) {
  return error.code === 1014 || error.code === 1016
    || /pool is full|immediately dropped|priority is too low|no response received/i.test(error.message);
}

/** Answers that say the pool already holds the transaction. */
const isAlreadyImported = (error) => error.code === 1013 || /already imported/i.test(error.message);

/** Answers that say the pool has no room at all, after which every submission pauses. */
const isPoolFull = (error) => error.code === 1016 || /pool is full|immediately dropped/i.test(error.message);

/** Adds `message` to `messages` unless it is there or five are. */
function keepFirst(messages, message) {
  if (messages.length < 5 && !messages.includes(message)) messages.push(message);
}

/**
 * A transaction to submit and follow, from its hex. With a `gate` (its sender), at most `depth`
 * transactions of the gate are in the pool at once: the next one is submitted once an earlier
 * one is in a block. The submitter and the tracker fill in the rest.
 */
export function job(hex, gate = null, depth = 1) {
  return {
    hex, hash: extrinsicHash(hex), gate, depth, state: 'queued', attempts: 0,
    submitMs: null, includedMs: null, finalizedMs: null, failed: null, onIncluded: null,
  };
}

/**
 * Submits jobs through `author_submitExtrinsic` over the tracker's websocket, at most
 * `inflight` awaiting an answer, at most `poolCap` accepted and not yet in a block (0: no cap)
 * and at most `rate` a second (0: no limit). A full pool or a priority too low sends the same
 * transaction again after 50–200 ms (a retry); any other error makes it invalid, its message
 * kept.
 */
export class Submitter {
  #provider;
  #tracker;
  #inflightLimit;
  #poolCap;
  #bucket;
  #label;
  #wake = new Wake();
  #retry = new Fifo();
  #released = new Fifo();
  #ready = new Fifo();
  #gates = new Map();
  #inflight = 0;
  #inPool = 0;
  #included = 0;
  #settled = 0;
  #pausedUntil = 0;

  constructor(tracker, { rate = 0, inflight = 256, poolCap = 0, label = 'submit' } = {}) {
    this.#provider = tracker.provider;
    this.#tracker = tracker;
    this.#inflightLimit = inflight;
    this.#poolCap = poolCap;
    this.#bucket = new TokenBucket(rate);
    this.#label = label;
    this.stats = { submitted: 0, invalid: 0, unsent: 0, retries: 0, invalidMessages: [], retryMessages: [], firstSubmitMs: null, lastSubmitMs: null };
    this.lastProgressMs = performance.now();
  }

  /**
   * Submits every job in order (gated jobs at most their depth at a time) and resolves once
   * each is accepted by the pool or refused, or after `timeoutMs` without progress (then the
   * rest count as unsent).
   */
  async run(jobs, timeoutMs) {
    this.#queue(jobs);
    let lastLog = performance.now();
    while (this.#settled < jobs.length) {
      const now = performance.now();
      if (now - lastLog >= 5_000) {
        lastLog = now;
        this.#report(jobs.length);
      }
      if (now - Math.max(this.lastProgressMs, this.#tracker.lastProgressMs) > timeoutMs) {
        progress(`${this.#label}: no progress for ${timeoutMs / 1000} s; giving up on the transactions not yet accepted`);
        break;
      }
      if (now < this.#pausedUntil) {
        await this.#wake.wait(this.#pausedUntil - now);
        continue;
      }
      const poolFull = this.#poolCap > 0 && this.#inPool + this.#inflight >= this.#poolCap;
      if (this.#inflight >= this.#inflightLimit || poolFull) {
        await this.#wake.wait(100);
        continue;
      }
      const queue = [this.#retry, this.#released, this.#ready].find((q) => q.length);
      if (!queue) {
        await this.#wake.wait(100);
        continue;
      }
      const wait = this.#bucket.take();
      if (wait > 0) {
        await this.#wake.wait(Math.min(100, wait));
        continue;
      }
      this.#send(queue.shift());
    }
    while (this.#inflight > 0) await this.#wake.wait(100);
    for (const item of jobs) if (item.state === 'queued' || item.state === 'retry') this.#unsend(item);
    this.#report(jobs.length);
    return this.stats;
  }

  /** Puts ungated jobs and the first `depth` of each gate in the ready queue, the rest behind their gate. */
  #queue(jobs) {
    for (const item of jobs) {
      this.#tracker.watch(item);
      item.onIncluded = () => this.#leavePool(item);
      if (item.gate === null) {
        this.#ready.push(item);
        continue;
      }
      if (!this.#gates.has(item.gate)) this.#gates.set(item.gate, { open: 0, later: new Fifo() });
      const gate = this.#gates.get(item.gate);
      if (gate.open < item.depth) {
        gate.open += 1;
        this.#ready.push(item);
      } else {
        gate.later.push(item);
      }
    }
  }

  /** A job is in a block: it leaves the pool, and its gate's next job may go. */
  #leavePool(item) {
    this.#included += 1;
    if (item.state === 'accepted') this.#inPool -= 1;
    const gate = item.gate === null ? null : this.#gates.get(item.gate);
    if (gate) {
      gate.open -= 1;
      const next = gate.later.shift();
      if (next) {
        gate.open += 1;
        this.#released.push(next);
      }
    }
    this.#wake.notify();
  }

  async #send(item) {
    this.#inflight += 1;
    item.state = 'sending';
    item.attempts += 1;
    item.submitMs = performance.now();
    this.stats.firstSubmitMs ??= item.submitMs;
    try {
      const hash = await this.#provider.send('author_submitExtrinsic', [item.hex]);
      if (hash !== item.hash) throw new Error(`the node answered hash ${hash} for an extrinsic hashing to ${item.hash}`);
      this.#accept(item);
    } catch (error) {
      if (isAlreadyImported(error)) this.#accept(item);
      else if (isRetriable(error)) this.#again(item, error);
      else this.#refuse(item, error.message);
    } finally {
      this.#inflight -= 1;
      this.#wake.notify();
    }
  }

  #accept(item) {
    if (item.includedMs === null) this.#inPool += 1;
    item.state = 'accepted';
    item.hex = null;
    this.stats.submitted += 1;
    this.stats.lastSubmitMs = performance.now();
    this.lastProgressMs = this.stats.lastSubmitMs;
    this.#settled += 1;
  }

  /** Sends the same transaction again after 50–200 ms; a full pool pauses every submission as long. */
  #again(item, error) {
    this.stats.retries += 1;
    keepFirst(this.stats.retryMessages, error.message);
    item.state = 'retry';
    const delay = Math.min(200, 50 * 2 ** Math.min(2, item.attempts - 1));
    if (isPoolFull(error)) this.#pausedUntil = Math.max(this.#pausedUntil, performance.now() + delay);
    setTimeout(() => {
      this.#retry.push(item);
      this.#wake.notify();
    }, delay);
  }

  /** An invalid transaction; a gate's later transactions cannot follow it and stay unsent. */
  #refuse(item, message) {
    item.state = 'invalid';
    item.hex = null;
    this.stats.invalid += 1;
    this.lastProgressMs = performance.now();
    this.#settled += 1;
    keepFirst(this.stats.invalidMessages, message);
    const rest = item.gate === null ? null : this.#gates.get(item.gate).later;
    for (let next; rest && (next = rest.shift());) this.#unsend(next);
  }

  #unsend(item) {
    item.state = 'unsent';
    item.hex = null;
    this.stats.unsent += 1;
    this.#settled += 1;
  }

  #report(total) {
    const { submitted, invalid, retries } = this.stats;
    progress(`${this.#label}: ${submitted}/${total} accepted, ${invalid} invalid, ${retries} retries, `
      + `${this.#inflight} in flight, ${this.#inPool} in the pool, ${this.#included} included, best #${this.#tracker.bestNumber}`);
  }
}

/**
 * Follows new best and finalized heads from its start. For every new block (and any skipped
 * ancestor) it records when it was first seen, its extrinsics' hashes, the watched jobs it
 * includes, the events `countEvent` selects, the dispatch failures of watched jobs, its
 * timestamp, its weight (`system.blockWeight`, all classes) and its length. A finalized head
 * finalizes every block up to it, found by walking back through parents.
 */
export class BlockTracker {
  /** Counts the events that matter for the current phase; none until set. */
  countEvent = () => false;

  constructor(api, provider) {
    this.api = api;
    this.provider = provider;
    this.blocks = new Map();
    this.watched = new Map();
    this.bestNumber = null;
    this.lastProgressMs = performance.now();
    this.baseNumber = null;
    this.finalizedNumber = null;
    this.work = Promise.resolve();
    const entries = [api.query.system.events, api.query.timestamp.now, api.query.system.blockWeight];
    this.keys = entries.map((entry) => entry.key());
    this.types = entries.map((entry) => api.registry.createLookupType(entry.creator.meta.type.asPlain));
    const { events } = api;
    this.failedEvent = (event) => events.system.ExtrinsicFailed.is(event);
    this.sudidEvent = (event) => events.sudo?.Sudid?.is(event);
  }

  /** Subscribes to best and finalized heads; resolves once the current best block is recorded. */
  async start() {
    let first;
    const recorded = new Promise((resolve) => { first = resolve; });
    const later = (task) => {
      this.work = this.work.then(task).catch((error) => progress(`block tracking: ${error.message}`));
      return this.work;
    };
    this.unsubscribe = await Promise.all([
      this.api.rpc.chain.subscribeNewHeads((header) => {
        const seenMs = performance.now();
        later(() => this.#onBest(header.hash.toHex(), header.number.toNumber(), seenMs)).then(first);
      }),
      this.api.rpc.chain.subscribeFinalizedHeads((header) => {
        const seenMs = performance.now();
        later(() => this.#onFinalized(header.hash.toHex(), header.number.toNumber(), seenMs));
      }),
    ]);
    await recorded;
  }

  stop() {
    for (const unsubscribe of this.unsubscribe ?? []) unsubscribe();
  }

  /** Follows `item` (a job): it is marked when a block includes it, fails in it or is finalized. */
  watch(item) {
    this.watched.set(item.hash, item);
  }

  /** Resolves once every block up to the node's current best is recorded. */
  async catchUp() {
    const best = (await this.api.rpc.chain.getHeader()).number.toNumber();
    while (this.bestNumber < best) await sleep(20);
    await this.work;
  }

  /** Stops following `jobs`. */
  forget(jobs) {
    for (const item of jobs) this.watched.delete(item.hash);
  }

  /** Resolves once every accepted job of `jobs` is in a block (and finalized, with `finalized`), or after `timeoutMs` without progress. */
  async settle(jobs, { finalized, timeoutMs, progressOf, label }) {
    let lastLog = performance.now();
    for (;;) {
      const pending = jobs.filter((j) => j.state === 'accepted' && (j.includedMs === null || (finalized && j.finalizedMs === null))).length;
      if (pending === 0) return;
      const now = performance.now();
      if (now - Math.max(this.lastProgressMs, progressOf) > timeoutMs) {
        progress(`${label}: ${pending} transactions still not ${finalized ? 'finalized' : 'included'}; giving up`);
        return;
      }
      if (now - lastLog >= 5_000) {
        lastLog = now;
        const what = finalized ? 'included and finalized' : 'included';
        progress(`${label}: waiting for ${pending} transactions to be ${what}, best #${this.bestNumber}`);
      }
      await sleep(100);
    }
  }

  async #onBest(hash, number, seenMs) {
    this.baseNumber ??= number;
    await this.#ensure(hash, seenMs);
    this.bestNumber = Math.max(this.bestNumber ?? number, number);
  }

  async #onFinalized(hash, number, seenMs) {
    if (this.finalizedNumber === null) {
      this.finalizedNumber = number;
      return;
    }
    if (number <= this.finalizedNumber) return;
    const newly = [];
    for (let at = hash, n = number; n > this.finalizedNumber;) {
      const info = await this.#ensure(at, seenMs);
      newly.push(info);
      at = info.parentHash;
      n = info.number - 1;
    }
    for (const info of newly.reverse()) {
      info.finalizedMs = seenMs;
      for (const item of info.ourJobs) {
        if (item.finalizedMs === null) {
          item.finalizedMs = seenMs;
          this.lastProgressMs = seenMs;
        }
      }
    }
    this.finalizedNumber = number;
  }

  /** The block at `hash`, fetched with any ancestors not yet seen (back to the first block seen). */
  async #ensure(hash, seenMs) {
    const fetched = [];
    for (let at = hash; !this.blocks.has(at);) {
      const info = await this.#fetch(at, seenMs);
      fetched.push(info);
      if (info.number <= this.baseNumber) break;
      at = info.parentHash;
    }
    for (const info of fetched.reverse()) this.#record(info);
    return this.blocks.get(hash);
  }

  /** Reads a block, its events, timestamp and weight: two requests over the websocket. */
  async #fetch(hash, seenMs) {
    const [{ block }, [storage]] = await Promise.all([
      this.provider.send('chain_getBlock', [hash]),
      this.provider.send('state_queryStorageAt', [this.keys, hash]),
    ]);
    const values = new Map(storage.changes);
    const [events, timestamp, weight] = this.keys.map((key, i) => {
      const value = values.get(key);
      return value ? this.api.registry.createType(this.types[i], hexToU8a(value)) : null;
    });
    const weightRefTime = weight
      ? ['normal', 'operational', 'mandatory'].reduce((sum, cls) => sum + weight[cls].refTime.toBigInt(), 0n)
      : 0n;
    return {
      hash,
      number: parseInt(block.header.number, 16),
      parentHash: block.header.parentHash,
      seenMs,
      finalizedMs: null,
      timestamp: timestamp ? Number(timestamp.toBigInt()) : null,
      extrinsics: block.extrinsics,
      eventRecords: events ?? [],
      weightRefTime,
      lengthBytes: block.extrinsics.reduce((sum, hex) => sum + (hex.length - 2) / 2, 0),
    };
  }

  /** Marks the watched jobs a fetched block includes and counts its events, then keeps its summary. */
  #record(info) {
    const ours = info.extrinsics.map((hex) => this.watched.get(extrinsicHash(hex)) ?? null);
    info.ourJobs = ours.filter(Boolean);
    info.ours = info.ourJobs.length;
    info.events = 0;
    for (const { phase, event } of info.eventRecords) {
      if (this.countEvent(event)) info.events += 1;
      const item = phase.isApplyExtrinsic ? ours[phase.asApplyExtrinsic.toNumber()] : null;
      if (!item) continue;
      if (this.failedEvent(event)) item.failed = this.#describe(event.data[0]);
      else if (this.sudidEvent(event) && event.data[0].isErr) item.failed = `sudo: ${this.#describe(event.data[0].asErr)}`;
    }
    delete info.extrinsics;
    delete info.eventRecords;
    this.blocks.set(info.hash, info);
    for (const item of info.ourJobs) {
      if (item.includedMs !== null) continue;
      item.includedMs = info.seenMs;
      this.lastProgressMs = performance.now();
      item.onIncluded?.();
    }
  }

  /** A dispatch error as `pallet.Error`, or its kind. */
  #describe(error) {
    if (error.isModule) {
      const { section, name } = this.api.registry.findMetaError(error.asModule);
      return `${section}.${name}`;
    }
    return error.type;
  }
}
