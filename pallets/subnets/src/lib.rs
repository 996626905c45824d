//! # Subnets pallet
//!
//! Subnets are Taonet's markets, one AI task each; neurons are the hotkeys registered in them.
//! This pallet keeps both (protocol brief, sections 3 and 4): who owns a subnet, the TAO it has
//! locked, its hyperparameters, and for every neuron its UID, hotkey, registration block and
//! published endpoints. Other pallets read it through
//! [`SubnetsInterface`] and [`HotkeyOwnership`] and are told of removals through
//! [`NeuronHooks`].
//!
//! ## Terms
//! - **Coldkey**: the account that pays and owns. **Hotkey**: a neuron's identity, owned by one
//!   coldkey forever, bound the first time it registers (never by stake); [`HotkeyBoundAt`]
//!   keeps when.
//! - **Lock**: TAO held (not burned, not transferred) from a subnet's owner under
//!   [`HoldReason::SubnetLock`] while the subnet exists, and released to the owner when it is
//!   dissolved, by the owner, by governance or by pruning. Lock cost:
//!   `max(min_lock, 2 * last_lock - last_lock * (now - last_lock_block) / lock_reduction_interval)`.
//! - **Burn**: the price of `burned_register`, removed from total issuance ("recycled"). It
//!   decays by `2^(-1/half_life)` each block and is multiplied by the increase factor at each
//!   registration, within `[min_burn, max_burn]`. The decay is computed when the burn is read,
//!   from the last stored price and block ([`BurnInfo`]), so it costs nothing per block.
//! - **UIDs** are dense from 0. A full subnet replaces the neuron with the lowest pruning score
//!   (its last epoch emission, [`Config::Scores`]: the consensus pallet's) among those past their immunity period, ties to the earliest
//!   registration, then the lowest UID; the owner hotkey is never replaced.
//! - **Subnet limit**: registering a subnet at the limit prunes the subnet with the lowest
//!   emission share among those past the network immunity period, ties to the oldest, then the
//!   lowest netuid. The new subnet takes the lowest free netuid from 1 (0 is the root network).
//!
//! ## Calls
//! | index | call | origin |
//! |---|---|---|
//! | 0 | `register_network(hotkey)` | signed (coldkey) |
//! | 1 | `dissolve_network(netuid)` | the owner, or governance |
//! | 2 | `set_hyperparameter(netuid, param)` | the owner for owner-settable parameters, or governance |
//! | 3 | `burned_register(netuid, hotkey, max_burn)` | signed (coldkey) |
//! | 4 | `serve_axon(netuid, version, ip, port, ip_type, protocol)` | signed (hotkey) |
//! | 5 | `serve_prometheus(netuid, version, ip, port, ip_type)` | signed (hotkey) |
//! | 6 | `set_network_parameter(param)` | governance |
//!
//! ## Protections for registrants and other owners
//! - `burned_register` carries the most the signer agrees to burn (`max_burn`): a burn raised
//!   between signing and inclusion (by registrations ahead of it in the block, or by
//!   governance) fails the call with [`Error::BurnAboveLimit`] and burns nothing.
//! - What a registrant pays and how long it is safe (min and max burn, whether registration is
//!   open, the immunity period) are governance-only, as Bittensor keeps
//!   `registration_allowed`: an owner cannot change them under a registrant it sees coming.
//! - A subnet dissolved (by its owner or governance) before any other subnet registered after
//!   it gives back the price memory and the rate-limit slot it took: the next registrant sees
//!   the lock cost and rate limit as if it had never existed.
//!
//! Every hyperparameter with its default, bounds and setter is declared once, in the table of
//! `taonet_primitives` (`SubnetHyperparams`, [`SubnetParam`]), checked in one place,
//! [`SubnetParam::bounds`], and listed in the pallet's README (`pallets/subnets/README.md`).

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
pub use types::*;
pub use weights::WeightInfo;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
mod types;
mod views;
pub mod weights;

