//! # Stake pallet
//!
//! Staking and delegation (protocol brief, section 5). A coldkey stakes TAO to a hotkey: the TAO
//! stays on the coldkey, held under [`HoldReason::Staked`] (so it stays in total issuance, cannot
//! be spent, and shows as reserved balance in polkadot.js), and becomes voting power of the
//! hotkey on every subnet where it is registered. Staking to someone else's hotkey is
//! delegation; the hotkey's owner takes a cut of the rewards (its *take*).
//!
//! ## Share pools
//! Each hotkey has a pool; each `(hotkey, coldkey)` pair with stake is a *position* holding
//! shares of it. Shares decide how rewards split: paying `R` to a hotkey first adds the owner's
//! take to the owner's own position, then gives every position `R' * shares / total_shares`,
//! so each stake grows pro rata and compounds. A position also records its stake in rao, and
//! every change to it holds or releases exactly that much on its coldkey.
//!
//! Staking `a` into a pool of stake `S` and `N` shares buys `a * N / S` shares (rounded down;
//! `a * SHARES_PER_RAO` shares into an empty pool). Removing `a` from a position of stake `s` and `n` shares
//! gives back `ceil(a * n / s)` shares.
//!
//! **Remainders.** Every rao of a reward is paid: what the pro-rata split leaves after rounding
//! down (less than one rao per position) goes to the hotkey owner's position. Share rounding
//! never creates or destroys TAO, because stake is tracked in rao and shares only weigh the
//! split.
//!
//! **Dust.** A position below the minimum stake is refused; a removal that would leave less
//! than the minimum removes the whole position (all of it is released, nothing is lost). A move
//! takes such a remainder along to the coldkey's other position; a transfer returns it to the
//! sender's free balance, so the recipient gets exactly what was sent.
//!
//! ## Calls
//! | index | call | origin |
//! |---|---|---|
//! | 0 | `add_stake(hotkey, amount)` | signed (coldkey) |
//! | 1 | `remove_stake(hotkey, amount)` | signed (coldkey) |
//! | 2 | `move_stake(from_hotkey, to_hotkey, amount)` | signed (coldkey) |
//! | 3 | `transfer_stake(to_coldkey, hotkey, amount)` | signed (coldkey) |
//! | 4 | `increase_take(hotkey, take)` | signed (the hotkey's owner) |
//! | 5 | `decrease_take(hotkey, take)` | signed (the hotkey's owner) |
//! | 6 | `set_stake_parameter(param)` | governance |

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

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
	pallet_prelude::*,
	traits::{
		fungible::{Inspect, InspectHold, Mutate, MutateHold},
		tokens::{Fortitude, Precision, Preservation, Restriction},
	},
};
use frame_system::pallet_prelude::*;
use scale_info::TypeInfo;
use sp_runtime::traits::UniqueSaturatedInto;
use taonet_primitives::{Balance, BlockNumber, HotkeyOwnership, StakeInterface};

/// A hotkey's pool: the sum of its positions.
#[derive(
	Clone,
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
pub struct Pool {
	/// Total stake, in rao.
	pub stake: Balance,
	/// Total shares.
	pub shares: u128,
}

/// One coldkey's stake on one hotkey.
#[derive(
	Clone,
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
pub struct Position {
	/// Stake in rao: exactly what is held on the coldkey for this position.
	pub stake: Balance,
	/// Shares of the hotkey's pool, which weigh the split of rewards.
	pub shares: u128,
}

/// A global staking parameter and its new value: the argument of `set_stake_parameter`.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub enum StakeParam {
	/// Smallest position, in rao (default 0.002 TAO; bounds 500 rao ..= 1 TAO).
	MinStake(Balance),
	/// Lowest take, as a `u16` ratio (default 0; bounds 0 ..= max take).
	MinTake(u16),
	/// Highest take, as a `u16` ratio (default 11,796 = 18%, the brief's bound; bounds min take
	/// ..= 65,535). Only this explicit governance call can let takes above 18%.
	MaxTake(u16),
	/// Blocks between two take increases of one hotkey (default 216,000; bounds 0 ..= 1,000,000).
	TakeRateLimit(BlockNumber),
}

