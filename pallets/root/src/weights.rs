//! Weights of `pallet_root`, measured with the benchmarking CLI 64.0.0 on 2026-12-07.
//!
//! 20 steps, 5 repeats, Compiled execution, chain `None`,
//! on `AMD EPYC`. Regenerate with `scripts/benchmark-pallets.sh`; do not edit by hand.
//!
//! Command: `/root/.cache/taonet/target/release/taonet-node benchmark pallet --runtime /root/.cache/taonet/target/release/wbuild/taonet-runtime/taonet_runtime.compact.compressed.wasm --genesis-builder runtime --genesis-builder-preset benchmark --pallet pallet_root --extrinsic * --steps 20 --repeat 5 --wasm-execution compiled --template scripts/weight-template.hbs --output pallets/root/src/weights.rs `

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
	fn update_shares(s: u32, r: u32) -> Weight;
}

/// Measured weights, priced with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Subnets::HotkeyOwner` (r:1 w:0)
	/// Proof: `Subnets::HotkeyOwner` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Stake::Pools` (r:65 w:0)
	/// Proof: `Stake::Pools` (`max_values`: None, `max_size`: Some(88), added: 2563, mode: `MaxEncodedLen`)
	/// Storage: `Root::RootValidators` (r:1 w:1)
	/// Proof: `Root::RootValidators` (`max_values`: Some(1), `max_size`: Some(2050), added: 2545, mode: `MaxEncodedLen`)
	/// Storage: `Root::RootWeights` (r:0 w:1)
	/// Proof: `Root::RootWeights` (`max_values`: None, `max_size`: Some(562), added: 3037, mode: `MaxEncodedLen`)
	fn root_register() -> Weight {
		Weight::from_parts(237_014_000, 9_199)
			.saturating_add(T::DbWeight::get().reads(67_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Root::RootValidators` (r:1 w:0)
	/// Proof: `Root::RootValidators` (`max_values`: Some(1), `max_size`: Some(2050), added: 2545, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Networks` (r:127 w:0)
	/// Proof: `Subnets::Networks` (`max_values`: None, `max_size`: Some(103), added: 2578, mode: `MaxEncodedLen`)
	/// Storage: `Root::RootWeights` (r:0 w:1)
	/// Proof: `Root::RootWeights` (`max_values`: None, `max_size`: Some(562), added: 3037, mode: `MaxEncodedLen`)
	/// The range of component `s` is `[1, 128]`.
	fn set_root_weights(s: u32) -> Weight {
		Weight::from_parts(17_966_183, 2_417)
			.saturating_add(Weight::from_parts(2_467_666, 0).saturating_mul(s.into()))
			.saturating_add(Weight::from_parts(0, 45).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(s.into())))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Root::RootValidators` (r:1 w:0)
	/// Proof: `Root::RootValidators` (`max_values`: Some(1), `max_size`: Some(2050), added: 2545, mode: `MaxEncodedLen`)
	/// Storage: `Stake::Pools` (r:64 w:0)
	/// Proof: `Stake::Pools` (`max_values`: None, `max_size`: Some(88), added: 2563, mode: `MaxEncodedLen`)
	/// Storage: `Root::RootWeights` (r:64 w:0)
	/// Proof: `Root::RootWeights` (`max_values`: None, `max_size`: Some(562), added: 3037, mode: `MaxEncodedLen`)
	/// Storage: `Root::SubnetShares` (r:1 w:128)
	/// Proof: `Root::SubnetShares` (`max_values`: None, `max_size`: Some(18), added: 2493, mode: `MaxEncodedLen`)
	/// The range of component `s` is `[1, 128]`.
	/// The range of component `r` is `[1, 64]`.
	fn update_shares(s: u32, r: u32) -> Weight {
		Weight::from_parts(237_253_000, 0)
			.saturating_add(Weight::from_parts(3_611_743, 0).saturating_mul(s.into()))
			.saturating_add(Weight::from_parts(10_877_261, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 680).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 260).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(r.into())))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(s.into())))
	}
}

/// The same measurements priced with ParityDB's default database weights, for tests.
impl WeightInfo for () {
	fn root_register() -> Weight {
		Weight::from_parts(237_014_000, 9_199)
			.saturating_add(ParityDbWeight::get().reads(67_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn set_root_weights(s: u32) -> Weight {
		Weight::from_parts(17_966_183, 2_417)
			.saturating_add(Weight::from_parts(2_467_666, 0).saturating_mul(s.into()))
			.saturating_add(Weight::from_parts(0, 45).saturating_mul(s.into()))
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(s.into())))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn update_shares(s: u32, r: u32) -> Weight {
		Weight::from_parts(237_253_000, 0)
			.saturating_add(Weight::from_parts(3_611_743, 0).saturating_mul(s.into()))
			.saturating_add(Weight::from_parts(10_877_261, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 680).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 260).saturating_mul(s.into()))
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().reads((2_u64).saturating_mul(r.into())))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(s.into())))
	}
}
