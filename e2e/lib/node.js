// Starts a real taonet-node for a test file and connects @polkadot/api to it.
//
// The binary is $TAONET_NODE, else $CARGO_TARGET_DIR/debug/taonet-node, else
// ~/.cache/taonet/target/debug/taonet-node. The node runs a throwaway dev chain (--tmp) with
// fast development sealing (--sealing, default 300 ms) on free local ports, and is stopped
// when the test file ends.

import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { ApiPromise, WsProvider } from '@polkadot/api';

export function nodeBinary() {
  if (process.env.TAONET_NODE) return process.env.TAONET_NODE;
  const target = process.env.CARGO_TARGET_DIR ?? path.join(os.homedir(), '.cache/taonet/target');
  return path.join(target, 'debug', 'taonet-node');
}

/** The `taonet` command line: $TAONET_CLI, else next to the node binary. */
export function cliBinary() {
  return process.env.TAONET_CLI ?? path.join(path.dirname(nodeBinary()), 'taonet');
}

/** Calls JSON-RPC `method` on the node at `port`; resolves its result, rejects with its error. */
export async function rpcCall(port, method, params = []) {
  const response = await fetch(`http://127.0.0.1:${port}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
  });
  const body = await response.json();
  if (body.error) throw new Error(`${method}: ${body.error.message}`);
  return body.result;
}

async function freePort() {
  const server = net.createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address();
  server.close();
  await once(server, 'close');
  return port;
}

async function rpcAnswers(port) {
  try {
    const response = await fetch(`http://127.0.0.1:${port}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'system_health', params: [] }),
    });
    return response.ok;
  } catch {
    return false;
  }
}

/**
 * Starts a node and returns `{ api, stop, rpcPort, logs }`: by default a `--dev` chain; with
 * `chain` (a spec path or name) that chain, authored by Alice.
 * @param {{ sealing?: string, chain?: string, startupTimeoutMs?: number }} options
 */
export async function startDevNode({ sealing = process.env.TAONET_SEALING ?? '300', chain, startupTimeoutMs = 180_000 } = {}) {
  const binary = nodeBinary();
  if (!existsSync(binary)) {
    throw new Error(`taonet-node not found at ${binary}: build it (cargo build --workspace) or set TAONET_NODE`);
  }
  const [rpcPort, p2pPort] = [await freePort(), await freePort()];
  const args = [
    // A non-dev validator needs a network key; a throwaway chain can use a fixed one.
    ...(chain ? ['--chain', chain, '--alice', '--validator', '--node-key', '01'.padStart(64, '0')] : ['--dev']),
    '--tmp', '--sealing', sealing,
    '--rpc-port', String(rpcPort), '--port', String(p2pPort),
    '--no-prometheus', '--no-telemetry', '--no-mdns', '--rpc-cors', 'all',
  ];
  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const logs = [];
  const keep = (chunk) => {
    logs.push(chunk.toString());
    if (logs.length > 400) logs.shift();
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exited = null;
  child.on('exit', (code, signal) => { exited = { code, signal }; });

  const stopChild = async () => {
    if (exited) return;
    child.kill('SIGINT');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await once(child, 'exit').catch(() => {});
    clearTimeout(timer);
  };
  // Never leave the node behind, however this process ends.
  process.once('exit', () => { if (!exited) child.kill('SIGKILL'); });
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
    process.once(signal, () => {
      if (!exited) child.kill('SIGKILL');
      process.exit(code);
    });
  }

  const deadline = Date.now() + startupTimeoutMs;
  while (!(await rpcAnswers(rpcPort))) {
    if (exited) throw new Error(`taonet-node exited early (${JSON.stringify(exited)}):\n${logs.join('')}`);
    if (Date.now() > deadline) {
      await stopChild();
      throw new Error(`taonet-node did not answer RPC within ${startupTimeoutMs} ms:\n${logs.join('')}`);
    }
    await sleep(250);
  }

  const api = await ApiPromise.create({ provider: new WsProvider(`ws://127.0.0.1:${rpcPort}`), noInitWarn: true });
  const stop = async () => {
    await api.disconnect().catch(() => {});
    await stopChild();
  };
  return { api, stop, rpcPort, logs };
}

/**
 * Signs and sends `tx`, resolving once its block is finalized with
 * `{ blockHash, events, dispatchError }`. Rejects if the pool refuses it or if it is not
 * finalized within `timeoutMs`.
 */
export function sendAndFinalize(tx, signer, timeoutMs = 60_000) {
  return new Promise((resolve, reject) => {
    let unsubscribe = () => {};
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`transaction not finalized within ${timeoutMs} ms`));
    }, timeoutMs);
    const settle = (fn, value) => { clearTimeout(timer); unsubscribe(); fn(value); };
    tx.signAndSend(signer, ({ status, events, dispatchError }) => {
      if (status.isInvalid || status.isDropped || status.isUsurped) {
        settle(reject, new Error(`transaction ${status.type}`));
      } else if (status.isFinalized) {
        settle(resolve, { blockHash: status.asFinalized, events, dispatchError });
      }
    }).then((unsub) => { unsubscribe = unsub; }, (error) => settle(reject, error));
  });
}

/** Waits until the finalized head reaches at least `number`. */
export async function waitForFinalized(api, number, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const head = await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead());
    if (head.number.toNumber() >= number) return head;
    if (Date.now() > deadline) throw new Error(`finalized head stuck at #${head.number} (wanted #${number})`);
    await sleep(200);
  }
}

/**
 * Polls `probe` until it returns a truthy value, and returns that value; fails naming `what`
 * after `timeoutMs`. With `retryErrors`, a probe that throws (say, at a node that is restarting)
 * counts as not yet.
 */
export async function until(what, probe, timeoutMs = 120_000, { retryErrors = false } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = retryErrors ? await probe().catch(() => undefined) : await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}

/** The number of the finalized head. */
export async function finalizedNumber(api) {
  return (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber();
}

/**
 * Waits for the first finalized block after `afterBlock` whose events say subnet `netuid`'s
 * epoch paid, and returns `{ hash, number, paid, events }` (`paid`: the `EpochPaid` event).
 */
export async function epochPaid(api, netuid, afterBlock, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  for (let number = afterBlock + 1; Date.now() < deadline;) {
    if ((await finalizedNumber(api)) < number) {
      await sleep(150);
      continue;
    }
    const hash = await api.rpc.chain.getBlockHash(number);
    const events = await (await api.at(hash)).query.system.events();
    const paid = events.map(({ event }) => event).find((e) => e.section === 'emission' && e.method === 'EpochPaid' && e.data.netuid.toNumber() === netuid);
    if (paid) return { hash, number, paid, events };
    number += 1;
  }
  throw new Error(`no EpochPaid for subnet ${netuid} after block ${afterBlock}`);
}