/// Shares a rao buys in an empty pool. Many shares per rao keep the rounding of later purchases
/// (at a price grown by rewards) far below a rao's worth, while `stake * shares` stays inside a
/// `u128` for any stake up to the whole supply (2.1e16 * 2.1e16 * 65,536 < 3.4e38).
pub const SHARES_PER_RAO: u128 = 65_536;

/// 18% as a `u16` ratio: the default and highest take.
pub const DEFAULT_TAKE: u16 = 11_796;

// The pallet macros expand to code that uses `expect` and plain arithmetic on values they
// control; the lints stay on for everything written here, which is why the calls below only
// check their origin and hand over to functions outside this module.
#[allow(
	clippy::expect_used,
	clippy::unwrap_used,
	clippy::arithmetic_side_effects,
	clippy::indexing_slicing
)]
#[frame_support::pallet]
pub mod pallet {
	use super::*;

	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	/// The stake pallet.
	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Why this pallet holds TAO.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// Staked to a hotkey.
		Staked,
	}

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// Balances: stake is held, rewards are minted.
		type Currency: Inspect<Self::AccountId, Balance = Balance>
			+ Mutate<Self::AccountId>
			+ InspectHold<Self::AccountId, Reason = Self::RuntimeHoldReason>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The runtime's hold reasons, which include this pallet's.
		type RuntimeHoldReason: From<HoldReason>;

		/// Who owns which hotkey (the subnets pallet).
		type Hotkeys: HotkeyOwnership<Self::AccountId>;

		/// The origin that may change the global parameters.
		type GovernanceOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Most positions on one hotkey (bounds the cost of paying its rewards).
		#[pallet::constant]
		type MaxNominators: Get<u32>;

		/// Most hotkeys one coldkey stakes to.
		#[pallet::constant]
		type MaxPositionsPerColdkey: Get<u32>;

		/// Weights of the calls.
		type WeightInfo: WeightInfo;
	}

	/// Each hotkey's pool.
	#[pallet::storage]
	pub type Pools<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, Pool, ValueQuery>;

	/// Positions, by hotkey then coldkey.
	#[pallet::storage]
	pub type Positions<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		T::AccountId,
		Position,
		OptionQuery,
	>;

	/// Number of positions on each hotkey.
	#[pallet::storage]
	pub type NominatorCount<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	/// The hotkeys each coldkey has a position on.
	#[pallet::storage]
	pub type StakedHotkeys<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		BoundedVec<T::AccountId, T::MaxPositionsPerColdkey>,
		ValueQuery,
	>;

	/// Each hotkey's take, as a `u16` ratio; 18% until its owner changes it.
	#[pallet::storage]
	pub type Takes<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, u16, ValueQuery, DefaultTakeValue>;

	/// The block each hotkey's take last changed (up or down): an increase must wait the take
	/// rate limit after any change, so lowering and raising again cannot skip it.
	#[pallet::storage]
	pub type LastTakeChange<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, BlockNumber, OptionQuery>;

	/// All TAO staked, in rao.
	#[pallet::storage]
	pub type TotalStake<T: Config> = StorageValue<_, Balance, ValueQuery>;

	/// Smallest position, in rao.
	#[pallet::storage]
	pub type MinStake<T: Config> = StorageValue<_, Balance, ValueQuery, DefaultMinStake>;

	/// Lowest take.
	#[pallet::storage]
	pub type MinTake<T: Config> = StorageValue<_, u16, ValueQuery>;

	/// Highest take.
	#[pallet::storage]
	pub type MaxTake<T: Config> = StorageValue<_, u16, ValueQuery, DefaultTakeValue>;

	/// Blocks between two take increases of one hotkey.
	#[pallet::storage]
	pub type TakeRateLimit<T: Config> =
		StorageValue<_, BlockNumber, ValueQuery, DefaultTakeRateLimit>;

	/// Default take and highest take: 18%.
	#[pallet::type_value]
	pub fn DefaultTakeValue() -> u16 {
		DEFAULT_TAKE
	}
	/// Default minimum stake: 0.002 TAO.
	#[pallet::type_value]
	pub fn DefaultMinStake() -> Balance {
		2_000_000
	}
	/// Default take rate limit: 216,000 blocks (30 days).
	#[pallet::type_value]
	pub fn DefaultTakeRateLimit() -> BlockNumber {
		216_000
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `coldkey` staked `amount` to `hotkey`, buying `shares`.
		StakeAdded { coldkey: T::AccountId, hotkey: T::AccountId, amount: Balance, shares: u128 },
		/// `coldkey` unstaked `amount` from `hotkey`, giving back `shares`.
		StakeRemoved { coldkey: T::AccountId, hotkey: T::AccountId, amount: Balance, shares: u128 },
		/// `coldkey` moved `amount` of stake from one hotkey to another.
		StakeMoved { coldkey: T::AccountId, from: T::AccountId, to: T::AccountId, amount: Balance },
		/// `from` gave `amount` of its stake on `hotkey` to `to`.
		StakeTransferred {
			from: T::AccountId,
			to: T::AccountId,
			hotkey: T::AccountId,
			amount: Balance,
		},
		/// A hotkey was paid `amount`, `take` of it to its owner.
		HotkeyRewarded { hotkey: T::AccountId, amount: Balance, take: Balance },
		/// A position was paid `amount` directly.
		PositionRewarded { hotkey: T::AccountId, coldkey: T::AccountId, amount: Balance },
		/// A hotkey's take changed.
		TakeSet { hotkey: T::AccountId, take: u16 },
		/// A global parameter changed.
		StakeParameterSet { param: StakeParam },
		/// A transfer would have left `coldkey` less than the minimum stake on `hotkey`, so that
		/// remainder, `amount`, was unstaked back to `coldkey`'s free balance.
		RemainderReturned { coldkey: T::AccountId, hotkey: T::AccountId, amount: Balance },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The amount is zero.
		ZeroAmount,
		/// The coldkey's free balance cannot cover the amount and stay alive.
		InsufficientBalance,
		/// The position is smaller than the amount.
		InsufficientStake,
		/// The coldkey has no position on this hotkey.
		NoPosition,
		/// No coldkey owns this hotkey: it has never registered in a subnet.
		UnknownHotkey,
		/// The signer does not own this hotkey.
		NotHotkeyOwner,
		/// The position would be below the minimum stake.
		BelowMinStake,
		/// Moving stake to the hotkey it is already on.
		SameHotkey,
		/// Transferring stake to the coldkey that already holds it.
		SameColdkey,
		/// The take is outside the bounds, or not in the direction of the call.
		InvalidTake,
		/// The take was increased less than the rate limit ago.
		TakeRateLimitExceeded,
		/// The hotkey has as many positions as allowed.
		TooManyNominators,
		/// The coldkey stakes to as many hotkeys as allowed.
		TooManyPositions,
		/// The value is outside the parameter's bounds.
		ParameterOutOfBounds,
		/// The hold of the coldkey could not be moved (for a transfer, the receiving account
		/// may not exist).
		HoldTransferFailed,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Stakes `amount` from the signer's free balance to `hotkey`. A hotkey that no coldkey
		/// owns yet becomes the signer's.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::add_stake())]
		pub fn add_stake(
			origin: OriginFor<T>,
			hotkey: T::AccountId,
			amount: Balance,
		) -> DispatchResult {
			let coldkey = ensure_signed(origin)?;
			Self::do_add_stake(&coldkey, &hotkey, amount)
		}

		/// Unstakes `amount` from the signer's position on `hotkey` back to its free balance.
		/// Leaving less than the minimum stake unstakes the whole position.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::remove_stake())]
		pub fn remove_stake(
			origin: OriginFor<T>,
			hotkey: T::AccountId,
			amount: Balance,
		) -> DispatchResult {
			let coldkey = ensure_signed(origin)?;
			Self::do_remove_stake(&coldkey, &hotkey, amount)
		}

		/// Moves `amount` of the signer's stake from one hotkey to another; it stays held.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::move_stake())]
		pub fn move_stake(
			origin: OriginFor<T>,
			from_hotkey: T::AccountId,
			to_hotkey: T::AccountId,
			amount: Balance,
		) -> DispatchResult {
			let coldkey = ensure_signed(origin)?;
			Self::do_move_stake(&coldkey, &from_hotkey, &to_hotkey, amount)
		}

		/// Gives `amount` of the signer's stake on `hotkey` to `to_coldkey`; it stays staked.
		/// Should less than the minimum stake remain, that remainder is unstaked back to the
		/// signer ([`Event::RemainderReturned`]); the recipient gets exactly `amount`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::transfer_stake())]
		pub fn transfer_stake(
			origin: OriginFor<T>,
			to_coldkey: T::AccountId,
			hotkey: T::AccountId,
			amount: Balance,
		) -> DispatchResult {
			let coldkey = ensure_signed(origin)?;
			Self::do_transfer_stake(&coldkey, &to_coldkey, &hotkey, amount)
		}

		/// Raises the take of the signer's `hotkey`, at most once per take rate limit.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::increase_take())]
		pub fn increase_take(
			origin: OriginFor<T>,
			hotkey: T::AccountId,
			take: u16,
		) -> DispatchResult {
			let coldkey = ensure_signed(origin)?;
			Self::do_set_take(&coldkey, &hotkey, take, true)
		}

		/// Lowers the take of the signer's `hotkey`, at once.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::decrease_take())]
		pub fn decrease_take(
			origin: OriginFor<T>,
			hotkey: T::AccountId,
			take: u16,
		) -> DispatchResult {
			let coldkey = ensure_signed(origin)?;
			Self::do_set_take(&coldkey, &hotkey, take, false)
		}

		/// Sets a global staking parameter, within its bounds. Governance only.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::set_stake_parameter())]
		pub fn set_stake_parameter(origin: OriginFor<T>, param: StakeParam) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_set_stake_parameter(param)
		}
	}
}

