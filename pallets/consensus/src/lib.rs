//! # Consensus pallet: weights
//!
//! Validators' weights on miners (protocol brief, section 6), the input of each subnet's Yuma
//! epoch. A registered hotkey sets its row with `set_weights`, or, on subnets with commit-reveal,
//! commits a hash with `commit_weights` and reveals the row with `reveal_weights` in the epoch
//! after the commit, so that nobody can copy another validator's weights.
//!
//! Rows are checked against the subnet's hyperparameters (read through
//! [`SubnetsInterface`]) and stored normalized so that their largest entry is `u16::MAX`.
//! Validator permits come from the last epoch ([`ValidatorPermits`]); a hotkey without one may
//! only set a single weight on itself.
//!
//! ## Calls
//! | index | call | origin |
//! |---|---|---|
//! | 0 | `set_weights(netuid, uids, weights, version_key)` | the hotkey |
//! | 1 | `commit_weights(netuid, hash)` | the hotkey |
//! | 2 | `reveal_weights(netuid, uids, weights, salt, version_key)` | the hotkey |
//!
//! ## Free, but never free to abuse
//! The calls are free (`Pays::No`), as in Bittensor, so that a validator's hotkey needs no
//! balance. [`CheckWeights`], a transaction extension, runs every check the call makes
//! ([`Pallet::check_set_weights`], [`Pallet::check_commit`], [`Pallet::check_reveal`], the same
//! functions the calls run) and refuses a call that would fail. An extension's `validate` runs
//! both in the transaction pool and again when a block applies the transaction, against the
//! state the call then dispatches in, so **a weight call that would fail never reaches a
//! block**: a block that contained one would be invalid. What passes is bounded per hotkey:
//! `set_weights` by the weights rate limit, commits to one pending commit per hotkey (a new one
//! only once the last was revealed or its reveal epoch passed) and the rate limit, reveals to
//! one per commit; the pool holds at most one weight call per hotkey and subnet at a time (a
//! `provides` tag), and every vector argument is bounded (`uids` and `weights` by `MaxUids`,
//! the salt by [`MAX_SALT_LEN`]). Valid weight calls get [`WEIGHTS_PRIORITY`], which no
//! ordinary fee or tip of a paid transaction reaches, so a flood of paid transfers cannot
//! starve validators. Wrapped in another call (`utility.batch`) they pass the extension
//! unchecked but pay the wrapper's normal fee.
//!
//! The commit hash is BLAKE2-256 of the SCALE encoding of
//! `(hotkey, netuid, uids, weights, salt, version_key)`.
//!
//! ## Epochs
//! A subnet's epochs are numbered by [`taonet_primitives::epoch_index`]: `(block + netuid + 1) / (tempo + 1)`, so
//! that subnets with the same tempo run their epochs in different blocks. A commit made in epoch
//! `e` is revealed in epoch `e + reveal_period`.
//!
//! ## The epoch
//! [`Pallet::run_epoch`] gathers a subnet's stake (through [`StakeInterface`]), registration
//! blocks, last updates, previous permits, weights and bonds, runs `taonet_yuma::run_epoch`,
//! stores each UID's results ([`Outputs`]), the new permits and bonds and the pruning scores
//! ([`PruningScores`], which the subnets pallet reads), and returns the payout for the emission pallet to make.
//!
//! Only the rows of UIDs that hold a permit from the last epoch are read (the others would
//! not vote), so an epoch reads at most `max_validators × UIDs` weights; its weight comes from
//! a benchmark over both ([`WeightInfo::epoch`]), and [`EpochRunner::epoch_weight`] gives the
//! emission pallet the bound before it runs one.

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

pub use extension::CheckWeights;
pub use pallet::*;
pub use weights::WeightInfo;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod extension;
mod views;
pub mod weights;

#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

use alloc::vec::Vec;
use frame_support::{pallet_prelude::*, weights::Weight};
use frame_system::pallet_prelude::*;
use sp_core::H256;
use sp_runtime::traits::{BlakeTwo256, Hash, UniqueSaturatedInto};
pub use taonet_primitives::EpochPayout;
use taonet_primitives::{
	epoch_index, Balance, BlockNumber, EpochRunner, NetUid, NeuronHooks, NeuronScores,
	StakeInterface, SubnetActivity, SubnetHyperparams, SubnetsInterface, Uid,
};
use taonet_yuma::{has_duplicates, max_upscaled, EpochInput};

pub use taonet_primitives::views::NeuronOutput;
pub use views::Rows;

/// A subnet's per-UID storage key: its netuid and its generation
/// ([`SubnetsInterface::generation`]). The per-UID state of a dissolved subnet stays under its old
/// generation until `on_idle` clears it, so a new subnet at the same netuid starts empty at once.
pub type SubnetKey = (NetUid, u32);

/// The longest salt a reveal may carry, in `u16` words: 32 words are 512 bits, more than any
/// hash needs to hide a row.
pub const MAX_SALT_LEN: u32 = 32;

