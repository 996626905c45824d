//! What other pallets may know about subnets and neurons, as traits and plain data.
//!
//! The subnets pallet implements these; the staking, weights and emission pallets depend on
//! them instead of on its storage.

use crate::{Balance, BlockNumber, NetUid, SubnetHyperparams, Uid};
use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_weights::Weight;

/// The epoch `block` belongs to on a subnet with `tempo`: `(block + netuid + 1) / (tempo + 1)`.
/// Epoch boundaries are staggered by netuid, so subnets of one tempo do not all run their epochs
/// in the same block. A subnet's epoch runs in the block where this index changes.
pub fn epoch_index(netuid: NetUid, tempo: u16, block: BlockNumber) -> u64 {
	let shifted = u64::from(block).saturating_add(u64::from(netuid.0)).saturating_add(1);
	shifted.checked_div(u64::from(tempo).saturating_add(1)).unwrap_or(0)
}

/// Blocks from `now` until [`epoch_index`] next changes: 1 to `tempo + 1`.
pub fn blocks_to_next_epoch(netuid: NetUid, tempo: u16, now: BlockNumber) -> BlockNumber {
	let period = BlockNumber::from(tempo).saturating_add(1);
	let position = now
		.saturating_add(BlockNumber::from(netuid.0))
		.saturating_add(1)
		.checked_rem(period)
		.unwrap_or(0);
	period.saturating_sub(position)
}

/// A miner's published endpoint (the subnets pallet's `serve_axon`), as stored and as the
/// runtime API answers it.
#[derive(
	Clone, Debug, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct AxonInfo {
	/// The block it was published, which the serving rate limit counts from.
	pub block: BlockNumber,
	/// The miner software's version.
	pub version: u32,
	/// The address: an IPv4 address in the low 32 bits, or an IPv6 address.
	pub ip: u128,
	/// The TCP/UDP port, never 0.
	pub port: u16,
	/// 4 or 6.
	pub ip_type: u8,
	/// The transport protocol, as the subnet's software defines it.
	pub protocol: u8,
}

/// Read access to subnets and their neurons.
pub trait SubnetsInterface<AccountId> {
	/// Whether `netuid` is a registered subnet.
	fn is_subnet(netuid: NetUid) -> bool;
	/// Every registered subnet, in netuid order.
	fn subnets() -> Vec<NetUid>;
	/// The subnet's owner coldkey.
	fn subnet_owner(netuid: NetUid) -> Option<AccountId>;
	/// The subnet's owner hotkey (UID of its own, never pruned).
	fn subnet_owner_hotkey(netuid: NetUid) -> Option<AccountId>;
	/// The subnet's hyperparameters.
	fn hyperparams(netuid: NetUid) -> Option<SubnetHyperparams>;
	/// The block the subnet was registered.
	fn subnet_registered_at(netuid: NetUid) -> Option<BlockNumber>;
	/// Neurons in the subnet: UIDs `0..neuron_count`.
	fn neuron_count(netuid: NetUid) -> u16;
	/// The UID of `hotkey` in the subnet.
	fn uid_of(netuid: NetUid, hotkey: &AccountId) -> Option<Uid>;
	/// The hotkey at `uid`.
	fn hotkey_of(netuid: NetUid, uid: Uid) -> Option<AccountId>;
	/// For each UID, the block its current holder registered.
	fn registration_blocks(netuid: NetUid) -> Vec<BlockNumber>;
	/// How many times a subnet at `netuid` was dissolved. Other pallets key per-subnet state
	/// by `(netuid, generation)`, so that a new subnet at the netuid starts clean while the old
	/// state is cleared or dropped. It rises after the [`NeuronHooks::on_subnet_removed`] hooks
	/// ran: they still see the dissolved subnet's generation.
	fn generation(netuid: NetUid) -> u32;
	/// All TAO removed from issuance by registration burns since genesis.
	fn total_recycled() -> Balance;
}

/// What a subnet's epoch pays: per hotkey, as miner and as validator, and what nobody was paid.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EpochPayout<AccountId> {
	/// `(hotkey, rao)` for miners with incentive.
	pub miners: Vec<(AccountId, Balance)>,
	/// `(hotkey, rao)` for validators with dividends.
	pub validators: Vec<(AccountId, Balance)>,
	/// Rao not paid (rounding, or nobody qualified); stays pending.
	pub undistributed: Balance,
}

