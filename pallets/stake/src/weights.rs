//! Weights of `pallet_stake`, measured with the benchmarking CLI 64.0.0 on 2026-12-07.
//!
//! 20 steps, 5 repeats, Compiled execution, chain `None`,
//! on `AMD EPYC`. Regenerate with `scripts/benchmark-pallets.sh`; do not edit by hand.
//!
//! Command: `/root/.cache/taonet/target/release/taonet-node benchmark pallet --runtime /root/.cache/taonet/target/release/wbuild/taonet-runtime/taonet_runtime.compact.compressed.wasm --genesis-builder runtime --genesis-builder-preset benchmark --pallet pallet_stake --extrinsic * --steps 20 --repeat 5 --wasm-execution compiled --template scripts/weight-template.hbs --output pallets/stake/src/weights.rs `

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
	fn pay_hotkey(p: u32) -> Weight;
	fn pay_position() -> Weight;
}

/// Measured weights, priced with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Stake::Positions` (r:1 w:1)
	/// Proof: `Stake::Positions` (`max_values`: None, `max_size`: Some(120), added: 2595, mode: `MaxEncodedLen`)
	/// Storage: `Stake::Pools` (r:1 w:1)
	/// Proof: `Stake::Pools` (`max_values`: None, `max_size`: Some(88), added: 2563, mode: `MaxEncodedLen`)
	/// Storage: `Stake::MinStake` (r:1 w:0)
	/// Proof: `Stake::MinStake` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(104), added: 2579, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::HotkeyOwner` (r:1 w:0)
	/// Proof: `Subnets::HotkeyOwner` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(79), added: 2554, mode: `MaxEncodedLen`)
	/// Storage: `Stake::TotalStake` (r:1 w:1)
	/// Proof: `Stake::TotalStake` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	fn add_stake() -> Weight {
		Weight::from_parts(179_044_000, 773)
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	/// Storage: `Stake::Positions` (r:1 w:1)
	/// Proof: `Stake::Positions` (`max_values`: None, `max_size`: Some(120), added: 2595, mode: `MaxEncodedLen`)
	/// Storage: `Stake::Pools` (r:1 w:1)
	/// Proof: `Stake::Pools` (`max_values`: None, `max_size`: Some(88), added: 2563, mode: `MaxEncodedLen`)
	/// Storage: `Stake::MinStake` (r:1 w:0)
	/// Proof: `Stake::MinStake` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(104), added: 2579, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(79), added: 2554, mode: `MaxEncodedLen`)
	/// Storage: `Stake::TotalStake` (r:1 w:1)
	/// Proof: `Stake::TotalStake` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Stake::StakedHotkeys` (r:0 w:1)
	/// Proof: `Stake::StakedHotkeys` (`max_values`: None, `max_size`: Some(96), added: 2571, mode: `MaxEncodedLen`)
	fn remove_stake() -> Weight {
		Weight::from_parts(151_694_000, 528)
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().writes(7_u64))
	}
	/// Storage: `Subnets::HotkeyOwner` (r:1 w:0)
	/// Proof: `Subnets::HotkeyOwner` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Stake::Positions` (r:2 w:2)
	/// Proof: `Stake::Positions` (`max_values`: None, `max_size`: Some(120), added: 2595, mode: `MaxEncodedLen`)
	/// Storage: `Stake::Pools` (r:2 w:2)
	/// Proof: `Stake::Pools` (`max_values`: None, `max_size`: Some(88), added: 2563, mode: `MaxEncodedLen`)
	/// Storage: `Stake::MinStake` (r:1 w:0)
	/// Proof: `Stake::MinStake` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(104), added: 2579, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(79), added: 2554, mode: `MaxEncodedLen`)
	/// Storage: `Stake::TotalStake` (r:1 w:1)
	/// Proof: `Stake::TotalStake` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	fn move_stake() -> Weight {
		Weight::from_parts(197_489_000, 1_036)
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().writes(8_u64))
	}
	/// Storage: `Stake::Positions` (r:2 w:2)
	/// Proof: `Stake::Positions` (`max_values`: None, `max_size`: Some(120), added: 2595, mode: `MaxEncodedLen`)
	/// Storage: `Stake::Pools` (r:1 w:1)
	/// Proof: `Stake::Pools` (`max_values`: None, `max_size`: Some(88), added: 2563, mode: `MaxEncodedLen`)
	/// Storage: `Stake::MinStake` (r:1 w:0)
	/// Proof: `Stake::MinStake` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:3 w:3)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(104), added: 2579, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:2 w:2)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(79), added: 2554, mode: `MaxEncodedLen`)
	/// Storage: `Stake::TotalStake` (r:1 w:1)
	/// Proof: `Stake::TotalStake` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	fn transfer_stake() -> Weight {
		Weight::from_parts(246_280_000, 874)
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().writes(9_u64))
	}
	/// Storage: `Subnets::HotkeyOwner` (r:1 w:0)
	/// Proof: `Subnets::HotkeyOwner` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Stake::Takes` (r:1 w:1)
	/// Proof: `Stake::Takes` (`max_values`: None, `max_size`: Some(50), added: 2525, mode: `MaxEncodedLen`)
	/// Storage: `Stake::MinTake` (r:1 w:0)
	/// Proof: `Stake::MinTake` (`max_values`: Some(1), `max_size`: Some(2), added: 497, mode: `MaxEncodedLen`)
	/// Storage: `Stake::MaxTake` (r:1 w:0)
	/// Proof: `Stake::MaxTake` (`max_values`: Some(1), `max_size`: Some(2), added: 497, mode: `MaxEncodedLen`)
	/// Storage: `Stake::LastTakeChange` (r:1 w:1)
	/// Proof: `Stake::LastTakeChange` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Stake::TakeRateLimit` (r:1 w:0)
	/// Proof: `Stake::TakeRateLimit` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	fn increase_take() -> Weight {
		Weight::from_parts(46_236_000, 479)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Subnets::HotkeyOwner` (r:1 w:0)
	/// Proof: `Subnets::HotkeyOwner` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Stake::Takes` (r:1 w:1)
	/// Proof: `Stake::Takes` (`max_values`: None, `max_size`: Some(50), added: 2525, mode: `MaxEncodedLen`)
	/// Storage: `Stake::MinTake` (r:1 w:0)
	/// Proof: `Stake::MinTake` (`max_values`: Some(1), `max_size`: Some(2), added: 497, mode: `MaxEncodedLen`)
	/// Storage: `Stake::MaxTake` (r:1 w:0)
	/// Proof: `Stake::MaxTake` (`max_values`: Some(1), `max_size`: Some(2), added: 497, mode: `MaxEncodedLen`)
	/// Storage: `Stake::LastTakeChange` (r:0 w:1)
	/// Proof: `Stake::LastTakeChange` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	fn decrease_take() -> Weight {
		Weight::from_parts(38_221_000, 307)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Stake::MinTake` (r:1 w:0)
	/// Proof: `Stake::MinTake` (`max_values`: Some(1), `max_size`: Some(2), added: 497, mode: `MaxEncodedLen`)
	/// Storage: `Stake::MaxTake` (r:0 w:1)
	/// Proof: `Stake::MaxTake` (`max_values`: Some(1), `max_size`: Some(2), added: 497, mode: `MaxEncodedLen`)
	fn set_stake_parameter() -> Weight {
		Weight::from_parts(16_681_000, 4)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Subnets::HotkeyOwner` (r:1 w:0)
	/// Proof: `Subnets::HotkeyOwner` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Stake::Takes` (r:1 w:0)
	/// Proof: `Stake::Takes` (`max_values`: None, `max_size`: Some(50), added: 2525, mode: `MaxEncodedLen`)
	/// Storage: `Stake::MaxTake` (r:1 w:0)
	/// Proof: `Stake::MaxTake` (`max_values`: Some(1), `max_size`: Some(2), added: 497, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(104), added: 2579, mode: `MaxEncodedLen`)
	/// Storage: `Stake::TotalStake` (r:1 w:1)
	/// Proof: `Stake::TotalStake` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Stake::Pools` (r:1 w:1)
	/// Proof: `Stake::Pools` (`max_values`: None, `max_size`: Some(88), added: 2563, mode: `MaxEncodedLen`)
	/// Storage: `Stake::Positions` (r:1 w:1)
	/// Proof: `Stake::Positions` (`max_values`: None, `max_size`: Some(120), added: 2595, mode: `MaxEncodedLen`)
	/// Storage: `Stake::RewardPeriod` (r:1 w:0)
	/// Proof: `Stake::RewardPeriod` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// The range of component `p` is `[1, 1000]`.
	fn pay_hotkey(p: u32) -> Weight {
		Weight::from_parts(207_785_265, 1_534)
			.saturating_add(Weight::from_parts(26_537, 0).saturating_mul(p.into()))
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// Storage: `Subnets::HotkeyOwner` (r:1 w:0)
	/// Proof: `Subnets::HotkeyOwner` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(104), added: 2579, mode: `MaxEncodedLen`)
	/// Storage: `Stake::TotalStake` (r:1 w:1)
	/// Proof: `Stake::TotalStake` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Stake::Pools` (r:1 w:1)
	/// Proof: `Stake::Pools` (`max_values`: None, `max_size`: Some(88), added: 2563, mode: `MaxEncodedLen`)
	/// Storage: `Stake::Positions` (r:1 w:1)
	/// Proof: `Stake::Positions` (`max_values`: None, `max_size`: Some(120), added: 2595, mode: `MaxEncodedLen`)
	/// Storage: `Stake::StakedHotkeys` (r:0 w:1)
	/// Proof: `Stake::StakedHotkeys` (`max_values`: None, `max_size`: Some(96), added: 2571, mode: `MaxEncodedLen`)
	fn pay_position() -> Weight {
		Weight::from_parts(82_565_000, 592)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
}

/// The same measurements priced with ParityDB's default database weights, for tests.
impl WeightInfo for () {
	fn add_stake() -> Weight {
		Weight::from_parts(179_044_000, 773)
			.saturating_add(ParityDbWeight::get().reads(8_u64))
			.saturating_add(ParityDbWeight::get().writes(6_u64))
	}
	fn remove_stake() -> Weight {
		Weight::from_parts(151_694_000, 528)
			.saturating_add(ParityDbWeight::get().reads(7_u64))
			.saturating_add(ParityDbWeight::get().writes(7_u64))
	}
	fn move_stake() -> Weight {
		Weight::from_parts(197_489_000, 1_036)
			.saturating_add(ParityDbWeight::get().reads(10_u64))
			.saturating_add(ParityDbWeight::get().writes(8_u64))
	}
	fn transfer_stake() -> Weight {
		Weight::from_parts(246_280_000, 874)
			.saturating_add(ParityDbWeight::get().reads(10_u64))
			.saturating_add(ParityDbWeight::get().writes(9_u64))
	}
	fn increase_take() -> Weight {
		Weight::from_parts(46_236_000, 479)
			.saturating_add(ParityDbWeight::get().reads(6_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn decrease_take() -> Weight {
		Weight::from_parts(38_221_000, 307)
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn set_stake_parameter() -> Weight {
		Weight::from_parts(16_681_000, 4)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn pay_hotkey(p: u32) -> Weight {
		Weight::from_parts(207_785_265, 1_534)
			.saturating_add(Weight::from_parts(26_537, 0).saturating_mul(p.into()))
			.saturating_add(ParityDbWeight::get().reads(8_u64))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn pay_position() -> Weight {
		Weight::from_parts(82_565_000, 592)
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().writes(5_u64))
	}
}