/// A commit's salt.
pub type Salt = BoundedVec<u16, ConstU32<MAX_SALT_LEN>>;

/// The transaction priority of a valid weight call: half the priority range, above what any
/// plausible fee and tip of a paid transaction gives (a tip would have to be millions of TAO),
/// so validators' weights are included even when paid transactions fill the pool.
pub const WEIGHTS_PRIORITY: u64 = u64::MAX / 2;

/// A weight row that passed every check: the caller's UID and the row as it will be stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckedRow {
	/// The caller's UID.
	pub uid: Uid,
	/// `(target uid, weight)`, zero weights dropped, the largest weight `u16::MAX`.
	pub row: Vec<(u16, u16)>,
}

/// The length a weight call is charged for: its row's, at most `MaxUids` (a longer row is
/// refused by [`CheckWeights`] in the pool and by the call before any work).
pub fn row_len<T: Config>(uids: &[u16]) -> u32 {
	u32::try_from(uids.len()).unwrap_or(u32::MAX).min(T::MaxUids::get())
}

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

	/// The consensus pallet.
	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// Subnets, neurons and hyperparameters.
		type Subnets: SubnetsInterface<Self::AccountId>;

		/// Each hotkey's stake: its voting power.
		type Stake: StakeInterface<Self::AccountId>;

		/// Most UIDs in a subnet: the longest a weight row can be.
		#[pallet::constant]
		type MaxUids: Get<u32>;

		/// Most validator permits in a subnet: only their rows are read by an epoch.
		#[pallet::constant]
		type MaxValidators: Get<u32>;

		/// Measured weights of the calls and of an epoch.
		type WeightInfo: WeightInfo;

		/// Creates subnets and neurons for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: taonet_primitives::SubnetsBenchmarkHelper<Self::AccountId>;
	}

	/// Each UID's weights: `(target uid, weight)`, the largest weight `u16::MAX`.
	#[pallet::storage]
	pub type Weights<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		SubnetKey,
		Twox64Concat,
		Uid,
		BoundedVec<(u16, u16), T::MaxUids>,
		ValueQuery,
	>;

	/// The block each UID last set weights (or registered).
	#[pallet::storage]
	pub type LastUpdate<T: Config> =
		StorageDoubleMap<_, Twox64Concat, SubnetKey, Twox64Concat, Uid, BlockNumber, OptionQuery>;

	/// Generations of dissolved subnets whose per-UID state is still being cleared.
	#[pallet::storage]
	pub type StaleGenerations<T: Config> =
		StorageValue<_, BoundedVec<SubnetKey, ConstU32<1_024>>, ValueQuery>;

	/// Each UID's emission at the subnet's last epoch, in rao: the pruning score by which the
	/// subnets pallet replaces the lowest (read through `NeuronScores`). A replaced UID's is 0.
	/// Kept beside [`Outputs`] so that a registration reads 8 bytes a UID, not a whole output.
	#[pallet::storage]
	pub type PruningScores<T: Config> =
		StorageMap<_, Twox64Concat, NetUid, BoundedVec<u64, T::MaxUids>, ValueQuery>;

	/// Validator permits from the last epoch, by UID.
	#[pallet::storage]
	pub type ValidatorPermits<T: Config> =
		StorageMap<_, Twox64Concat, NetUid, BoundedVec<bool, T::MaxUids>, ValueQuery>;

	/// Each UID's bonds from the last epoch, in the form of the subnet's bonds mode.
	#[pallet::storage]
	pub type Bonds<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		SubnetKey,
		Twox64Concat,
		Uid,
		BoundedVec<(u16, u16), T::MaxUids>,
		ValueQuery,
	>;

	/// The block the subnet's bonds were last computed.
	#[pallet::storage]
	pub type BondsUpdatedAt<T: Config> =
		StorageMap<_, Twox64Concat, NetUid, BlockNumber, ValueQuery>;

	/// Each UID's results from the subnet's last epoch.
	#[pallet::storage]
	pub type Outputs<T: Config> =
		StorageMap<_, Twox64Concat, NetUid, BoundedVec<NeuronOutput, T::MaxUids>, ValueQuery>;

	/// Subnets whose last epoch reached a consensus: some validator's weights on some UID
	/// counted. The emission pallet gives its fallback equal shares only to these.
	#[pallet::storage]
	pub type ActiveSubnets<T: Config> = StorageMap<_, Twox64Concat, NetUid, (), OptionQuery>;

	/// Pending weight commits by UID: the hash and the block it was committed. Keyed by UID so
	/// that a neuron's replacement clears its commit; the hash names the hotkey, so nobody else
	/// could reveal it anyway.
	#[pallet::storage]
	pub type WeightCommits<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		SubnetKey,
		Twox64Concat,
		Uid,
		(H256, BlockNumber),
		OptionQuery,
	>;

	/// Where clearing the oldest stale generation stopped: the map being cleared (0 weights,
	/// 1 last updates, 2 bonds, 3 commits) and the storage cursor within it.
	#[pallet::storage]
	pub type ClearCursor<T: Config> =
		StorageValue<_, (u8, BoundedVec<u8, ConstU32<MAX_CURSOR_LEN>>), OptionQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `uid` set its weights (directly or by a reveal).
		WeightsSet { netuid: NetUid, uid: Uid, entries: u32 },
		/// A hotkey committed to weights it will reveal later.
		WeightsCommitted { netuid: NetUid, hotkey: T::AccountId, hash: H256 },
		/// A UID's weights, commit, bonds, permit and last results were cleared because a new
		/// neuron took it.
		WeightsCleared { netuid: NetUid, uid: Uid },
		/// A dissolved subnet's per-UID state (of generation `generation`) is all cleared.
		StaleGenerationCleared { netuid: NetUid, generation: u32 },
		/// The subnet's epoch ran over `neurons` UIDs, splitting `emission` rao; `undistributed`
		/// of it was paid to nobody and stays pending.
		EpochRun { netuid: NetUid, neurons: u16, emission: Balance, undistributed: Balance },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No subnet has this netuid.
		SubnetNotFound,
		/// The signing hotkey is not registered in the subnet.
		HotkeyNotRegistered,
		/// `uids` and `weights` differ in length.
		LengthMismatch,
		/// A UID is not registered in the subnet.
		UnknownUid,
		/// A UID appears twice.
		DuplicateUid,
		/// The row is longer than the most UIDs a subnet can have.
		RowTooLong,
		/// Fewer non-zero weights than the subnet's minimum.
		TooFewWeights,
		/// A weight is above the subnet's max weight limit after normalization.
		WeightAboveLimit,
		/// All weights are zero.
		AllWeightsZero,
		/// Without a validator permit, only a single weight on oneself is allowed.
		NoValidatorPermit,
		/// The version key is below the subnet's.
		OutdatedVersionKey,
		/// This hotkey set weights less than the weights rate limit ago.
		WeightsRateLimitExceeded,
		/// The subnet uses commit-reveal: commit, then reveal.
		CommitRevealEnabled,
		/// The subnet does not use commit-reveal.
		CommitRevealDisabled,
		/// There is no commit to reveal.
		NoCommit,
		/// The revealed weights do not match the commit.
		RevealMismatch,
		/// The reveal comes before the commit's reveal epoch.
		RevealTooEarly,
		/// The reveal comes after the commit's reveal epoch; commit again.
		RevealTooLate,
		/// This hotkey has a commit whose reveal epoch has not passed: reveal it (or wait for
		/// the epoch to pass) before committing again.
		CommitPending,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// Clears dissolved subnets' per-UID state with the block's spare weight.
		fn on_idle(_: BlockNumberFor<T>, remaining: Weight) -> Weight {
			Self::clear_stale(remaining)
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}

		/// The constants must agree: permits are a subset of UIDs, and UIDs are `u16`s.
		fn integrity_test() {
			assert!(
				T::MaxValidators::get() <= T::MaxUids::get(),
				"MaxValidators must not exceed MaxUids"
			);
			assert!(
				T::MaxUids::get() <= u32::from(u16::MAX).saturating_add(1),
				"UIDs are u16: MaxUids must fit"
			);
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Sets the signing hotkey's weights on a subnet without commit-reveal.
		#[pallet::call_index(0)]
		#[pallet::weight((T::WeightInfo::set_weights(row_len::<T>(uids)), DispatchClass::Normal, Pays::No))]
		pub fn set_weights(
			origin: OriginFor<T>,
			netuid: NetUid,
			uids: BoundedVec<u16, T::MaxUids>,
			weights: BoundedVec<u16, T::MaxUids>,
			version_key: u64,
		) -> DispatchResult {
			let hotkey = ensure_signed(origin)?;
			let checked = Self::check_set_weights(netuid, &hotkey, &uids, &weights, version_key)?;
			Self::store_row(netuid, checked);
			Ok(())
		}

		/// Commits to weights to reveal in the epoch after this one (or `reveal_period` later).
		#[pallet::call_index(1)]
		#[pallet::weight((T::WeightInfo::commit_weights(), DispatchClass::Normal, Pays::No))]
		pub fn commit_weights(origin: OriginFor<T>, netuid: NetUid, hash: H256) -> DispatchResult {
			let hotkey = ensure_signed(origin)?;
			let uid = Self::check_commit(netuid, &hotkey)?;
			WeightCommits::<T>::insert(Self::key(netuid), uid, (hash, Self::now()));
			Self::deposit_event(Event::WeightsCommitted { netuid, hotkey, hash });
			Ok(())
		}

		/// Reveals committed weights and sets them.
		#[pallet::call_index(2)]
		#[pallet::weight((T::WeightInfo::reveal_weights(row_len::<T>(uids)), DispatchClass::Normal, Pays::No))]
		pub fn reveal_weights(
			origin: OriginFor<T>,
			netuid: NetUid,
			uids: BoundedVec<u16, T::MaxUids>,
			weights: BoundedVec<u16, T::MaxUids>,
			salt: Salt,
			version_key: u64,
		) -> DispatchResult {
			let hotkey = ensure_signed(origin)?;
			let checked = Self::check_reveal(netuid, &hotkey, &uids, &weights, &salt, version_key)?;
			WeightCommits::<T>::remove(Self::key(netuid), checked.uid);
			Self::store_row(netuid, checked);
			Ok(())
		}
	}
}

