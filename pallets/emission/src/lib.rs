//! # Emission pallet
//!
//! New TAO (protocol brief, sections 2.1 and 8). Each block, the block emission of the halving
//! schedule ([`taonet_primitives::emission`]) is added to the subnets' *pending emission* by
//! their shares, which the root network computes ([`Config::Shares`], the root pallet). At a
//! subnet's epoch its
//! pending emission is paid: 18% to the owner's coldkey, and the rest through the subnet's Yuma
//! epoch, half to miners by incentive (staked to the miner's hotkey for its coldkey) and half to
//! validators by dividends (the take to the hotkey's owner, the rest compounding for its
//! nominators). Whatever is not paid (rounding, or nobody qualified) stays pending.
//!
//! ## One block's flow
//! 1. [`Pallet::accrue`]: `block_emission(total issuance + pending)` into each subnet's pending.
//! 2. Subnets whose epoch starts this block ([`taonet_primitives::epoch_index`] changes) join the
//!    epoch queue; queued epochs run while their bounds fit (see below), the rest wait for the
//!    next block ([`Event::EpochsDeferred`]), as does a subnet whose last payout is not done.
//! 3. [`Pallet::run_epoch`]: the owner's cut is minted, [`EpochRunner::run_epoch`] splits the
//!    rest, and its payments are queued ([`Payments`]).
//! 4. [`Pallet::pay_queued`]: queued payments are made, oldest first, while their weights fit in
//!    [`Config::PaymentWeightBudget`] (at least one a block). A payment stays in pending emission
//!    until it is made; when a payout is done, [`Event::EpochPaid`] says what it paid. A payment
//!    costs the same whatever the hotkey's nominators, but a large subnet's payout (up to 4,096
//!    miners and 256 validators) is more than one block's budget, so it spreads over blocks
//!    instead of overfilling one.

//! ## Reading it
//! Storage: [`PendingEmission`], [`TotalPending`], [`TotalEmitted`], the epoch and payout
//! queues. The runtime API `taonet_runtime_api::EmissionApi` (`api.call.emissionApi` in
//! polkadot.js) gives what is computed: the block emission, issuance, the next halving
//! threshold and the blocks to it at the current rate, and each subnet's share and pending.
//!
//! ## Invariant
//! `total issuance + pending = issuance at the first block + all block emissions - recycled -
//! burned`, and never above 21M TAO; checked by `try_state`. *Burned* is what [`RecordBurn`]
//! recorded: dust of reaped accounts and fees without an author.
//!
//! ## Weight
//! `on_initialize` returns what the block used: the benchmarked accrual ([`WeightInfo::on_block`],
//! by subnets), then for each epoch run its benchmarked bound
//! ([`EpochRunner::epoch_weight`], by UIDs and weights), and for each payment made its weight
//! (by the positions the paid hotkey has). Epochs run while their bounds fit in
//! [`Config::EpochWeightBudget`] (the first due epoch always runs, so no subnet waits forever)
//! and at most [`Config::MaxEpochsPerBlock`] of them; payments while theirs fit in
//! [`Config::PaymentWeightBudget`].

#![cfg_attr(not(feature = "std"), no_std)]
// Chain data never panics or overflows silently; tests may.
#![cfg_attr(
	not(test),
	deny(
		clippy::arithmetic_side_effects,
		clippy::indexing_slicing,
		clippy::unwrap_used,
		clippy::expect_used,
		clippy::float_arithmetic
	)
)]

extern crate alloc;

pub use pallet::*;
pub use weights::WeightInfo;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod weights;

use alloc::vec::Vec;
use frame_support::{
	pallet_prelude::*,
	traits::{
		fungible::{Balanced, Credit, Inspect, Mutate},
		Imbalance, OnUnbalanced,
	},
	weights::Weight,
};
use frame_system::pallet_prelude::*;
use sp_runtime::{traits::UniqueSaturatedInto, Perbill};
pub use taonet_primitives::emission::{EmissionSchedule, SubnetEmission};
use taonet_primitives::{
	emission::{block_emission, next_halving_threshold},
	Balance, BlockNumber, EmissionShares, EpochRunner, HotkeyOwnership, NetUid, NeuronHooks,
	StakeInterface, SubnetsInterface, Uid,
};

