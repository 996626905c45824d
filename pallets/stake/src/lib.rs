//! # Stake pallet
//!
//! Staking and delegation (protocol brief, section 5). A coldkey stakes TAO to a hotkey: the TAO
//! stays on the coldkey, held under [`HoldReason::Staked`] (so it stays in total issuance, cannot
//! be spent, and shows as reserved balance in polkadot.js), and becomes voting power of the
//! hotkey on every subnet where it is registered. Staking to someone else's hotkey is
//! delegation; the hotkey's owner takes a cut of the rewards (its *take*).
//!
//! ## Share pools, paid in O(1)
//! Each hotkey has a [`Pool`]: its stake in rao and the shares issued against it. Each
//! `(hotkey, coldkey)` pair with stake is a [`Position`] holding shares; a position is worth
//! `shares * pool.stake / pool.shares` (rounded down), so a reward that raises the pool's stake
//! raises every position's worth at once, whatever their number, and compounds.
//!
//! Rewards are minted into the pallet's reward account ([`Pallet::reward_account`], seeded with
//! the existential deposit at genesis), never onto each coldkey: paying a hotkey writes its pool,
//! the owner's position and one balance, and nothing per nominator. A position's held TAO is
//! brought to its worth whenever its coldkey touches it (stake, unstake, move, transfer): the
//! difference moves between the reward account and the coldkey's hold. polkadot.js therefore
//! shows a coldkey's *principal plus rewards settled so far* as reserved, and the rewards not yet
//! settled in the reward account; the runtime API and `taonet_stake` give each position's worth.
//!
//! Staking `a` into a pool of stake `S` and `N` shares buys `floor(a * N / S)` shares (at least
//! 1; `a * SHARES_PER_RAO` shares into a pool without shares). Removing `a` from a position
//! gives back `ceil(a * N / S)` shares, never more than it has.
//!
//! ## Rewards reach the share price over a period
//! Paying `R` to a hotkey mints it all: the owner's take buys shares for the owner's position at
//! the current price; the rest `R'` *streams* into the pool's stake, linearly over
//! [`RewardPeriod`] blocks (default 360, one default tempo). A payment during a stream re-spreads
//! what is left of it with the new reward over a full period. So stake added just before a
//! validator's payout and removed just after it earns only what was released while it was
//! there: a position holding a fraction `f` of the shares for `d` blocks after a payment `R'`
//! earns at most `f * R' * d / RewardPeriod` (plus a rao of rounding) of it; the rest goes to the
//! positions that stay. Bittensor pays a validator's nominators at once; streaming is Taonet's
//! guard against just-in-time stake, which instant unstaking would otherwise make profitable.
//! A hotkey's voting power counts its whole pool, stream included.
//!
//! The last position to leave a pool takes what is left of its stream too: nobody else has a
//! claim on it.
//!
//! **Remainders.** No TAO is created or destroyed by staking, unstaking, moving, transferring or
//! rounding: what the floor of a position's worth leaves (under a rao per position) stays in the
//! pool's stake, for the positions that remain.
//!
//! **No caps.** Any number of coldkeys may stake to a hotkey and a coldkey to any number of
//! hotkeys: each staked position costs at least the minimum stake and a fee, so storage grows
//! with TAO, not up to a constant. Rewards create positions without the minimum (a miner's first
//! reward), and never fail for want of room.
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
pub mod migrations;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
mod views;
pub mod weights;

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
	pallet_prelude::*,
	traits::{
		fungible::{Inspect, InspectHold, Mutate, MutateHold},
		tokens::{Fortitude, Precision, Preservation, Restriction},
	},
	PalletId,
};
use frame_system::pallet_prelude::*;
use scale_info::TypeInfo;
use sp_runtime::traits::{AccountIdConversion, UniqueSaturatedInto};
use taonet_primitives::{Balance, BlockNumber, HotkeyOwnership, StakeInterface};

/// A hotkey's pool: what its positions are worth together, and the rewards on their way to it.
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
	/// Stake released to the shares, in rao: what all positions are worth together.
	pub stake: Balance,
	/// Shares issued.
	pub shares: u128,
	/// Rewards minted for the pool and not yet released to its shares, in rao.
	pub streaming: Balance,
	/// The block by which `streaming` is fully released.
	pub stream_end: BlockNumber,
	/// The block up to which the stream has been released.
	pub released_at: BlockNumber,
}