impl<T: Config> Pallet<T> {
	/// The per-UID storage key of a live subnet.
	pub fn key(netuid: NetUid) -> SubnetKey {
		(netuid, T::Subnets::generation(netuid))
	}

	fn now() -> BlockNumber {
		frame_system::Pallet::<T>::block_number().unique_saturated_into()
	}

	/// The commit hash of a reveal: BLAKE2-256 of the SCALE encoding of the tuple.
	pub fn commit_hash(
		hotkey: &T::AccountId,
		netuid: NetUid,
		uids: &[u16],
		weights: &[u16],
		salt: &[u16],
		version_key: u64,
	) -> H256 {
		BlakeTwo256::hash_of(&(hotkey, netuid, uids, weights, salt, version_key))
	}

	/// Every check `set_weights` makes, without writing anything: what the call will store.
	/// [`CheckWeights`] runs the same function, so a call that passes it cannot fail.
	pub fn check_set_weights(
		netuid: NetUid,
		hotkey: &T::AccountId,
		uids: &[u16],
		weights: &[u16],
		version_key: u64,
	) -> Result<CheckedRow, Error<T>> {
		let params = T::Subnets::hyperparams(netuid).ok_or(Error::<T>::SubnetNotFound)?;
		ensure!(!params.commit_reveal_enabled, Error::<T>::CommitRevealEnabled);
		Self::check_row(netuid, hotkey, &params, uids, weights, version_key, true)
	}

