//! # Emission pallet
//!
//! New TAO (protocol brief, sections 2.1 and 8). Each block, the block emission of the halving
//! schedule ([`taonet_primitives::emission`]) is added to the subnets' *pending emission* in
//! equal shares (root-network shares come with the root network). At a subnet's epoch its
//! pending emission is paid: 18% to the owner's coldkey, and the rest through the subnet's Yuma
//! epoch, half to miners by incentive (staked to the miner's hotkey for its coldkey) and half to
//! validators by dividends (the take to the hotkey's owner, the rest compounding for its
//! nominators). Whatever is not paid (rounding, or nobody qualified) stays pending.
//!
//! ## One block's flow
//! 1. [`Pallet::accrue`]: `block_emission(total issuance + pending)` into each subnet's pending.
//! 2. Subnets whose epoch starts this block ([`pallet_consensus::epoch_index`] changes) join the
//!    epoch queue; at most [`Config::MaxEpochsPerBlock`] run, the rest wait for the next block
//!    ([`Event::EpochsDeferred`]).
//! 3. [`Pallet::pay_epoch`]: the owner's cut, then [`EpochRunner::run_epoch`] and the payouts.
//!
//! ## Invariant
//! `total issuance + pending = issuance at the first block + all block emissions - recycled`,
//! and never above 21M TAO; checked by `try_state`.
//!
//! ## Status
//! Not yet in the runtime: the root network and its shares, benchmarks of an epoch's weight as a
//! function of UIDs and weights, and the runtime APIs come next; the on-initialize weight below
//! is a fixed estimate until then.

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

#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

use alloc::vec::Vec;
use frame_support::{
	pallet_prelude::*,
	traits::fungible::{Inspect, Mutate},
	weights::Weight,
};
use frame_system::pallet_prelude::*;
use sp_runtime::{traits::UniqueSaturatedInto, Perbill};
use taonet_primitives::{
	emission::block_emission, Balance, BlockNumber, EpochRunner, HotkeyOwnership, NetUid,
	NeuronHooks, StakeInterface, SubnetsInterface, Uid, MAX_SUPPLY,
};

