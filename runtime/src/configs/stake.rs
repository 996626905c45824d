//! Staking and delegation.
//!
//! Hotkey ownership comes from the subnets pallet; stake parameters are governed by referenda on
//! the root or admin track ([`GovernanceOrigin`]).

use crate::configs::governance::GovernanceOrigin;
use crate::{Balances, Runtime, RuntimeHoldReason, Subnets};
use frame_support::parameter_types;

parameter_types! {
	/// Derives the reward account, where rewards wait until their positions settle.
	pub const StakePalletId: frame_support::PalletId = frame_support::PalletId(*b"tao/stak");
}

impl pallet_stake::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Hotkeys = Subnets;
	type GovernanceOrigin = GovernanceOrigin;
	type PalletId = StakePalletId;
	type WeightInfo = pallet_stake::weights::SubstrateWeight<Runtime>;
}