impl Pool {
	/// The pool at block `now`: its stream released in proportion to the time passed since the
	/// last release, all of it at or after `stream_end`.
	pub fn at(mut self, now: BlockNumber) -> Self {
		let part = if now >= self.stream_end {
			self.streaming
		} else {
			let elapsed = now.saturating_sub(self.released_at);
			let left = self.stream_end.saturating_sub(self.released_at).max(1);
			let part = u128::from(self.streaming)
				.saturating_mul(elapsed.into())
				.checked_div(left.into())
				.unwrap_or(0);
			Balance::try_from(part).unwrap_or(self.streaming).min(self.streaming)
		};
		self.stake = self.stake.saturating_add(part);
		self.streaming = self.streaming.saturating_sub(part);
		self.released_at = self.released_at.max(now);
		self
	}

	/// All TAO in the pool, stream included: the hotkey's voting power.
	pub fn total(&self) -> Balance {
		self.stake.saturating_add(self.streaming)
	}

	/// What `shares` of the pool are worth: `shares * stake / total shares`, rounded down; the
	/// whole released stake for all of the shares.
	pub fn value_of(&self, shares: u128) -> Balance {
		if shares >= self.shares {
			return self.stake;
		}
		let value =
			u128::from(self.stake).saturating_mul(shares).checked_div(self.shares).unwrap_or(0);
		Balance::try_from(value).unwrap_or(self.stake).min(self.stake)
	}

	/// Shares that `amount` buys: `amount * shares / stake`, or `amount * SHARES_PER_RAO` in a
	/// pool without shares or stake; at least 1, so that every position weighs in.
	pub fn shares_for(&self, amount: Balance) -> u128 {
		if self.stake == 0 || self.shares == 0 {
			return u128::from(amount).saturating_mul(SHARES_PER_RAO).max(1);
		}
		u128::from(amount)
			.saturating_mul(self.shares)
			.checked_div(u128::from(self.stake))
			.unwrap_or(0)
			.max(1)
	}

	fn is_empty(&self) -> bool {
		self.shares == 0 && self.total() == 0
	}
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
	/// Shares of the hotkey's pool: the position's claim.
	pub shares: u128,
	/// Rao held on the coldkey for this position: its worth when the coldkey last touched it
	/// (rewards since then wait in the reward account).
	pub held: Balance,
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
	/// Blocks over which a reward reaches a pool's share price (default 360; bounds 1 ..=
	/// 216,000).
	RewardPeriod(BlockNumber),
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

	/// Version 1: share pools paid in O(1) ([`crate::migrations::v1`] moves a version-0 chain).
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

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

		/// Derives the reward account, where rewards wait until their positions settle.
		#[pallet::constant]
		type PalletId: Get<PalletId>;

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

	/// The hotkeys each coldkey has a position on: an index of [`Positions`] by coldkey.
	#[pallet::storage]
	pub type StakedHotkeys<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		T::AccountId,
		(),
		OptionQuery,
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

	/// All TAO staked, in rao: the pools' totals, streams included.
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

	/// Blocks over which a reward reaches its pool's share price.
	#[pallet::storage]
	pub type RewardPeriod<T: Config> =
		StorageValue<_, BlockNumber, ValueQuery, DefaultRewardPeriod>;

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
	/// Default reward period: 360 blocks, one default tempo.
	#[pallet::type_value]
	pub fn DefaultRewardPeriod() -> BlockNumber {
		360
	}

