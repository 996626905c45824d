//! `frame-benchmarking` v2 benchmarks of every call, each in its worst case: the subnet to prune
//! or dissolve, or to scan for a replacement, full at `n` neurons.

use super::*;
use frame_benchmarking::v2::*;
use frame_support::traits::fungible::Mutate;
use frame_system::RawOrigin;
use taonet_primitives::SubnetsBenchmarkHelper;

/// An account holding ten times the minimum lock: enough for any lock or burn a benchmark
/// meets, and little enough that the most subnets' owners stay far below the supply cap (other
/// pallets' benchmarks mint emission on top).
fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, 0);
	T::Currency::set_balance(&who, MinLockCost::<T>::get().saturating_mul(10));
	who
}

/// A subnet owned by a fresh coldkey, with `n` neurons (the owner hotkey and `n - 1` more),
/// max UIDs `n`, no immunity, and no limits on registrations.
fn subnet_with_neurons<T: Config>(
	n: u16,
	seed: u32,
) -> Result<(NetUid, T::AccountId), BenchmarkError> {
	NetworkRateLimit::<T>::put(0);
	NetworkImmunityPeriod::<T>::put(0);
	// Keep the lock at its minimum however many subnets the setup registers.
	LastLock::<T>::kill();
	let owner = funded::<T>("owner", seed);
	let owner_hotkey: T::AccountId = account("owner_hotkey", seed, 0);
	Pallet::<T>::do_register_network(&owner, &owner_hotkey)
		.map_err(|_| BenchmarkError::Stop("registering the subnet failed"))?;
	let netuid = Networks::<T>::iter_keys()
		.find(|netuid| Networks::<T>::get(netuid).is_some_and(|s| s.owner == owner))
		.ok_or(BenchmarkError::Stop("the subnet is missing"))?;
	Hyperparams::<T>::mutate(netuid, |params| {
		if let Some(params) = params {
			params.max_uids = n.max(1);
			params.immunity_period = 0;
			params.max_registrations_per_block = u16::MAX;
			params.serving_rate_limit = 0;
		}
	});
	for i in 1..n {
		let hotkey: T::AccountId = account("neuron", u32::from(i), seed);
		HotkeyOwner::<T>::insert(&hotkey, &owner);
		Pallet::<T>::append_neuron(netuid, &owner, &hotkey, 0)
			.map_err(|_| BenchmarkError::Stop("filling the subnet failed"))?;
		// Every neuron has both endpoints, so that removing one clears the most.
		let axon = AxonInfo { block: 0, version: 1, ip: 1, port: 1, ip_type: IPV4, protocol: 0 };
		Axons::<T>::insert(netuid, &hotkey, axon);
		let prometheus = PrometheusInfo { block: 0, version: 1, ip: 1, port: 1, ip_type: IPV4 };
		Prometheus::<T>::insert(netuid, &hotkey, prometheus);
	}
	Ok((netuid, owner))
}

