//! Weights of `pallet_emission`: estimates until `scripts/benchmark-pallets.sh emission`
//! measures them.

#![allow(unused_parens, unused_imports, missing_docs)]

use core::marker::PhantomData;
use frame_support::{
	traits::Get,
	weights::{constants::ParityDbWeight, Weight},
};

/// The weight of each call of this pallet.
pub trait WeightInfo {
	fn root_register() -> Weight;
	fn set_root_weights(s: u32) -> Weight;
	fn on_block(s: u32, r: u32) -> Weight;
}

/// Measured weights, priced with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn root_register() -> Weight {
		Weight::from_parts(300_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads(67_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	fn set_root_weights(s: u32) -> Weight {
		Weight::from_parts(100_000_000, 5_000)
			.saturating_add(Weight::from_parts(1_000_000, 2_600).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(s.into())))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	fn on_block(s: u32, r: u32) -> Weight {
		Weight::from_parts(300_000_000, 10_000)
			.saturating_add(Weight::from_parts(5_000_000, 5_000).saturating_mul(s.into()))
			.saturating_add(Weight::from_parts(5_000_000, 5_000).saturating_mul(r.into()))
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().reads((4_u64).saturating_mul(s.into())))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(r.into())))
			.saturating_add(T::DbWeight::get().writes(4_u64))
			.saturating_add(T::DbWeight::get().writes((3_u64).saturating_mul(s.into())))
	}
}

/// The same estimates priced with ParityDB's default database weights, for tests.
impl WeightInfo for () {
	fn root_register() -> Weight {
		Weight::from_parts(300_000_000, 10_000)
			.saturating_add(ParityDbWeight::get().reads(67_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn set_root_weights(s: u32) -> Weight {
		Weight::from_parts(100_000_000, 5_000)
			.saturating_add(Weight::from_parts(1_000_000, 2_600).saturating_mul(s.into()))
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(s.into())))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn on_block(s: u32, r: u32) -> Weight {
		Weight::from_parts(300_000_000, 10_000)
			.saturating_add(Weight::from_parts(5_000_000, 5_000).saturating_mul(s.into()))
			.saturating_add(Weight::from_parts(5_000_000, 5_000).saturating_mul(r.into()))
			.saturating_add(ParityDbWeight::get().reads(6_u64))
			.saturating_add(ParityDbWeight::get().reads((4_u64).saturating_mul(s.into())))
			.saturating_add(ParityDbWeight::get().reads((2_u64).saturating_mul(r.into())))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
			.saturating_add(ParityDbWeight::get().writes((3_u64).saturating_mul(s.into())))
	}
}
