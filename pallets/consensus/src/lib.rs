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
//! The calls are free (`Pays::No`); [`CheckWeights`], a transaction extension, refuses them in
//! the pool unless the signer is a registered hotkey with a permit (or a lone self-weight) and
//! past the rate limit, so they cannot be used to spam.
//!
//! The commit hash is BLAKE2-256 of the SCALE encoding of
//! `(hotkey, netuid, uids, weights, salt, version_key)`.
//!
//! ## Epochs
//! A subnet's epochs are numbered by [`epoch_index`]: `(block + netuid + 1) / (tempo + 1)`, so
//! that subnets with the same tempo run their epochs in different blocks. A commit made in epoch
//! `e` is revealed in epoch `e + reveal_period`.
//!
//! ## The epoch
//! [`Pallet::run_epoch`] gathers a subnet's stake (through [`StakeInterface`]), registration
//! blocks, last updates, previous permits, weights and bonds, runs `taonet_yuma::run_epoch`,
//! stores each UID's results ([`Outputs`]), the new permits and bonds, records pruning scores
//! with the subnets pallet, and returns the payout for the emission pallet to make.
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
	Balance, BlockNumber, EpochRunner, NetUid, NeuronHooks, StakeInterface, SubnetHyperparams,
	SubnetsInterface, Uid,
};
use taonet_yuma::{BondsMode, EpochInput, LiquidAlpha, Params as YumaParams};

/// One UID's results from the last epoch, as stored (fractions as `u16` ratios).
#[derive(
	Clone,
	Debug,
	Default,
	PartialEq,
	Eq,
	codec::Encode,
	codec::Decode,
	codec::DecodeWithMemTracking,
	codec::MaxEncodedLen,
	scale_info::TypeInfo,
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

/// A subnet's per-UID storage key: its netuid and its generation (see [`Generation`]).
pub type SubnetKey = (NetUid, u32);

/// Whether `ids` names some id twice.
pub fn has_duplicates(ids: &[u16]) -> bool {
	let mut sorted = ids.to_vec();
	sorted.sort_unstable();
	sorted.windows(2).any(|pair| pair.first() == pair.get(1))
}

/// A weight row as stored: zero entries dropped, the rest scaled so that the largest is
/// `u16::MAX`. `max` is the largest of `weights` (0 gives an empty row).
pub fn max_upscaled(ids: &[u16], weights: &[u16], max: u16) -> Vec<(u16, u16)> {
	ids.iter()
		.zip(weights)
		.filter(|(_, &w)| w > 0)
		.map(|(&id, &w)| {
			let scaled = u32::from(w)
				.saturating_mul(u32::from(u16::MAX))
				.checked_div(u32::from(max))
				.unwrap_or(0);
			(id, u16::try_from(scaled).unwrap_or(u16::MAX))
		})
		.collect()
}

/// The length a weight call is charged for: its row's, at most `MaxUids` (a longer row is
/// refused by [`CheckWeights`] in the pool and by the call before any work).
pub fn row_len<T: Config>(uids: &[u16]) -> u32 {
	u32::try_from(uids.len()).unwrap_or(u32::MAX).min(T::MaxUids::get())
}

