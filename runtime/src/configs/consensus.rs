//! Weights and Yuma epochs: the consensus pallet.

use crate::{Runtime, Stake, Subnets};
use frame_support::parameter_types;

parameter_types! {
	/// Most UIDs in a subnet: the subnets pallet's hard limit.
	pub MaxUids: u32 = u32::from(pallet_subnets::MAX_UIDS_LIMIT);
	/// Most validator permits in a subnet: the subnets pallet's hard limit.
	pub MaxValidators: u32 = u32::from(pallet_subnets::MAX_VALIDATORS_LIMIT);
}

impl pallet_consensus::Config for Runtime {
	type Subnets = Subnets;
	type Stake = Stake;
	type MaxUids = MaxUids;
	type MaxValidators = MaxValidators;
	type WeightInfo = pallet_consensus::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = Subnets;
}