	/// Seeds the reward account with the existential deposit, so that rewards of any size can
	/// be minted into it and it is never reaped.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		#[serde(skip)]
		pub _config: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			let account = Pallet::<T>::reward_account();
			let seed = T::Currency::minimum_balance();
			let have = T::Currency::balance(&account);
			if have < seed {
				assert!(
					T::Currency::mint_into(&account, seed.saturating_sub(have)).is_ok(),
					"stake: the reward account cannot be seeded"
				);
			}
		}
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
		/// A hotkey was paid `amount`: `take` to its owner's position at once, the rest
		/// streaming into its pool until block `until`.
		HotkeyRewarded { hotkey: T::AccountId, amount: Balance, take: Balance, until: BlockNumber },
		/// A position was paid `amount` directly.
		PositionRewarded { hotkey: T::AccountId, coldkey: T::AccountId, amount: Balance },
		/// The held TAO of `coldkey`'s position on `hotkey` was brought to its worth, `held`:
		/// rewards moved from the reward account onto the coldkey's hold (or rounding back).
		PositionSettled { coldkey: T::AccountId, hotkey: T::AccountId, held: Balance },
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
		/// The position is worth less than the amount.
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
		/// The value is outside the parameter's bounds.
		ParameterOutOfBounds,
		/// The hold of the coldkey could not be moved (for a transfer, the receiving account
		/// may not exist).
		HoldTransferFailed,
		/// The reward could not be minted into the reward account.
		RewardMintFailed,
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
		/// Stakes `amount` from the signer's free balance to `hotkey`, which must be registered.
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

	/// The account rewards are minted into, where they wait until their positions settle.
	pub fn reward_account() -> T::AccountId {
		T::PalletId::get().into_account_truncating()
	}

	/// The hotkey's pool as of now (its stream released up to this block).
	pub fn pool(hotkey: &T::AccountId) -> Pool {
		Pools::<T>::get(hotkey).at(Self::now())
	}

	/// What `coldkey`'s position on `hotkey` is worth now, in rao (rewards still streaming
	/// excluded).
	pub fn position_value(hotkey: &T::AccountId, coldkey: &T::AccountId) -> Balance {
		Positions::<T>::get(hotkey, coldkey)
			.map(|position| Self::pool(hotkey).value_of(position.shares))
			.unwrap_or(0)
	}

	fn put_pool(hotkey: &T::AccountId, pool: Pool) {
		if pool.is_empty() {
			Pools::<T>::remove(hotkey);
		} else {
			Pools::<T>::insert(hotkey, pool);
		}
	}

	/// Brings the TAO held on `coldkey` for a position from `held` towards `target`, through the
	/// reward account; returns what is held afterwards. Raising the hold takes at most what the
	/// reward account can spare (short of rounding, all of it).
	fn settle(
		hotkey: &T::AccountId,
		coldkey: &T::AccountId,
		held: Balance,
		target: Balance,
	) -> Result<Balance, DispatchError> {
		let account = Self::reward_account();
		let now_held = if target > held {
			let spare =
				T::Currency::reducible_balance(&account, Preservation::Preserve, Fortitude::Polite);
			let up = target.saturating_sub(held).min(spare);
			if up > 0 {
				T::Currency::transfer_and_hold(
					&Self::reason(),
					&account,
					coldkey,
					up,
					Precision::Exact,
					Preservation::Preserve,
					Fortitude::Polite,
				)?;
			}
			held.saturating_add(up)
		} else if target < held {
			T::Currency::transfer_on_hold(
				&Self::reason(),
				coldkey,
				&account,
				held.saturating_sub(target),
				Precision::Exact,
				Restriction::Free,
				Fortitude::Polite,
			)?;
			target
		} else {
			held
		};
		if now_held != held {
			Self::deposit_event(Event::PositionSettled {
				coldkey: coldkey.clone(),
				hotkey: hotkey.clone(),
				held: now_held,
			});
		}
		Ok(now_held)
	}

	/// Adds `amount` (already held on `coldkey`) to the position, creating it if needed, after
	/// settling it. Returns the shares bought.
	fn credit(
		hotkey: &T::AccountId,
		coldkey: &T::AccountId,
		amount: Balance,
	) -> Result<u128, DispatchError> {
		let mut pool = Self::pool(hotkey);
		let mut position = match Positions::<T>::get(hotkey, coldkey) {
			Some(mut position) => {
				let worth = pool.value_of(position.shares);
				position.held = Self::settle(hotkey, coldkey, position.held, worth)?;
				position
			},
			None => {
				StakedHotkeys::<T>::insert(coldkey, hotkey, ());
				Position::default()
			},
		};
		let shares = pool.shares_for(amount);
		position.shares = position.shares.saturating_add(shares);
		position.held = position.held.saturating_add(amount);
		pool.stake = pool.stake.saturating_add(amount);
		pool.shares = pool.shares.saturating_add(shares);
		Positions::<T>::insert(hotkey, coldkey, position);
		Self::put_pool(hotkey, pool);
		TotalStake::<T>::mutate(|total| *total = total.saturating_add(amount));
		Ok(shares)
	}

	/// Settles the position and takes `amount` out of it (the hold stays on the coldkey, for
	/// the caller to release or move); the whole position when what would remain is below the
	/// minimum, and with it what is left of the stream when it is the pool's last. Returns
	/// `(amount taken, shares given back)`.
	fn debit(
		hotkey: &T::AccountId,
		coldkey: &T::AccountId,
		amount: Balance,
	) -> Result<(Balance, u128), DispatchError> {
		ensure!(amount > 0, Error::<T>::ZeroAmount);
		let mut position = Positions::<T>::get(hotkey, coldkey).ok_or(Error::<T>::NoPosition)?;
		let mut pool = Self::pool(hotkey);
		let worth = pool.value_of(position.shares);
		ensure!(worth >= amount, Error::<T>::InsufficientStake);
		let last = position.shares >= pool.shares;
		let whole = worth.saturating_sub(amount) < MinStake::<T>::get();
		let target = if whole && last { pool.total() } else { worth };
		let held = Self::settle(hotkey, coldkey, position.held, target)?;
		let (taken, shares) = if whole {
			(held, position.shares)
		} else {
			// ceil(amount * shares / stake), so the shares left never outweigh the stake left.
			let numerator = u128::from(amount).saturating_mul(pool.shares);
			let stake = u128::from(pool.stake).max(1);
			(amount.min(held), numerator.div_ceil(stake).min(position.shares))
		};
		// What is taken comes from the released stake first, then (the last position only)
		// from the stream.
		let from_stake = taken.min(pool.stake);
		pool.stake = pool.stake.saturating_sub(from_stake);
		pool.streaming = pool.streaming.saturating_sub(taken.saturating_sub(from_stake));
		pool.shares = pool.shares.saturating_sub(shares);
		position.shares = position.shares.saturating_sub(shares);
		position.held = held.saturating_sub(taken);
		if position.shares == 0 {
			// Only rounding can leave a hold behind: it goes back to the reward account and
			// stays in the pool's stake, for the positions that remain.
			Self::settle(hotkey, coldkey, position.held, 0)?;
			Positions::<T>::remove(hotkey, coldkey);
			StakedHotkeys::<T>::remove(coldkey, hotkey);
		} else {
			Positions::<T>::insert(hotkey, coldkey, position);
		}
		Self::put_pool(hotkey, pool);
		TotalStake::<T>::mutate(|total| *total = total.saturating_sub(taken));
		Ok((taken, shares))
	}

	fn ensure_min_after_credit(
		hotkey: &T::AccountId,
		coldkey: &T::AccountId,
		amount: Balance,
	) -> DispatchResult {
		let current = Self::position_value(hotkey, coldkey);
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
		let amount = amount.min(taken);
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
			StakeParam::RewardPeriod(v) => (v.into(), 1, 216_000),
		};
		ensure!(low <= value && value <= high, Error::<T>::ParameterOutOfBounds);
		match param {
			StakeParam::MinStake(v) => MinStake::<T>::put(v),
			StakeParam::MinTake(v) => MinTake::<T>::put(v),
			StakeParam::MaxTake(v) => MaxTake::<T>::put(v),
			StakeParam::TakeRateLimit(v) => TakeRateLimit::<T>::put(v),
			StakeParam::RewardPeriod(v) => RewardPeriod::<T>::put(v),
		}
		Self::deposit_event(Event::StakeParameterSet { param });
		Ok(())
	}

	/// Mints `amount` into the reward account.
	fn mint_reward(amount: Balance) -> DispatchResult {
		T::Currency::mint_into(&Self::reward_account(), amount)
			.map_err(|_| Error::<T>::RewardMintFailed)?;
		TotalStake::<T>::mutate(|total| *total = total.saturating_add(amount));
		Ok(())
	}

	/// Mints `amount` into the reward account and buys shares with it for the position (created
	/// if needed), at the current price; the position's hold is settled when its coldkey next
	/// touches it.
	fn reward_position(
		hotkey: &T::AccountId,
		coldkey: &T::AccountId,
		amount: Balance,
	) -> DispatchResult {
		if amount == 0 {
			return Ok(());
		}
		Self::mint_reward(amount)?;
		let mut pool = Self::pool(hotkey);
		let shares = pool.shares_for(amount);
		let mut position = Positions::<T>::get(hotkey, coldkey).unwrap_or_else(|| {
			StakedHotkeys::<T>::insert(coldkey, hotkey, ());
			Position::default()
		});
		position.shares = position.shares.saturating_add(shares);
		pool.stake = pool.stake.saturating_add(amount);
		pool.shares = pool.shares.saturating_add(shares);
		Positions::<T>::insert(hotkey, coldkey, position);
		Self::put_pool(hotkey, pool);
		Ok(())
	}

	/// The invariants: each coldkey's hold equals its positions' `held`; the books balance
	/// (held stake plus the reward account above its seed equals the pools' totals, which sum
	/// to the total stake); each pool's shares are its positions' shares, and its positions'
	/// worth is its stake short of under a rao per position; the index matches the positions.
	#[cfg(any(feature = "try-runtime", feature = "std", test))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::btree_map::BTreeMap;
		let mut per_hotkey: BTreeMap<T::AccountId, (u128, alloc::vec::Vec<u128>)> = BTreeMap::new();
		let mut per_coldkey: BTreeMap<T::AccountId, Balance> = BTreeMap::new();
		let mut held_total: Balance = 0;
		for (hotkey, coldkey, position) in Positions::<T>::iter() {
			ensure!(position.shares > 0, "a position without shares is stored");
			let entry = per_hotkey.entry(hotkey.clone()).or_default();
			entry.0 = entry.0.saturating_add(position.shares);
			entry.1.push(position.shares);
			let held = per_coldkey.entry(coldkey.clone()).or_default();
			*held = held.saturating_add(position.held);
			held_total = held_total.saturating_add(position.held);
			ensure!(
				StakedHotkeys::<T>::contains_key(&coldkey, &hotkey),
				"position missing from its coldkey's index"
			);
		}
		let now = Self::now();
		let mut total: Balance = 0;
		for (hotkey, pool) in Pools::<T>::iter() {
			let (shares, positions) = per_hotkey.remove(&hotkey).unwrap_or_default();
			ensure!(pool.shares == shares, "pool shares differ from its positions");
			let pool = pool.at(now);
			let worth =
				positions.iter().fold(0, |sum: Balance, &s| sum.saturating_add(pool.value_of(s)));
			ensure!(worth <= pool.stake, "positions are worth more than their pool");
			let count = Balance::try_from(positions.len()).unwrap_or(Balance::MAX);
			ensure!(
				pool.stake.saturating_sub(worth) <= count.max(1),
				"positions are worth a rao or more each below their pool"
			);
			total = total.saturating_add(pool.total());
		}
		ensure!(per_hotkey.is_empty(), "positions on a hotkey without a pool");
		ensure!(TotalStake::<T>::get() == total, "total stake differs from the pools");
		let rewards = T::Currency::balance(&Self::reward_account())
			.saturating_sub(T::Currency::minimum_balance());
		ensure!(
			held_total.saturating_add(rewards) == total,
			"held stake and waiting rewards differ from the pools"
		);
		for (coldkey, staked) in per_coldkey {
			ensure!(
				T::Currency::balance_on_hold(&Self::reason(), &coldkey) == staked,
				"held stake differs from the coldkey's positions"
			);
		}
		for (coldkey, hotkey, ()) in StakedHotkeys::<T>::iter() {
			ensure!(
				Positions::<T>::contains_key(&hotkey, &coldkey),
				"index names a position that does not exist"
			);
		}
		Ok(())
	}
}