use alloc::vec::Vec;
use frame_support::{
	pallet_prelude::*,
	traits::{
		fungible::{Inspect, Mutate, MutateHold},
		tokens::{Fortitude, Precision, Preservation},
	},
};
use frame_system::pallet_prelude::*;
use sp_runtime::traits::UniqueSaturatedInto;
use taonet_primitives::{
	Balance, BlockNumber, EmissionShares, HotkeyOwnership, NetUid, NeuronHooks, NeuronScores,
	SubnetHyperparams, SubnetsInterface, Uid, TAO,
};
use taonet_yuma::Fixed;

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

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	/// The subnets pallet.
	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Why this pallet holds TAO.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// A subnet's lock, held from its owner while the subnet exists.
		SubnetLock,
	}

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// Balances: locks are held, burns are burned.
		type Currency: Inspect<Self::AccountId, Balance = Balance>
			+ Mutate<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The runtime's hold reasons, which include this pallet's.
		type RuntimeHoldReason: From<HoldReason>;

		/// The origin that may change global parameters, any hyperparameter, and dissolve any
		/// subnet.
		type GovernanceOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Other pallets' per-UID and per-subnet state to clear.
		type NeuronHooks: NeuronHooks;

		/// The subnets' emission shares (the root network's): the lowest is pruned first.
		type Shares: EmissionShares;

		/// The neurons' pruning scores (the consensus pallet's): the lowest is replaced first.
		type Scores: NeuronScores;

		/// Hard cap on the number of subnets, whatever the subnet limit says (bounds storage and
		/// the pruning scan).
		#[pallet::constant]
		type MaxSubnets: Get<u16>;

		/// Weights of the calls.
		type WeightInfo: WeightInfo;
	}

	/// Registered subnets (not the root network). Counted: the count is checked against the
	/// subnet limit.
	#[pallet::storage]
	pub type Networks<T: Config> =
		CountedStorageMap<_, Twox64Concat, NetUid, SubnetInfo<T::AccountId>>;

	/// Each subnet's hyperparameters.
	#[pallet::storage]
	pub type Hyperparams<T: Config> = StorageMap<_, Twox64Concat, NetUid, SubnetHyperparams>;

	/// Each subnet's registration burn, decaying from the last stored value.
	#[pallet::storage]
	pub type Burn<T: Config> = StorageMap<_, Twox64Concat, NetUid, BurnInfo>;

	/// Registrations in a subnet during one block: `(block, count)`.
	#[pallet::storage]
	pub type RegistrationsThisBlock<T: Config> =
		StorageMap<_, Twox64Concat, NetUid, (BlockNumber, u16), ValueQuery>;

	/// How many times a subnet at each netuid was dissolved ([`SubnetsInterface::generation`]).
	#[pallet::storage]
	pub type Generation<T: Config> = StorageMap<_, Twox64Concat, NetUid, u32, ValueQuery>;

	/// Number of neurons in a subnet: its UIDs are `0..count`.
	#[pallet::storage]
	pub type NeuronCount<T: Config> = StorageMap<_, Twox64Concat, NetUid, u16, ValueQuery>;

	/// The hotkey at each UID.
	#[pallet::storage]
	pub type Keys<T: Config> =
		StorageDoubleMap<_, Twox64Concat, NetUid, Twox64Concat, Uid, T::AccountId>;

	/// The UID of each registered hotkey.
	#[pallet::storage]
	pub type Uids<T: Config> =
		StorageDoubleMap<_, Twox64Concat, NetUid, Blake2_128Concat, T::AccountId, Uid>;

	/// For each UID of a subnet, the block its current holder registered.
	#[pallet::storage]
	pub type RegisteredAt<T: Config> = StorageMap<
		_,
		Twox64Concat,
		NetUid,
		BoundedVec<BlockNumber, ConstU32<{ MAX_UIDS_LIMIT as u32 }>>,
		ValueQuery,
	>;

	/// Published miner endpoints, by subnet and hotkey.
	#[pallet::storage]
	pub type Axons<T: Config> =
		StorageDoubleMap<_, Twox64Concat, NetUid, Blake2_128Concat, T::AccountId, AxonInfo>;

	/// Published metrics endpoints, by subnet and hotkey.
	#[pallet::storage]
	pub type Prometheus<T: Config> =
		StorageDoubleMap<_, Twox64Concat, NetUid, Blake2_128Concat, T::AccountId, PrometheusInfo>;

	/// The coldkey that owns each hotkey, forever.
	#[pallet::storage]
	pub type HotkeyOwner<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, T::AccountId>;

	/// Most subnets at once (default 32), at most [`Config::MaxSubnets`].
	#[pallet::storage]
	pub type SubnetLimit<T: Config> = StorageValue<_, u16, ValueQuery, DefaultSubnetLimit>;

	/// Lowest lock cost (default 1,000 TAO).
	#[pallet::storage]
	pub type MinLockCost<T: Config> = StorageValue<_, Balance, ValueQuery, DefaultMinLockCost>;

	/// Blocks over which the lock cost decays back to the minimum (default 100,800: 14 days).
	#[pallet::storage]
	pub type LockReductionInterval<T: Config> =
		StorageValue<_, BlockNumber, ValueQuery, DefaultLockReductionInterval>;

	/// Blocks between two subnet registrations (default 7,200; 0 on development chains).
	#[pallet::storage]
	pub type NetworkRateLimit<T: Config> =
		StorageValue<_, BlockNumber, ValueQuery, DefaultNetworkRateLimit>;

	/// Blocks during which a new subnet cannot be pruned (default 50,400).
	#[pallet::storage]
	pub type NetworkImmunityPeriod<T: Config> =
		StorageValue<_, BlockNumber, ValueQuery, DefaultNetworkImmunityPeriod>;

	/// The last lock paid and the block it was paid: the lock cost formula's memory.
	#[pallet::storage]
	pub type LastLock<T: Config> = StorageValue<_, (Balance, BlockNumber), ValueQuery>;

	/// The block of the last subnet registration, for the rate limit.
	#[pallet::storage]
	pub type LastNetworkRegistration<T: Config> = StorageValue<_, BlockNumber, OptionQuery>;

	/// The block each hotkey was bound to its coldkey (its first registration): the take's rate
	/// limit counts from it.
	#[pallet::storage]
	pub type HotkeyBoundAt<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, BlockNumber>;

	/// All TAO recycled by registration burns since genesis, in rao.
	#[pallet::storage]
	pub type TotalRecycled<T: Config> = StorageValue<_, Balance, ValueQuery>;

	/// Default of [`SubnetLimit`].
	#[pallet::type_value]
	pub fn DefaultSubnetLimit() -> u16 {
		32
	}
	/// Default of [`MinLockCost`].
	#[pallet::type_value]
	pub fn DefaultMinLockCost() -> Balance {
		1_000 * TAO
	}
	/// Default of [`LockReductionInterval`].
	#[pallet::type_value]
	pub fn DefaultLockReductionInterval() -> BlockNumber {
		100_800
	}
	/// Default of [`NetworkRateLimit`].
	#[pallet::type_value]
	pub fn DefaultNetworkRateLimit() -> BlockNumber {
		7_200
	}
	/// Default of [`NetworkImmunityPeriod`].
	#[pallet::type_value]
	pub fn DefaultNetworkImmunityPeriod() -> BlockNumber {
		50_400
	}

	/// Global parameters at genesis; unset ones keep their defaults.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Blocks between two subnet registrations (development chains use 0).
		pub network_rate_limit: Option<BlockNumber>,
		/// Lowest lock cost, in rao.
		pub min_lock_cost: Option<Balance>,
		/// Most subnets.
		pub subnet_limit: Option<u16>,
		#[serde(skip)]
		pub _config: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		/// Applies the parameters; a value outside its bounds makes the chain spec fail to build.
		fn build(&self) {
			let params = [
				self.network_rate_limit.map(NetworkParam::NetworkRateLimit),
				self.min_lock_cost.map(NetworkParam::MinLockCost),
				self.subnet_limit.map(NetworkParam::SubnetLimit),
			];
			for param in params.into_iter().flatten() {
				let applied = Pallet::<T>::do_set_network_parameter(param.clone());
				assert!(applied.is_ok(), "genesis parameter out of bounds: {param:?}");
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A subnet was registered; `lock` is held from `owner`.
		NetworkRegistered {
			netuid: NetUid,
			owner: T::AccountId,
			hotkey: T::AccountId,
			lock: Balance,
		},
		/// A subnet was dissolved and its lock released to its owner. `pruned`: to make room
		/// for a new subnet (otherwise by its owner or governance).
		NetworkDissolved { netuid: NetUid, owner: T::AccountId, refunded: Balance, pruned: bool },
		/// A hyperparameter of a subnet changed.
		HyperparameterSet { netuid: NetUid, param: SubnetParam },
		/// A global parameter changed.
		NetworkParameterSet { param: NetworkParam },
		/// A hotkey was bound to its coldkey, for good.
		HotkeyBound { hotkey: T::AccountId, coldkey: T::AccountId },
		/// A neuron registered at `uid`, paying `burn` (0 for a subnet's owner hotkey).
		NeuronRegistered {
			netuid: NetUid,
			uid: Uid,
			hotkey: T::AccountId,
			coldkey: T::AccountId,
			burn: Balance,
		},
		/// `uid` was taken from `old_hotkey` (pruned) for a new registration.
		NeuronReplaced {
			netuid: NetUid,
			uid: Uid,
			old_hotkey: T::AccountId,
			new_hotkey: T::AccountId,
		},
		/// TAO was removed from total issuance by a registration burn.
		Recycled { netuid: NetUid, who: T::AccountId, amount: Balance },
		/// The subnet's burn is now `burn` (after a registration or a governance change).
		BurnSet { netuid: NetUid, burn: Balance },
		/// A hotkey published its axon.
		AxonServed { netuid: NetUid, hotkey: T::AccountId, axon: AxonInfo },
		/// A hotkey published its Prometheus endpoint.
		PrometheusServed { netuid: NetUid, hotkey: T::AccountId, prometheus: PrometheusInfo },
		/// A dissolved subnet was the last registered: the lock cost's memory and the last
		/// registration block are back to their values before it.
		RegistrationMemoryRestored {
			last_lock: Balance,
			last_lock_block: BlockNumber,
			last_registration: Option<BlockNumber>,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No subnet has this netuid.
		SubnetNotFound,
		/// The signer does not own this subnet.
		NotSubnetOwner,
		/// Only governance may set this hyperparameter.
		GovernanceOnly,
		/// The value is outside the parameter's bounds.
		ParameterOutOfBounds,
		/// The hotkey is bound to a different coldkey.
		HotkeyOwnedByAnotherColdkey,
		/// The hotkey is already registered in this subnet.
		HotkeyAlreadyRegistered,
		/// The hotkey is not registered in this subnet.
		HotkeyNotRegistered,
		/// The subnet is full and every neuron is still immune (or is the owner's).
		AllNeuronsImmune,
		/// The subnet limit is reached and every subnet is still immune.
		AllSubnetsImmune,
		/// A subnet was registered less than the network rate limit ago.
		NetworkRateLimitExceeded,
		/// The subnet does not accept registrations now.
		RegistrationDisabled,
		/// The subnet's registrations for this block are used up.
		TooManyRegistrationsThisBlock,
		/// The coldkey cannot pay the lock cost and stay alive.
		CannotAffordLock,
		/// The coldkey cannot pay the registration burn and stay alive.
		CannotAffordBurn,
		/// The IP type is neither 4 nor 6.
		InvalidIpType,
		/// The IP address is unspecified, broadcast, or too large for its type.
		InvalidIpAddress,
		/// The port is 0.
		InvalidPort,
		/// This hotkey served an endpoint less than the serving rate limit ago.
		ServingRateLimitExceeded,
		/// All netuids up to the hard cap are taken. Cannot happen while the subnet limit is at
		/// most the hard cap (a full set of subnets prunes one first); kept as a defensive error.
		NoFreeNetuid,
		/// The lock could not be released to the subnet's owner.
		LockReleaseFailed,
		/// The subnet's burn is above the `max_burn` the caller signed.
		BurnAboveLimit,
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
		/// Registers a new subnet owned by the signer, with `hotkey` as its owner hotkey (UID 0).
		/// Holds the current lock cost from the signer. At the subnet limit, first dissolves the
		/// weakest subnet past its immunity.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register_network(MAX_UIDS_LIMIT.into())
			.saturating_add(T::NeuronHooks::weight_bound()))]
		pub fn register_network(
			origin: OriginFor<T>,
			hotkey: T::AccountId,
		) -> DispatchResultWithPostInfo {
			let coldkey = ensure_signed(origin)?;
			let (pruned_neurons, hooks) = Self::do_register_network(&coldkey, &hotkey)?;
			let actual =
				T::WeightInfo::register_network(pruned_neurons.into()).saturating_add(hooks);
			Ok(Some(actual).into())
		}

		/// Dissolves a subnet: releases its lock to its owner and removes its neurons. By the
		/// owner or governance.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::dissolve_network(MAX_UIDS_LIMIT.into())
			.saturating_add(T::NeuronHooks::weight_bound()))]
		pub fn dissolve_network(
			origin: OriginFor<T>,
			netuid: NetUid,
		) -> DispatchResultWithPostInfo {
			let subnet = Networks::<T>::get(netuid).ok_or(Error::<T>::SubnetNotFound)?;
			Self::ensure_owner_or_governance(origin, &subnet)?;
			let (neurons, hooks) = Self::remove_subnet(netuid, false)?;
			Self::restore_registration_memory(&subnet);
			let actual = T::WeightInfo::dissolve_network(neurons.into()).saturating_add(hooks);
			Ok(Some(actual).into())
		}

		/// Sets one hyperparameter of a subnet, within its bounds. The owner may set the
		/// owner-settable ones; governance any.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::set_hyperparameter())]
		pub fn set_hyperparameter(
			origin: OriginFor<T>,
			netuid: NetUid,
			param: SubnetParam,
		) -> DispatchResult {
			let subnet = Networks::<T>::get(netuid).ok_or(Error::<T>::SubnetNotFound)?;
			let by_governance = Self::ensure_owner_or_governance(origin, &subnet)?;
			Self::do_set_hyperparameter(netuid, param, by_governance)
		}

		/// Registers `hotkey` in a subnet, paying (recycling) the subnet's current burn from the
		/// signer, if it is at most `max_burn`. Takes the next free UID, or replaces the weakest
		/// neuron past its immunity.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::burned_register(MAX_UIDS_LIMIT.into())
			.saturating_add(T::NeuronHooks::weight_bound()))]
		pub fn burned_register(
			origin: OriginFor<T>,
			netuid: NetUid,
			hotkey: T::AccountId,
			max_burn: Balance,
		) -> DispatchResultWithPostInfo {
			let coldkey = ensure_signed(origin)?;
			let (neurons, hooks) = Self::do_burned_register(netuid, &coldkey, &hotkey, max_burn)?;
			let actual = T::WeightInfo::burned_register(neurons.into()).saturating_add(hooks);
			Ok(Some(actual).into())
		}

		/// Publishes the signing hotkey's axon (miner endpoint) in a subnet where it is
		/// registered.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::serve_axon())]
		pub fn serve_axon(
			origin: OriginFor<T>,
			netuid: NetUid,
			version: u32,
			ip: u128,
			port: u16,
			ip_type: u8,
			protocol: u8,
		) -> DispatchResult {
			let hotkey = ensure_signed(origin)?;
			Self::do_serve_axon(netuid, hotkey, version, ip, port, ip_type, protocol)
		}

		/// Publishes the signing hotkey's Prometheus (metrics) endpoint in a subnet where it is
		/// registered.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::serve_prometheus())]
		pub fn serve_prometheus(
			origin: OriginFor<T>,
			netuid: NetUid,
			version: u32,
			ip: u128,
			port: u16,
			ip_type: u8,
		) -> DispatchResult {
			let hotkey = ensure_signed(origin)?;
			Self::do_serve_prometheus(netuid, hotkey, version, ip, port, ip_type)
		}

		/// Sets a global parameter, within its bounds. Governance only.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::set_network_parameter())]
		pub fn set_network_parameter(origin: OriginFor<T>, param: NetworkParam) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_set_network_parameter(param)
		}
	}
}