/// The owner's cut of a subnet's emission: 18%.
pub const OWNER_CUT: Perbill = Perbill::from_percent(18);

/// Most payouts queued at once: one per live subnet, plus dissolved subnets' payouts whose
/// payments are being dropped.
pub const MAX_QUEUED_PAYOUTS: u32 = 1_024;

/// A payout's key: the netuid and its generation ([`SubnetsInterface::generation`]): a dissolved
/// subnet's unpaid payments are dropped, never made, and a new subnet at the netuid starts clean.
pub type PayoutKey = (NetUid, u32);

/// One payment an epoch owes: to a miner (staked for the hotkey's owner) or a validator (through
/// its pool: the take, then its nominators).
#[derive(
	Clone,
	Debug,
	PartialEq,
	Eq,
	codec::Encode,
	codec::Decode,
	codec::MaxEncodedLen,
	scale_info::TypeInfo,
)]
pub struct Payment<AccountId> {
	/// The miner's or validator's hotkey.
	pub hotkey: AccountId,
	/// Rao.
	pub amount: Balance,
	/// As what the hotkey is paid, which says where the payment goes.
	pub payee: Payee,
}

/// As what a hotkey is paid for an epoch. Encoded as one byte, as the `bool` it replaces.
#[derive(
	Clone,
	Copy,
	Debug,
	PartialEq,
	Eq,
	codec::Encode,
	codec::Decode,
	codec::DecodeWithMemTracking,
	codec::MaxEncodedLen,
	scale_info::TypeInfo,
)]
pub enum Payee {
	/// Incentive, staked to the miner's hotkey for its owner's position.
	Miner,
	/// Dividends, paid into the validator's pool: the take to its owner, the rest to every
	/// share of it.
	Validator,
}

/// A payout in progress.
#[derive(
	Clone,
	Debug,
	Default,
	PartialEq,
	Eq,
	codec::Encode,
	codec::Decode,
	codec::MaxEncodedLen,
	scale_info::TypeInfo,
)]
pub struct Payout {
	/// Index of the next payment to make.
	pub next: u32,
	/// One past the last payment's index.
	pub end: u32,
	/// The subnet's pending emission when the epoch ran.
	pub pending: Balance,
	/// The owner's cut minted then.
	pub owner_cut: Balance,
	/// Paid so far.
	pub paid: Balance,
}

