//! Subnets and neurons.
//!
//! Global parameters, governance-only hyperparameters and dissolving any subnet are governed by
//! referenda on the root or admin track ([`GovernanceOrigin`]). The consensus pallet (weights, bonds) and the emission pallet
//! (pending emission) hear of replaced neurons and dissolved subnets.

use crate::configs::governance::GovernanceOrigin;
use crate::{Balances, Consensus, Emission, Root, Runtime, RuntimeHoldReason};
use frame_support::parameter_types;

parameter_types! {
	/// The hard cap on subnets; the subnet limit (default 32) stays at or below it.
	pub const MaxSubnets: u16 = 128;
}

impl pallet_subnets::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type GovernanceOrigin = GovernanceOrigin;
	type NeuronHooks = (Consensus, (Emission, Root));
	type Shares = Root;
	type Scores = Consensus;
	type MaxSubnets = MaxSubnets;
	type WeightInfo = pallet_subnets::weights::SubstrateWeight<Runtime>;
}

#[cfg(test)]
mod tests {
	use crate::{Runtime, RuntimeCall};
	use frame_support::dispatch::{DispatchClass, GetDispatchInfo};
	use pallet_subnets::{Call, SubnetParam};
	use sp_keyring::Sr25519Keyring;
	use taonet_primitives::NetUid;

	/// The calls are charged for the largest subnet (4,096 neurons) before dispatch; that must
	/// still fit in one block's normal share, or the call could never be included.
	#[test]
	fn worst_case_subnet_calls_fit_in_a_block() {
		let max = <Runtime as frame_system::Config>::BlockWeights::get()
			.get(DispatchClass::Normal)
			.max_extrinsic
			.expect("normal extrinsics are limited");
		let hotkey = Sr25519Keyring::Bob.to_account_id();
		let calls: [Call<Runtime>; 4] = [
			Call::register_network { hotkey: hotkey.clone() },
			Call::dissolve_network { netuid: NetUid(1) },
			Call::burned_register { netuid: NetUid(1), hotkey, max_burn: u64::MAX },
			Call::set_hyperparameter { netuid: NetUid(1), param: SubnetParam::Tempo(10) },
		];
		for call in calls {
			let weight = RuntimeCall::Subnets(call.clone()).get_dispatch_info().call_weight;
			assert!(weight.all_lte(max), "{call:?}: {weight} above {max}");
		}
	}
}