impl<T: Config> Pallet<T> {
	fn now() -> BlockNumber {
		frame_system::Pallet::<T>::block_number().unique_saturated_into()
	}

	fn reason() -> T::RuntimeHoldReason {
		HoldReason::Staked.into()
	}

	/// Shares that `amount` buys in `pool`: `amount * shares / stake`, or
	/// `amount * SHARES_PER_RAO` for an empty pool; at least 1, so that every position weighs in
	/// the split.
	fn shares_for(pool: &Pool, amount: Balance) -> u128 {
		if pool.stake == 0 || pool.shares == 0 {
			return u128::from(amount).saturating_mul(SHARES_PER_RAO).max(1);
		}
		u128::from(amount)
			.saturating_mul(pool.shares)
			.checked_div(u128::from(pool.stake))
			.unwrap_or(0)
			.max(1)
	}

	/// Adds `amount` (already held on `coldkey`) to the position, creating it if needed.
	/// Returns the shares bought.
	fn credit(
		hotkey: &T::AccountId,
		coldkey: &T::AccountId,
		amount: Balance,
	) -> Result<u128, DispatchError> {
		let mut pool = Pools::<T>::get(hotkey);
		let shares = Self::shares_for(&pool, amount);
		let mut position = match Positions::<T>::get(hotkey, coldkey) {
			Some(position) => position,
			None => {
				let count = NominatorCount::<T>::get(hotkey);
				// The owner's own position never counts against the limit, so that nominators
				// filling it cannot keep the owner's take out.
				let is_owner = T::Hotkeys::hotkey_owner(hotkey).as_ref() == Some(coldkey);
				ensure!(is_owner || count < T::MaxNominators::get(), Error::<T>::TooManyNominators);
				StakedHotkeys::<T>::try_mutate(coldkey, |hotkeys| hotkeys.try_push(hotkey.clone()))
					.map_err(|_| Error::<T>::TooManyPositions)?;
				NominatorCount::<T>::insert(hotkey, count.saturating_add(1));
				Position::default()
			},
		};
		position.stake = position.stake.saturating_add(amount);
		position.shares = position.shares.saturating_add(shares);
		pool.stake = pool.stake.saturating_add(amount);
		pool.shares = pool.shares.saturating_add(shares);
		Positions::<T>::insert(hotkey, coldkey, position);
		Pools::<T>::insert(hotkey, pool);
		TotalStake::<T>::mutate(|total| *total = total.saturating_add(amount));
		Ok(shares)
	}