/// `ln 2` in Q32.32, rounded to nearest.
const LN_2: u64 = 2_977_044_472;

impl<T: Config> Pallet<T> {
	/// The current block as a [`BlockNumber`].
	pub fn now() -> BlockNumber {
		frame_system::Pallet::<T>::block_number().unique_saturated_into()
	}

	/// What registering a subnet costs now.
	pub fn lock_cost() -> Balance {
		let (last_lock, last_block) = LastLock::<T>::get();
		let elapsed = Self::now().saturating_sub(last_block);
		let interval = LockReductionInterval::<T>::get().max(1);
		let decay = u128::from(last_lock)
			.saturating_mul(elapsed.into())
			.checked_div(interval.into())
			.unwrap_or(0);
		let decayed = u128::from(last_lock).saturating_mul(2).saturating_sub(decay);
		Balance::try_from(decayed).unwrap_or(Balance::MAX).max(MinLockCost::<T>::get())
	}

	/// A subnet's registration burn now: the stored price decayed by `2^(-elapsed/half_life)`,
	/// clamped to its bounds. 0 for an unknown subnet.
	pub fn current_burn(netuid: NetUid) -> Balance {
		let (Some(params), Some(burn)) = (Hyperparams::<T>::get(netuid), Burn::<T>::get(netuid))
		else {
			return 0;
		};
		let elapsed = Self::now().saturating_sub(burn.updated_at);
		let exponent =
			Fixed::from_bits(LN_2).mul_ratio(elapsed.into(), params.burn_half_life.max(1).into());
		let factor = Fixed::exp_neg(exponent);
		let decayed = u128::from(burn.price).saturating_mul(factor.to_bits().into()) >> 32;
		Balance::try_from(decayed).unwrap_or(Balance::MAX).clamp(params.min_burn, params.max_burn)
	}

