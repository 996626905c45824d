//! `frame-benchmarking` v2 benchmarks of every call, each in its worst case: positions with
//! rewards waiting to settle, pools with a stream in flight, whole positions and pools removed.

use super::*;
use frame_benchmarking::v2::*;
use frame_system::RawOrigin;
use taonet_primitives::TAO;

fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, 0);
	T::Currency::set_balance(&who, 1_000_000 * TAO);
	who
}

/// `(owner coldkey, hotkey, staker coldkey)`.
type Accounts<T> = (
	<T as frame_system::Config>::AccountId,
	<T as frame_system::Config>::AccountId,
	<T as frame_system::Config>::AccountId,
);

/// A hotkey registered (bound) to `owner`, as its first registration in a subnet does.
fn registered<T: Config>(
	name: &'static str,
	index: u32,
	owner: &T::AccountId,
) -> Result<T::AccountId, BenchmarkError> {
	let hotkey: T::AccountId = account(name, index, 0);
	T::Hotkeys::bind_hotkey(&hotkey, owner).map_err(|_| BenchmarkError::Stop("bind"))?;
	Ok(hotkey)
}

fn stake<T: Config>(
	coldkey: &T::AccountId,
	hotkey: &T::AccountId,
	amount: Balance,
) -> Result<(), BenchmarkError> {
	Pallet::<T>::do_add_stake(coldkey, hotkey, amount).map_err(|_| BenchmarkError::Stop("stake"))
}

/// Pays `hotkey` and moves halfway through the reward period, so that its pool has a stream in
/// flight and every position on it rewards waiting to settle.
fn rewarded<T: Config>(hotkey: &T::AccountId) -> Result<(), BenchmarkError> {
	Pallet::<T>::reward_account_seeded()?;
	<Pallet<T> as StakeInterface<T::AccountId>>::pay_hotkey(hotkey, 100 * TAO)
		.map_err(|_| BenchmarkError::Stop("payment"))?;
	let now = frame_system::Pallet::<T>::block_number();
	let half = RewardPeriod::<T>::get().saturating_div(2);
	frame_system::Pallet::<T>::set_block_number(sp_runtime::Saturating::saturating_add(
		now,
		half.into(),
	));
	Ok(())
}

/// A hotkey with its owner's position and a staker's, both with rewards waiting to settle.
fn setup<T: Config>() -> Result<Accounts<T>, BenchmarkError> {
	let owner = funded::<T>("owner", 0);
	let hotkey = registered::<T>("hotkey", 0, &owner)?;
	stake::<T>(&owner, &hotkey, 10 * TAO)?;
	let staker = funded::<T>("staker", 0);
	stake::<T>(&staker, &hotkey, 10 * TAO)?;
	rewarded::<T>(&hotkey)?;
	Ok((owner, hotkey, staker))
}

impl<T: Config> Pallet<T> {
	/// The reward account as genesis leaves it (benchmark genesis may lack this pallet's).
	fn reward_account_seeded() -> Result<(), BenchmarkError> {
		let account = Self::reward_account();
		if T::Currency::balance(&account) < T::Currency::minimum_balance() {
			T::Currency::mint_into(&account, T::Currency::minimum_balance())
				.map_err(|_| BenchmarkError::Stop("seed"))?;
		}
		Ok(())
	}
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// More stake on a position whose rewards wait to settle.
	#[benchmark]
	fn add_stake() -> Result<(), BenchmarkError> {
		let (_, hotkey, staker) = setup::<T>()?;
		let before = Pallet::<T>::position_value(&hotkey, &staker);

		#[extrinsic_call]
		_(RawOrigin::Signed(staker.clone()), hotkey.clone(), 5 * TAO);

		let after = before.saturating_add(5 * TAO);
		assert!(Pallet::<T>::position_value(&hotkey, &staker) >= after.saturating_sub(1));
		assert_eq!(Positions::<T>::get(&hotkey, &staker).map(|p| p.held), Some(after));
		Ok(())
	}

	/// Removes the last position of a pool with a stream in flight: it settles, takes the
	/// stream and removes the pool.
	#[benchmark]
	fn remove_stake() -> Result<(), BenchmarkError> {
		let (owner, hotkey, staker) = setup::<T>()?;
		let all = Pallet::<T>::position_value(&hotkey, &owner);
		Pallet::<T>::do_remove_stake(&owner, &hotkey, all)
			.map_err(|_| BenchmarkError::Stop("owner unstake"))?;
		let all = Pallet::<T>::position_value(&hotkey, &staker);

		#[extrinsic_call]
		_(RawOrigin::Signed(staker.clone()), hotkey.clone(), all);

		assert!(!Positions::<T>::contains_key(&hotkey, &staker));
		assert!(!Pools::<T>::contains_key(&hotkey));
		Ok(())
	}