	/// Takes `amount` out of the position (the hold stays where it is); the whole position when
	/// what would remain is below the minimum. Returns `(amount taken, shares given back)`.
	fn debit(
		hotkey: &T::AccountId,
		coldkey: &T::AccountId,
		amount: Balance,
	) -> Result<(Balance, u128), DispatchError> {
		ensure!(amount > 0, Error::<T>::ZeroAmount);
		let mut position = Positions::<T>::get(hotkey, coldkey).ok_or(Error::<T>::NoPosition)?;
		ensure!(position.stake >= amount, Error::<T>::InsufficientStake);
		let remaining = position.stake.saturating_sub(amount);
		let (amount, shares) = if remaining < MinStake::<T>::get() {
			(position.stake, position.shares)
		} else {
			// ceil(amount * shares / stake), so the shares left never outweigh the stake left.
			let numerator = u128::from(amount).saturating_mul(position.shares);
			let stake = u128::from(position.stake).max(1);
			let shares = numerator.div_ceil(stake).min(position.shares);
			(amount, shares)
		};
		position.stake = position.stake.saturating_sub(amount);
		position.shares = position.shares.saturating_sub(shares);
		let mut pool = Pools::<T>::get(hotkey);
		pool.stake = pool.stake.saturating_sub(amount);
		pool.shares = pool.shares.saturating_sub(shares);
		if position.stake == 0 {
			Positions::<T>::remove(hotkey, coldkey);
			NominatorCount::<T>::mutate_exists(hotkey, |count| {
				*count = count.map(|c| c.saturating_sub(1)).filter(|&c| c > 0);
			});
			StakedHotkeys::<T>::mutate_exists(coldkey, |hotkeys| {
				if let Some(list) = hotkeys {
					list.retain(|h| h != hotkey);
					if list.is_empty() {
						*hotkeys = None;
					}
				}
			});
		} else {
			Positions::<T>::insert(hotkey, coldkey, position);
		}
		if pool.stake == 0 {
			Pools::<T>::remove(hotkey);
		} else {
			Pools::<T>::insert(hotkey, pool);
		}
		TotalStake::<T>::mutate(|total| *total = total.saturating_sub(amount));
		Ok((amount, shares))
	}