	/// Every check `commit_weights` makes: commit-reveal is on, the hotkey is registered, past
	/// the weights rate limit, and has no commit whose reveal epoch is still to come. Returns
	/// its UID.
	pub fn check_commit(netuid: NetUid, hotkey: &T::AccountId) -> Result<Uid, Error<T>> {
		let params = T::Subnets::hyperparams(netuid).ok_or(Error::<T>::SubnetNotFound)?;
		ensure!(params.commit_reveal_enabled, Error::<T>::CommitRevealDisabled);
		let uid = T::Subnets::uid_of(netuid, hotkey).ok_or(Error::<T>::HotkeyNotRegistered)?;
		Self::check_rate_limit(netuid, uid, &params)?;
		if let Some((_, committed_at)) = WeightCommits::<T>::get(Self::key(netuid), uid) {
			let expired = Self::epoch_now(netuid, &params)
				> Self::reveal_epoch(netuid, &params, committed_at);
			ensure!(expired, Error::<T>::CommitPending);
		}
		Ok(uid)
	}

	/// Every check `reveal_weights` makes: a commit exists, the reveal matches it, it is the
	/// commit's reveal epoch, then every check of the row (the commit passed the rate limit).
	pub fn check_reveal(
		netuid: NetUid,
		hotkey: &T::AccountId,
		uids: &[u16],
		weights: &[u16],
		salt: &[u16],
		version_key: u64,
	) -> Result<CheckedRow, Error<T>> {
		let params = T::Subnets::hyperparams(netuid).ok_or(Error::<T>::SubnetNotFound)?;
		ensure!(params.commit_reveal_enabled, Error::<T>::CommitRevealDisabled);
		let uid = T::Subnets::uid_of(netuid, hotkey).ok_or(Error::<T>::HotkeyNotRegistered)?;
		ensure!(uids.len() == weights.len(), Error::<T>::LengthMismatch);
		let (hash, committed_at) =
			WeightCommits::<T>::get(Self::key(netuid), uid).ok_or(Error::<T>::NoCommit)?;
		let revealed = Self::commit_hash(hotkey, netuid, uids, weights, salt, version_key);
		ensure!(revealed == hash, Error::<T>::RevealMismatch);
		let reveal_epoch = Self::reveal_epoch(netuid, &params, committed_at);
		let now_epoch = Self::epoch_now(netuid, &params);
		ensure!(now_epoch >= reveal_epoch, Error::<T>::RevealTooEarly);
		ensure!(now_epoch == reveal_epoch, Error::<T>::RevealTooLate);
		Self::check_row(netuid, hotkey, &params, uids, weights, version_key, false)
	}

	/// The current epoch of a subnet.
	fn epoch_now(netuid: NetUid, params: &SubnetHyperparams) -> u64 {
		epoch_index(netuid, params.tempo, Self::now())
	}

	/// The epoch in which a commit made at `committed_at` is revealed.
	fn reveal_epoch(netuid: NetUid, params: &SubnetHyperparams, committed_at: BlockNumber) -> u64 {
		epoch_index(netuid, params.tempo, committed_at)
			.saturating_add(u64::from(params.reveal_period))
	}

