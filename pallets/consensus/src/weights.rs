//! Weights of `pallet_consensus`: estimates until `scripts/benchmark-pallets.sh consensus`
//! measures them.

#![allow(unused_parens, unused_imports, missing_docs)]

use core::marker::PhantomData;
use frame_support::{
	traits::Get,
	weights::{constants::ParityDbWeight, Weight},
};

/// The weight of each call of this pallet.
pub trait WeightInfo {
	fn set_weights(w: u32) -> Weight;
	fn commit_weights() -> Weight;
	fn reveal_weights(w: u32) -> Weight;
	fn epoch(n: u32, w: u32) -> Weight;
}

/// Measured weights, priced with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn set_weights(w: u32) -> Weight {
		Weight::from_parts(100_000_000, 10_000)
			.saturating_add(Weight::from_parts(200_000, 4).saturating_mul(w.into()))
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	fn commit_weights() -> Weight {
		Weight::from_parts(100_000_000, 5_000)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	fn reveal_weights(w: u32) -> Weight {
		Weight::from_parts(150_000_000, 10_000)
			.saturating_add(Weight::from_parts(250_000, 4).saturating_mul(w.into()))
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	fn epoch(n: u32, w: u32) -> Weight {
		Weight::from_parts(500_000_000, 10_000)
			.saturating_add(Weight::from_parts(2_000_000, 100).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(100_000, 8).saturating_mul(w.into()))
			.saturating_add(T::DbWeight::get().reads((5_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
}

/// The same estimates priced with ParityDB's default database weights, for tests.
impl WeightInfo for () {
	fn set_weights(w: u32) -> Weight {
		Weight::from_parts(100_000_000, 10_000)
			.saturating_add(Weight::from_parts(200_000, 4).saturating_mul(w.into()))
			.saturating_add(ParityDbWeight::get().reads(6_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn commit_weights() -> Weight {
		Weight::from_parts(100_000_000, 5_000)
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn reveal_weights(w: u32) -> Weight {
		Weight::from_parts(150_000_000, 10_000)
			.saturating_add(Weight::from_parts(250_000, 4).saturating_mul(w.into()))
			.saturating_add(ParityDbWeight::get().reads(7_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn epoch(n: u32, w: u32) -> Weight {
		Weight::from_parts(500_000_000, 10_000)
			.saturating_add(Weight::from_parts(2_000_000, 100).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(100_000, 8).saturating_mul(w.into()))
			.saturating_add(ParityDbWeight::get().reads((5_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
	}
}