	fn store_burn(netuid: NetUid, burn: Balance) {
		Burn::<T>::insert(netuid, BurnInfo { price: burn, updated_at: Self::now() });
		Self::deposit_event(Event::BurnSet { netuid, burn });
	}

	/// `set_hyperparameter` after the origin check.
	fn do_set_hyperparameter(
		netuid: NetUid,
		param: SubnetParam,
		by_governance: bool,
	) -> DispatchResult {
		ensure!(by_governance || !param.governance_only(), Error::<T>::GovernanceOnly);
		let mut params = Hyperparams::<T>::get(netuid).unwrap_or_default();
		if let Some((low, high)) = param.bounds(&params, NeuronCount::<T>::get(netuid)) {
			let value = param.value();
			ensure!(low <= value && value <= high, Error::<T>::ParameterOutOfBounds);
		}
		param.apply(&mut params);
		let burn = match param {
			// The current burn follows changed bounds or decay.
			SubnetParam::MinBurn(_) | SubnetParam::MaxBurn(_) | SubnetParam::BurnHalfLife(_) => {
				let current = Self::current_burn(netuid);
				Some(current.clamp(params.min_burn, params.max_burn))
			},
			_ => None,
		};
		// Decay up to now under the old parameters, then store with the new ones.
		if let Some(burn) = burn {
			Self::store_burn(netuid, burn);
		}
		Hyperparams::<T>::insert(netuid, params);
		Self::deposit_event(Event::HyperparameterSet { netuid, param });
		Ok(())
	}