	/// Refuses a UID that set weights (or registered) less than the weights rate limit ago.
	fn check_rate_limit(
		netuid: NetUid,
		uid: Uid,
		params: &SubnetHyperparams,
	) -> Result<(), Error<T>> {
		if let Some(last) = LastUpdate::<T>::get(Self::key(netuid), uid) {
			ensure!(
				Self::now().saturating_sub(last) >= params.weights_rate_limit,
				Error::<T>::WeightsRateLimitExceeded
			);
		}
		Ok(())
	}

	/// Every check of section 6 on a row, cheapest first; returns the row normalized to a
	/// largest entry of `u16::MAX`. `min_allowed_weights` counts at most the subnet's neurons
	/// (as Bittensor clamps it), so a minimum above the subnet's size cannot lock weights out.
	fn check_row(
		netuid: NetUid,
		hotkey: &T::AccountId,
		params: &SubnetHyperparams,
		uids: &[u16],
		weights: &[u16],
		version_key: u64,
		rate_limited: bool,
	) -> Result<CheckedRow, Error<T>> {
		ensure!(uids.len() == weights.len(), Error::<T>::LengthMismatch);
		ensure!(
			u32::try_from(uids.len()).is_ok_and(|len| len <= T::MaxUids::get()),
			Error::<T>::RowTooLong
		);
		let uid = T::Subnets::uid_of(netuid, hotkey).ok_or(Error::<T>::HotkeyNotRegistered)?;
		ensure!(version_key >= params.weights_version_key, Error::<T>::OutdatedVersionKey);
		let self_weight_only = uids.len() == 1 && uids.first() == Some(&uid.0);
		let permitted =
			ValidatorPermits::<T>::get(netuid).get(usize::from(uid.0)).copied().unwrap_or(false);
		ensure!(permitted || self_weight_only, Error::<T>::NoValidatorPermit);
		if rate_limited {
			Self::check_rate_limit(netuid, uid, params)?;
		}
		let neurons = T::Subnets::neuron_count(netuid);
		ensure!(uids.iter().all(|&target| target < neurons), Error::<T>::UnknownUid);
		ensure!(!has_duplicates(uids), Error::<T>::DuplicateUid);
		let max = weights.iter().copied().max().unwrap_or(0);
		ensure!(max > 0, Error::<T>::AllWeightsZero);
		let non_zero = weights.iter().filter(|&&w| w > 0).count();
		let min_weights = usize::from(params.min_allowed_weights.min(neurons));
		ensure!(self_weight_only || non_zero >= min_weights, Error::<T>::TooFewWeights);
		// No entry above the limit once the row is normalized to sum 1 (a lone self-weight is
		// exempt: it is the whole row by definition).
		let sum: u64 = weights.iter().map(|&w| u64::from(w)).sum();
		let above_limit = weights.iter().any(|&w| {
			u64::from(w).saturating_mul(u64::from(u16::MAX))
				> u64::from(params.max_weight_limit.0).saturating_mul(sum)
		});
		ensure!(self_weight_only || !above_limit, Error::<T>::WeightAboveLimit);
		Ok(CheckedRow { uid, row: max_upscaled(uids, weights, max) })
	}

	/// Stores a checked row as the UID's weights, now.
	fn store_row(netuid: NetUid, checked: CheckedRow) {
		let CheckedRow { uid, row } = checked;
		let entries = u32::try_from(row.len()).unwrap_or(u32::MAX);
		// A checked row has at most `MaxUids` entries.
		Weights::<T>::insert(Self::key(netuid), uid, BoundedVec::truncate_from(row));
		LastUpdate::<T>::insert(Self::key(netuid), uid, Self::now());
		Self::deposit_event(Event::WeightsSet { netuid, uid, entries });
	}
}