/// The epoch `block` belongs to on a subnet with `tempo`: `(block + netuid + 1) / (tempo + 1)`.
/// Epoch boundaries are staggered by netuid.
pub fn epoch_index(netuid: NetUid, tempo: u16, block: BlockNumber) -> u64 {
	let shifted = u64::from(block).saturating_add(u64::from(netuid.0)).saturating_add(1);
	shifted.checked_div(u64::from(tempo).saturating_add(1)).unwrap_or(0)
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

	/// How many times each netuid's subnet was dissolved: the per-UID state of a dissolved
	/// subnet stays under its old generation until `on_idle` clears it, so a new subnet at the
	/// same netuid starts empty at once.
	#[pallet::storage]
	pub type Generation<T: Config> = StorageMap<_, Twox64Concat, NetUid, u32, ValueQuery>;

	/// Generations of dissolved subnets whose per-UID state is still being cleared.
	#[pallet::storage]
	pub type StaleGenerations<T: Config> =
		StorageValue<_, BoundedVec<SubnetKey, ConstU32<1_024>>, ValueQuery>;

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

	/// Pending weight commits: the hash and the block it was committed.
	#[pallet::storage]
	pub type WeightCommits<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		SubnetKey,
		Blake2_128Concat,
		T::AccountId,
		(H256, BlockNumber),
		OptionQuery,
	>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `uid` set its weights (directly or by a reveal).
		WeightsSet { netuid: NetUid, uid: Uid, entries: u32 },
		/// A hotkey committed to weights it will reveal later.
		WeightsCommitted { netuid: NetUid, hotkey: T::AccountId, hash: H256 },
		/// A UID's weights were cleared because a new neuron took it.
		WeightsCleared { netuid: NetUid, uid: Uid },
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
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// Clears dissolved subnets' per-UID state with the block's spare weight.
		fn on_idle(_: BlockNumberFor<T>, remaining: Weight) -> Weight {
			Self::clear_stale(remaining)
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
			uids: Vec<u16>,
			weights: Vec<u16>,
			version_key: u64,
		) -> DispatchResult {
			let hotkey = ensure_signed(origin)?;
			let params = T::Subnets::hyperparams(netuid).ok_or(Error::<T>::SubnetNotFound)?;
			ensure!(!params.commit_reveal_enabled, Error::<T>::CommitRevealEnabled);
			Self::do_set_weights(netuid, &hotkey, &params, &uids, &weights, version_key)
		}

		/// Commits to weights to reveal in the epoch after this one (or `reveal_period` later).
		#[pallet::call_index(1)]
		#[pallet::weight((T::WeightInfo::commit_weights(), DispatchClass::Normal, Pays::No))]
		pub fn commit_weights(origin: OriginFor<T>, netuid: NetUid, hash: H256) -> DispatchResult {
			let hotkey = ensure_signed(origin)?;
			Self::do_commit_weights(netuid, hotkey, hash)
		}

		/// Reveals committed weights and sets them.
		#[pallet::call_index(2)]
		#[pallet::weight((T::WeightInfo::reveal_weights(row_len::<T>(uids)), DispatchClass::Normal, Pays::No))]
		pub fn reveal_weights(
			origin: OriginFor<T>,
			netuid: NetUid,
			uids: Vec<u16>,
			weights: Vec<u16>,
			salt: Vec<u16>,
			version_key: u64,
		) -> DispatchResult {
			let hotkey = ensure_signed(origin)?;
			Self::do_reveal_weights(netuid, hotkey, uids, weights, salt, version_key)
		}
	}
}

