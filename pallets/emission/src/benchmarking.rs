//! `frame-benchmarking` v2 benchmark of a block's accrual, at the most subnets.

use super::*;
use frame_benchmarking::v2::*;
use taonet_primitives::SubnetsBenchmarkHelper;

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

#[benchmarks]
mod benchmarks {
	use super::*;

	/// A block without a due epoch: `s` subnets accrue by their shares.
	#[benchmark]
	fn on_block(s: Linear<1, { T::MaxSubnets::get() }>) -> Result<(), BenchmarkError> {
		subnets::<T>(s)?;
		// The first block already counted; no subnet's epoch starts at block 2.
		frame_system::Pallet::<T>::set_block_number(2u32.into());
		Pallet::<T>::on_block();
		let pending = TotalPending::<T>::get();

		#[block]
		{
			Pallet::<T>::on_block();
		}

		assert!(TotalPending::<T>::get() > pending);
		assert!(EpochQueue::<T>::get().is_empty());
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
