//! # Emission pallet
//!
//! New TAO (protocol brief, sections 2.1 and 8). Each block, the block emission of the halving
//! schedule ([`taonet_primitives::emission`]) is added to the subnets' *pending emission* by
//! their shares: the incentive Yuma consensus computes over the root network's weights (at most
//! `MaxRootValidators` root validators, the top stakers, registered with `root_register`, set
//! weights over subnets with `set_root_weights`), or equal shares without root weights. At a subnet's epoch its
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
//! Storage: [`PendingEmission`], [`TotalPending`], [`SubnetShares`], [`RootValidators`],
//! [`RootWeights`]. The runtime API `taonet_runtime_api::EmissionApi` (`api.call.emissionApi` in
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
//! by subnets and root validators), then for each epoch run its benchmarked bound
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

use alloc::{vec, vec::Vec};
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
	Balance, BlockNumber, EpochRunner, HotkeyOwnership, NetUid, NeuronHooks, StakeInterface,
	SubnetsInterface, Uid, MAX_SUPPLY,
};

/// The owner's cut of a subnet's emission: 18%.
pub const OWNER_CUT: Perbill = Perbill::from_percent(18);

/// Most payouts queued at once: one per live subnet, plus dissolved subnets' payouts whose
/// payments are being dropped.
pub const MAX_QUEUED_PAYOUTS: u32 = 1_024;

/// A payout's key: the netuid and its generation ([`Generation`]).
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
	/// Paid as a validator (to the pool) rather than as a miner (to the owner's position).
	pub validator: bool,
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

