//! `frame-benchmarking` v2 benchmarks of the weight calls and of an epoch, each in its worst
//! case: the longest rows, and an epoch over the most UIDs with every permit holder's row full
//! and bonds from an earlier epoch to merge.

use super::*;
use alloc::vec;
use frame_benchmarking::v2::*;
use frame_system::RawOrigin;
use taonet_primitives::{SubnetsBenchmarkHelper, TAO};

/// A subnet of `n` neurons whose weight calls pass every check (no rate limit, no minimum
/// count, no per-weight limit), with commit-reveal as asked: its netuid and hotkeys by UID.
fn subnet<T: Config>(
	n: u32,
	commit_reveal: bool,
) -> Result<(NetUid, Vec<T::AccountId>), BenchmarkError> {
	let n = u16::try_from(n).map_err(|_| BenchmarkError::Stop("too many neurons"))?;
	let (netuid, hotkeys) =
		T::BenchmarkHelper::subnet_with_neurons(n, 0).map_err(BenchmarkError::Stop)?;
	let params = T::Subnets::hyperparams(netuid).ok_or(BenchmarkError::Stop("no parameters"))?;
	let params = SubnetHyperparams {
		tempo: 9,
		reveal_period: 1,
		weights_rate_limit: 0,
		min_allowed_weights: 0,
		max_weight_limit: taonet_primitives::Ratio::ONE,
		commit_reveal_enabled: commit_reveal,
		..params
	};
	T::BenchmarkHelper::set_hyperparams(netuid, params);
	Ok((netuid, hotkeys))
}

/// Gives UID 0 a validator permit and a last update, so that the rate limit is read.
fn permitted_caller<T: Config>(netuid: NetUid, hotkeys: &[T::AccountId]) -> T::AccountId {
	ValidatorPermits::<T>::insert(netuid, BoundedVec::truncate_from(vec![true]));
	LastUpdate::<T>::insert(Pallet::<T>::key(netuid), Uid(0), 0);
	hotkeys.first().cloned().unwrap_or_else(|| account("hotkey", 0, 0))
}

/// A row over UIDs `0..w`, all weights different.
fn row<T: Config>(w: u32) -> (BoundedVec<u16, T::MaxUids>, BoundedVec<u16, T::MaxUids>) {
	let uids: Vec<u16> = (0..w).filter_map(|i| u16::try_from(i).ok()).collect();
	let weights: Vec<u16> = uids.iter().map(|&i| i.saturating_add(1)).collect();
	(BoundedVec::truncate_from(uids), BoundedVec::truncate_from(weights))
}