// The pallet macros expand to code that uses `expect` and plain arithmetic on values they
// control; the lints stay on for everything written here.
#[allow(
	clippy::expect_used,
	clippy::unwrap_used,
	clippy::arithmetic_side_effects,
	clippy::indexing_slicing
)]
#[frame_support::pallet]
pub mod pallet {
	use super::*;

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	/// The emission pallet.
	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// Balances: the owner's cut is minted to the owner.
		type Currency: Inspect<Self::AccountId, Balance = Balance> + Mutate<Self::AccountId>;
		/// Subnets, their owners and hyperparameters.
		type Subnets: SubnetsInterface<Self::AccountId>;
		/// Who owns each hotkey.
		type Hotkeys: HotkeyOwnership<Self::AccountId>;
		/// Stake, where miners' and validators' rewards go.
		type Stake: StakeInterface<Self::AccountId>;
		/// The subnets' epochs.
		type Epochs: EpochRunner<Self::AccountId>;
		/// Each subnet's share of block emission (the root network).
		type Shares: EmissionShares;
		/// Most epochs run in one block.
		#[pallet::constant]
		type MaxEpochsPerBlock: Get<u32>;
		/// Most subnets (bounds the epoch queue).
		#[pallet::constant]
		type MaxSubnets: Get<u32>;
		/// The most the epochs of one block may weigh by their bounds (payments not included);
		/// the first due epoch runs whatever its bound.
		#[pallet::constant]
		type EpochWeightBudget: Get<Weight>;
		/// The most the payments of one block may weigh; the first queued payment is made
		/// whatever its weight.
		#[pallet::constant]
		type PaymentWeightBudget: Get<Weight>;
		/// Measured weight of a block's accrual.
		type WeightInfo: WeightInfo;
		/// Creates subnets and neurons for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: taonet_primitives::SubnetsBenchmarkHelper<Self::AccountId>;
	}

	/// Each subnet's emission accrued since its last epoch, not yet minted.
	#[pallet::storage]
	pub type PendingEmission<T: Config> = StorageMap<_, Twox64Concat, NetUid, Balance, ValueQuery>;

	/// The sum of all pending emission.
	#[pallet::storage]
	pub type TotalPending<T: Config> = StorageValue<_, Balance, ValueQuery>;

	/// The sum of all block emissions.
	#[pallet::storage]
	pub type TotalEmitted<T: Config> = StorageValue<_, Balance, ValueQuery>;

	/// TAO that left total issuance other than by registration burns: the dust of reaped
	/// accounts and fees no block author could take, recorded by [`RecordBurn`].
	#[pallet::storage]
	pub type TotalBurned<T: Config> = StorageValue<_, Balance, ValueQuery>;

	/// Total issuance at the first block this pallet saw, plus what had been recycled and
	/// burned by then (the invariant's starting point).
	#[pallet::storage]
	pub type InitialIssuance<T: Config> = StorageValue<_, Balance, OptionQuery>;

	/// Subnets whose epoch is due and has not run yet, oldest first.
	#[pallet::storage]
	pub type EpochQueue<T: Config> = StorageValue<_, BoundedVec<NetUid, T::MaxSubnets>, ValueQuery>;

	/// Payments an epoch owes and that are not made yet, by payout and index.
	#[pallet::storage]
	pub type Payments<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		PayoutKey,
		Twox64Concat,
		u32,
		Payment<T::AccountId>,
		OptionQuery,
	>;

	/// Payouts in progress: the next payment to make and what the epoch split.
	#[pallet::storage]
	pub type Payouts<T: Config> = StorageMap<_, Twox64Concat, PayoutKey, Payout, OptionQuery>;

	/// Payouts with payments left (or, for dissolved subnets, left to drop), oldest first.
	#[pallet::storage]
	pub type PayoutQueue<T: Config> =
		StorageValue<_, BoundedVec<PayoutKey, ConstU32<MAX_QUEUED_PAYOUTS>>, ValueQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `amount` was added to pending emission across `subnets` subnets.
		EmissionAccrued { amount: Balance, subnets: u32 },
		/// `amount` left total issuance as dust of a reaped account or an unclaimed fee.
		Burned { amount: Balance },
		/// A subnet's epoch paid `owner_cut` to its owner and (once every queued payment was
		/// made) `paid` to miners and validators; `kept` of the epoch's pending stays pending.
		EpochPaid { netuid: NetUid, owner_cut: Balance, paid: Balance, kept: Balance },
		/// A subnet's epoch ran and queued `payments` payments totalling `amount` rao.
		PayoutQueued { netuid: NetUid, payments: u32, amount: Balance },
		/// `count` due epochs wait for the next block.
		EpochsDeferred { count: u32 },
		/// A payment of a subnet's epoch could not be made (for a miner, its coldkey may stake
		/// to as many hotkeys as allowed): `amount` stays in the subnet's pending emission and
		/// is paid by a later epoch.
		PaymentFailed { netuid: NetUid, hotkey: T::AccountId, amount: Balance, payee: Payee },
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_initialize(_: BlockNumberFor<T>) -> Weight {
			Self::on_block()
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}
}

impl<T: Config> Pallet<T> {
	fn now() -> BlockNumber {
		frame_system::Pallet::<T>::block_number().unique_saturated_into()
	}

