//! What clients read of the chain, as the runtime API answers it: the pallets build these from
//! their own storage (each the part it owns) and the runtime puts the parts together.
//!
//! Fractions (validator trust, consensus, rank, trust, incentive, dividends, take) are `u16`
//! ratios of 65,535; balances are rao.

use crate::{AxonInfo, Balance, BlockNumber, NetUid};
use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

/// One UID's results from the last epoch, as stored (fractions as `u16` ratios).
#[derive(
	Clone,
	Copy,
	Debug,
	Default,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct NeuronOutput {
	/// Updated within the activity cutoff.
	pub active: bool,
	/// Holds a validator permit for the next epoch.
	pub validator_permit: bool,
	/// Validator trust.
	pub validator_trust: u16,
	/// Consensus weight on this UID.
	pub consensus: u16,
	/// Rank.
	pub rank: u16,
	/// Trust.
	pub trust: u16,
	/// Incentive (share of miner emission).
	pub incentive: u16,
	/// Dividends (share of validator emission).
	pub dividends: u16,
	/// Rao this UID earned in the epoch, as miner and validator.
	pub emission: Balance,
}

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

impl<AccountId> Neuron<AccountId> {
	/// Sets the results of the last epoch. The neuron stays flat, as clients read its fields
	/// (`incentive`, `dividends`, ...) by name: this is the one place they are copied.
	pub fn set_results(&mut self, results: &NeuronOutput) {
		let NeuronOutput {
			active,
			validator_permit,
			validator_trust,
			consensus,
			rank,
			trust,
			incentive,
			dividends,
			emission,
		} = *results;
		self.active = active;
		self.validator_permit = validator_permit;
		self.validator_trust = validator_trust;
		self.consensus = consensus;
		self.rank = rank;
		self.trust = trust;
		self.incentive = incentive;
		self.dividends = dividends;
		self.emission = emission;
	}
}
