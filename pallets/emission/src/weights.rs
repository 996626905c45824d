//! Weights of `pallet_emission`, measured with the benchmarking CLI 64.0.0 on 2026-12-07.
//!
//! 20 steps, 5 repeats, Compiled execution, chain `None`,
//! on `AMD EPYC`. Regenerate with `scripts/benchmark-pallets.sh`; do not edit by hand.
//!
//! Command: `/root/.cache/taonet/target/release/taonet-node benchmark pallet --runtime /root/.cache/taonet/target/release/wbuild/taonet-runtime/taonet_runtime.compact.compressed.wasm --genesis-builder runtime --genesis-builder-preset benchmark --pallet pallet_emission --extrinsic * --steps 20 --repeat 5 --wasm-execution compiled --template scripts/weight-template.hbs --output pallets/emission/src/weights.rs `

#![allow(unused_parens, unused_imports, missing_docs)]

use core::marker::PhantomData;
use frame_support::{
	traits::Get,
	weights::{constants::ParityDbWeight, Weight},
};

/// The weight of each call of this pallet.
pub trait WeightInfo {
	fn on_block(s: u32) -> Weight;
}

/// Measured weights, priced with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Emission::InitialIssuance` (r:1 w:0)
	/// Proof: `Emission::InitialIssuance` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Networks` (r:128 w:0)
	/// Proof: `Subnets::Networks` (`max_values`: None, `max_size`: Some(103), added: 2578, mode: `MaxEncodedLen`)
	/// Storage: `Emission::TotalPending` (r:1 w:1)
	/// Proof: `Emission::TotalPending` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Root::SubnetShares` (r:127 w:0)
	/// Proof: `Root::SubnetShares` (`max_values`: None, `max_size`: Some(18), added: 2493, mode: `MaxEncodedLen`)
	/// Storage: `Emission::PendingEmission` (r:127 w:127)
	/// Proof: `Emission::PendingEmission` (`max_values`: None, `max_size`: Some(18), added: 2493, mode: `MaxEncodedLen`)
	/// Storage: `Emission::TotalEmitted` (r:1 w:1)
	/// Proof: `Emission::TotalEmitted` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Emission::EpochQueue` (r:1 w:1)
	/// Proof: `Emission::EpochQueue` (`max_values`: Some(1), `max_size`: Some(258), added: 753, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Hyperparams` (r:127 w:0)
	/// Proof: `Subnets::Hyperparams` (`max_values`: None, `max_size`: Some(94), added: 2569, mode: `MaxEncodedLen`)
	/// Storage: `Emission::PayoutQueue` (r:1 w:0)
	/// Proof: `Emission::PayoutQueue` (`max_values`: Some(1), `max_size`: Some(6146), added: 6641, mode: `MaxEncodedLen`)
	/// The range of component `s` is `[1, 128]`.
	fn on_block(s: u32) -> Weight {
		Weight::from_parts(16_696_725, 836)
			.saturating_add(Weight::from_parts(8_157_047, 0).saturating_mul(s.into()))
			.saturating_add(Weight::from_parts(0, 115).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().reads((4_u64).saturating_mul(s.into())))
			.saturating_add(T::DbWeight::get().writes(3_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(s.into())))
	}
}

/// The same measurements priced with ParityDB's default database weights, for tests.
impl WeightInfo for () {
	fn on_block(s: u32) -> Weight {
		Weight::from_parts(16_696_725, 836)
			.saturating_add(Weight::from_parts(8_157_047, 0).saturating_mul(s.into()))
			.saturating_add(Weight::from_parts(0, 115).saturating_mul(s.into()))
			.saturating_add(ParityDbWeight::get().reads(6_u64))
			.saturating_add(ParityDbWeight::get().reads((4_u64).saturating_mul(s.into())))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(s.into())))
	}
}