/// The length a root weight call is charged for: its row's, at most `MaxSubnets` (a longer row
/// names some netuid twice or an unknown one, and is refused).
pub fn root_row_len<T: Config>(netuids: &[u16]) -> u32 {
	u32::try_from(netuids.len()).unwrap_or(u32::MAX).min(T::MaxSubnets::get())
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
		/// Most epochs run in one block.
		#[pallet::constant]
		type MaxEpochsPerBlock: Get<u32>;
		/// Most subnets (bounds the epoch queue and root weight rows).
		#[pallet::constant]
		type MaxSubnets: Get<u32>;
		/// Most root validators (64).
		#[pallet::constant]
		type MaxRootValidators: Get<u32>;
		/// The most the epochs of one block may weigh by their bounds (payments not included);
		/// the first due epoch runs whatever its bound.
		#[pallet::constant]
		type EpochWeightBudget: Get<Weight>;
		/// The most the payments of one block may weigh; the first queued payment is made
		/// whatever its weight.
		#[pallet::constant]
		type PaymentWeightBudget: Get<Weight>;
		/// Measured weights of the calls and of a block's accrual.
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

	/// The root network's validators: hotkeys among the top stakers.
	#[pallet::storage]
	pub type RootValidators<T: Config> =
		StorageValue<_, BoundedVec<T::AccountId, T::MaxRootValidators>, ValueQuery>;

	/// Each root validator's weights over subnets: `(netuid, weight)`, largest `u16::MAX`.
	#[pallet::storage]
	pub type RootWeights<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		BoundedVec<(u16, u16), T::MaxSubnets>,
		ValueQuery,
	>;

	/// Each subnet's share of block emission, as last computed (relative weights).
	#[pallet::storage]
	pub type SubnetShares<T: Config> = StorageMap<_, Twox64Concat, NetUid, u64, ValueQuery>;

	/// Subnets whose epoch is due and has not run yet, oldest first.
	#[pallet::storage]
	pub type EpochQueue<T: Config> = StorageValue<_, BoundedVec<NetUid, T::MaxSubnets>, ValueQuery>;

	/// How many times each netuid's subnet was dissolved: payouts are keyed by `(netuid,
	/// generation)`, so a dissolved subnet's unpaid payments are dropped, never made, and a new
	/// subnet at the netuid starts clean.
	#[pallet::storage]
	pub type Generation<T: Config> = StorageMap<_, Twox64Concat, NetUid, u32, ValueQuery>;

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
		/// `hotkey` joined the root network, replacing `replaced` if it was full.
		RootRegistered { hotkey: T::AccountId, replaced: Option<T::AccountId> },
		/// A root validator set its weights over `entries` subnets.
		RootWeightsSet { hotkey: T::AccountId, entries: u32 },
		/// The subnets' emission shares changed.
		SharesUpdated { subnets: u32 },
		/// A payment of a subnet's epoch could not be made (for a miner, its coldkey may stake
		/// to as many hotkeys as allowed): `amount` stays in the subnet's pending emission and
		/// is paid by a later epoch.
		PaymentFailed { netuid: NetUid, hotkey: T::AccountId, amount: Balance, validator: bool },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The signer does not own the hotkey.
		NotHotkeyOwner,
		/// The hotkey has no stake.
		NoStake,
		/// The root network is full and the hotkey's stake is not above the smallest member's.
		StakeTooLow,
		/// The hotkey is already a root validator.
		AlreadyRootValidator,
		/// The signing hotkey is not a root validator.
		NotRootValidator,
		/// `netuids` and `weights` differ in length.
		LengthMismatch,
		/// The row is longer than the most subnets there can be.
		RowTooLong,
		/// A netuid is not a registered subnet.
		UnknownSubnet,
		/// A netuid appears twice.
		DuplicateSubnet,
		/// All weights are zero.
		AllWeightsZero,
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Registers the signer's `hotkey` as a root validator; when the root network is full it
		/// replaces the member with the least stake, if `hotkey` has more.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::root_register())]
		pub fn root_register(origin: OriginFor<T>, hotkey: T::AccountId) -> DispatchResult {
			let coldkey = ensure_signed(origin)?;
			Self::do_root_register(&coldkey, hotkey)
		}

		/// Sets the signing root validator's weights over subnets (uids are netuids). The
		/// version key is accepted as is: the root network has no hyperparameters.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::set_root_weights(root_row_len::<T>(netuids)))]
		pub fn set_root_weights(
			origin: OriginFor<T>,
			netuids: BoundedVec<u16, T::MaxSubnets>,
			weights: BoundedVec<u16, T::MaxSubnets>,
			version_key: u64,
		) -> DispatchResult {
			let hotkey = ensure_signed(origin)?;
			let _ = version_key;
			Self::do_set_root_weights(hotkey, &netuids, &weights)
		}
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
		// The benchmark's shares come from root weights; without them, each subnet's activity
		// is read too.
		let mut used = T::WeightInfo::on_block(
			u32::try_from(subnets.len()).unwrap_or(u32::MAX),
			u32::try_from(RootValidators::<T>::decode_len().unwrap_or(0)).unwrap_or(u32::MAX),
		)
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
		(netuid, Generation::<T>::get(netuid))
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
		let shares = Self::subnet_shares(subnets);
		Self::record_shares(subnets, &shares);
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
			.map(|(hotkey, amount)| Payment { hotkey, amount, validator: false })
			.chain(payout.validators.into_iter().map(|(hotkey, amount)| Payment {
				hotkey,
				amount,
				validator: true,
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
			let live = Generation::<T>::get(netuid) == generation;
			used = used.saturating_add(db.reads(2));
			let Some(mut payout) = Payouts::<T>::get(key) else {
				done = done.saturating_add(1);
				continue;
			};
			while payout.next < payout.end {
				let payment = Payments::<T>::get(key, payout.next);
				let weight = match &payment {
					Some(p) if live && p.validator => T::Stake::pay_hotkey_weight(),
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
				if Self::make(&payment) {
					payout.paid = payout.paid.saturating_add(payment.amount);
					PendingEmission::<T>::mutate(netuid, |p| *p = p.saturating_sub(payment.amount));
					TotalPending::<T>::mutate(|p| *p = p.saturating_sub(payment.amount));
				} else {
					Self::deposit_event(Event::PaymentFailed {
						netuid,
						hotkey: payment.hotkey,
						amount: payment.amount,
						validator: payment.validator,
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
	fn make(payment: &Payment<T::AccountId>) -> bool {
		if payment.validator {
			T::Stake::pay_hotkey(&payment.hotkey, payment.amount).is_ok()
		} else {
			T::Hotkeys::hotkey_owner(&payment.hotkey).is_some_and(|coldkey| {
				T::Stake::pay_position(&payment.hotkey, &coldkey, payment.amount).is_ok()
			})
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

	/// The rows of `taonet_runtime_api::EmissionApi::subnet_emission`.
	pub fn subnet_emission() -> Vec<SubnetEmission> {
		T::Subnets::subnets()
			.into_iter()
			.map(|netuid| SubnetEmission {
				netuid,
				share: SubnetShares::<T>::get(netuid),
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
		ensure!(left <= MAX_SUPPLY, "issuance above the cap");
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
	/// Its share goes, and root validators' weights on the netuid are dropped, so that a new
	/// subnet at the netuid starts from nothing.
	fn on_subnet_removed(netuid: NetUid) -> Weight {
		let pending = PendingEmission::<T>::take(netuid);
		TotalPending::<T>::mutate(|p| *p = p.saturating_sub(pending));
		TotalEmitted::<T>::mutate(|e| *e = e.saturating_sub(pending));
		EpochQueue::<T>::mutate(|queue| queue.retain(|n| *n != netuid));
		Generation::<T>::mutate(netuid, |g| *g = g.saturating_add(1));
		SubnetShares::<T>::remove(netuid);
		let validators = RootValidators::<T>::get();
		for hotkey in validators.iter() {
			RootWeights::<T>::mutate(hotkey, |row| row.retain(|&(n, _)| n != netuid.0));
		}
		let rows = u64::try_from(validators.len()).unwrap_or(u64::MAX);
		T::DbWeight::get().reads_writes(rows.saturating_add(6), rows.saturating_add(6))
	}

	fn weight_bound() -> Weight {
		let rows = u64::from(T::MaxRootValidators::get());
		T::DbWeight::get().reads_writes(rows.saturating_add(6), rows.saturating_add(6))
	}
}

impl<T: Config> Pallet<T> {
	/// Each subnet's share weight: the incentive Yuma consensus gives it over the root weight
	/// matrix (root validators as rows, by stake; κ 0.5), or, when that gives nothing (no root
	/// validators, no weights, no stake), equal shares among the *active* subnets
	/// ([`EpochRunner::is_active`]: the last epoch reached a consensus), so that a subnet nobody
	/// scores does not pay its emission to raw stake. While no subnet is active (a new chain),
	/// all subnets share equally, so that the first epochs have something to pay.
	pub fn subnet_shares(subnets: &[NetUid]) -> Vec<u64> {
		let validators = RootValidators::<T>::get();
		let v = validators.len();
		let n = v.saturating_add(subnets.len());
		let column = |netuid: u16| {
			subnets
				.iter()
				.position(|s| s.0 == netuid)
				.and_then(|i| u16::try_from(v.saturating_add(i)).ok())
		};
		let mut stake: Vec<u64> = validators.iter().map(T::Stake::hotkey_stake).collect();
		stake.resize(n, 0);
		let mut weights: Vec<Vec<(u16, u16)>> = validators
			.iter()
			.map(|hotkey| {
				RootWeights::<T>::get(hotkey)
					.iter()
					.filter_map(|&(netuid, w)| Some((column(netuid)?, w)))
					.collect()
			})
			.collect();
		weights.resize(n, Vec::new());
		let now = u64::from(Self::now());
		let last_update = vec![now; n];
		let registered_at = vec![0u64; n];
		let mut permits = vec![true; v];
		permits.resize(n, false);
		let bonds = vec![Vec::new(); n];
		let params = taonet_yuma::Params {
			max_validators: u16::try_from(v).unwrap_or(u16::MAX),
			activity_cutoff: u64::MAX,
			..Default::default()
		};
		let input = taonet_yuma::EpochInput {
			current_block: now,
			bonds_updated_at: now,
			stake: &stake,
			last_update: &last_update,
			registered_at: &registered_at,
			validator_permit: &permits,
			weights: &weights,
			bonds: &bonds,
			emission: 0,
		};
		let incentive: Vec<u64> = taonet_yuma::run_epoch(&params, &input)
			.map(|out| out.incentive.iter().skip(v).map(|x| x.to_bits()).collect())
			.unwrap_or_default();
		if incentive.len() == subnets.len() && incentive.iter().any(|&w| w > 0) {
			return incentive;
		}
		let active: Vec<u64> =
			subnets.iter().map(|&netuid| u64::from(T::Epochs::is_active(netuid))).collect();
		if active.contains(&1) {
			active
		} else {
			vec![1; subnets.len()]
		}
	}

	/// Stores the shares when they change, and tells the subnets pallet (which prunes the
	/// lowest share).
	fn record_shares(subnets: &[NetUid], shares: &[u64]) {
		let changed = subnets.iter().zip(shares).any(|(n, &w)| SubnetShares::<T>::get(n) != w);
		if !changed {
			return;
		}
		for (&netuid, &share) in subnets.iter().zip(shares) {
			SubnetShares::<T>::insert(netuid, share);
			T::Subnets::set_emission_share(netuid, share);
		}
		Self::deposit_event(Event::SharesUpdated {
			subnets: u32::try_from(subnets.len()).unwrap_or(u32::MAX),
		});
	}

	fn do_root_register(coldkey: &T::AccountId, hotkey: T::AccountId) -> DispatchResult {
		ensure!(
			T::Hotkeys::hotkey_owner(&hotkey).as_ref() == Some(coldkey),
			Error::<T>::NotHotkeyOwner
		);
		let stake = T::Stake::hotkey_stake(&hotkey);
		ensure!(stake > 0, Error::<T>::NoStake);
		let mut validators = RootValidators::<T>::get();
		ensure!(!validators.contains(&hotkey), Error::<T>::AlreadyRootValidator);
		let mut replaced = None;
		if validators.try_push(hotkey.clone()).is_err() {
			// Full: the member with the least stake (the later one on ties) goes, if weaker.
			let weakest = validators
				.iter()
				.enumerate()
				.min_by_key(|(i, h)| (T::Stake::hotkey_stake(h), core::cmp::Reverse(*i)))
				.map(|(i, h)| (i, h.clone()));
			let (index, member) = weakest.ok_or(Error::<T>::StakeTooLow)?;
			ensure!(stake > T::Stake::hotkey_stake(&member), Error::<T>::StakeTooLow);
			if let Some(slot) = validators.get_mut(index) {
				*slot = hotkey.clone();
			}
			RootWeights::<T>::remove(&member);
			replaced = Some(member);
		}
		RootValidators::<T>::put(validators);
		Self::deposit_event(Event::RootRegistered { hotkey, replaced });
		Ok(())
	}

	fn do_set_root_weights(
		hotkey: T::AccountId,
		netuids: &[u16],
		weights: &[u16],
	) -> DispatchResult {
		ensure!(RootValidators::<T>::get().contains(&hotkey), Error::<T>::NotRootValidator);
		ensure!(netuids.len() == weights.len(), Error::<T>::LengthMismatch);
		ensure!(
			u32::try_from(netuids.len()).is_ok_and(|len| len <= T::MaxSubnets::get()),
			Error::<T>::RowTooLong
		);
		ensure!(
			netuids.iter().all(|&n| T::Subnets::is_subnet(NetUid(n))),
			Error::<T>::UnknownSubnet
		);
		ensure!(!taonet_yuma::has_duplicates(netuids), Error::<T>::DuplicateSubnet);
		let max = weights.iter().copied().max().unwrap_or(0);
		ensure!(max > 0, Error::<T>::AllWeightsZero);
		let row = taonet_yuma::max_upscaled(netuids, weights, max);
		let entries = u32::try_from(row.len()).unwrap_or(u32::MAX);
		RootWeights::<T>::insert(&hotkey, BoundedVec::truncate_from(row));
		Self::deposit_event(Event::RootWeightsSet { hotkey, entries });
		Ok(())
	}
}