	fn ensure_min_after_credit(
		hotkey: &T::AccountId,
		coldkey: &T::AccountId,
		amount: Balance,
	) -> DispatchResult {
		let current = Positions::<T>::get(hotkey, coldkey).map(|p| p.stake).unwrap_or(0);
		ensure!(current.saturating_add(amount) >= MinStake::<T>::get(), Error::<T>::BelowMinStake);
		Ok(())
	}

	fn do_add_stake(
		coldkey: &T::AccountId,
		hotkey: &T::AccountId,
		amount: Balance,
	) -> DispatchResult {
		ensure!(amount > 0, Error::<T>::ZeroAmount);
		Self::ensure_min_after_credit(hotkey, coldkey, amount)?;
		ensure!(
			T::Currency::reducible_balance(coldkey, Preservation::Preserve, Fortitude::Polite)
				>= amount,
			Error::<T>::InsufficientBalance
		);
		// A hotkey is bound to its coldkey by its first registration, never by stake: staking
		// could otherwise squat on a hotkey its owner is about to register.
		ensure!(T::Hotkeys::hotkey_owner(hotkey).is_some(), Error::<T>::UnknownHotkey);
		T::Currency::hold(&Self::reason(), coldkey, amount)
			.map_err(|_| Error::<T>::InsufficientBalance)?;
		let shares = Self::credit(hotkey, coldkey, amount)?;
		Self::deposit_event(Event::StakeAdded {
			coldkey: coldkey.clone(),
			hotkey: hotkey.clone(),
			amount,
			shares,
		});
		Ok(())
	}