	/// `serve_axon` after the origin check.
	fn do_serve_axon(
		netuid: NetUid,
		hotkey: T::AccountId,
		version: u32,
		ip: u128,
		port: u16,
		ip_type: u8,
		protocol: u8,
	) -> DispatchResult {
		let block = Self::check_serving(netuid, &hotkey, ip, port, ip_type, |n, h| {
			Axons::<T>::get(n, h).map(|axon| axon.block)
		})?;
		let axon = AxonInfo { block, version, ip, port, ip_type, protocol };
		Axons::<T>::insert(netuid, &hotkey, &axon);
		Self::deposit_event(Event::AxonServed { netuid, hotkey, axon });
		Ok(())
	}

	/// `serve_prometheus` after the origin check.
	fn do_serve_prometheus(
		netuid: NetUid,
		hotkey: T::AccountId,
		version: u32,
		ip: u128,
		port: u16,
		ip_type: u8,
	) -> DispatchResult {
		let block = Self::check_serving(netuid, &hotkey, ip, port, ip_type, |n, h| {
			Prometheus::<T>::get(n, h).map(|p| p.block)
		})?;
		let prometheus = PrometheusInfo { block, version, ip, port, ip_type };
		Prometheus::<T>::insert(netuid, &hotkey, &prometheus);
		Self::deposit_event(Event::PrometheusServed { netuid, hotkey, prometheus });
		Ok(())
	}

	/// `set_network_parameter` after the origin check.
	fn do_set_network_parameter(param: NetworkParam) -> DispatchResult {
		let subnets = u16::try_from(Networks::<T>::count()).unwrap_or(u16::MAX);
		let (low, high) = param.bounds(subnets, T::MaxSubnets::get());
		let value = param.value();
		ensure!(low <= value && value <= high, Error::<T>::ParameterOutOfBounds);
		match param {
			NetworkParam::SubnetLimit(v) => SubnetLimit::<T>::put(v),
			NetworkParam::MinLockCost(v) => MinLockCost::<T>::put(v),
			NetworkParam::LockReductionInterval(v) => LockReductionInterval::<T>::put(v),
			NetworkParam::NetworkRateLimit(v) => NetworkRateLimit::<T>::put(v),
			NetworkParam::NetworkImmunityPeriod(v) => NetworkImmunityPeriod::<T>::put(v),
		}
		Self::deposit_event(Event::NetworkParameterSet { param });
		Ok(())
	}

	/// `Ok(true)` for governance, `Ok(false)` for the subnet's owner, an error otherwise.
	fn ensure_owner_or_governance(
		origin: OriginFor<T>,
		subnet: &SubnetInfo<T::AccountId>,
	) -> Result<bool, DispatchError> {
		match T::GovernanceOrigin::try_origin(origin) {
			Ok(_) => Ok(true),
			Err(origin) => {
				let who = ensure_signed(origin)?;
				ensure!(who == subnet.owner, Error::<T>::NotSubnetOwner);
				Ok(false)
			},
		}
	}

	/// Binds `hotkey` to `coldkey` or checks that it already is.
	fn ensure_hotkey_of(hotkey: &T::AccountId, coldkey: &T::AccountId) -> DispatchResult {
		match HotkeyOwner::<T>::get(hotkey) {
			Some(owner) if &owner == coldkey => Ok(()),
			Some(_) => Err(Error::<T>::HotkeyOwnedByAnotherColdkey.into()),
			None => {
				Self::bind(hotkey, coldkey);
				Ok(())
			},
		}
	}

	/// Binds an unbound `hotkey` to `coldkey` for good, now.
	fn bind(hotkey: &T::AccountId, coldkey: &T::AccountId) {
		HotkeyOwner::<T>::insert(hotkey, coldkey);
		HotkeyBoundAt::<T>::insert(hotkey, Self::now());
		Self::deposit_event(Event::HotkeyBound {
			hotkey: hotkey.clone(),
			coldkey: coldkey.clone(),
		});
	}

	/// After a subnet's dissolution: if no subnet registered after it, the lock cost's memory
	/// and the rate limit's last registration go back to what they were before it, so that a
	/// register-then-dissolve leaves others neither a higher price nor a used-up slot.
	fn restore_registration_memory(subnet: &SubnetInfo<T::AccountId>) {
		let last_registration = LastNetworkRegistration::<T>::get();
		if last_registration == Some(subnet.registered_at)
			&& LastLock::<T>::get() == (subnet.lock, subnet.registered_at)
		{
			LastLock::<T>::put(subnet.prior_lock);
			match subnet.prior_registration {
				Some(block) => LastNetworkRegistration::<T>::put(block),
				None => LastNetworkRegistration::<T>::kill(),
			}
			Self::deposit_event(Event::RegistrationMemoryRestored {
				last_lock: subnet.prior_lock.0,
				last_lock_block: subnet.prior_lock.1,
				last_registration: subnet.prior_registration,
			});
		}
	}

