//! Weights of `pallet_root`.
//!
//! Not yet measured under this pallet's name: `root_register` and `set_root_weights` are the
//! figures measured for the same code when it was part of `pallet_emission` (benchmarking CLI
//! 64.0.0, 2026-12-06, 20 steps, 5 repeats, Compiled execution, a release node on `AMD EPYC`,
//! genesis preset `benchmark`), and `update_shares(s, r)` is that run's `on_block(s, r)`: a
//! block's accrual *and* its share computation, so an upper bound of computing the shares alone.
//! Regenerate with `scripts/benchmark-pallets.sh root`, which overwrites this file.

#![allow(unused_parens, unused_imports, missing_docs)]

use core::marker::PhantomData;
use frame_support::{
	traits::Get,
	weights::{constants::ParityDbWeight, Weight},
};

/// The weight of each call of this pallet, and of computing the shares.
pub trait WeightInfo {
	fn root_register() -> Weight;
	fn set_root_weights(s: u32) -> Weight;
	fn update_shares(s: u32, r: u32) -> Weight;
}

/// Measured weights, priced with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Subnets::HotkeyOwner` (r:1 w:0)
	/// Storage: `Stake::Pools` (r:65 w:0)
	/// Storage: `Root::RootValidators` (r:1 w:1)
	/// Storage: `Root::RootWeights` (r:0 w:1)
	fn root_register() -> Weight {
		Weight::from_parts(625_599_000, 8_145)
			.saturating_add(T::DbWeight::get().reads(67_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Root::RootValidators` (r:1 w:0)
	/// Storage: `Subnets::Networks` (r:127 w:0)
	/// Storage: `Root::RootWeights` (r:0 w:1)
	/// The range of component `s` is `[1, 128]`.
	fn set_root_weights(s: u32) -> Weight {
		Weight::from_parts(99_067_833, 2_416)
			.saturating_add(Weight::from_parts(4_046_165, 0).saturating_mul(s.into()))
			.saturating_add(Weight::from_parts(0, 45).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(s.into())))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Subnets::Networks` (r:129 w:0)
	/// Storage: `Root::RootValidators` (r:1 w:0)
	/// Storage: `Stake::Pools` (r:64 w:0)
	/// Storage: `Root::RootWeights` (r:64 w:0)
	/// Storage: `Root::SubnetShares` (r:1 w:128)
	/// The range of component `s` is `[1, 128]`.
	/// The range of component `r` is `[1, 64]`.
	fn update_shares(s: u32, r: u32) -> Weight {
		Weight::from_parts(862_831_000, 0)
			.saturating_add(Weight::from_parts(26_991_708, 0).saturating_mul(s.into()))
			.saturating_add(Weight::from_parts(17_338_975, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 663).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 375).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().reads((3_u64).saturating_mul(s.into())))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(r.into())))
			.saturating_add(T::DbWeight::get().writes(3_u64))
			.saturating_add(T::DbWeight::get().writes((3_u64).saturating_mul(s.into())))
	}
}

/// The same measurements priced with ParityDB's default database weights, for tests.
impl WeightInfo for () {
	fn root_register() -> Weight {
		Weight::from_parts(625_599_000, 8_145)
			.saturating_add(ParityDbWeight::get().reads(67_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn set_root_weights(s: u32) -> Weight {
		Weight::from_parts(99_067_833, 2_416)
			.saturating_add(Weight::from_parts(4_046_165, 0).saturating_mul(s.into()))
			.saturating_add(Weight::from_parts(0, 45).saturating_mul(s.into()))
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(s.into())))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn update_shares(s: u32, r: u32) -> Weight {
		Weight::from_parts(862_831_000, 0)
			.saturating_add(Weight::from_parts(26_991_708, 0).saturating_mul(s.into()))
			.saturating_add(Weight::from_parts(17_338_975, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 663).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 375).saturating_mul(s.into()))
			.saturating_add(ParityDbWeight::get().reads(8_u64))
			.saturating_add(ParityDbWeight::get().reads((3_u64).saturating_mul(s.into())))
			.saturating_add(ParityDbWeight::get().reads((2_u64).saturating_mul(r.into())))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
			.saturating_add(ParityDbWeight::get().writes((3_u64).saturating_mul(s.into())))
	}
}