	fn do_remove_stake(
		coldkey: &T::AccountId,
		hotkey: &T::AccountId,
		amount: Balance,
	) -> DispatchResult {
		let (amount, shares) = Self::debit(hotkey, coldkey, amount)?;
		T::Currency::release(&Self::reason(), coldkey, amount, Precision::Exact)?;
		Self::deposit_event(Event::StakeRemoved {
			coldkey: coldkey.clone(),
			hotkey: hotkey.clone(),
			amount,
			shares,
		});
		Ok(())
	}

	fn do_move_stake(
		coldkey: &T::AccountId,
		from: &T::AccountId,
		to: &T::AccountId,
		amount: Balance,
	) -> DispatchResult {
		ensure!(from != to, Error::<T>::SameHotkey);
		ensure!(T::Hotkeys::hotkey_owner(to).is_some(), Error::<T>::UnknownHotkey);
		let (amount, _) = Self::debit(from, coldkey, amount)?;
		Self::ensure_min_after_credit(to, coldkey, amount)?;
		Self::credit(to, coldkey, amount)?;
		Self::deposit_event(Event::StakeMoved {
			coldkey: coldkey.clone(),
			from: from.clone(),
			to: to.clone(),
			amount,
		});
		Ok(())
	}

	fn do_transfer_stake(
		from: &T::AccountId,
		to: &T::AccountId,
		hotkey: &T::AccountId,
		amount: Balance,
	) -> DispatchResult {
		ensure!(from != to, Error::<T>::SameColdkey);
		let (taken, _) = Self::debit(hotkey, from, amount)?;
		// A sub-minimum remainder is the sender's: it goes back to the sender's free balance,
		// never to the recipient.
		let remainder = taken.saturating_sub(amount);
		if remainder > 0 {
			T::Currency::release(&Self::reason(), from, remainder, Precision::Exact)?;
			Self::deposit_event(Event::RemainderReturned {
				coldkey: from.clone(),
				hotkey: hotkey.clone(),
				amount: remainder,
			});
		}
		Self::ensure_min_after_credit(hotkey, to, amount)?;
		T::Currency::transfer_on_hold(
			&Self::reason(),
			from,
			to,
			amount,
			Precision::Exact,
			Restriction::OnHold,
			Fortitude::Polite,
		)
		.map_err(|_| Error::<T>::HoldTransferFailed)?;
		Self::credit(hotkey, to, amount)?;
		Self::deposit_event(Event::StakeTransferred {
			from: from.clone(),
			to: to.clone(),
			hotkey: hotkey.clone(),
			amount,
		});
		Ok(())
	}

	fn do_set_take(
		coldkey: &T::AccountId,
		hotkey: &T::AccountId,
		take: u16,
		increase: bool,
	) -> DispatchResult {
		let owner = T::Hotkeys::hotkey_owner(hotkey).ok_or(Error::<T>::UnknownHotkey)?;
		ensure!(&owner == coldkey, Error::<T>::NotHotkeyOwner);
		let current = Takes::<T>::get(hotkey);
		ensure!(
			MinTake::<T>::get() <= take && take <= MaxTake::<T>::get(),
			Error::<T>::InvalidTake
		);
		let now = Self::now();
		if increase {
			ensure!(take > current, Error::<T>::InvalidTake);
			// A take never changed is limited from the hotkey's registration, so that a new
			// validator cannot raise it at once on the nominators it attracted.
			let last =
				LastTakeChange::<T>::get(hotkey).or_else(|| T::Hotkeys::hotkey_bound_at(hotkey));
			if let Some(last) = last {
				ensure!(
					now.saturating_sub(last) >= TakeRateLimit::<T>::get(),
					Error::<T>::TakeRateLimitExceeded
				);
			}
		} else {
			ensure!(take < current, Error::<T>::InvalidTake);
		}
		LastTakeChange::<T>::insert(hotkey, now);
		Takes::<T>::insert(hotkey, take);
		Self::deposit_event(Event::TakeSet { hotkey: hotkey.clone(), take });
		Ok(())
	}