	/// `register_network`; returns the number of neurons of a pruned subnet (0 if none) and
	/// the weight its hooks used.
	fn do_register_network(
		coldkey: &T::AccountId,
		hotkey: &T::AccountId,
	) -> Result<(u16, Weight), DispatchError> {
		let now = Self::now();
		if let Some(last) = LastNetworkRegistration::<T>::get() {
			ensure!(
				now.saturating_sub(last) >= NetworkRateLimit::<T>::get(),
				Error::<T>::NetworkRateLimitExceeded
			);
		}
		let lock = Self::lock_cost();
		ensure!(
			T::Currency::reducible_balance(coldkey, Preservation::Preserve, Fortitude::Polite)
				>= lock,
			Error::<T>::CannotAffordLock
		);
		Self::ensure_hotkey_of(hotkey, coldkey)?;

		let mut pruned = (0, Weight::zero());
		let limit = SubnetLimit::<T>::get().min(T::MaxSubnets::get());
		if Networks::<T>::count() >= u32::from(limit) {
			let weakest = Self::weakest_subnet(now).ok_or(Error::<T>::AllSubnetsImmune)?;
			pruned = Self::remove_subnet(weakest, true)?;
		}
		let netuid = (1..=T::MaxSubnets::get())
			.map(NetUid)
			.find(|netuid| !Networks::<T>::contains_key(netuid))
			.ok_or(Error::<T>::NoFreeNetuid)?;

		T::Currency::hold(&HoldReason::SubnetLock.into(), coldkey, lock)
			.map_err(|_| Error::<T>::CannotAffordLock)?;
		let prior_lock = LastLock::<T>::get();
		let prior_registration = LastNetworkRegistration::<T>::get();
		LastLock::<T>::put((lock, now));
		LastNetworkRegistration::<T>::put(now);
		Networks::<T>::insert(
			netuid,
			SubnetInfo {
				owner: coldkey.clone(),
				owner_hotkey: hotkey.clone(),
				lock,
				registered_at: now,
				prior_lock,
				prior_registration,
			},
		);
		let params = SubnetHyperparams::default();
		Hyperparams::<T>::insert(netuid, &params);
		Self::deposit_event(Event::NetworkRegistered {
			netuid,
			owner: coldkey.clone(),
			hotkey: hotkey.clone(),
			lock,
		});
		Self::store_burn(netuid, TAO.clamp(params.min_burn, params.max_burn));
		Self::append_neuron(netuid, coldkey, hotkey, 0)?;
		let added = T::NeuronHooks::on_subnet_added(netuid);
		Ok((pruned.0, pruned.1.saturating_add(added)))
	}

	/// The subnet to prune: lowest emission share among those past the network immunity,
	/// ties to the oldest, then the lowest netuid.
	fn weakest_subnet(now: BlockNumber) -> Option<NetUid> {
		let immunity = NetworkImmunityPeriod::<T>::get();
		Networks::<T>::iter()
			.filter(|(_, subnet)| now.saturating_sub(subnet.registered_at) >= immunity)
			.map(|(netuid, subnet)| {
				((T::Shares::share_of(netuid), subnet.registered_at, netuid), netuid)
			})
			.min_by_key(|(key, _)| *key)
			.map(|(_, netuid)| netuid)
	}

	/// Removes a subnet and all its neurons and releases its lock to its owner. Returns the
	/// number of neurons removed and the weight the hooks used.
	fn remove_subnet(netuid: NetUid, pruned: bool) -> Result<(u16, Weight), DispatchError> {
		let subnet = Networks::<T>::take(netuid).ok_or(Error::<T>::SubnetNotFound)?;
		let refunded = T::Currency::release(
			&HoldReason::SubnetLock.into(),
			&subnet.owner,
			subnet.lock,
			Precision::Exact,
		)
		.map_err(|_| Error::<T>::LockReleaseFailed)?;
		let neurons = NeuronCount::<T>::take(netuid);
		for (_, hotkey) in Keys::<T>::drain_prefix(netuid) {
			Uids::<T>::remove(netuid, &hotkey);
			Axons::<T>::remove(netuid, &hotkey);
			Prometheus::<T>::remove(netuid, &hotkey);
		}
		Hyperparams::<T>::remove(netuid);
		Burn::<T>::remove(netuid);
		RegistrationsThisBlock::<T>::remove(netuid);
		RegisteredAt::<T>::remove(netuid);
		let hooks = T::NeuronHooks::on_subnet_removed(netuid)
			.saturating_add(T::DbWeight::get().reads_writes(1, 1));
		// After the hooks, which still see the dissolved subnet's generation.
		Generation::<T>::mutate(netuid, |generation| *generation = generation.saturating_add(1));
		Self::deposit_event(Event::NetworkDissolved {
			netuid,
			owner: subnet.owner,
			refunded,
			pruned,
		});
		Ok((neurons, hooks))
	}