	/// One block: accrue, queue due epochs, run them within the bounds. Returns the weight used.
	pub fn on_block() -> Weight {
		if InitialIssuance::<T>::get().is_none() {
			// Counted before any burn, so that all recycling is on the invariant's books.
			let before_burns = T::Currency::total_issuance()
				.saturating_add(T::Subnets::total_recycled())
				.saturating_add(TotalBurned::<T>::get());
			InitialIssuance::<T>::put(before_burns);
		}
		let subnets = T::Subnets::subnets();
		let count = u64::try_from(subnets.len()).unwrap_or(u64::MAX);
		let mut used = T::WeightInfo::on_block(u32::try_from(subnets.len()).unwrap_or(u32::MAX))
			.saturating_add(T::DbWeight::get().reads(count));
		Self::accrue(&subnets);
		let now = Self::now();
		let mut queue = EpochQueue::<T>::get();
		for &netuid in &subnets {
			let Some(params) = T::Subnets::hyperparams(netuid) else { continue };
			let epoch = taonet_primitives::epoch_index(netuid, params.tempo, now);
			let before =
				taonet_primitives::epoch_index(netuid, params.tempo, now.saturating_sub(1));
			if now > 0 && epoch != before && !queue.contains(&netuid) {
				let _ = queue.try_push(netuid);
			}
		}
		let budget = T::EpochWeightBudget::get();
		let most = usize::try_from(T::MaxEpochsPerBlock::get()).unwrap_or(usize::MAX);
		let mut bounds = Weight::zero();
		let mut run = 0usize;
		let mut rest: Vec<NetUid> = Vec::new();
		for &netuid in queue.iter() {
			// A subnet still paying its last epoch waits, as do all once the bounds are full.
			used = used.saturating_add(T::DbWeight::get().reads(2));
			if run >= most || Payouts::<T>::contains_key(Self::payout_key(netuid)) {
				rest.push(netuid);
				continue;
			}
			let bound = Self::epoch_bound(netuid);
			used = used.saturating_add(T::DbWeight::get().reads(2));
			if run > 0 && !bounds.saturating_add(bound).all_lte(budget) {
				rest.push(netuid);
				continue;
			}
			bounds = bounds.saturating_add(bound);
			Self::run_epoch(netuid);
			used = used.saturating_add(bound);
			run = run.saturating_add(1);
		}
		if !rest.is_empty() {
			Self::deposit_event(Event::EpochsDeferred {
				count: u32::try_from(rest.len()).unwrap_or(u32::MAX),
			});
		}
		EpochQueue::<T>::put(BoundedVec::truncate_from(rest));
		used.saturating_add(Self::pay_queued(T::PaymentWeightBudget::get()))
	}

	/// What running the subnet's epoch can weigh, payments not made: the epoch's bound and
	/// queuing a payment for each UID and each permit holder.
	pub fn epoch_bound(netuid: NetUid) -> Weight {
		let neurons = u64::from(T::Subnets::neuron_count(netuid));
		let max_validators = T::Subnets::hyperparams(netuid).map_or(0, |p| p.max_validators);
		let payments = neurons.saturating_add(u64::from(max_validators).min(neurons));
		T::Epochs::epoch_weight(netuid)
			.saturating_add(T::DbWeight::get().reads_writes(8, payments.saturating_add(6)))
	}

	/// The key of the subnet's current payout.
	pub fn payout_key(netuid: NetUid) -> PayoutKey {
		(netuid, T::Subnets::generation(netuid))
	}

