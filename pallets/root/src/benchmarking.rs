//! `frame-benchmarking` v2 benchmarks of the root calls and of computing the shares, each in its
//! worst case: a full root network, the longest root rows, every subnet's share rewritten.

use super::*;
use frame_benchmarking::v2::*;
use frame_system::RawOrigin;
use taonet_primitives::{Balance, SubnetsBenchmarkHelper, TAO};

/// A hotkey owned by a funded coldkey, with `stake` rao staked to it by that coldkey.
fn staked_hotkey<T: Config>(
	index: u32,
	stake: Balance,
) -> Result<(T::AccountId, T::AccountId), BenchmarkError> {
	let coldkey: T::AccountId = account("coldkey", index, 0);
	let hotkey: T::AccountId = account("hotkey", index, 0);
	T::BenchmarkHelper::fund(&coldkey, 1_000 * TAO);
	T::Hotkeys::bind_hotkey(&hotkey, &coldkey)
		.map_err(|_| BenchmarkError::Stop("the hotkey has another owner"))?;
	T::Stake::pay_position(&hotkey, &coldkey, stake)
		.map_err(|_| BenchmarkError::Stop("staking failed"))?;
	Ok((coldkey, hotkey))
}

/// `count` subnets of one neuron each.
fn subnets<T: Config>(count: u32) -> Result<Vec<u16>, BenchmarkError> {
	(0..count)
		.map(|seed| {
			T::BenchmarkHelper::subnet_with_neurons(1, seed)
				.map(|(netuid, _)| netuid.0)
				.map_err(BenchmarkError::Stop)
		})
		.collect()
}

/// A full root network; member `i` has `i + 1` TAO staked.
fn full_root<T: Config>() -> Result<Vec<T::AccountId>, BenchmarkError> {
	let members = (0..T::MaxRootValidators::get())
		.map(|i| staked_hotkey::<T>(i, u64::from(i).saturating_add(1).saturating_mul(TAO)))
		.map(|result| result.map(|(_, hotkey)| hotkey))
		.collect::<Result<Vec<_>, _>>()?;
	RootValidators::<T>::put(BoundedVec::truncate_from(members.clone()));
	Ok(members)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// A full root network: every member's stake is compared and the weakest replaced.
	#[benchmark]
	fn root_register() -> Result<(), BenchmarkError> {
		let members = full_root::<T>()?;
		let (coldkey, hotkey) = staked_hotkey::<T>(u32::MAX, 1_000 * TAO)?;

		#[extrinsic_call]
		_(RawOrigin::Signed(coldkey), hotkey.clone());

		let validators = RootValidators::<T>::get();
		assert!(validators.contains(&hotkey));
		assert!(!validators.iter().any(|member| Some(member) == members.first()));
		Ok(())
	}

	/// A row over `s` subnets.
	#[benchmark]
	fn set_root_weights(s: Linear<1, { T::MaxSubnets::get() }>) -> Result<(), BenchmarkError> {
		let netuids = subnets::<T>(s)?;
		let members = full_root::<T>()?;
		let caller = members.first().cloned().ok_or(BenchmarkError::Stop("no member"))?;
		let weights: Vec<u16> = (1..=s).filter_map(|w| u16::try_from(w).ok()).collect();
		let (netuids, weights) =
			(BoundedVec::truncate_from(netuids), BoundedVec::truncate_from(weights));

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), netuids, weights, 0);

		assert_eq!(RootWeights::<T>::get(&caller).len(), s as usize);
		Ok(())
	}

	/// The shares of `s` subnets from `r` root validators whose rows cover every subnet, every
	/// share rewritten.
	///
	/// `r` starts at 1: with no root validator the shares fall back to each subnet's activity,
	/// one read per subnet, less than a validator's row and stake.
	#[benchmark]
	fn update_shares(
		s: Linear<1, { T::MaxSubnets::get() }>,
		r: Linear<1, { T::MaxRootValidators::get() }>,
	) -> Result<(), BenchmarkError> {
		let netuids = subnets::<T>(s)?;
		let members = full_root::<T>()?;
		let members: Vec<T::AccountId> = members.into_iter().take(r as usize).collect();
		RootValidators::<T>::put(BoundedVec::truncate_from(members.clone()));
		for (i, member) in (0u16..).zip(&members) {
			let row: Vec<(NetUid, u16)> = netuids
				.iter()
				.map(|&netuid| (NetUid(netuid), netuid.saturating_mul(31).saturating_add(i) | 1))
				.collect();
			RootWeights::<T>::insert(member, BoundedVec::truncate_from(row));
		}
		let subnets: Vec<NetUid> = netuids.iter().copied().map(NetUid).collect();
		for &netuid in &subnets {
			SubnetShares::<T>::insert(netuid, 0);
		}

		#[block]
		{
			Pallet::<T>::update_shares(&subnets);
		}

		assert!(subnets.iter().all(|&netuid| SubnetShares::<T>::get(netuid) > 0));
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