	fn do_set_stake_parameter(param: StakeParam) -> DispatchResult {
		let (value, low, high) = match param {
			StakeParam::MinStake(v) => (u128::from(v), 500, u128::from(taonet_primitives::TAO)),
			StakeParam::MinTake(v) => (v.into(), 0, MaxTake::<T>::get().into()),
			StakeParam::MaxTake(v) => (v.into(), MinTake::<T>::get().into(), u16::MAX.into()),
			StakeParam::TakeRateLimit(v) => (v.into(), 0, 1_000_000),
		};
		ensure!(low <= value && value <= high, Error::<T>::ParameterOutOfBounds);
		match param {
			StakeParam::MinStake(v) => MinStake::<T>::put(v),
			StakeParam::MinTake(v) => MinTake::<T>::put(v),
			StakeParam::MaxTake(v) => MaxTake::<T>::put(v),
			StakeParam::TakeRateLimit(v) => TakeRateLimit::<T>::put(v),
		}
		Self::deposit_event(Event::StakeParameterSet { param });
		Ok(())
	}

	/// Mints `amount` onto `coldkey`'s hold and credits the position.
	fn mint_to_position(
		hotkey: &T::AccountId,
		coldkey: &T::AccountId,
		amount: Balance,
	) -> Result<(), DispatchError> {
		if amount == 0 {
			return Ok(());
		}
		T::Currency::mint_into(coldkey, amount)?;
		T::Currency::hold(&Self::reason(), coldkey, amount)?;
		Self::credit(hotkey, coldkey, amount)?;
		Ok(())
	}

	/// The invariants: each coldkey's held stake equals the sum of its positions, each pool is
	/// the sum of its positions, the total is the sum of the pools, counts and indexes agree.
	#[cfg(any(feature = "try-runtime", feature = "std", test))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::btree_map::BTreeMap;
		let mut per_hotkey: BTreeMap<T::AccountId, (Balance, u128, u32)> = BTreeMap::new();
		let mut per_coldkey: BTreeMap<T::AccountId, Balance> = BTreeMap::new();
		for (hotkey, coldkey, position) in Positions::<T>::iter() {
			ensure!(position.stake > 0, "an empty position is stored");
			let entry = per_hotkey.entry(hotkey.clone()).or_default();
			entry.0 = entry.0.saturating_add(position.stake);
			entry.1 = entry.1.saturating_add(position.shares);
			entry.2 = entry.2.saturating_add(1);
			let held = per_coldkey.entry(coldkey.clone()).or_default();
			*held = held.saturating_add(position.stake);
			ensure!(
				StakedHotkeys::<T>::get(&coldkey).contains(&hotkey),
				"position missing from its coldkey's index"
			);
		}
		let mut total: Balance = 0;
		for (hotkey, pool) in Pools::<T>::iter() {
			let (stake, shares, count) = per_hotkey.remove(&hotkey).unwrap_or_default();
			ensure!(pool.stake == stake, "pool stake differs from its positions");
			ensure!(pool.shares == shares, "pool shares differ from its positions");
			ensure!(NominatorCount::<T>::get(&hotkey) == count, "nominator count differs");
			total = total.saturating_add(pool.stake);
		}
		ensure!(per_hotkey.is_empty(), "positions on a hotkey without a pool");
		ensure!(TotalStake::<T>::get() == total, "total stake differs from the pools");
		for (coldkey, staked) in per_coldkey {
			ensure!(
				T::Currency::balance_on_hold(&Self::reason(), &coldkey) == staked,
				"held stake differs from the coldkey's positions"
			);
		}
		for (coldkey, hotkeys) in StakedHotkeys::<T>::iter() {
			ensure!(
				hotkeys.iter().all(|hotkey| Positions::<T>::contains_key(hotkey, &coldkey)),
				"index names a position that does not exist"
			);
		}
		Ok(())
	}
}

