//! # Root pallet
//!
//! The root network, netuid 0 (protocol brief, section 8): the subnets' shares of block emission.
//! At most `MaxRootValidators` root validators, the top stakers, join with [`Pallet::root_register`]
//! and weight subnets with [`Pallet::set_root_weights`] (uids are netuids). A subnet's share is
//! the incentive Yuma consensus (κ 0.5) computes over that root weight matrix, the validators
//! voting with their stake. Without root weights (or root stake), shares are equal among the
//! *active* subnets (their last epoch reached a consensus), or among all subnets while none is.
//!
//! ## When shares are computed
//! Once per root tempo ([`Tempo`], a genesis setting): in the block where
//! `taonet_primitives::epoch_index(NetUid::ROOT, tempo, block)` changes, as a subnet's epoch
//! starts, and in the block after a subnet is registered or dissolved, so that a new subnet has a
//! share from its first block of emission. In between, the stored shares ([`SubnetShares`])
//! stand: root weights set mid-tempo count from the next root epoch, as subnet weights count
//! from the next epoch of their subnet. A tempo of 0 recomputes every block.
//!
//! ## Who reads the shares
//! This pallet owns them and implements [`taonet_primitives::EmissionShares`]: the emission
//! pallet splits each block's emission by them, the subnets pallet prunes the subnet with the
//! lowest. The runtime declares this pallet before emission, so its `on_initialize` runs first
//! and emission splits a block by the shares computed in it.
//!
//! ## Weight
//! `on_initialize` reads two values every block; a block that computes shares is charged the
//! benchmarked [`WeightInfo::update_shares`] at the subnets and root validators there are.

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
use frame_support::{pallet_prelude::*, weights::Weight};
use frame_system::pallet_prelude::*;
use sp_runtime::traits::UniqueSaturatedInto;
use taonet_primitives::{
	epoch_index, BlockNumber, EmissionShares, HotkeyOwnership, NetUid, NeuronHooks, StakeInterface,
	SubnetActivity, SubnetsInterface, Uid,
};