impl<T: Config> Pallet<T> {
	/// The per-UID storage key of a live subnet.
	pub fn key(netuid: NetUid) -> SubnetKey {
		(netuid, Generation::<T>::get(netuid))
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

	/// Every check of section 6, then the row stored normalized to a largest entry of
	/// `u16::MAX`.
	fn do_set_weights(
		netuid: NetUid,
		hotkey: &T::AccountId,
		params: &SubnetHyperparams,
		uids: &[u16],
		weights: &[u16],
		version_key: u64,
	) -> DispatchResult {
		let uid = T::Subnets::uid_of(netuid, hotkey).ok_or(Error::<T>::HotkeyNotRegistered)?;
		ensure!(uids.len() == weights.len(), Error::<T>::LengthMismatch);
		ensure!(
			u32::try_from(uids.len()).is_ok_and(|len| len <= T::MaxUids::get()),
			Error::<T>::RowTooLong
		);
		let neurons = T::Subnets::neuron_count(netuid);
		ensure!(uids.iter().all(|&target| target < neurons), Error::<T>::UnknownUid);
		ensure!(!has_duplicates(uids), Error::<T>::DuplicateUid);
		let max = weights.iter().copied().max().unwrap_or(0);
		ensure!(max > 0, Error::<T>::AllWeightsZero);

		let self_weight_only = uids.len() == 1 && uids.first() == Some(&uid.0);
		let permitted =
			ValidatorPermits::<T>::get(netuid).get(usize::from(uid.0)).copied().unwrap_or(false);
		ensure!(permitted || self_weight_only, Error::<T>::NoValidatorPermit);
		let non_zero = weights.iter().filter(|&&w| w > 0).count();
		ensure!(
			self_weight_only || non_zero >= usize::from(params.min_allowed_weights),
			Error::<T>::TooFewWeights
		);
		// No entry above the limit once the row is normalized to sum 1 (a lone self-weight is
		// exempt: it is the whole row by definition).
		let sum: u64 = weights.iter().map(|&w| u64::from(w)).sum();
		let above_limit = weights.iter().any(|&w| {
			u64::from(w).saturating_mul(u64::from(u16::MAX))
				> u64::from(params.max_weight_limit).saturating_mul(sum)
		});
		ensure!(self_weight_only || !above_limit, Error::<T>::WeightAboveLimit);
		ensure!(version_key >= params.weights_version_key, Error::<T>::OutdatedVersionKey);
		let now = Self::now();
		if let Some(last) = LastUpdate::<T>::get(Self::key(netuid), uid) {
			ensure!(
				now.saturating_sub(last) >= params.weights_rate_limit,
				Error::<T>::WeightsRateLimitExceeded
			);
		}

		let row = max_upscaled(uids, weights, max);
		let entries = u32::try_from(row.len()).unwrap_or(u32::MAX);
		let row = BoundedVec::try_from(row).map_err(|_| Error::<T>::UnknownUid)?;
		Weights::<T>::insert(Self::key(netuid), uid, row);
		LastUpdate::<T>::insert(Self::key(netuid), uid, now);
		Self::deposit_event(Event::WeightsSet { netuid, uid, entries });
		Ok(())
	}

	fn do_commit_weights(netuid: NetUid, hotkey: T::AccountId, hash: H256) -> DispatchResult {
		let params = T::Subnets::hyperparams(netuid).ok_or(Error::<T>::SubnetNotFound)?;
		ensure!(params.commit_reveal_enabled, Error::<T>::CommitRevealDisabled);
		let uid = T::Subnets::uid_of(netuid, &hotkey).ok_or(Error::<T>::HotkeyNotRegistered)?;
		let now = Self::now();
		if let Some(last) = LastUpdate::<T>::get(Self::key(netuid), uid) {
			ensure!(
				now.saturating_sub(last) >= params.weights_rate_limit,
				Error::<T>::WeightsRateLimitExceeded
			);
		}
		WeightCommits::<T>::insert(Self::key(netuid), &hotkey, (hash, now));
		Self::deposit_event(Event::WeightsCommitted { netuid, hotkey, hash });
		Ok(())
	}

	fn do_reveal_weights(
		netuid: NetUid,
		hotkey: T::AccountId,
		uids: Vec<u16>,
		weights: Vec<u16>,
		salt: Vec<u16>,
		version_key: u64,
	) -> DispatchResult {
		let params = T::Subnets::hyperparams(netuid).ok_or(Error::<T>::SubnetNotFound)?;
		ensure!(params.commit_reveal_enabled, Error::<T>::CommitRevealDisabled);
		let (hash, committed_at) =
			WeightCommits::<T>::get(Self::key(netuid), &hotkey).ok_or(Error::<T>::NoCommit)?;
		let revealed = Self::commit_hash(&hotkey, netuid, &uids, &weights, &salt, version_key);
		ensure!(revealed == hash, Error::<T>::RevealMismatch);
		let reveal_epoch = epoch_index(netuid, params.tempo, committed_at)
			.saturating_add(u64::from(params.reveal_period));
		let now_epoch = epoch_index(netuid, params.tempo, Self::now());
		ensure!(now_epoch >= reveal_epoch, Error::<T>::RevealTooEarly);
		ensure!(now_epoch == reveal_epoch, Error::<T>::RevealTooLate);
		WeightCommits::<T>::remove(Self::key(netuid), &hotkey);
		// The commit already passed the rate limit.
		let params = SubnetHyperparams { weights_rate_limit: 0, ..params };
		Self::do_set_weights(netuid, &hotkey, &params, &uids, &weights, version_key)
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
		let bonds: Vec<Vec<(u16, u16)>> =
			uids().map(|uid| Bonds::<T>::get(Self::key(netuid), uid).into_inner()).collect();
		let now = Self::now();
		let yuma = YumaParams {
			kappa: params.kappa,
			// Never more permits than the bound the epoch's weight is charged for.
			max_validators: params
				.max_validators
				.min(u16::try_from(T::MaxValidators::get()).unwrap_or(u16::MAX)),
			activity_cutoff: params.activity_cutoff.into(),
			bonds_moving_average: params.bonds_moving_average,
			bonds_penalty: params.bonds_penalty,
			bonds_mode: if params.yuma3_enabled { BondsMode::Yuma3 } else { BondsMode::Classic },
			liquid_alpha: params.liquid_alpha_enabled.then_some(LiquidAlpha {
				low: params.alpha_low,
				high: params.alpha_high,
				steepness: params.alpha_sigmoid_steepness,
			}),
		};
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
		T::Subnets::set_pruning_scores(netuid, (0..size).map(|i| out.emission(i)).collect());

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

impl<T: Config> NeuronHooks for Pallet<T> {
	/// A new holder of `uid` starts without weights; weights others put on the UID stop
	/// counting through the epoch's registration mask (weights older than the registration).
	fn on_neuron_replaced(netuid: NetUid, uid: Uid) -> Weight {
		Weights::<T>::remove(Self::key(netuid), uid);
		LastUpdate::<T>::remove(Self::key(netuid), uid);
		Bonds::<T>::remove(Self::key(netuid), uid);
		Self::deposit_event(Event::WeightsCleared { netuid, uid });
		T::DbWeight::get().writes(3)
	}

	/// The subnet's per-UID state moves to a stale generation, cleared later by `on_idle`; a new
	/// subnet at this netuid starts from an empty generation at once.
	fn on_subnet_removed(netuid: NetUid) -> Weight {
		let stale = Self::key(netuid);
		let queued = StaleGenerations::<T>::mutate(|queue| queue.try_push(stale).is_ok());
		if !queued {
			// The queue is full (over a thousand dissolutions pending): clear at once.
			Self::clear_generation(stale, T::MaxUids::get());
		}
		Generation::<T>::mutate(netuid, |generation| *generation = generation.saturating_add(1));
		ValidatorPermits::<T>::remove(netuid);
		Outputs::<T>::remove(netuid);
		BondsUpdatedAt::<T>::remove(netuid);
		if queued {
			T::DbWeight::get().reads_writes(2, 5)
		} else {
			Self::clear_cost(T::MaxUids::get())
		}
	}

	fn weight_bound() -> Weight {
		T::DbWeight::get().reads_writes(2, 5)
	}
}

/// Entries cleared per map and step of `on_idle`.
const CLEAR_STEP: u32 = 256;

impl<T: Config> Pallet<T> {
	/// What clearing up to `limit` entries from each per-UID map costs.
	fn clear_cost(limit: u32) -> Weight {
		T::DbWeight::get().reads_writes(1, u64::from(limit).saturating_mul(4).saturating_add(1))
	}

	/// Removes up to `limit` entries of `key` from each per-UID map; true when none are left.
	fn clear_generation(key: SubnetKey, limit: u32) -> bool {
		let done = [
			Weights::<T>::clear_prefix(key, limit, None).maybe_cursor.is_none(),
			LastUpdate::<T>::clear_prefix(key, limit, None).maybe_cursor.is_none(),
			Bonds::<T>::clear_prefix(key, limit, None).maybe_cursor.is_none(),
			WeightCommits::<T>::clear_prefix(key, limit, None).maybe_cursor.is_none(),
		];
		done.iter().all(|&d| d)
	}

	/// Clears stale generations, step by step, while `remaining` allows.
	fn clear_stale(remaining: Weight) -> Weight {
		let step = Self::clear_cost(CLEAR_STEP);
		let mut used = T::DbWeight::get().reads(1);
		let mut queue = StaleGenerations::<T>::get();
		let mut changed = false;
		while let Some(&key) = queue.first() {
			if !used.saturating_add(step).all_lte(remaining) {
				break;
			}
			used = used.saturating_add(step);
			if Self::clear_generation(key, CLEAR_STEP) {
				queue.remove(0);
				changed = true;
			}
		}
		if changed {
			StaleGenerations::<T>::put(queue);
			used = used.saturating_add(T::DbWeight::get().writes(1));
		}
		used
	}
}

impl<T: Config> Pallet<T> {
	/// The checks the transaction pool can make before a weight call reaches a block: the
	/// subnet exists, `hotkey` is registered in it, holds a permit (unless the row may be a lone
	/// self-weight, which the call checks in full), and, for `rate_limited` calls, is past the
	/// weights rate limit.
	pub fn check_caller(
		netuid: NetUid,
		hotkey: &T::AccountId,
		rate_limited: bool,
		may_lack_permit: bool,
	) -> Result<(), Error<T>> {
		let params = T::Subnets::hyperparams(netuid).ok_or(Error::<T>::SubnetNotFound)?;
		let uid = T::Subnets::uid_of(netuid, hotkey).ok_or(Error::<T>::HotkeyNotRegistered)?;
		let permitted =
			ValidatorPermits::<T>::get(netuid).get(usize::from(uid.0)).copied().unwrap_or(false);
		ensure!(permitted || may_lack_permit, Error::<T>::NoValidatorPermit);
		if rate_limited {
			if let Some(last) = LastUpdate::<T>::get(Self::key(netuid), uid) {
				ensure!(
					Self::now().saturating_sub(last) >= params.weights_rate_limit,
					Error::<T>::WeightsRateLimitExceeded
				);
			}
		}
		Ok(())
	}
}
