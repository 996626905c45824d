//! `frame-benchmarking` v2 benchmarks of every call, each in its worst case (new positions and
//! index entries created, or whole positions removed).

use super::*;
use frame_benchmarking::v2::*;
use frame_system::RawOrigin;
use taonet_primitives::TAO;

fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, 0);
	T::Currency::set_balance(&who, 1_000_000 * TAO);
	who
}

/// A hotkey owned by a fresh coldkey, with a position of its owner, and a staker coldkey with
/// as many other positions as allowed minus one (so that the index it rewrites is the longest).
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

fn setup<T: Config>() -> Result<Accounts<T>, BenchmarkError> {
	let owner = funded::<T>("owner", 0);
	let hotkey = registered::<T>("hotkey", 0, &owner)?;
	Pallet::<T>::do_add_stake(&owner, &hotkey, 10 * TAO)
		.map_err(|_| BenchmarkError::Stop("owner stake"))?;
	let staker = funded::<T>("staker", 0);
	for i in 1..T::MaxPositionsPerColdkey::get() {
		let other = registered::<T>("other", i, &owner)?;
		Pallet::<T>::do_add_stake(&staker, &other, TAO)
			.map_err(|_| BenchmarkError::Stop("other stake"))?;
	}
	Ok((owner, hotkey, staker))
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// A new position on a registered hotkey with no stake yet: index, count and pool all
	/// written.
	#[benchmark]
	fn add_stake() -> Result<(), BenchmarkError> {
		let (owner, _, staker) = setup::<T>()?;
		let hotkey = registered::<T>("fresh", 0, &owner)?;

		#[extrinsic_call]
		_(RawOrigin::Signed(staker.clone()), hotkey.clone(), 5 * TAO);

		assert_eq!(Pallet::<T>::position_stake(&hotkey, &staker), 5 * TAO);
		Ok(())
	}

	/// Removes a whole position.
	#[benchmark]
	fn remove_stake() -> Result<(), BenchmarkError> {
		let (_, hotkey, staker) = setup::<T>()?;
		Pallet::<T>::do_add_stake(&staker, &hotkey, 5 * TAO)
			.map_err(|_| BenchmarkError::Stop("stake"))?;

		#[extrinsic_call]
		_(RawOrigin::Signed(staker.clone()), hotkey.clone(), 5 * TAO);

		assert_eq!(Pallet::<T>::position_stake(&hotkey, &staker), 0);
		Ok(())
	}

	/// Empties one position and creates another.
	#[benchmark]
	fn move_stake() -> Result<(), BenchmarkError> {
		let (_, hotkey, staker) = setup::<T>()?;
		let from: T::AccountId = account("other", 1, 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(staker.clone()), from.clone(), hotkey.clone(), TAO);

		assert_eq!(Pallet::<T>::position_stake(&hotkey, &staker), TAO);
		Ok(())
	}

	/// Empties the sender's position and creates the receiver's.
	#[benchmark]
	fn transfer_stake() -> Result<(), BenchmarkError> {
		let (owner, hotkey, _) = setup::<T>()?;
		// The receiver already stakes to as many hotkeys as it may, but one.
		let receiver = funded::<T>("receiver", 0);
		for i in 1..T::MaxPositionsPerColdkey::get() {
			let other = registered::<T>("receiver_other", i, &owner)?;
			Pallet::<T>::do_add_stake(&receiver, &other, TAO)
				.map_err(|_| BenchmarkError::Stop("receiver stake"))?;
		}

		#[extrinsic_call]
		_(RawOrigin::Signed(owner), receiver.clone(), hotkey.clone(), 10 * TAO);

		assert_eq!(Pallet::<T>::position_stake(&hotkey, &receiver), 10 * TAO);
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

	/// A reward to a hotkey with `p` positions (its owner's and `p - 1` nominators'): the take
	/// to the owner, then a share minted into every position.
	#[benchmark]
	fn pay_hotkey(p: Linear<1, { T::MaxNominators::get() }>) -> Result<(), BenchmarkError> {
		let (_, hotkey, _) = setup::<T>()?;
		for i in 1..p {
			let nominator = funded::<T>("nominator", i);
			Pallet::<T>::do_add_stake(&nominator, &hotkey, TAO)
				.map_err(|_| BenchmarkError::Stop("nominator stake"))?;
		}
		let before = Pallet::<T>::hotkey_stake(&hotkey);

		#[block]
		{
			<Pallet<T> as StakeInterface<T::AccountId>>::pay_hotkey(&hotkey, 1_000 * TAO)
				.map_err(|_| BenchmarkError::Stop("payment"))?;
		}

		assert_eq!(Pallet::<T>::hotkey_stake(&hotkey), before + 1_000 * TAO);
		Ok(())
	}

	/// A miner's reward into a new position of a coldkey with the longest index.
	#[benchmark]
	fn pay_position() -> Result<(), BenchmarkError> {
		let (_, hotkey, staker) = setup::<T>()?;

		#[block]
		{
			<Pallet<T> as StakeInterface<T::AccountId>>::pay_position(&hotkey, &staker, TAO)
				.map_err(|_| BenchmarkError::Stop("payment"))?;
		}

		assert_eq!(Pallet::<T>::position_stake(&hotkey, &staker), TAO);
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