	/// `burned_register`; returns the subnet's neuron count before the registration (what the
	/// call's weight depends on) and the weight the hooks used.
	fn do_burned_register(
		netuid: NetUid,
		coldkey: &T::AccountId,
		hotkey: &T::AccountId,
		max_burn: Balance,
	) -> Result<(u16, Weight), DispatchError> {
		let subnet = Networks::<T>::get(netuid).ok_or(Error::<T>::SubnetNotFound)?;
		let params = Hyperparams::<T>::get(netuid).unwrap_or_default();
		ensure!(params.registration_allowed, Error::<T>::RegistrationDisabled);
		let now = Self::now();
		let (block, count) = RegistrationsThisBlock::<T>::get(netuid);
		let count = if block == now { count } else { 0 };
		ensure!(
			count < params.max_registrations_per_block,
			Error::<T>::TooManyRegistrationsThisBlock
		);
		ensure!(!Uids::<T>::contains_key(netuid, hotkey), Error::<T>::HotkeyAlreadyRegistered);
		let neurons = NeuronCount::<T>::get(netuid);
		// A full subnet needs a UID to replace before anything is paid.
		let replaced = if neurons < params.max_uids {
			None
		} else {
			Some(
				Self::neuron_to_replace(netuid, &subnet, &params, now)
					.ok_or(Error::<T>::AllNeuronsImmune)?,
			)
		};
		let burn = Self::current_burn(netuid);
		ensure!(burn <= max_burn, Error::<T>::BurnAboveLimit);
		Self::ensure_hotkey_of(hotkey, coldkey)?;

		T::Currency::burn_from(
			coldkey,
			burn,
			Preservation::Preserve,
			Precision::Exact,
			Fortitude::Polite,
		)
		.map_err(|_| Error::<T>::CannotAffordBurn)?;
		TotalRecycled::<T>::mutate(|total| *total = total.saturating_add(burn));
		Self::deposit_event(Event::Recycled { netuid, who: coldkey.clone(), amount: burn });

		let hooks = match replaced {
			None => {
				Self::append_neuron(netuid, coldkey, hotkey, burn)?;
				Weight::zero()
			},
			Some(uid) => Self::replace_neuron(netuid, uid, coldkey, hotkey, burn),
		};

		RegistrationsThisBlock::<T>::insert(netuid, (now, count.saturating_add(1)));
		let factor = u128::from(params.burn_increase_factor);
		let raised = u128::from(burn).saturating_mul(factor).checked_div(1_000_000).unwrap_or(0);
		let raised = Balance::try_from(raised).unwrap_or(Balance::MAX);
		Self::store_burn(netuid, raised.clamp(params.min_burn, params.max_burn));
		Ok((neurons, hooks))
	}

	/// Gives `hotkey` the next UID.
	fn append_neuron(
		netuid: NetUid,
		coldkey: &T::AccountId,
		hotkey: &T::AccountId,
		burn: Balance,
	) -> DispatchResult {
		let uid = Uid(NeuronCount::<T>::get(netuid));
		RegisteredAt::<T>::try_mutate(netuid, |blocks| blocks.try_push(Self::now()))
			.map_err(|_| Error::<T>::AllNeuronsImmune)?;
		NeuronCount::<T>::insert(netuid, uid.0.saturating_add(1));
		Keys::<T>::insert(netuid, uid, hotkey);
		Uids::<T>::insert(netuid, hotkey, uid);
		Self::deposit_event(Event::NeuronRegistered {
			netuid,
			uid,
			hotkey: hotkey.clone(),
			coldkey: coldkey.clone(),
			burn,
		});
		Ok(())
	}

	/// The UID to give a new registrant in a full subnet: lowest pruning score past immunity,
	/// ties to the earliest registration, then the lowest UID; never the owner hotkey's.
	fn neuron_to_replace(
		netuid: NetUid,
		subnet: &SubnetInfo<T::AccountId>,
		params: &SubnetHyperparams,
		now: BlockNumber,
	) -> Option<Uid> {
		let owner_uid = Uids::<T>::get(netuid, &subnet.owner_hotkey);
		let scores = T::Scores::pruning_scores(netuid);
		RegisteredAt::<T>::get(netuid)
			.iter()
			.enumerate()
			.filter_map(|(index, &registered)| {
				let score = scores.get(index).copied().unwrap_or(0);
				let uid = Uid(u16::try_from(index).ok()?);
				let immune = now.saturating_sub(registered) < params.immunity_period;
				(!immune && Some(uid) != owner_uid).then_some(((score, registered, uid), uid))
			})
			.min_by_key(|(key, _)| *key)
			.map(|(_, uid)| uid)
	}

	/// Gives `uid` to `hotkey`, clearing everything of its previous holder. Returns the weight
	/// the hooks used.
	fn replace_neuron(
		netuid: NetUid,
		uid: Uid,
		coldkey: &T::AccountId,
		hotkey: &T::AccountId,
		burn: Balance,
	) -> Weight {
		let now = Self::now();
		if let Some(old_hotkey) = Keys::<T>::get(netuid, uid) {
			Uids::<T>::remove(netuid, &old_hotkey);
			Axons::<T>::remove(netuid, &old_hotkey);
			Prometheus::<T>::remove(netuid, &old_hotkey);
			Self::deposit_event(Event::NeuronReplaced {
				netuid,
				uid,
				old_hotkey,
				new_hotkey: hotkey.clone(),
			});
		}
		let index = usize::from(uid.0);
		RegisteredAt::<T>::mutate(netuid, |blocks| {
			if let Some(block) = blocks.get_mut(index) {
				*block = now;
			}
		});
		Keys::<T>::insert(netuid, uid, hotkey);
		Uids::<T>::insert(netuid, hotkey, uid);
		let hooks = T::NeuronHooks::on_neuron_replaced(netuid, uid);
		Self::deposit_event(Event::NeuronRegistered {
			netuid,
			uid,
			hotkey: hotkey.clone(),
			coldkey: coldkey.clone(),
			burn,
		});
		hooks
	}

	/// The checks of both serve calls; returns the current block.
	fn check_serving(
		netuid: NetUid,
		hotkey: &T::AccountId,
		ip: u128,
		port: u16,
		ip_type: u8,
		last_served: impl Fn(NetUid, &T::AccountId) -> Option<BlockNumber>,
	) -> Result<BlockNumber, DispatchError> {
		let params = Hyperparams::<T>::get(netuid).ok_or(Error::<T>::SubnetNotFound)?;
		ensure!(Uids::<T>::contains_key(netuid, hotkey), Error::<T>::HotkeyNotRegistered);
		is_valid_ip(ip, ip_type).map_err(|e| match e {
			IpError::Type => Error::<T>::InvalidIpType,
			IpError::Address => Error::<T>::InvalidIpAddress,
		})?;
		ensure!(port != 0, Error::<T>::InvalidPort);
		let now = Self::now();
		if let Some(last) = last_served(netuid, hotkey) {
			ensure!(
				now.saturating_sub(last) >= params.serving_rate_limit,
				Error::<T>::ServingRateLimitExceeded
			);
		}
		Ok(now)
	}

