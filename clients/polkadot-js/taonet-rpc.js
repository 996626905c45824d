// polkadot.js definitions of the node's taonet_* JSON-RPC methods (docs/rpc.md):
//
//   import { rpc } from './taonet-rpc.js';
//   const api = await ApiPromise.create({ provider, rpc });
//   const metagraph = (await api.rpc.taonet.metagraph(1, false)).toJSON();
//
// Every method answers a JSON object (type `Json`); its last parameter, a block hash, is
// optional (the best block without it). Balances are rao integers: exact in JavaScript numbers
// below 2^53 rao (about 9M TAO), which only total issuance can pass.

const at = { name: 'at', type: 'BlockHash', isOptional: true };
const netuid = { name: 'netuid', type: 'u16' };

export const rpc = {
  taonet: {
    subnets: {
      description: 'Every subnet: owner, lock, tempo, neurons, registration burn, emission share, pending emission, blocks to its next epoch',
      params: [at],
      type: 'Json',
    },
    subnetHyperparams: {
      description: "One subnet's hyperparameters",
      params: [netuid, at],
      type: 'Json',
    },
    metagraph: {
      description: "A subnet's metagraph: every neuron, and with withRows its weight and bond rows",
      params: [netuid, { name: 'withRows', type: 'bool', isOptional: true }, at],
      type: 'Json',
    },
    neuron: {
      description: 'One neuron by UID',
      params: [netuid, { name: 'uid', type: 'u16' }, at],
      type: 'Json',
    },
    neuronByHotkey: {
      description: 'One neuron by hotkey',
      params: [netuid, { name: 'hotkey', type: 'AccountId' }, at],
      type: 'Json',
    },
    stake: {
      description: "A coldkey's stake positions",
      params: [{ name: 'coldkey', type: 'AccountId' }, at],
      type: 'Json',
    },
    delegates: {
      description: 'Every hotkey with stake: owner, take, total stake, nominators',
      params: [at],
      type: 'Json',
    },
    lockCost: {
      description: 'What registering a subnet locks now',
      params: [at],
      type: 'Json',
    },
    emissionSchedule: {
      description: 'Block emission, total issuance, pending emission, next halving threshold and the blocks to it',
      params: [at],
      type: 'Json',
    },
  },
};