impl<T: Config> StakeInterface<T::AccountId> for Pallet<T> {
	fn hotkey_stake(hotkey: &T::AccountId) -> Balance {
		Pools::<T>::get(hotkey).total()
	}

	fn position_stake(hotkey: &T::AccountId, coldkey: &T::AccountId) -> Balance {
		Self::position_value(hotkey, coldkey)
	}

	fn total_stake() -> Balance {
		TotalStake::<T>::get()
	}

	fn pay_hotkey_weight() -> Weight {
		T::WeightInfo::pay_hotkey(MEASURED_POSITIONS)
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
			Self::reward_position(hotkey, coldkey, amount)?;
			Self::deposit_event(Event::PositionRewarded {
				hotkey: hotkey.clone(),
				coldkey: coldkey.clone(),
				amount,
			});
			Ok(())
		})
	}
}

/// The most positions on one hotkey that the `pay_hotkey` benchmark measures; its cost does not
/// depend on them (the fitted slope is zero), and this is the weight charged for any number.
pub const MEASURED_POSITIONS: u32 = 1_000;

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
		// The take first, to the owner's own position at the current price.
		Self::reward_position(hotkey, &owner, take)?;
		// The rest streams into the pool over the reward period; into a pool without shares it
		// is the owner's at once.
		let rest = amount.saturating_sub(take);
		let now = Self::now();
		let mut until = now;
		if Pools::<T>::get(hotkey).shares == 0 {
			Self::reward_position(hotkey, &owner, rest)?;
		} else if rest > 0 {
			Self::mint_reward(rest)?;
			let mut pool = Self::pool(hotkey);
			until = now.saturating_add(RewardPeriod::<T>::get().max(1));
			pool.streaming = pool.streaming.saturating_add(rest);
			pool.stream_end = until;
			pool.released_at = now;
			Self::put_pool(hotkey, pool);
		}
		Self::deposit_event(Event::HotkeyRewarded { hotkey: hotkey.clone(), amount, take, until });
		Ok(())
	}
}