	/// The pallet's invariants: UIDs dense and consistent both ways, per-UID vectors as long as
	/// the neuron count, locks held equal to recorded locks, subnet count within the limit.
	#[cfg(any(feature = "try-runtime", feature = "std", test))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::btree_map::BTreeMap;
		use frame_support::traits::fungible::InspectHold;
		let count = Networks::<T>::count();
		ensure!(count <= u32::from(SubnetLimit::<T>::get()), "more subnets than the subnet limit");
		ensure!(count <= u32::from(T::MaxSubnets::get()), "more subnets than the hard cap");
		let mut locks: BTreeMap<T::AccountId, Balance> = BTreeMap::new();
		for (netuid, subnet) in Networks::<T>::iter() {
			let entry = locks.entry(subnet.owner.clone()).or_default();
			*entry = entry.saturating_add(subnet.lock);
			let n = NeuronCount::<T>::get(netuid);
			let params = Hyperparams::<T>::get(netuid).ok_or("subnet without hyperparameters")?;
			ensure!(n <= params.max_uids, "more neurons than max UIDs");
			ensure!(RegisteredAt::<T>::get(netuid).len() == usize::from(n), "registration blocks");
			ensure!(Keys::<T>::iter_prefix(netuid).count() == usize::from(n), "UIDs not dense");
			ensure!(Uids::<T>::iter_prefix(netuid).count() == usize::from(n), "hotkeys vs UIDs");
			for uid in 0..n {
				let hotkey =
					Keys::<T>::get(netuid, Uid(uid)).ok_or("a UID below the count is empty")?;
				ensure!(Uids::<T>::get(netuid, &hotkey) == Some(Uid(uid)), "UID maps disagree");
				ensure!(HotkeyOwner::<T>::contains_key(&hotkey), "registered hotkey without owner");
			}
			ensure!(
				Uids::<T>::contains_key(netuid, &subnet.owner_hotkey),
				"the owner hotkey is not registered"
			);
		}
		for (owner, locked) in locks {
			let held = T::Currency::balance_on_hold(&HoldReason::SubnetLock.into(), &owner);
			ensure!(held == locked, "held lock differs from recorded locks");
		}
		let subnet_exists = |netuid: NetUid| Networks::<T>::contains_key(netuid);
		let registered =
			|netuid: NetUid, hotkey: &T::AccountId| Uids::<T>::contains_key(netuid, hotkey);
		ensure!(Keys::<T>::iter_keys().all(|(netuid, _)| subnet_exists(netuid)), "orphan UIDs");
		ensure!(Uids::<T>::iter_keys().all(|(netuid, _)| subnet_exists(netuid)), "orphan hotkeys");
		ensure!(Hyperparams::<T>::iter_keys().all(subnet_exists), "orphan parameters");
		ensure!(Burn::<T>::iter_keys().all(subnet_exists), "orphan burn");
		ensure!(
			Axons::<T>::iter_keys().all(|(n, h)| registered(n, &h)),
			"axon of an unregistered hotkey"
		);
		ensure!(
			Prometheus::<T>::iter_keys().all(|(n, h)| registered(n, &h)),
			"endpoint of an unregistered hotkey"
		);
		Ok(())
	}
}

impl<T: Config> SubnetsInterface<T::AccountId> for Pallet<T> {
	fn is_subnet(netuid: NetUid) -> bool {
		Networks::<T>::contains_key(netuid)
	}
	fn subnets() -> Vec<NetUid> {
		let mut netuids: Vec<NetUid> = Networks::<T>::iter_keys().collect();
		netuids.sort();
		netuids
	}
	fn subnet_owner(netuid: NetUid) -> Option<T::AccountId> {
		Networks::<T>::get(netuid).map(|s| s.owner)
	}
	fn subnet_owner_hotkey(netuid: NetUid) -> Option<T::AccountId> {
		Networks::<T>::get(netuid).map(|s| s.owner_hotkey)
	}
	fn hyperparams(netuid: NetUid) -> Option<SubnetHyperparams> {
		Hyperparams::<T>::get(netuid)
	}
	fn subnet_registered_at(netuid: NetUid) -> Option<BlockNumber> {
		Networks::<T>::get(netuid).map(|s| s.registered_at)
	}
	fn neuron_count(netuid: NetUid) -> u16 {
		NeuronCount::<T>::get(netuid)
	}
	fn uid_of(netuid: NetUid, hotkey: &T::AccountId) -> Option<Uid> {
		Uids::<T>::get(netuid, hotkey)
	}
	fn hotkey_of(netuid: NetUid, uid: Uid) -> Option<T::AccountId> {
		Keys::<T>::get(netuid, uid)
	}
	fn registration_blocks(netuid: NetUid) -> Vec<BlockNumber> {
		RegisteredAt::<T>::get(netuid).into_inner()
	}
	fn generation(netuid: NetUid) -> u32 {
		Generation::<T>::get(netuid)
	}
	fn total_recycled() -> Balance {
		TotalRecycled::<T>::get()
	}
}

impl<T: Config> HotkeyOwnership<T::AccountId> for Pallet<T> {
	fn hotkey_owner(hotkey: &T::AccountId) -> Option<T::AccountId> {
		HotkeyOwner::<T>::get(hotkey)
	}
	fn hotkey_bound_at(hotkey: &T::AccountId) -> Option<BlockNumber> {
		HotkeyBoundAt::<T>::get(hotkey)
	}
	fn bind_hotkey(hotkey: &T::AccountId, coldkey: &T::AccountId) -> Result<bool, T::AccountId> {
		match HotkeyOwner::<T>::get(hotkey) {
			Some(owner) if &owner == coldkey => Ok(false),
			Some(owner) => Err(owner),
			None => {
				Self::bind(hotkey, coldkey);
				Ok(true)
			},
		}
	}
}
