//! Weights of `pallet_emission`, measured with the benchmarking CLI 64.0.0 on 2026-12-06.
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
	fn root_register() -> Weight;
	fn set_root_weights(s: u32) -> Weight;
	fn on_block(s: u32, r: u32) -> Weight;
}

/// Measured weights, priced with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Subnets::HotkeyOwner` (r:1 w:0)
	/// Proof: `Subnets::HotkeyOwner` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Stake::Pools` (r:65 w:0)
	/// Proof: `Stake::Pools` (`max_values`: None, `max_size`: Some(72), added: 2547, mode: `MaxEncodedLen`)
	/// Storage: `Emission::RootValidators` (r:1 w:1)
	/// Proof: `Emission::RootValidators` (`max_values`: Some(1), `max_size`: Some(2050), added: 2545, mode: `MaxEncodedLen`)
	/// Storage: `Emission::RootWeights` (r:0 w:1)
	/// Proof: `Emission::RootWeights` (`max_values`: None, `max_size`: Some(562), added: 3037, mode: `MaxEncodedLen`)
	fn root_register() -> Weight {
		Weight::from_parts(625_599_000, 8_145)
			.saturating_add(T::DbWeight::get().reads(67_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Emission::RootValidators` (r:1 w:0)
	/// Proof: `Emission::RootValidators` (`max_values`: Some(1), `max_size`: Some(2050), added: 2545, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Networks` (r:127 w:0)
	/// Proof: `Subnets::Networks` (`max_values`: None, `max_size`: Some(103), added: 2578, mode: `MaxEncodedLen`)
	/// Storage: `Emission::RootWeights` (r:0 w:1)
	/// Proof: `Emission::RootWeights` (`max_values`: None, `max_size`: Some(562), added: 3037, mode: `MaxEncodedLen`)
	/// The range of component `s` is `[1, 128]`.
	fn set_root_weights(s: u32) -> Weight {
		Weight::from_parts(99_067_833, 2_416)
			.saturating_add(Weight::from_parts(4_046_165, 0).saturating_mul(s.into()))
			.saturating_add(Weight::from_parts(0, 45).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(s.into())))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
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
	/// The range of component `r` is `[1, 64]`.
	fn on_block(s: u32, r: u32) -> Weight {
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
	fn on_block(s: u32, r: u32) -> Weight {
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
