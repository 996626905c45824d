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
use codec::{Codec, Decode, Encode};
use scale_info::TypeInfo;
pub use taonet_primitives::emission::{EmissionSchedule, SubnetEmission};
pub use taonet_primitives::AxonInfo;
use taonet_primitives::{Balance, BlockNumber, NetUid, SubnetHyperparams};

/// One subnet, as the subnet list shows it.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub struct SubnetSummary<AccountId> {
	/// The subnet.
	pub netuid: NetUid,
	/// The owner's coldkey.
	pub owner: AccountId,
	/// The owner's hotkey (UID 0 at registration).
	pub owner_hotkey: AccountId,
	/// The TAO held from the owner, in rao.
	pub lock: Balance,
	/// The block it was registered.
	pub registered_at: BlockNumber,
	/// Blocks between epochs.
	pub tempo: u16,
	/// Registered neurons.
	pub neurons: u16,
	/// Most neurons.
	pub max_uids: u16,
	/// What a registration burns now, in rao.
	pub burn: Balance,
	/// Its share of block emission, in parts per billion.
	pub emission_share_ppb: u32,
	/// Emission accrued since its last epoch, in rao.
	pub pending_emission: Balance,
	/// Blocks until its next epoch runs (1 ..= tempo + 1).
	pub blocks_to_next_epoch: BlockNumber,
}

/// One UID of a subnet and its results from the last epoch.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub struct Neuron<AccountId> {
	/// The UID.
	pub uid: u16,
	/// Its hotkey.
	pub hotkey: AccountId,
	/// The hotkey's owner (every registered hotkey has one).
	pub coldkey: Option<AccountId>,
	/// The hotkey's total stake, in rao.
	pub stake: Balance,
	/// Updated within the activity cutoff at the last epoch.
	pub active: bool,
	/// Holds a validator permit.
	pub validator_permit: bool,
	/// Validator trust (u16 ratio).
	pub validator_trust: u16,
	/// Consensus (u16 ratio).
	pub consensus: u16,
	/// Rank (u16 ratio).
	pub rank: u16,
	/// Trust (u16 ratio).
	pub trust: u16,
	/// Incentive (u16 ratio).
	pub incentive: u16,
	/// Dividends (u16 ratio).
	pub dividends: u16,
	/// Rao earned at the last epoch. The results are zero for a neuron that registered at or
	/// after the last epoch.
	pub emission: Balance,
	/// Its axon, if published.
	pub axon: Option<AxonInfo>,
	/// The block it last set weights, or registered.
	pub last_update: BlockNumber,
	/// The block its holder registered.
	pub registered_at: BlockNumber,
}

/// A subnet's metagraph: every neuron, and on request the weight and bond rows.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub struct Metagraph<AccountId> {
	/// The subnet.
	pub netuid: NetUid,
	/// The block it was read at.
	pub block: BlockNumber,
	/// Neurons by UID.
	pub neurons: Vec<Neuron<AccountId>>,
	/// `(uid, [(target uid, weight)])` rows, largest weight 65,535; empty unless asked for.
	pub weights: Vec<(u16, Vec<(u16, u16)>)>,
	/// `(uid, [(target uid, bond)])` rows; empty unless asked for.
	pub bonds: Vec<(u16, Vec<(u16, u16)>)>,
}

/// What a coldkey has staked to one hotkey.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub struct StakePosition<AccountId> {
	/// The hotkey.
	pub hotkey: AccountId,
	/// The hotkey's owner.
	pub hotkey_owner: Option<AccountId>,
	/// What the position is worth now, in rao: rewards released to its shares included, those
	/// still streaming to the hotkey's pool not yet.
	pub stake: Balance,
}

/// A hotkey others can stake to.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub struct Delegate<AccountId> {
	/// The hotkey.
	pub hotkey: AccountId,
	/// Its owner.
	pub owner: Option<AccountId>,
	/// Its take (u16 ratio).
	pub take: u16,
	/// Its total stake, in rao: what its positions are worth now and the rewards still
	/// streaming to them (the hotkey's voting power).
	pub total_stake: Balance,
	/// `(coldkey, rao)` of every position on it, the owner's included, each at what it is worth
	/// now; they sum to at most `total_stake`.
	pub nominators: Vec<(AccountId, Balance)>,
}

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