fn set_block<T: Config>(block: u32) {
	frame_system::Pallet::<T>::set_block_number(block.into());
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn set_weights(w: Linear<1, { T::MaxUids::get() }>) -> Result<(), BenchmarkError> {
		let (netuid, hotkeys) = subnet::<T>(w, false)?;
		let caller = permitted_caller::<T>(netuid, &hotkeys);
		let (uids, weights) = row::<T>(w);
		set_block::<T>(10);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), netuid, uids, weights, 0);

		assert_eq!(Weights::<T>::get(Pallet::<T>::key(netuid), Uid(0)).len(), w as usize);
		Ok(())
	}

	#[benchmark]
	fn commit_weights() -> Result<(), BenchmarkError> {
		let (netuid, hotkeys) = subnet::<T>(1, true)?;
		let caller = permitted_caller::<T>(netuid, &hotkeys);
		// An earlier commit whose reveal epoch has passed is read and replaced.
		WeightCommits::<T>::insert(Pallet::<T>::key(netuid), Uid(0), (H256::zero(), 0));
		set_block::<T>(30);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), netuid, H256::repeat_byte(1));

		assert_eq!(
			WeightCommits::<T>::get(Pallet::<T>::key(netuid), Uid(0)),
			Some((H256::repeat_byte(1), 30))
		);
		Ok(())
	}

	/// A reveal in the epoch after its commit: the hash, then every check of `set_weights`.
	#[benchmark]
	fn reveal_weights(w: Linear<1, { T::MaxUids::get() }>) -> Result<(), BenchmarkError> {
		let (netuid, hotkeys) = subnet::<T>(w, true)?;
		let caller = permitted_caller::<T>(netuid, &hotkeys);
		let (uids, weights) = row::<T>(w);
		let salt = Salt::truncate_from(vec![7u16; MAX_SALT_LEN as usize]);
		let hash = Pallet::<T>::commit_hash(&caller, netuid, &uids, &weights, &salt, 0);
		// With tempo 9, a commit ten blocks back is exactly one epoch back.
		WeightCommits::<T>::insert(Pallet::<T>::key(netuid), Uid(0), (hash, 90));
		set_block::<T>(100);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), netuid, uids, weights, salt, 0);

		assert!(!WeightCommits::<T>::contains_key(Pallet::<T>::key(netuid), Uid(0)));
		assert_eq!(Weights::<T>::get(Pallet::<T>::key(netuid), Uid(0)).len(), w as usize);
		Ok(())
	}

	/// An epoch over `n` UIDs reading `w` non-zero weights (at most `min(MaxValidators, n) ×
	/// n`): the permit holders are staked, active and set their rows; an earlier epoch left
	/// bonds to merge, and liquid alpha is on.
	#[benchmark]
	fn epoch(
		n: Linear<1, { T::MaxUids::get() }>,
		w: Linear<0, { T::MaxValidators::get().saturating_mul(T::MaxUids::get()) }>,
	) -> Result<(), BenchmarkError> {
		let (netuid, hotkeys) = subnet::<T>(n, false)?;
		let validators = T::MaxValidators::get().min(n);
		let params = T::Subnets::hyperparams(netuid).ok_or(BenchmarkError::Stop("no params"))?;
		T::BenchmarkHelper::set_hyperparams(
			netuid,
			SubnetHyperparams {
				max_validators: u16::try_from(validators).unwrap_or(u16::MAX),
				liquid_alpha_enabled: true,
				activity_cutoff: 10_000,
				..params
			},
		);
		for (i, hotkey) in (0u32..).zip(hotkeys.iter().take(validators as usize)) {
			let staker: T::AccountId = account("staker", i, 0);
			T::BenchmarkHelper::fund(&staker, TAO);
			let amount = u64::from(i).saturating_add(1_000).saturating_mul(TAO);
			T::Stake::pay_position(hotkey, &staker, amount)
				.map_err(|_| BenchmarkError::Stop("staking a validator failed"))?;
		}
		ValidatorPermits::<T>::insert(
			netuid,
			BoundedVec::truncate_from((0..n).map(|i| i < validators).collect::<Vec<_>>()),
		);
		set_block::<T>(10);
		let key = Pallet::<T>::key(netuid);
		let mut left = w.min(validators.saturating_mul(n));
		for v in 0..validators {
			let rows_left = validators.saturating_sub(v);
			let len = left.div_ceil(rows_left).min(n);
			left = left.saturating_sub(len);
			let entries: Vec<(u16, u16)> = (0..len)
				.filter_map(|j| {
					let uid = u16::try_from(j.saturating_add(v).checked_rem(n)?).ok()?;
					let weight = j.saturating_mul(7).saturating_add(v).checked_rem(65_535)?;
					Some((uid, u16::try_from(weight.saturating_add(1)).ok()?))
				})
				.collect();
			let uid = Uid(u16::try_from(v).map_err(|_| BenchmarkError::Stop("uid"))?);
			Weights::<T>::insert(key, uid, BoundedVec::truncate_from(entries));
		}
		for uid in 0..n {
			let uid = Uid(u16::try_from(uid).map_err(|_| BenchmarkError::Stop("uid"))?);
			LastUpdate::<T>::insert(key, uid, 10);
		}
		// A first epoch forms bonds for the measured one to merge.
		Pallet::<T>::run_epoch(netuid, 1_000 * TAO).ok_or(BenchmarkError::Stop("first epoch"))?;
		set_block::<T>(20);

		#[block]
		{
			Pallet::<T>::run_epoch(netuid, 1_000 * TAO)
				.ok_or(BenchmarkError::Stop("measured epoch"))?;
		}

		assert_eq!(Outputs::<T>::get(netuid).len(), n as usize);
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