/// The root tempo of a chain whose genesis does not set one: a new subnet's tempo
/// ([`taonet_primitives::DEFAULT_TEMPO`], 360 blocks).
pub const DEFAULT_ROOT_TEMPO: u16 = taonet_primitives::DEFAULT_TEMPO;

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

	/// The root pallet.
	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The subnets root validators weight.
		type Subnets: SubnetsInterface<Self::AccountId>;
		/// Who owns each hotkey.
		type Hotkeys: HotkeyOwnership<Self::AccountId>;
		/// Stake: a root validator votes with its hotkey's.
		type Stake: StakeInterface<Self::AccountId>;
		/// Which subnets reached a consensus in their last epoch (the consensus pallet).
		type Activity: SubnetActivity;
		/// Most subnets (bounds root weight rows).
		#[pallet::constant]
		type MaxSubnets: Get<u32>;
		/// Most root validators (64).
		#[pallet::constant]
		type MaxRootValidators: Get<u32>;
		/// Measured weights of the calls and of computing the shares.
		type WeightInfo: WeightInfo;
		/// Creates subnets and neurons for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: taonet_primitives::SubnetsBenchmarkHelper<Self::AccountId>;
	}

	#[pallet::type_value]
	pub fn DefaultTempo() -> u16 {
		DEFAULT_ROOT_TEMPO
	}

	/// The root network's validators: hotkeys among the top stakers.
	#[pallet::storage]
	pub type RootValidators<T: Config> =
		StorageValue<_, BoundedVec<T::AccountId, T::MaxRootValidators>, ValueQuery>;

	/// Each root validator's weights over subnets: `(netuid, weight)`, largest `u16::MAX`. A
	/// netuid is stored as the `u16` it encodes to.
	#[pallet::storage]
	pub type RootWeights<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		BoundedVec<(NetUid, u16), T::MaxSubnets>,
		ValueQuery,
	>;

	/// Each subnet's share of block emission, as last computed (relative weights).
	#[pallet::storage]
	pub type SubnetShares<T: Config> = StorageMap<_, Twox64Concat, NetUid, u64, ValueQuery>;

	/// Blocks between two computations of the shares: they are computed where
	/// `epoch_index(NetUid::ROOT, tempo, block)` changes. Set at genesis.
	#[pallet::storage]
	pub type Tempo<T: Config> = StorageValue<_, u16, ValueQuery, DefaultTempo>;

	/// A subnet was registered or dissolved since the shares were last computed: the next
	/// block computes them, whatever the tempo.
	#[pallet::storage]
	pub type SharesDue<T: Config> = StorageValue<_, bool, ValueQuery>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The root tempo; [`DEFAULT_ROOT_TEMPO`] if unset.
		pub tempo: Option<u16>,
		#[serde(skip)]
		pub _config: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			if let Some(tempo) = self.tempo {
				Tempo::<T>::put(tempo);
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `hotkey` joined the root network, replacing `replaced` if it was full.
		RootRegistered { hotkey: T::AccountId, replaced: Option<T::AccountId> },
		/// A root validator set its weights over `entries` subnets.
		RootWeightsSet { hotkey: T::AccountId, entries: u32 },
		/// The subnets' emission shares changed.
		SharesUpdated { subnets: u32 },
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

		/// Sets the signing root validator's weights over subnets (uids are netuids); they
		/// count from the next root epoch. The version key is accepted as is: the root network
		/// has no hyperparameters.
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

	/// Whether `block` starts a root epoch.
	pub fn is_root_epoch(block: BlockNumber) -> bool {
		let tempo = Tempo::<T>::get();
		block > 0
			&& epoch_index(NetUid::ROOT, tempo, block)
				!= epoch_index(NetUid::ROOT, tempo, block.saturating_sub(1))
	}

	/// One block: computes the shares if a root epoch starts or the subnets changed. Returns
	/// the weight used.
	pub fn on_block() -> Weight {
		let mut used = T::DbWeight::get().reads(2);
		if !SharesDue::<T>::get() && !Self::is_root_epoch(Self::now()) {
			return used;
		}
		used = used.saturating_add(Self::update_shares(&T::Subnets::subnets()));
		SharesDue::<T>::kill();
		used.saturating_add(T::DbWeight::get().writes(1))
	}

	/// Computes the shares of `subnets` and stores them if they changed. Returns its
	/// benchmarked weight at the subnets and root validators there were.
	pub fn update_shares(subnets: &[NetUid]) -> Weight {
		let validators = RootValidators::<T>::get();
		let weight = T::WeightInfo::update_shares(
			u32::try_from(subnets.len()).unwrap_or(u32::MAX),
			u32::try_from(validators.len()).unwrap_or(u32::MAX),
		);
		let shares = Self::compute_shares(subnets, &validators);
		let changed = subnets.iter().zip(&shares).any(|(n, &w)| SubnetShares::<T>::get(n) != w);
		if !changed {
			return weight;
		}
		for (&netuid, &share) in subnets.iter().zip(&shares) {
			SubnetShares::<T>::insert(netuid, share);
		}
		Self::deposit_event(Event::SharesUpdated {
			subnets: u32::try_from(subnets.len()).unwrap_or(u32::MAX),
		});
		weight
	}

	/// Each subnet's share weight: the incentive Yuma consensus gives it over the root weight
	/// matrix (root validators as rows, by stake; κ 0.5), or, when that gives nothing (no root
	/// validators, no weights, no stake), equal shares among the *active* subnets
	/// ([`SubnetActivity::is_active`]), so that a subnet nobody scores does not pay its
	/// emission to raw stake. While no subnet is active (a new chain), all subnets share
	/// equally, so that the first epochs have something to pay.
	pub fn compute_shares(subnets: &[NetUid], validators: &[T::AccountId]) -> Vec<u64> {
		let v = validators.len();
		let n = v.saturating_add(subnets.len());
		let column = |netuid: NetUid| {
			subnets
				.iter()
				.position(|&s| s == netuid)
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
		// The root network scores with a new subnet's defaults (κ, bonds), every root
		// validator holding a permit and none ever inactive.
		let params = taonet_yuma::Params {
			max_validators: u16::try_from(v).unwrap_or(u16::MAX),
			activity_cutoff: u64::MAX,
			..taonet_primitives::SubnetHyperparams::default().epoch_params()
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
			subnets.iter().map(|&netuid| u64::from(T::Activity::is_active(netuid))).collect();
		if active.contains(&1) {
			active
		} else {
			vec![1; subnets.len()]
		}
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
		let row: Vec<(NetUid, u16)> = taonet_yuma::max_upscaled(netuids, weights, max)
			.into_iter()
			.map(|(netuid, weight)| (NetUid(netuid), weight))
			.collect();
		let entries = u32::try_from(row.len()).unwrap_or(u32::MAX);
		RootWeights::<T>::insert(&hotkey, BoundedVec::truncate_from(row));
		Self::deposit_event(Event::RootWeightsSet { hotkey, entries });
		Ok(())
	}

	/// The root network's invariants: validators are distinct; only validators have weights,
	/// and only on live subnets; only live subnets have shares.
	#[cfg(any(feature = "try-runtime", feature = "std", test))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		let validators = RootValidators::<T>::get();
		for (i, hotkey) in validators.iter().enumerate() {
			ensure!(!validators.iter().skip(i.saturating_add(1)).any(|h| h == hotkey), "twice");
		}
		for (hotkey, row) in RootWeights::<T>::iter() {
			ensure!(
				validators.contains(&hotkey),
				"root weights of a hotkey not in the root network"
			);
			ensure!(
				row.iter().all(|&(netuid, _)| T::Subnets::is_subnet(netuid)),
				"a root weight on no subnet"
			);
		}
		for netuid in SubnetShares::<T>::iter_keys() {
			ensure!(T::Subnets::is_subnet(netuid), "a share of no subnet");
		}
		Ok(())
	}
}

impl<T: Config> Pallet<T> {
	/// Each subnet's share of block emission, in parts per billion of all the shares (rounded
	/// down), as clients read them; a subnet without a share is absent.
	pub fn shares_ppb() -> alloc::collections::BTreeMap<NetUid, u32> {
		let shares: Vec<(NetUid, u64)> = SubnetShares::<T>::iter().collect();
		let total: u128 = shares.iter().map(|&(_, share)| u128::from(share)).sum();
		shares
			.into_iter()
			.map(|(netuid, share)| {
				let ppb = u128::from(share)
					.saturating_mul(1_000_000_000)
					.checked_div(total)
					.and_then(|p| u32::try_from(p).ok())
					.unwrap_or(0);
				(netuid, ppb)
			})
			.collect()
	}
}

impl<T: Config> EmissionShares for Pallet<T> {
	fn share_of(netuid: NetUid) -> u64 {
		SubnetShares::<T>::get(netuid)
	}
}

impl<T: Config> NeuronHooks for Pallet<T> {
	fn on_neuron_replaced(_: NetUid, _: Uid) -> Weight {
		Weight::zero()
	}

	/// The next block computes the shares, the new subnet's included.
	fn on_subnet_added(_: NetUid) -> Weight {
		SharesDue::<T>::put(true);
		T::DbWeight::get().writes(1)
	}

	/// The subnet's share goes, and root validators' weights on the netuid are dropped, so
	/// that a new subnet at the netuid starts from nothing; the next block computes the
	/// remaining subnets' shares.
	fn on_subnet_removed(netuid: NetUid) -> Weight {
		SubnetShares::<T>::remove(netuid);
		SharesDue::<T>::put(true);
		let validators = RootValidators::<T>::get();
		for hotkey in validators.iter() {
			RootWeights::<T>::mutate(hotkey, |row| row.retain(|&(n, _)| n != netuid));
		}
		let rows = u64::try_from(validators.len()).unwrap_or(u64::MAX);
		T::DbWeight::get().reads_writes(rows.saturating_add(1), rows.saturating_add(2))
	}

	fn weight_bound() -> Weight {
		let rows = u64::from(T::MaxRootValidators::get());
		T::DbWeight::get().reads_writes(rows.saturating_add(1), rows.saturating_add(2))
	}
}