/// The owner's cut of a subnet's emission: 18%.
pub const OWNER_CUT: Perbill = Perbill::from_percent(18);

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

	/// The emission pallet.
	#[pallet::pallet]
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
		/// Most subnets (bounds the epoch queue).
		#[pallet::constant]
		type MaxSubnets: Get<u32>;
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

	/// Total issuance at the first block this pallet saw, plus what had been recycled by then
	/// (the invariant's starting point).
	#[pallet::storage]
	pub type InitialIssuance<T: Config> = StorageValue<_, Balance, OptionQuery>;

	/// Subnets whose epoch is due and has not run yet, oldest first.
	#[pallet::storage]
	pub type EpochQueue<T: Config> = StorageValue<_, BoundedVec<NetUid, T::MaxSubnets>, ValueQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `amount` was added to pending emission across `subnets` subnets.
		EmissionAccrued { amount: Balance, subnets: u32 },
		/// A subnet's epoch paid `owner_cut` to its owner and `paid` to miners and validators;
		/// `kept` stays pending.
		EpochPaid { netuid: NetUid, owner_cut: Balance, paid: Balance, kept: Balance },
		/// `count` due epochs wait for the next block.
		EpochsDeferred { count: u32 },
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

	/// One block: accrue, queue due epochs, run up to the bound.
	pub fn on_block() -> Weight {
		if InitialIssuance::<T>::get().is_none() {
			// Counted before any burn, so that all recycling is on the invariant's books.
			let before_burns =
				T::Currency::total_issuance().saturating_add(T::Subnets::total_recycled());
			InitialIssuance::<T>::put(before_burns);
		}
		Self::accrue();
		let now = Self::now();
		let mut queue = EpochQueue::<T>::get();
		for netuid in T::Subnets::subnets() {
			let Some(params) = T::Subnets::hyperparams(netuid) else { continue };
			let epoch = pallet_consensus::epoch_index(netuid, params.tempo, now);
			let before = pallet_consensus::epoch_index(netuid, params.tempo, now.saturating_sub(1));
			if now > 0 && epoch != before && !queue.contains(&netuid) {
				let _ = queue.try_push(netuid);
			}
		}
		let run =
			queue.len().min(usize::try_from(T::MaxEpochsPerBlock::get()).unwrap_or(usize::MAX));
		let due: Vec<NetUid> = queue.iter().take(run).copied().collect();
		let rest: Vec<NetUid> = queue.iter().skip(run).copied().collect();
		for netuid in due {
			Self::pay_epoch(netuid);
		}
		if !rest.is_empty() {
			Self::deposit_event(Event::EpochsDeferred {
				count: u32::try_from(rest.len()).unwrap_or(u32::MAX),
			});
		}
		EpochQueue::<T>::put(BoundedVec::truncate_from(rest));
		Weight::from_parts(5_000_000_000, 0)
	}

	/// Adds this block's emission to the subnets' pending emission, in equal shares (the
	/// remainder to the first subnet). Nothing is emitted while there is no subnet.
	pub fn accrue() {
		let subnets = T::Subnets::subnets();
		let count = u64::try_from(subnets.len()).unwrap_or(u64::MAX);
		if count == 0 {
			return;
		}
		let issuance = T::Currency::total_issuance().saturating_add(TotalPending::<T>::get());
		let amount = block_emission(issuance);
		if amount == 0 {
			return;
		}
		let share = amount.checked_div(count).unwrap_or(0);
		let remainder = amount.saturating_sub(share.saturating_mul(count));
		for (i, netuid) in subnets.iter().enumerate() {
			let extra = if i == 0 { remainder } else { 0 };
			PendingEmission::<T>::mutate(netuid, |p| {
				*p = p.saturating_add(share).saturating_add(extra)
			});
		}
		TotalPending::<T>::mutate(|p| *p = p.saturating_add(amount));
		TotalEmitted::<T>::mutate(|e| *e = e.saturating_add(amount));
		Self::deposit_event(Event::EmissionAccrued {
			amount,
			subnets: u32::try_from(count).unwrap_or(u32::MAX),
		});
	}

	/// Pays a subnet's pending emission: the owner's cut, then miners and validators through
	/// the epoch. If the epoch pays nobody, nothing is paid and all stays pending.
	pub fn pay_epoch(netuid: NetUid) {
		let pending = PendingEmission::<T>::get(netuid);
		let owner_cut = OWNER_CUT.mul_floor(pending);
		let for_epoch = pending.saturating_sub(owner_cut);
		let Some(payout) = T::Epochs::run_epoch(netuid, for_epoch) else { return };
		let mut paid: Balance = 0;
		for (hotkey, amount) in &payout.miners {
			let Some(coldkey) = T::Hotkeys::hotkey_owner(hotkey) else { continue };
			if T::Stake::pay_position(hotkey, &coldkey, *amount).is_ok() {
				paid = paid.saturating_add(*amount);
			}
		}
		for (hotkey, amount) in &payout.validators {
			if T::Stake::pay_hotkey(hotkey, *amount).is_ok() {
				paid = paid.saturating_add(*amount);
			}
		}
		let mut cut_paid: Balance = 0;
		if paid > 0 {
			if let Some(owner) = T::Subnets::subnet_owner(netuid) {
				if T::Currency::mint_into(&owner, owner_cut).is_ok() {
					cut_paid = owner_cut;
				}
			}
		}
		let spent = paid.saturating_add(cut_paid);
		let kept = pending.saturating_sub(spent);
		PendingEmission::<T>::insert(netuid, kept);
		TotalPending::<T>::mutate(|p| *p = p.saturating_sub(spent));
		Self::deposit_event(Event::EpochPaid { netuid, owner_cut: cut_paid, paid, kept });
	}

	/// The issuance invariant: `total issuance + pending = initial issuance + emitted -
	/// recycled <= 21M TAO`, and pending is the sum of the subnets' pending.
	#[cfg(any(feature = "try-runtime", feature = "std", test))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		let Some(initial) = InitialIssuance::<T>::get() else { return Ok(()) };
		let pending = TotalPending::<T>::get();
		let left = T::Currency::total_issuance().saturating_add(pending);
		let right = initial
			.saturating_add(TotalEmitted::<T>::get())
			.saturating_sub(T::Subnets::total_recycled());
		ensure!(left == right, "issuance + pending differs from initial + emitted - recycled");
		ensure!(left <= MAX_SUPPLY, "issuance above the cap");
		let sum = PendingEmission::<T>::iter_values().fold(0u64, |a, p| a.saturating_add(p));
		ensure!(sum == pending, "pending differs from the subnets' pending");
		Ok(())
	}
}

impl<T: Config> NeuronHooks for Pallet<T> {
	fn on_neuron_replaced(_: NetUid, _: Uid) -> Weight {
		Weight::zero()
	}

	/// A dissolved subnet's pending emission is never minted: it leaves the pending total and
	/// the emitted total alike, so the issuance schedule does not count it.
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
