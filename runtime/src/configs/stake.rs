//! Staking and delegation.
//!
//! Hotkey ownership comes from the subnets pallet; stake parameters are governed by referenda on
//! the root or admin track ([`GovernanceOrigin`]).

use crate::configs::governance::GovernanceOrigin;
use crate::{Balances, Runtime, RuntimeHoldReason, Subnets};
use frame_support::parameter_types;

parameter_types! {
	/// Most positions on one hotkey: bounds the cost of paying its rewards.
	pub const MaxNominators: u32 = 512;
	/// Most hotkeys one coldkey stakes to.
	pub const MaxPositionsPerColdkey: u32 = 64;
}

impl pallet_stake::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Hotkeys = Subnets;
	type GovernanceOrigin = GovernanceOrigin;
	type MaxNominators = MaxNominators;
	type MaxPositionsPerColdkey = MaxPositionsPerColdkey;
	type WeightInfo = pallet_stake::weights::SubstrateWeight<Runtime>;
}