impl<T: Config> Pallet<T> {
	/// Runs the subnet's Yuma epoch over `emission` rao (after the owner's cut): reads the
	/// subnet's state, stores every UID's results, the new permits and bonds, records pruning
	/// scores, and returns who is to be paid what. `None` for an unknown subnet.
	pub fn run_epoch(netuid: NetUid, emission: Balance) -> Option<EpochPayout<T::AccountId>> {
		let params = T::Subnets::hyperparams(netuid)?;
		let n = T::Subnets::neuron_count(netuid);
		let size = usize::from(n);
		let uids = || (0..n).map(Uid);
		let hotkeys: Vec<Option<T::AccountId>> =
			uids().map(|uid| T::Subnets::hotkey_of(netuid, uid)).collect();
		let stake: Vec<u64> =
			hotkeys.iter().map(|h| h.as_ref().map(T::Stake::hotkey_stake).unwrap_or(0)).collect();
		let mut registered_at: Vec<u64> =
			T::Subnets::registration_blocks(netuid).into_iter().map(u64::from).collect();
		registered_at.resize(size, 0);
		let last_update: Vec<u64> = uids()
			.zip(&registered_at)
			.map(|(uid, &registered)| {
				LastUpdate::<T>::get(Self::key(netuid), uid).map(u64::from).unwrap_or(registered)
			})
			.collect();
		let mut permits = ValidatorPermits::<T>::get(netuid).into_inner();
		permits.resize(size, false);
		// Only permit holders' rows vote: the others are not read.
		let weights: Vec<Vec<(u16, u16)>> = uids()
			.zip(&permits)
			.map(|(uid, &permit)| {
				if permit {
					Weights::<T>::get(Self::key(netuid), uid).into_inner()
				} else {
					Vec::new()
				}
			})
			.collect();
		// Bonds are stored only for the permit holders of the last epoch (the epoch clears the
		// others' rows, and a replaced UID loses both), so the rest are not read either.
		let bonds: Vec<Vec<(u16, u16)>> = uids()
			.zip(&permits)
			.map(|(uid, &permit)| {
				if permit {
					Bonds::<T>::get(Self::key(netuid), uid).into_inner()
				} else {
					Vec::new()
				}
			})
			.collect();
		let now = Self::now();
		let mut yuma = params.epoch_params();
		// Never more permits than the bound the epoch's weight is charged for.
		yuma.max_validators =
			yuma.max_validators.min(u16::try_from(T::MaxValidators::get()).unwrap_or(u16::MAX));
		let input = EpochInput {
			current_block: now.into(),
			bonds_updated_at: BondsUpdatedAt::<T>::get(netuid).into(),
			stake: &stake,
			last_update: &last_update,
			registered_at: &registered_at,
			validator_permit: &permits,
			weights: &weights,
			bonds: &bonds,
			emission,
		};
		// Every input has one entry per UID, so the epoch does not refuse it.
		let out = taonet_yuma::run_epoch(&yuma, &input).ok()?;

		let ratio =
			|v: &[taonet_yuma::Fixed], i: usize| v.get(i).map(|x| x.to_u16_ratio()).unwrap_or(0);
		let outputs: Vec<NeuronOutput> = (0..size)
			.map(|i| NeuronOutput {
				active: out.active.get(i).copied().unwrap_or(false),
				validator_permit: out.validator_permit.get(i).copied().unwrap_or(false),
				validator_trust: ratio(&out.validator_trust, i),
				consensus: ratio(&out.consensus, i),
				rank: ratio(&out.rank, i),
				trust: ratio(&out.trust, i),
				incentive: ratio(&out.incentive, i),
				dividends: ratio(&out.dividends, i),
				emission: out.emission(i),
			})
			.collect();
		Outputs::<T>::insert(netuid, BoundedVec::truncate_from(outputs));
		ValidatorPermits::<T>::insert(
			netuid,
			BoundedVec::truncate_from(out.validator_permit.clone()),
		);
		for ((uid, row), before) in uids().zip(out.bonds.iter()).zip(&bonds) {
			if row.is_empty() {
				if !before.is_empty() {
					Bonds::<T>::remove(Self::key(netuid), uid);
				}
			} else {
				Bonds::<T>::insert(Self::key(netuid), uid, BoundedVec::truncate_from(row.clone()));
			}
		}
		BondsUpdatedAt::<T>::insert(netuid, now);
		if out.consensus.iter().any(|c| c.to_bits() > 0) {
			ActiveSubnets::<T>::insert(netuid, ());
		} else {
			ActiveSubnets::<T>::remove(netuid);
		}
		let scores: Vec<u64> = (0..size).map(|i| out.emission(i)).collect();
		PruningScores::<T>::insert(netuid, BoundedVec::truncate_from(scores));

		let paid = |amounts: &[u64]| -> Vec<(T::AccountId, Balance)> {
			hotkeys
				.iter()
				.zip(amounts)
				.filter(|(_, &amount)| amount > 0)
				.filter_map(|(hotkey, &amount)| Some((hotkey.clone()?, amount)))
				.collect()
		};
		let payout = EpochPayout {
			miners: paid(&out.miner_emission),
			validators: paid(&out.validator_emission),
			undistributed: out.undistributed,
		};
		Self::deposit_event(Event::EpochRun {
			netuid,
			neurons: n,
			emission,
			undistributed: out.undistributed,
		});
		Some(payout)
	}
}

impl<T: Config> EpochRunner<T::AccountId> for Pallet<T> {
	fn run_epoch(netuid: NetUid, emission: Balance) -> Option<EpochPayout<T::AccountId>> {
		Pallet::<T>::run_epoch(netuid, emission)
	}

	/// The benchmarked epoch at the subnet's UIDs and the most weights its permit holders'
	/// rows can hold (`min(permits, UIDs) × UIDs`).
	fn epoch_weight(netuid: NetUid) -> Weight {
		let n = u32::from(T::Subnets::neuron_count(netuid));
		let permits = ValidatorPermits::<T>::get(netuid).iter().filter(|&&p| p).count();
		let rows = u32::try_from(permits).unwrap_or(u32::MAX).min(n).min(T::MaxValidators::get());
		// The benchmark's fit spreads the permit holders' row reads and bond writes over UIDs;
		// they are charged here by the permits there are.
		T::WeightInfo::epoch(n, rows.saturating_mul(n)).saturating_add(
			T::DbWeight::get().reads_writes(u64::from(rows).saturating_add(2), rows.into()),
		)
	}
}