impl<T: Config> StakeInterface<T::AccountId> for Pallet<T> {
	fn hotkey_stake(hotkey: &T::AccountId) -> Balance {
		Pools::<T>::get(hotkey).stake
	}

	fn position_stake(hotkey: &T::AccountId, coldkey: &T::AccountId) -> Balance {
		Positions::<T>::get(hotkey, coldkey).map(|p| p.stake).unwrap_or(0)
	}

	fn total_stake() -> Balance {
		TotalStake::<T>::get()
	}

	fn pay_hotkey_weight(hotkey: &T::AccountId) -> Weight {
		T::WeightInfo::pay_hotkey(NominatorCount::<T>::get(hotkey))
			.saturating_add(T::DbWeight::get().reads(1))
	}

	fn pay_position_weight() -> Weight {
		T::WeightInfo::pay_position()
	}

	fn pay_hotkey(hotkey: &T::AccountId, amount: Balance) -> Result<(), DispatchError> {
		// All or nothing: a failure part way mints nothing.
		frame_support::storage::with_storage_layer(|| Self::do_pay_hotkey(hotkey, amount))
	}

	fn pay_position(
		hotkey: &T::AccountId,
		coldkey: &T::AccountId,
		amount: Balance,
	) -> Result<(), DispatchError> {
		frame_support::storage::with_storage_layer(|| {
			ensure!(T::Hotkeys::hotkey_owner(hotkey).is_some(), Error::<T>::UnknownHotkey);
			Self::mint_to_position(hotkey, coldkey, amount)?;
			Self::deposit_event(Event::PositionRewarded {
				hotkey: hotkey.clone(),
				coldkey: coldkey.clone(),
				amount,
			});
			Ok(())
		})
	}
}

impl<T: Config> Pallet<T> {
	fn do_pay_hotkey(hotkey: &T::AccountId, amount: Balance) -> Result<(), DispatchError> {
		if amount == 0 {
			return Ok(());
		}
		let owner = T::Hotkeys::hotkey_owner(hotkey).ok_or(Error::<T>::UnknownHotkey)?;
		// A take above a lowered maximum is paid at the maximum.
		let take_ratio = Takes::<T>::get(hotkey).min(MaxTake::<T>::get());
		let take = u128::from(amount)
			.saturating_mul(take_ratio.into())
			.checked_div(u16::MAX.into())
			.unwrap_or(0);
		let take = Balance::try_from(take).unwrap_or(amount).min(amount);
		// The take first, to the owner's own position.
		Self::mint_to_position(hotkey, &owner, take)?;
		// The rest pro rata to every position by shares; the rounding remainder to the owner.
		let rest = amount.saturating_sub(take);
		let pool = Pools::<T>::get(hotkey);
		let mut paid: Balance = 0;
		if pool.shares > 0 {
			let parts: alloc::vec::Vec<(T::AccountId, Balance)> =
				Positions::<T>::iter_prefix(hotkey)
					.map(|(coldkey, position)| {
						let part = u128::from(rest)
							.saturating_mul(position.shares)
							.checked_div(pool.shares)
							.unwrap_or(0);
						(coldkey, Balance::try_from(part).unwrap_or(0))
					})
					.collect();
			for (coldkey, part) in parts {
				if part == 0 {
					continue;
				}
				T::Currency::mint_into(&coldkey, part)?;
				T::Currency::hold(&Self::reason(), &coldkey, part)?;
				Positions::<T>::mutate(hotkey, &coldkey, |position| {
					if let Some(position) = position {
						position.stake = position.stake.saturating_add(part);
					}
				});
				paid = paid.saturating_add(part);
			}
			Pools::<T>::mutate(hotkey, |pool| pool.stake = pool.stake.saturating_add(paid));
			TotalStake::<T>::mutate(|total| *total = total.saturating_add(paid));
		}
		Self::mint_to_position(hotkey, &owner, rest.saturating_sub(paid))?;
		Self::deposit_event(Event::HotkeyRewarded { hotkey: hotkey.clone(), amount, take });
		Ok(())
	}
}