impl<T: Config> SubnetsBenchmarkHelper<T::AccountId> for Pallet<T> {
	fn subnet_with_neurons(n: u16, seed: u32) -> Result<(NetUid, Vec<T::AccountId>), &'static str> {
		// Room for as many subnets as the hard cap allows, none of them pruned.
		SubnetLimit::<T>::put(T::MaxSubnets::get());
		let (netuid, _) =
			subnet_with_neurons::<T>(n.max(1), seed).map_err(|error| match error {
				BenchmarkError::Stop(reason) => reason,
				_ => "setting up the subnet failed",
			})?;
		let hotkeys = (0..NeuronCount::<T>::get(netuid))
			.map(|uid| Keys::<T>::get(netuid, Uid(uid)).ok_or("a UID has no hotkey"))
			.collect::<Result<Vec<_>, _>>()?;
		Ok((netuid, hotkeys))
	}

	fn set_hyperparams(netuid: NetUid, params: SubnetHyperparams) {
		Hyperparams::<T>::insert(netuid, params);
	}

	fn fund(account: &T::AccountId, amount: Balance) {
		T::Currency::set_balance(account, amount);
	}
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// Every netuid up to the hard cap taken and the limit reached, so that the registration
	/// scans them all and prunes the weakest, a subnet of `n` neurons.
	#[benchmark]
	fn register_network(n: Linear<1, { MAX_UIDS_LIMIT as u32 }>) -> Result<(), BenchmarkError> {
		let max = T::MaxSubnets::get();
		SubnetLimit::<T>::put(max);
		let (weakest, _) = subnet_with_neurons::<T>(n as u16, 0)?;
		for seed in 1..u32::from(max) {
			subnet_with_neurons::<T>(1, seed)?;
		}
		LastLock::<T>::kill();
		let coldkey = funded::<T>("coldkey", 1);
		let hotkey: T::AccountId = account("hotkey", 1, 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(coldkey.clone()), hotkey);

		assert_eq!(Networks::<T>::count(), u32::from(max));
		assert_eq!(Networks::<T>::get(weakest).map(|s| s.owner), Some(coldkey));
		Ok(())
	}

	#[benchmark]
	fn dissolve_network(n: Linear<1, { MAX_UIDS_LIMIT as u32 }>) -> Result<(), BenchmarkError> {
		let (netuid, owner) = subnet_with_neurons::<T>(n as u16, 0)?;

		#[extrinsic_call]
		_(RawOrigin::Signed(owner), netuid);

		assert!(!Networks::<T>::contains_key(netuid));
		Ok(())
	}

	/// A burn bound (governance-only), which also re-stores the decayed burn.
	#[benchmark]
	fn set_hyperparameter() -> Result<(), BenchmarkError> {
		let (netuid, _) = subnet_with_neurons::<T>(1, 0)?;
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, netuid, SubnetParam::MinBurn(TAO));

		assert_eq!(Hyperparams::<T>::get(netuid).map(|p| p.min_burn), Some(TAO));
		Ok(())
	}

	/// A full subnet of `n` neurons, all past immunity: the registration scans them all and
	/// replaces one.
	#[benchmark]
	fn burned_register(n: Linear<2, { MAX_UIDS_LIMIT as u32 }>) -> Result<(), BenchmarkError> {
		let (netuid, _) = subnet_with_neurons::<T>(n as u16, 0)?;
		let coldkey = funded::<T>("coldkey", 1);
		let hotkey: T::AccountId = account("hotkey", 1, 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(coldkey), netuid, hotkey.clone(), Balance::MAX);

		assert!(Uids::<T>::contains_key(netuid, &hotkey));
		Ok(())
	}

	/// An update of an existing axon.
	#[benchmark]
	fn serve_axon() -> Result<(), BenchmarkError> {
		let (netuid, _) = subnet_with_neurons::<T>(1, 0)?;
		let hotkey: T::AccountId = account("owner_hotkey", 0, 0);
		Pallet::<T>::do_serve_axon(netuid, hotkey.clone(), 0, 0x7f00_0001, 8090, IPV4, 0)
			.map_err(|_| BenchmarkError::Stop("first serve failed"))?;

		#[extrinsic_call]
		_(RawOrigin::Signed(hotkey.clone()), netuid, 1, 0x7f00_0001, 8091, IPV4, 0);

		assert!(Axons::<T>::contains_key(netuid, &hotkey));
		Ok(())
	}

	/// An update of an existing endpoint.
	#[benchmark]
	fn serve_prometheus() -> Result<(), BenchmarkError> {
		let (netuid, _) = subnet_with_neurons::<T>(1, 0)?;
		let hotkey: T::AccountId = account("owner_hotkey", 0, 0);
		Pallet::<T>::do_serve_prometheus(netuid, hotkey.clone(), 0, 0x7f00_0001, 9091, IPV4)
			.map_err(|_| BenchmarkError::Stop("first serve failed"))?;

		#[extrinsic_call]
		_(RawOrigin::Signed(hotkey.clone()), netuid, 1, 0x7f00_0001, 9090, IPV4);

		assert!(Prometheus::<T>::contains_key(netuid, &hotkey));
		Ok(())
	}

	#[benchmark]
	fn set_network_parameter() -> Result<(), BenchmarkError> {
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, NetworkParam::NetworkRateLimit(10));

		assert_eq!(NetworkRateLimit::<T>::get(), 10);
		Ok(())
	}

	impl_benchmark_test_suite!(
		Pallet,
		crate::mock::ExtBuilder::default().build(),
		crate::mock::Test
	);
}