	/// Adds this block's emission to the subnets' pending emission by their shares (the
	/// rounding remainder to the first subnet). Nothing is emitted while there is no subnet.
	pub fn accrue(subnets: &[NetUid]) {
		let count = u64::try_from(subnets.len()).unwrap_or(u64::MAX);
		if count == 0 {
			return;
		}
		let issuance = T::Currency::total_issuance().saturating_add(TotalPending::<T>::get());
		let amount = block_emission(issuance);
		if amount == 0 {
			return;
		}
		let shares: Vec<u64> = subnets.iter().map(|&netuid| T::Shares::share_of(netuid)).collect();
		let total: u128 = shares.iter().map(|&w| u128::from(w)).sum();
		let parts: Vec<Balance> = shares
			.iter()
			.map(|&w| {
				let part =
					u128::from(amount).saturating_mul(w.into()).checked_div(total).unwrap_or(0);
				Balance::try_from(part).unwrap_or(0)
			})
			.collect();
		let remainder =
			amount.saturating_sub(parts.iter().fold(0, |a: Balance, &p| a.saturating_add(p)));
		for (i, (netuid, part)) in subnets.iter().zip(parts).enumerate() {
			let extra = if i == 0 { remainder } else { 0 };
			PendingEmission::<T>::mutate(netuid, |p| {
				*p = p.saturating_add(part).saturating_add(extra)
			});
		}
		TotalPending::<T>::mutate(|p| *p = p.saturating_add(amount));
		TotalEmitted::<T>::mutate(|e| *e = e.saturating_add(amount));
		Self::deposit_event(Event::EmissionAccrued {
			amount,
			subnets: u32::try_from(count).unwrap_or(u32::MAX),
		});
	}

	/// Runs a subnet's epoch over its pending emission: mints the owner's cut and queues the
	/// payments to miners and validators, which [`Pallet::pay_queued`] makes. If the epoch has
	/// nobody to pay, nothing is minted and all stays pending (the cut is minted once the epoch
	/// has someone to pay, even should every payment later fail). Its weight is
	/// [`Pallet::epoch_bound`].
	pub fn run_epoch(netuid: NetUid) {
		let pending = PendingEmission::<T>::get(netuid);
		let owner_cut = OWNER_CUT.mul_floor(pending);
		let for_epoch = pending.saturating_sub(owner_cut);
		let Some(payout) = T::Epochs::run_epoch(netuid, for_epoch) else { return };
		let payments: Vec<Payment<T::AccountId>> = payout
			.miners
			.into_iter()
			.map(|(hotkey, amount)| Payment { hotkey, amount, payee: Payee::Miner })
			.chain(payout.validators.into_iter().map(|(hotkey, amount)| Payment {
				hotkey,
				amount,
				payee: Payee::Validator,
			}))
			.collect();
		let key = Self::payout_key(netuid);
		let mut queue = PayoutQueue::<T>::get();
		if payments.is_empty() || queue.is_full() {
			// Nobody to pay (or, beyond all expectation, no room to queue): all stays pending.
			Self::deposit_event(Event::EpochPaid { netuid, owner_cut: 0, paid: 0, kept: pending });
			return;
		}
		let mut cut_paid: Balance = 0;
		if let Some(owner) = T::Subnets::subnet_owner(netuid) {
			if T::Currency::mint_into(&owner, owner_cut).is_ok() {
				cut_paid = owner_cut;
			}
		}
		PendingEmission::<T>::insert(netuid, pending.saturating_sub(cut_paid));
		TotalPending::<T>::mutate(|p| *p = p.saturating_sub(cut_paid));
		let count = u32::try_from(payments.len()).unwrap_or(u32::MAX);
		let amount = payments.iter().fold(0, |sum: Balance, p| sum.saturating_add(p.amount));
		for (index, payment) in (0u32..).zip(payments) {
			Payments::<T>::insert(key, index, payment);
		}
		Payouts::<T>::insert(
			key,
			Payout { next: 0, end: count, pending, owner_cut: cut_paid, paid: 0 },
		);
		// Not full: checked above.
		let _ = queue.try_push(key);
		PayoutQueue::<T>::put(queue);
		Self::deposit_event(Event::PayoutQueued { netuid, payments: count, amount });
	}