/// The scores by which a full subnet replaces a neuron (the lowest past immunity goes): each
/// UID's emission at the subnet's last epoch, in rao, kept by the consensus pallet.
pub trait NeuronScores {
	/// By UID; a UID beyond the end (registered since the last epoch) scores 0, as does one
	/// whose holder was replaced since.
	fn pruning_scores(netuid: NetUid) -> Vec<u64>;
}

/// No scores: every UID scores 0, and the earliest registration is replaced first.
impl NeuronScores for () {
	fn pruning_scores(_: NetUid) -> Vec<u64> {
		Vec::new()
	}
}

/// Runs a subnet's epoch (the consensus pallet).
pub trait EpochRunner<AccountId> {
	/// Runs the epoch of `netuid` over `emission` rao; `None` for an unknown subnet.
	fn run_epoch(netuid: NetUid, emission: Balance) -> Option<EpochPayout<AccountId>>;
	/// The most the epoch of `netuid` can weigh now, from its UIDs and the most non-zero
	/// weights it can read (the payouts not included).
	fn epoch_weight(netuid: NetUid) -> Weight;
}

/// Sets up subnets for other pallets' benchmarks; the subnets pallet implements it with its
/// `runtime-benchmarks` feature.
pub trait SubnetsBenchmarkHelper<AccountId> {
	/// A new subnet with `n` neurons (at least one) and every registration limit lifted: its
	/// netuid and the hotkeys by UID (UID 0 is the owner's hotkey). All the hotkeys belong to
	/// the subnet's owner; `seed` tells subnets' accounts apart.
	fn subnet_with_neurons(n: u16, seed: u32) -> Result<(NetUid, Vec<AccountId>), &'static str>;
	/// Replaces the subnet's hyperparameters, unchecked.
	fn set_hyperparams(netuid: NetUid, params: SubnetHyperparams);
	/// Sets `account`'s free balance to `amount`.
	fn fund(account: &AccountId, amount: Balance);
}

/// The one coldkey that owns each hotkey, forever.
pub trait HotkeyOwnership<AccountId> {
	/// The owner of `hotkey`, if it is bound.
	fn hotkey_owner(hotkey: &AccountId) -> Option<AccountId>;
	/// Binds `hotkey` to `coldkey` if it is free. `Ok(true)` if it was bound now, `Ok(false)` if
	/// `coldkey` already owned it, `Err(owner)` if another coldkey does.
	fn bind_hotkey(hotkey: &AccountId, coldkey: &AccountId) -> Result<bool, AccountId>;
	/// The block `hotkey` was bound to its coldkey, if it is bound.
	fn hotkey_bound_at(hotkey: &AccountId) -> Option<BlockNumber>;
}

/// Told when neurons or subnets go away, so that pallets keeping per-UID state clear it. Each
/// hook returns the weight it used; the caller charges at most [`NeuronHooks::weight_bound`]
/// for it before dispatch.
pub trait NeuronHooks {
	/// `uid` of `netuid` has a new holder: whatever belonged to the previous one (weights it set,
	/// weights and bonds pointing at it, outputs) must stop counting.
	fn on_neuron_replaced(netuid: NetUid, uid: Uid) -> Weight;
	/// `netuid` was registered (a new subnet, or a new one at a dissolved subnet's netuid).
	fn on_subnet_added(_netuid: NetUid) -> Weight {
		Weight::zero()
	}
	/// `netuid` was dissolved: all of its state goes.
	fn on_subnet_removed(netuid: NetUid) -> Weight;
	/// The most either hook can use, for a subnet of the largest size.
	fn weight_bound() -> Weight;
}

impl NeuronHooks for () {
	fn on_neuron_replaced(_: NetUid, _: Uid) -> Weight {
		Weight::zero()
	}
	fn on_subnet_removed(_: NetUid) -> Weight {
		Weight::zero()
	}
	fn weight_bound() -> Weight {
		Weight::zero()
	}
}

impl<A: NeuronHooks, B: NeuronHooks> NeuronHooks for (A, B) {
	fn on_neuron_replaced(netuid: NetUid, uid: Uid) -> Weight {
		A::on_neuron_replaced(netuid, uid).saturating_add(B::on_neuron_replaced(netuid, uid))
	}
	fn on_subnet_added(netuid: NetUid) -> Weight {
		A::on_subnet_added(netuid).saturating_add(B::on_subnet_added(netuid))
	}
	fn on_subnet_removed(netuid: NetUid) -> Weight {
		A::on_subnet_removed(netuid).saturating_add(B::on_subnet_removed(netuid))
	}
	fn weight_bound() -> Weight {
		A::weight_bound().saturating_add(B::weight_bound())
	}
}
