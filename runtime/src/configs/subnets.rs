//! Subnets and neurons.
//!
//! Governance is root for now (sudo on development chains, nobody on a production chain until
//! the council takes it over). No other pallet keeps per-UID state yet, so nobody needs to hear
//! of replaced neurons.

use crate::{AccountId, Balances, Runtime, RuntimeHoldReason};
use frame_support::parameter_types;
use frame_system::EnsureRoot;

parameter_types! {
	/// The hard cap on subnets; the subnet limit (default 32) stays at or below it.
	pub const MaxSubnets: u16 = 128;
}

impl pallet_subnets::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type GovernanceOrigin = EnsureRoot<AccountId>;
	type NeuronHooks = ();
	type MaxSubnets = MaxSubnets;
	type WeightInfo = pallet_subnets::weights::SubstrateWeight<Runtime>;
}