	/// Makes queued payments, oldest payout first, while their weights fit in `budget` (the
	/// first is made whatever its weight); drops, unpaid, those of dissolved subnets. Each
	/// payment made leaves the subnet's pending emission; a failed one stays in it, with
	/// [`Event::PaymentFailed`].
	pub fn pay_queued(budget: Weight) -> Weight {
		let db = T::DbWeight::get();
		let queue = PayoutQueue::<T>::get();
		let mut used = db.reads(1);
		let mut done = 0usize;
		let mut first = true;
		'payouts: for &key in queue.iter() {
			let (netuid, generation) = key;
			let live = T::Subnets::generation(netuid) == generation;
			used = used.saturating_add(db.reads(2));
			let Some(mut payout) = Payouts::<T>::get(key) else {
				done = done.saturating_add(1);
				continue;
			};
			while payout.next < payout.end {
				let payment = Payments::<T>::get(key, payout.next);
				let weight = match &payment {
					Some(p) if live && p.payee == Payee::Validator => T::Stake::pay_hotkey_weight(),
					Some(_) if live => T::Stake::pay_position_weight(),
					_ => Weight::zero(),
				}
				.saturating_add(db.reads_writes(4, 4));
				if !first && !used.saturating_add(weight).all_lte(budget) {
					Payouts::<T>::insert(key, payout);
					used = used.saturating_add(db.writes(1));
					break 'payouts;
				}
				first = false;
				used = used.saturating_add(weight);
				Payments::<T>::remove(key, payout.next);
				payout.next = payout.next.saturating_add(1);
				let Some(payment) = payment else { continue };
				if !live {
					continue;
				}
				if Self::pay(&payment) {
					payout.paid = payout.paid.saturating_add(payment.amount);
					PendingEmission::<T>::mutate(netuid, |p| *p = p.saturating_sub(payment.amount));
					TotalPending::<T>::mutate(|p| *p = p.saturating_sub(payment.amount));
				} else {
					Self::deposit_event(Event::PaymentFailed {
						netuid,
						hotkey: payment.hotkey,
						amount: payment.amount,
						payee: payment.payee,
					});
				}
			}
			Payouts::<T>::remove(key);
			used = used.saturating_add(db.writes(1));
			done = done.saturating_add(1);
			if live {
				let kept =
					payout.pending.saturating_sub(payout.owner_cut).saturating_sub(payout.paid);
				Self::deposit_event(Event::EpochPaid {
					netuid,
					owner_cut: payout.owner_cut,
					paid: payout.paid,
					kept,
				});
			}
		}
		if done > 0 {
			let rest: Vec<PayoutKey> = queue.iter().skip(done).copied().collect();
			PayoutQueue::<T>::put(BoundedVec::truncate_from(rest));
			used = used.saturating_add(db.writes(1));
		}
		used
	}

	/// Makes one payment; whether it was made.
	fn pay(payment: &Payment<T::AccountId>) -> bool {
		match payment.payee {
			Payee::Validator => T::Stake::pay_hotkey(&payment.hotkey, payment.amount).is_ok(),
			Payee::Miner => T::Hotkeys::hotkey_owner(&payment.hotkey).is_some_and(|coldkey| {
				T::Stake::pay_position(&payment.hotkey, &coldkey, payment.amount).is_ok()
			}),
		}
	}

	/// The figures of `taonet_runtime_api::EmissionApi::emission_schedule`.
	pub fn emission_schedule() -> EmissionSchedule {
		let total_issuance = T::Currency::total_issuance();
		let total_pending = TotalPending::<T>::get();
		let supply = total_issuance.saturating_add(total_pending);
		// Nothing is emitted while there is no subnet.
		let block_emission =
			if T::Subnets::subnets().is_empty() { 0 } else { block_emission(supply) };
		let next_halving_threshold = next_halving_threshold(supply);
		let blocks_to_next_halving = next_halving_threshold.and_then(|threshold| {
			let left = threshold.saturating_sub(supply);
			left.checked_add(block_emission.saturating_sub(1))?.checked_div(block_emission)
		});
		EmissionSchedule {
			block_emission,
			total_issuance,
			total_pending,
			next_halving_threshold,
			blocks_to_next_halving,
		}
	}

	/// Emission the subnet accrued since its last epoch, in rao.
	pub fn pending_emission(netuid: NetUid) -> Balance {
		PendingEmission::<T>::get(netuid)
	}

	/// The rows of `taonet_runtime_api::EmissionApi::subnet_emission`.
	pub fn subnet_emission() -> Vec<SubnetEmission> {
		T::Subnets::subnets()
			.into_iter()
			.map(|netuid| SubnetEmission {
				netuid,
				share: T::Shares::share_of(netuid),
				pending: PendingEmission::<T>::get(netuid),
			})
			.collect()
	}

	/// The issuance invariant: `total issuance + pending = initial issuance + emitted -
	/// recycled - burned <= 21M TAO`, and pending is the sum of the subnets' pending.
	#[cfg(any(feature = "try-runtime", feature = "std", test))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		let Some(initial) = InitialIssuance::<T>::get() else { return Ok(()) };
		let pending = TotalPending::<T>::get();
		let left = T::Currency::total_issuance().saturating_add(pending);
		let right = initial
			.saturating_add(TotalEmitted::<T>::get())
			.saturating_sub(T::Subnets::total_recycled())
			.saturating_sub(TotalBurned::<T>::get());
		ensure!(
			left == right,
			"issuance + pending differs from initial + emitted - recycled - burned"
		);
		ensure!(left <= taonet_primitives::MAX_SUPPLY, "issuance above the cap");
		let sum = PendingEmission::<T>::iter_values().fold(0u64, |a, p| a.saturating_add(p));
		ensure!(sum == pending, "pending differs from the subnets' pending");
		// What a live payout still owes is part of its subnet's pending.
		for key in PayoutQueue::<T>::get() {
			if key != Self::payout_key(key.0) {
				continue;
			}
			let payout = Payouts::<T>::get(key).ok_or("a queued payout is missing")?;
			let owed = Payments::<T>::iter_prefix_values(key)
				.fold(0u64, |a, p| a.saturating_add(p.amount));
			ensure!(payout.next <= payout.end, "a payout's cursor is past its end");
			ensure!(owed <= PendingEmission::<T>::get(key.0), "a payout owes more than pending");
		}
		Ok(())
	}
}

