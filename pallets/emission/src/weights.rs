//! Weights of `pallet_emission`.
//!
//! `on_block(s)` is, until regenerated, the figure measured on 2026-12-06 (benchmarking CLI
//! 64.0.0, 20 steps, 5 repeats, Compiled execution, a release node on `AMD EPYC`, genesis preset
//! `benchmark`) for this pallet's block when it also computed the root network's shares, at one
//! root validator (`on_block(s, 1)`): an upper bound of the accrual alone, which now reads the
//! shares the root pallet computed. Regenerate with `scripts/benchmark-pallets.sh emission`,
//! which overwrites this file.

#![allow(unused_parens, unused_imports, missing_docs)]

use core::marker::PhantomData;
use frame_support::{
	traits::Get,
	weights::{constants::ParityDbWeight, Weight},
};

/// The weight of a block's accrual.
pub trait WeightInfo {
	fn on_block(s: u32) -> Weight;
}

/// Measured weights, priced with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Emission::InitialIssuance` (r:1 w:0)
	/// Proof: `Emission::InitialIssuance` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Networks` (r:129 w:0)
	/// Proof: `Subnets::Networks` (`max_values`: None, `max_size`: Some(103), added: 2578, mode: `MaxEncodedLen`)
	/// Storage: `Emission::RootValidators` (r:1 w:0)
	/// Proof: `Emission::RootValidators` (`max_values`: Some(1), `max_size`: Some(2050), added: 2545, mode: `MaxEncodedLen`)
	/// Storage: `Emission::TotalPending` (r:1 w:1)
	/// Proof: `Emission::TotalPending` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Stake::Pools` (r:64 w:0)
	/// Proof: `Stake::Pools` (`max_values`: None, `max_size`: Some(72), added: 2547, mode: `MaxEncodedLen`)
	/// Storage: `Emission::RootWeights` (r:64 w:0)
	/// Proof: `Emission::RootWeights` (`max_values`: None, `max_size`: Some(562), added: 3037, mode: `MaxEncodedLen`)
	/// Storage: `Emission::SubnetShares` (r:1 w:128)
	/// Proof: `Emission::SubnetShares` (`max_values`: None, `max_size`: Some(18), added: 2493, mode: `MaxEncodedLen`)
	/// Storage: `Emission::PendingEmission` (r:128 w:128)
	/// Proof: `Emission::PendingEmission` (`max_values`: None, `max_size`: Some(18), added: 2493, mode: `MaxEncodedLen`)
	/// Storage: `Emission::TotalEmitted` (r:1 w:1)
	/// Proof: `Emission::TotalEmitted` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Emission::EpochQueue` (r:1 w:1)
	/// Proof: `Emission::EpochQueue` (`max_values`: Some(1), `max_size`: Some(258), added: 753, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Hyperparams` (r:128 w:0)
	/// Proof: `Subnets::Hyperparams` (`max_values`: None, `max_size`: Some(94), added: 2569, mode: `MaxEncodedLen`)
	/// Storage: `Emission::PayoutQueue` (r:1 w:0)
	/// Proof: `Emission::PayoutQueue` (`max_values`: Some(1), `max_size`: Some(6146), added: 6641, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::EmissionShares` (r:0 w:128)
	/// Proof: `Subnets::EmissionShares` (`max_values`: None, `max_size`: Some(18), added: 2493, mode: `MaxEncodedLen`)
	/// The range of component `s` is `[1, 128]`.
	fn on_block(s: u32) -> Weight {
		Weight::from_parts(880_169_975, 663)
			.saturating_add(Weight::from_parts(26_991_708, 0).saturating_mul(s.into()))
			.saturating_add(Weight::from_parts(0, 375).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().reads((3_u64).saturating_mul(s.into())))
			.saturating_add(T::DbWeight::get().writes(3_u64))
			.saturating_add(T::DbWeight::get().writes((3_u64).saturating_mul(s.into())))
	}
}

/// The same measurements priced with ParityDB's default database weights, for tests.
impl WeightInfo for () {
	fn on_block(s: u32) -> Weight {
		Weight::from_parts(880_169_975, 663)
			.saturating_add(Weight::from_parts(26_991_708, 0).saturating_mul(s.into()))
			.saturating_add(Weight::from_parts(0, 375).saturating_mul(s.into()))
			.saturating_add(ParityDbWeight::get().reads(10_u64))
			.saturating_add(ParityDbWeight::get().reads((3_u64).saturating_mul(s.into())))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
			.saturating_add(ParityDbWeight::get().writes((3_u64).saturating_mul(s.into())))
	}
}