impl<T: Config> NeuronScores for Pallet<T> {
	fn pruning_scores(netuid: NetUid) -> Vec<u64> {
		PruningScores::<T>::get(netuid).into_inner()
	}
}

impl<T: Config> SubnetActivity for Pallet<T> {
	fn is_active(netuid: NetUid) -> bool {
		ActiveSubnets::<T>::contains_key(netuid)
	}
}

impl<T: Config> NeuronHooks for Pallet<T> {
	/// A new holder of `uid` starts with nothing of its predecessor's: no weights, commit or
	/// bonds, no validator permit (brief section 4: a permit is earned in an epoch) and no
	/// results. Weights others put on the UID stop counting through the epoch's registration
	/// mask (weights older than the registration).
	fn on_neuron_replaced(netuid: NetUid, uid: Uid) -> Weight {
		let key = Self::key(netuid);
		Weights::<T>::remove(key, uid);
		LastUpdate::<T>::remove(key, uid);
		Bonds::<T>::remove(key, uid);
		WeightCommits::<T>::remove(key, uid);
		let index = usize::from(uid.0);
		ValidatorPermits::<T>::mutate(netuid, |permits| {
			if let Some(permit) = permits.get_mut(index) {
				*permit = false;
			}
		});
		Outputs::<T>::mutate(netuid, |outputs| {
			if let Some(output) = outputs.get_mut(index) {
				*output = NeuronOutput::default();
			}
		});
		PruningScores::<T>::mutate(netuid, |scores| {
			if let Some(score) = scores.get_mut(index) {
				*score = 0;
			}
		});
		Self::deposit_event(Event::WeightsCleared { netuid, uid });
		Self::replaced_weight()
	}

	/// The subnet's per-UID state moves to a stale generation, cleared later by `on_idle`; a new
	/// subnet at this netuid starts from an empty generation at once.
	fn on_subnet_removed(netuid: NetUid) -> Weight {
		let stale = Self::key(netuid);
		let queued = StaleGenerations::<T>::mutate(|queue| queue.try_push(stale).is_ok());
		if !queued {
			// The queue is full (over a thousand dissolutions pending): clear at once.
			for map in 0..CLEARED_MAPS {
				let _ = Self::clear_map(map, stale, T::MaxUids::get(), None);
			}
		}
		ValidatorPermits::<T>::remove(netuid);
		Outputs::<T>::remove(netuid);
		PruningScores::<T>::remove(netuid);
		BondsUpdatedAt::<T>::remove(netuid);
		ActiveSubnets::<T>::remove(netuid);
		if queued {
			T::DbWeight::get().reads_writes(2, 6)
		} else {
			Self::clear_cost(T::MaxUids::get()).saturating_mul(u64::from(CLEARED_MAPS))
		}
	}

	fn weight_bound() -> Weight {
		Self::replaced_weight().max(T::DbWeight::get().reads_writes(2, 6))
	}
}

/// Entries cleared per map and step of `on_idle`.
const CLEAR_STEP: u32 = 256;

/// The per-UID maps a dissolved subnet leaves to clear: weights, last updates, bonds, commits.
const CLEARED_MAPS: u8 = 4;

/// Longest storage cursor kept between blocks (a per-UID key is 56 bytes).
pub const MAX_CURSOR_LEN: u32 = 128;

impl<T: Config> Pallet<T> {
	/// What replacing a neuron costs this pallet: four removals, and the permit, output and
	/// score vectors read and written.
	fn replaced_weight() -> Weight {
		T::DbWeight::get().reads_writes(4, 8)
	}

	/// What clearing up to `limit` entries from one per-UID map costs: each key found, then
	/// removed.
	fn clear_cost(limit: u32) -> Weight {
		let entries = u64::from(limit).saturating_add(1);
		T::DbWeight::get().reads_writes(entries, entries)
	}

	/// Removes up to `limit` entries of `key` from per-UID map number `map`, after the raw key
	/// `cursor`; returns the raw key to continue after, `None` when the map is clear of `key`.
	fn clear_map(map: u8, key: SubnetKey, limit: u32, cursor: Option<&[u8]>) -> Option<Vec<u8>> {
		let limit = usize::try_from(limit).unwrap_or(usize::MAX);
		macro_rules! clear {
			($map:ident) => {{
				let uids: Vec<Uid> = match cursor {
					Some(raw) => {
						$map::<T>::iter_key_prefix_from(key, raw.to_vec()).take(limit).collect()
					},
					None => $map::<T>::iter_key_prefix(key).take(limit).collect(),
				};
				for uid in &uids {
					$map::<T>::remove(key, uid);
				}
				let last = uids.last().map(|uid| $map::<T>::hashed_key_for(key, uid));
				if uids.len() < limit {
					None
				} else {
					last
				}
			}};
		}
		match map {
			0 => clear!(Weights),
			1 => clear!(LastUpdate),
			2 => clear!(Bonds),
			_ => clear!(WeightCommits),
		}
	}

