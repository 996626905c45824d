//! Weights of `pallet_consensus`, measured with the benchmarking CLI 64.0.0 on 2026-12-07.
//!
//! 20 steps, 5 repeats, Compiled execution, chain `None`,
//! on `AMD EPYC`. Regenerate with `scripts/benchmark-pallets.sh`; do not edit by hand.
//!
//! Command: `/root/.cache/taonet/target/release/taonet-node benchmark pallet --runtime /root/.cache/taonet/target/release/wbuild/taonet-runtime/taonet_runtime.compact.compressed.wasm --genesis-builder runtime --genesis-builder-preset benchmark --pallet pallet_consensus --extrinsic * --steps 20 --repeat 5 --wasm-execution compiled --template scripts/weight-template.hbs --output pallets/consensus/src/weights.rs `

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
	/// Storage: `Subnets::Hyperparams` (r:1 w:0)
	/// Proof: `Subnets::Hyperparams` (`max_values`: None, `max_size`: Some(94), added: 2569, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Uids` (r:1 w:0)
	/// Proof: `Subnets::Uids` (`max_values`: None, `max_size`: Some(60), added: 2535, mode: `MaxEncodedLen`)
	/// Storage: `Consensus::ValidatorPermits` (r:1 w:0)
	/// Proof: `Consensus::ValidatorPermits` (`max_values`: None, `max_size`: Some(4108), added: 6583, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Generation` (r:1 w:0)
	/// Proof: `Subnets::Generation` (`max_values`: None, `max_size`: Some(14), added: 2489, mode: `MaxEncodedLen`)
	/// Storage: `Consensus::LastUpdate` (r:1 w:1)
	/// Proof: `Consensus::LastUpdate` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::NeuronCount` (r:1 w:0)
	/// Proof: `Subnets::NeuronCount` (`max_values`: None, `max_size`: Some(12), added: 2487, mode: `MaxEncodedLen`)
	/// Storage: `Consensus::Weights` (r:0 w:1)
	/// Proof: `Consensus::Weights` (`max_values`: None, `max_size`: Some(16410), added: 18885, mode: `MaxEncodedLen`)
	/// The range of component `w` is `[1, 4096]`.
	fn set_weights(w: u32) -> Weight {
		Weight::from_parts(62_903_311, 1_584)
			.saturating_add(Weight::from_parts(22_310, 0).saturating_mul(w.into()))
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Subnets::Hyperparams` (r:1 w:0)
	/// Proof: `Subnets::Hyperparams` (`max_values`: None, `max_size`: Some(94), added: 2569, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Uids` (r:1 w:0)
	/// Proof: `Subnets::Uids` (`max_values`: None, `max_size`: Some(60), added: 2535, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Generation` (r:1 w:0)
	/// Proof: `Subnets::Generation` (`max_values`: None, `max_size`: Some(14), added: 2489, mode: `MaxEncodedLen`)
	/// Storage: `Consensus::LastUpdate` (r:1 w:0)
	/// Proof: `Consensus::LastUpdate` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `Consensus::WeightCommits` (r:1 w:1)
	/// Proof: `Consensus::WeightCommits` (`max_values`: None, `max_size`: Some(60), added: 2535, mode: `MaxEncodedLen`)
	fn commit_weights() -> Weight {
		Weight::from_parts(30_536_000, 736)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Subnets::Hyperparams` (r:1 w:0)
	/// Proof: `Subnets::Hyperparams` (`max_values`: None, `max_size`: Some(94), added: 2569, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Uids` (r:1 w:0)
	/// Proof: `Subnets::Uids` (`max_values`: None, `max_size`: Some(60), added: 2535, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Generation` (r:1 w:0)
	/// Proof: `Subnets::Generation` (`max_values`: None, `max_size`: Some(14), added: 2489, mode: `MaxEncodedLen`)
	/// Storage: `Consensus::WeightCommits` (r:1 w:1)
	/// Proof: `Consensus::WeightCommits` (`max_values`: None, `max_size`: Some(60), added: 2535, mode: `MaxEncodedLen`)
	/// Storage: `Consensus::ValidatorPermits` (r:1 w:0)
	/// Proof: `Consensus::ValidatorPermits` (`max_values`: None, `max_size`: Some(4108), added: 6583, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::NeuronCount` (r:1 w:0)
	/// Proof: `Subnets::NeuronCount` (`max_values`: None, `max_size`: Some(12), added: 2487, mode: `MaxEncodedLen`)
	/// Storage: `Consensus::LastUpdate` (r:0 w:1)
	/// Proof: `Consensus::LastUpdate` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `Consensus::Weights` (r:0 w:1)
	/// Proof: `Consensus::Weights` (`max_values`: None, `max_size`: Some(16410), added: 18885, mode: `MaxEncodedLen`)
	/// The range of component `w` is `[1, 4096]`.
	fn reveal_weights(w: u32) -> Weight {
		Weight::from_parts(59_956_702, 1_653)
			.saturating_add(Weight::from_parts(29_990, 0).saturating_mul(w.into()))
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Subnets::Hyperparams` (r:1 w:0)
	/// Proof: `Subnets::Hyperparams` (`max_values`: None, `max_size`: Some(94), added: 2569, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::NeuronCount` (r:1 w:0)
	/// Proof: `Subnets::NeuronCount` (`max_values`: None, `max_size`: Some(12), added: 2487, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Keys` (r:4096 w:0)
	/// Proof: `Subnets::Keys` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Stake::Pools` (r:4096 w:0)
	/// Proof: `Stake::Pools` (`max_values`: None, `max_size`: Some(88), added: 2563, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::RegisteredAt` (r:1 w:0)
	/// Proof: `Subnets::RegisteredAt` (`max_values`: None, `max_size`: Some(16396), added: 18871, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Generation` (r:1 w:0)
	/// Proof: `Subnets::Generation` (`max_values`: None, `max_size`: Some(14), added: 2489, mode: `MaxEncodedLen`)
	/// Storage: `Consensus::LastUpdate` (r:4096 w:0)
	/// Proof: `Consensus::LastUpdate` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `Consensus::ValidatorPermits` (r:1 w:1)
	/// Proof: `Consensus::ValidatorPermits` (`max_values`: None, `max_size`: Some(4108), added: 6583, mode: `MaxEncodedLen`)
	/// Storage: `Consensus::Weights` (r:256 w:0)
	/// Proof: `Consensus::Weights` (`max_values`: None, `max_size`: Some(16410), added: 18885, mode: `MaxEncodedLen`)
	/// Storage: `Consensus::Bonds` (r:256 w:256)
	/// Proof: `Consensus::Bonds` (`max_values`: None, `max_size`: Some(16410), added: 18885, mode: `MaxEncodedLen`)
	/// Storage: `Consensus::BondsUpdatedAt` (r:1 w:1)
	/// Proof: `Consensus::BondsUpdatedAt` (`max_values`: None, `max_size`: Some(14), added: 2489, mode: `MaxEncodedLen`)
	/// Storage: `Consensus::Outputs` (r:0 w:1)
	/// Proof: `Consensus::Outputs` (`max_values`: None, `max_size`: Some(90124), added: 92599, mode: `MaxEncodedLen`)
	/// Storage: `Consensus::PruningScores` (r:0 w:1)
	/// Proof: `Consensus::PruningScores` (`max_values`: None, `max_size`: Some(32780), added: 35255, mode: `MaxEncodedLen`)
	/// Storage: `Consensus::ActiveSubnets` (r:0 w:1)
	/// Proof: `Consensus::ActiveSubnets` (`max_values`: None, `max_size`: Some(10), added: 2485, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[1, 4096]`.
	/// The range of component `w` is `[0, 1048576]`.
	fn epoch(n: u32, w: u32) -> Weight {
		Weight::from_parts(56_925_000, 0)
			.saturating_add(Weight::from_parts(57_954_423, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(172_264, 0).saturating_mul(w.into()))
			.saturating_add(Weight::from_parts(0, 2_098).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 7).saturating_mul(w.into()))
			.saturating_add(T::DbWeight::get().reads(385_u64))
			.saturating_add(T::DbWeight::get().reads((3_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(136_u64))
	}
}

/// The same measurements priced with ParityDB's default database weights, for tests.
impl WeightInfo for () {
	fn set_weights(w: u32) -> Weight {
		Weight::from_parts(62_903_311, 1_584)
			.saturating_add(Weight::from_parts(22_310, 0).saturating_mul(w.into()))
			.saturating_add(ParityDbWeight::get().reads(6_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn commit_weights() -> Weight {
		Weight::from_parts(30_536_000, 736)
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn reveal_weights(w: u32) -> Weight {
		Weight::from_parts(59_956_702, 1_653)
			.saturating_add(Weight::from_parts(29_990, 0).saturating_mul(w.into()))
			.saturating_add(ParityDbWeight::get().reads(6_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn epoch(n: u32, w: u32) -> Weight {
		Weight::from_parts(56_925_000, 0)
			.saturating_add(Weight::from_parts(57_954_423, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(172_264, 0).saturating_mul(w.into()))
			.saturating_add(Weight::from_parts(0, 2_098).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 7).saturating_mul(w.into()))
			.saturating_add(ParityDbWeight::get().reads(385_u64))
			.saturating_add(ParityDbWeight::get().reads((3_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(136_u64))
	}
}
