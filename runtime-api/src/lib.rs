//! # Taonet runtime API
//!
//! What miners, validators and apps read without touching raw storage: the subnets, one
//! subnet's hyperparameters, a subnet's metagraph, one neuron, a coldkey's stake positions, the
//! delegates, and the current lock cost (`TaonetApi`); and the emission schedule with each subnet's
//! share and pending emission (`EmissionApi`). Every call answers at the block it is called at; an unknown subnet or neuron
//! gives `None`, never a panic.
//!
//! polkadot.js calls it as `api.call.taonetApi.*` (SCALE, decoded from metadata V15); the node's
//! `taonet_*` JSON-RPC methods call it and answer with JSON objects (see `docs/rpc.md`).
//!
//! Fractions (validator trust, consensus, rank, trust, incentive, dividends, take) are `u16`
//! ratios of 65,535; balances are rao.

#![cfg_attr(not(feature = "std"), no_std)]
// `decl_runtime_apis!` expands the generic bound into two places.
#![allow(clippy::multiple_bound_locations)]

extern crate alloc;

use alloc::vec::Vec;
use codec::Codec;
pub use taonet_primitives::emission::{EmissionSchedule, SubnetEmission};
pub use taonet_primitives::views::{
	Delegate, Metagraph, Neuron, NeuronOutput, StakePosition, SubnetSummary,
};
pub use taonet_primitives::AxonInfo;
use taonet_primitives::{Balance, NetUid, SubnetHyperparams};

sp_api::decl_runtime_apis! {
	/// Subnets, neurons and stake as clients read them.
	pub trait TaonetApi<AccountId: Codec> {
		/// Every subnet, in netuid order.
		fn subnets() -> Vec<SubnetSummary<AccountId>>;
		/// One subnet's hyperparameters; `None` for an unknown subnet.
		fn subnet_hyperparams(netuid: NetUid) -> Option<SubnetHyperparams>;
		/// A subnet's metagraph, with weight and bond rows if `with_rows`; `None` for an
		/// unknown subnet.
		fn metagraph(netuid: NetUid, with_rows: bool) -> Option<Metagraph<AccountId>>;
		/// One neuron by UID; `None` for an unknown subnet or UID.
		fn neuron(netuid: NetUid, uid: u16) -> Option<Neuron<AccountId>>;
		/// One neuron by hotkey; `None` for an unknown subnet or an unregistered hotkey.
		fn neuron_by_hotkey(netuid: NetUid, hotkey: AccountId) -> Option<Neuron<AccountId>>;
		/// A coldkey's stake positions.
		fn stake_positions(coldkey: AccountId) -> Vec<StakePosition<AccountId>>;
		/// Every hotkey with stake, with its take and nominators.
		fn delegates() -> Vec<Delegate<AccountId>>;
		/// What registering a subnet locks now, in rao.
		fn lock_cost() -> Balance;
	}

	/// Emission as the chain computes it.
	pub trait EmissionApi {
		/// The block emission, issuance, pending total and next halving.
		fn emission_schedule() -> EmissionSchedule;
		/// Each subnet's share and pending emission, in netuid order.
		fn subnet_emission() -> Vec<SubnetEmission>;
	}
}