/// Takes TAO leaving total issuance outside registration burns (a reaped account's dust, a fee
/// no author can take), records it in [`TotalBurned`] with a [`Event::Burned`], and lets it go,
/// so that the issuance invariant stays exact. The runtime's balances pallet uses it for dust.
pub struct RecordBurn<T, F>(core::marker::PhantomData<(T, F)>);

impl<T, F> OnUnbalanced<Credit<T::AccountId, F>> for RecordBurn<T, F>
where
	T: Config,
	F: Balanced<T::AccountId, Balance = Balance>,
{
	fn on_nonzero_unbalanced(amount: Credit<T::AccountId, F>) {
		Pallet::<T>::note_burned(amount.peek());
		// Dropping the credit takes it out of total issuance.
		drop(amount);
	}
}

impl<T: Config> Pallet<T> {
	/// Records `amount` as burned (in [`TotalBurned`], with [`Event::Burned`]): for whoever takes
	/// TAO out of total issuance outside registration burns, such as slashed referendum deposits.
	pub fn note_burned(amount: Balance) {
		TotalBurned::<T>::mutate(|burned| *burned = burned.saturating_add(amount));
		Self::deposit_event(Event::Burned { amount });
	}
}

impl<T: Config> NeuronHooks for Pallet<T> {
	fn on_neuron_replaced(_: NetUid, _: Uid) -> Weight {
		Weight::zero()
	}

	/// A dissolved subnet's pending emission is never minted: it leaves the pending total and
	/// the emitted total alike, so the issuance schedule does not count it.
	/// Its queued payments are dropped unpaid (by [`Pallet::pay_queued`], which sees the old
	/// generation).
	fn on_subnet_removed(netuid: NetUid) -> Weight {
		let pending = PendingEmission::<T>::take(netuid);
		TotalPending::<T>::mutate(|p| *p = p.saturating_sub(pending));
		TotalEmitted::<T>::mutate(|e| *e = e.saturating_sub(pending));
		EpochQueue::<T>::mutate(|queue| queue.retain(|n| *n != netuid));
		T::DbWeight::get().reads_writes(4, 4)
	}

	fn weight_bound() -> Weight {
		T::DbWeight::get().reads_writes(4, 4)
	}
}