	/// Moves part of a position to another whose rewards also wait to settle.
	#[benchmark]
	fn move_stake() -> Result<(), BenchmarkError> {
		let (owner, hotkey, staker) = setup::<T>()?;
		let to = registered::<T>("to", 0, &owner)?;
		stake::<T>(&owner, &to, 10 * TAO)?;
		stake::<T>(&staker, &to, 10 * TAO)?;
		rewarded::<T>(&to)?;

		#[extrinsic_call]
		_(RawOrigin::Signed(staker.clone()), hotkey.clone(), to.clone(), TAO);

		assert!(Pallet::<T>::position_value(&to, &staker) > 11 * TAO);
		Ok(())
	}

	/// Gives part of a position to a coldkey whose position there waits to settle.
	#[benchmark]
	fn transfer_stake() -> Result<(), BenchmarkError> {
		let (_, hotkey, staker) = setup::<T>()?;
		let receiver = funded::<T>("receiver", 0);
		stake::<T>(&receiver, &hotkey, 10 * TAO)?;
		rewarded::<T>(&hotkey)?;

		#[extrinsic_call]
		_(RawOrigin::Signed(staker), receiver.clone(), hotkey.clone(), TAO);

		assert!(Pallet::<T>::position_value(&hotkey, &receiver) > 11 * TAO);
		Ok(())
	}

	#[benchmark]
	fn increase_take() -> Result<(), BenchmarkError> {
		let (owner, hotkey, _) = setup::<T>()?;
		Takes::<T>::insert(&hotkey, 0);
		LastTakeChange::<T>::insert(&hotkey, 0);
		TakeRateLimit::<T>::put(0);

		#[extrinsic_call]
		_(RawOrigin::Signed(owner), hotkey.clone(), 100);

		assert_eq!(Takes::<T>::get(&hotkey), 100);
		Ok(())
	}

	#[benchmark]
	fn decrease_take() -> Result<(), BenchmarkError> {
		let (owner, hotkey, _) = setup::<T>()?;

		#[extrinsic_call]
		_(RawOrigin::Signed(owner), hotkey.clone(), 100);

		assert_eq!(Takes::<T>::get(&hotkey), 100);
		Ok(())
	}

	#[benchmark]
	fn set_stake_parameter() -> Result<(), BenchmarkError> {
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, StakeParam::MaxTake(20_000));

		assert_eq!(MaxTake::<T>::get(), 20_000);
		Ok(())
	}

	/// A reward to a hotkey with `p` positions (its owner's and `p - 1` nominators') and a
	/// stream in flight: the take to the owner's position, the rest into the stream. Its cost
	/// does not depend on `p`; the component is here to show it.
	#[benchmark]
	fn pay_hotkey(p: Linear<1, MEASURED_POSITIONS>) -> Result<(), BenchmarkError> {
		let owner = funded::<T>("owner", 0);
		let hotkey = registered::<T>("hotkey", 0, &owner)?;
		stake::<T>(&owner, &hotkey, 10 * TAO)?;
		for i in 1..p {
			stake::<T>(&funded::<T>("nominator", i), &hotkey, TAO)?;
		}
		rewarded::<T>(&hotkey)?;
		let before = Pallet::<T>::hotkey_stake(&hotkey);

		#[block]
		{
			<Pallet<T> as StakeInterface<T::AccountId>>::pay_hotkey(&hotkey, 1_000 * TAO)
				.map_err(|_| BenchmarkError::Stop("payment"))?;
		}

		assert_eq!(Pallet::<T>::hotkey_stake(&hotkey), before.saturating_add(1_000 * TAO));
		Ok(())
	}

	/// A miner's reward into a new position.
	#[benchmark]
	fn pay_position() -> Result<(), BenchmarkError> {
		let (owner, hotkey, _) = setup::<T>()?;
		let miner = registered::<T>("miner", 0, &owner)?;

		#[block]
		{
			<Pallet<T> as StakeInterface<T::AccountId>>::pay_position(&miner, &owner, TAO)
				.map_err(|_| BenchmarkError::Stop("payment"))?;
		}

		assert_eq!(Pallet::<T>::position_value(&miner, &owner), TAO);
		assert!(Pallet::<T>::hotkey_stake(&hotkey) > 0);
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
