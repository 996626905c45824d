//! The root network: root validators and the subnets' emission shares.

use crate::{Consensus, Runtime, Stake, Subnets};
use frame_support::parameter_types;

parameter_types! {
	/// Most root validators.
	pub const MaxRootValidators: u32 = 64;
}

impl pallet_root::Config for Runtime {
	type Subnets = Subnets;
	type Hotkeys = Subnets;
	type Stake = Stake;
	type Activity = Consensus;
	type MaxSubnets = crate::configs::emission::MaxSubnets;
	type MaxRootValidators = MaxRootValidators;
	type WeightInfo = pallet_root::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = Subnets;
}