	/// Clears stale generations, one map step at a time, while `remaining` allows. Keys are
	/// removed one by one after a raw-key cursor kept between steps and blocks: FRAME's
	/// `clear_prefix` ignores its cursor, so a second `clear_prefix` in the same block finds the
	/// keys the first removed (they are gone only from the overlay) and removes nothing new.
	fn clear_stale(remaining: Weight) -> Weight {
		let step = Self::clear_cost(CLEAR_STEP);
		let mut used = T::DbWeight::get().reads(2);
		let mut queue = StaleGenerations::<T>::get();
		if queue.is_empty() {
			return used;
		}
		let (mut map, mut cursor) = match ClearCursor::<T>::get() {
			Some((map, cursor)) => (map, (!cursor.is_empty()).then(|| cursor.into_inner())),
			None => (0, None),
		};
		let mut popped = false;
		while let Some(&key) = queue.first() {
			if !used.saturating_add(step).all_lte(remaining) {
				break;
			}
			used = used.saturating_add(step);
			cursor = Self::clear_map(map, key, CLEAR_STEP, cursor.as_deref());
			if cursor.is_none() {
				map = map.saturating_add(1);
				if map >= CLEARED_MAPS {
					map = 0;
					queue.remove(0);
					popped = true;
					Self::deposit_event(Event::StaleGenerationCleared {
						netuid: key.0,
						generation: key.1,
					});
				}
			}
		}
		if popped {
			StaleGenerations::<T>::put(&queue);
		}
		// Between maps (or with a cursor too long to keep, which these keys never give) the
		// map index alone is kept, and the map is resumed from its first key.
		let cursor = cursor.and_then(|c| BoundedVec::try_from(c).ok()).unwrap_or_default();
		if queue.is_empty() || (map == 0 && cursor.is_empty()) {
			ClearCursor::<T>::kill();
		} else {
			ClearCursor::<T>::put((map, cursor));
		}
		used.saturating_add(T::DbWeight::get().writes(2))
	}
}

impl<T: Config> Pallet<T> {
	/// The pallet's invariants: per-UID state only for UIDs of a live subnet (or of a dissolved
	/// one still being cleared), rows pointing only at existing UIDs, permits and outputs no
	/// longer than the subnet (UIDs registered after the last epoch have none yet), at most
	/// `MaxValidators` permits, and per-subnet state only for live subnets.
	#[cfg(any(feature = "try-runtime", feature = "std", test))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		let stale = StaleGenerations::<T>::get();
		let live = |key: &SubnetKey| T::Subnets::is_subnet(key.0) && *key == Self::key(key.0);
		let size = |key: &SubnetKey| T::Subnets::neuron_count(key.0);
		for (key, uid, row) in Weights::<T>::iter().chain(Bonds::<T>::iter()) {
			if stale.contains(&key) {
				continue;
			}
			ensure!(live(&key), "weights or bonds of no live subnet");
			ensure!(uid.0 < size(&key), "weights or bonds of an unregistered UID");
			ensure!(row.iter().all(|&(target, _)| target < size(&key)), "a row entry on no UID");
		}
		for (key, uid) in LastUpdate::<T>::iter_keys().chain(WeightCommits::<T>::iter_keys()) {
			if stale.contains(&key) {
				continue;
			}
			ensure!(live(&key), "per-UID state of no live subnet");
			ensure!(uid.0 < size(&key), "per-UID state of an unregistered UID");
		}
		for (netuid, scores) in PruningScores::<T>::iter() {
			ensure!(T::Subnets::is_subnet(netuid), "pruning scores of no subnet");
			ensure!(scores.len() <= usize::from(T::Subnets::neuron_count(netuid)), "scores");
		}
		for (netuid, permits) in ValidatorPermits::<T>::iter() {
			ensure!(T::Subnets::is_subnet(netuid), "permits of no subnet");
			ensure!(permits.len() <= usize::from(T::Subnets::neuron_count(netuid)), "permits");
			let count = permits.iter().filter(|&&p| p).count();
			ensure!(
				u32::try_from(count).is_ok_and(|c| c <= T::MaxValidators::get()),
				"more permits than MaxValidators"
			);
		}
		for (netuid, outputs) in Outputs::<T>::iter() {
			ensure!(T::Subnets::is_subnet(netuid), "outputs of no subnet");
			ensure!(outputs.len() <= usize::from(T::Subnets::neuron_count(netuid)), "outputs");
		}
		ensure!(ActiveSubnets::<T>::iter_keys().all(T::Subnets::is_subnet), "orphan activity");
		ensure!(BondsUpdatedAt::<T>::iter_keys().all(T::Subnets::is_subnet), "orphan bonds time");
		Ok(())
	}
}
