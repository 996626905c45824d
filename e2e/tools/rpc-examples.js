// Prints an example request and response of every taonet_* method, from a fresh dev chain with
// one subnet, a staked validator with weights on a miner, and an epoch run: the examples of
// docs/rpc.md come from here (`node e2e/tools/rpc-examples.js`).

import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';

import { sendAndFinalize, startDevNode } from '../lib/node.js';

const TAO = 1_000_000_000n;

await cryptoWaitReady();
const node = await startDevNode();
const { api } = node;
const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
const [alice, bob, owner, validator, miner] = ['//Alice', '//Bob', '//Alice//owner', '//Alice//validator', '//Bob//miner'].map((u) => keyring.addFromUri(u));
const send = async (tx, signer) => {
  const result = await sendAndFinalize(tx, signer);
  if (result.dispatchError) throw new Error(result.dispatchError.toString());
  return result;
};
await send(api.tx.subnets.registerNetwork(owner.address), alice);
for (const param of [{ Tempo: 10 }, { WeightsRateLimit: 0 }, { MaxRegistrationsPerBlock: 8 }]) {
  await send(api.tx.sudo.sudo(api.tx.subnets.setHyperparameter(1, param)), alice);
}
await send(api.tx.subnets.burnedRegister(1, validator.address, 100_000_000_000n), alice);
await send(api.tx.subnets.burnedRegister(1, miner.address, 100_000_000_000n), bob);
await send(api.tx.balances.transferKeepAlive(miner.address, TAO), bob);
await send(api.tx.balances.transferKeepAlive(validator.address, TAO), alice);
await send(api.tx.subnets.serveAxon(1, 1, 0x7f000001, 8091, 4, 0), miner);
await send(api.tx.stake.addStake(validator.address, 1_000n * TAO), alice);
await send(api.tx.stake.addStake(validator.address, 100n * TAO), bob);
const waitBlocks = async (n) => {
  const start = (await api.rpc.chain.getHeader()).number.toNumber();
  while ((await api.rpc.chain.getHeader()).number.toNumber() < start + n) await new Promise((r) => setTimeout(r, 200));
};
await waitBlocks(12); // an epoch: the validator's permit
await send(api.tx.consensus.setWeights(1, [2], [1], 0), validator);
await waitBlocks(12); // an epoch with the weights
const head = (await api.rpc.chain.getFinalizedHead()).toHex();

const call = async (method, params) => {
  const body = { jsonrpc: '2.0', id: 1, method, params };
  const response = await fetch(`http://127.0.0.1:${node.rpcPort}`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
  }).then((r) => r.json());
  console.log(`### \`${method}\`\n\n\`\`\`json\n${JSON.stringify(body)}\n\`\`\`\n\n\`\`\`json\n${JSON.stringify(response, null, 2)}\n\`\`\`\n`);
};
await call('taonet_subnets', [head]);
await call('taonet_subnetHyperparams', [1, head]);
await call('taonet_metagraph', [1, true, head]);
await call('taonet_neuron', [1, 2, head]);
await call('taonet_neuronByHotkey', [1, validator.address, head]);
await call('taonet_stake', [bob.address, head]);
await call('taonet_delegates', [head]);
await call('taonet_lockCost', [head]);
await call('taonet_emissionSchedule', [head]);
await call('taonet_subnetHyperparams', [7]);
await call('taonet_neuron', [1, 99]);
await call('taonet_stake', ['not-an-account']);
await node.stop();
process.exit(0);
