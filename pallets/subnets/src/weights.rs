//! Weights of `pallet_subnets`, measured with the benchmarking CLI 64.0.0 on 2026-12-06.
//!
//! 20 steps, 5 repeats, Compiled execution, chain `Some("dev")`,
//! on `AMD EPYC`. Regenerate with `scripts/benchmark-pallets.sh`; do not edit by hand.
//!
//! Command: `/root/.cache/taonet/target/release/taonet-node benchmark pallet --chain dev --pallet pallet_subnets --extrinsic * --steps 20 --repeat 5 --wasm-execution compiled --template scripts/weight-template.hbs --output pallets/subnets/src/weights.rs `

#![allow(unused_parens, unused_imports, missing_docs)]

use core::marker::PhantomData;
use frame_support::{
	traits::Get,
	weights::{constants::ParityDbWeight, Weight},
};

/// The weight of each call of this pallet.
pub trait WeightInfo {
	fn register_network(n: u32) -> Weight;
	fn dissolve_network(n: u32) -> Weight;
	fn set_hyperparameter() -> Weight;
	fn burned_register(n: u32) -> Weight;
	fn serve_axon() -> Weight;
	fn serve_prometheus() -> Weight;
	fn set_network_parameter() -> Weight;
}

/// Measured weights, priced with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Subnets::LastNetworkRegistration` (r:1 w:1)
	/// Proof: `Subnets::LastNetworkRegistration` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::NetworkRateLimit` (r:1 w:0)
	/// Proof: `Subnets::NetworkRateLimit` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::LastLock` (r:1 w:1)
	/// Proof: `Subnets::LastLock` (`max_values`: Some(1), `max_size`: Some(12), added: 507, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::LockReductionInterval` (r:1 w:0)
	/// Proof: `Subnets::LockReductionInterval` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::MinLockCost` (r:1 w:0)
	/// Proof: `Subnets::MinLockCost` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(104), added: 2579, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::HotkeyOwner` (r:1 w:1)
	/// Proof: `Subnets::HotkeyOwner` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::SubnetLimit` (r:1 w:0)
	/// Proof: `Subnets::SubnetLimit` (`max_values`: Some(1), `max_size`: Some(2), added: 497, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::CounterForNetworks` (r:1 w:1)
	/// Proof: `Subnets::CounterForNetworks` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::NetworkImmunityPeriod` (r:1 w:0)
	/// Proof: `Subnets::NetworkImmunityPeriod` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Networks` (r:129 w:1)
	/// Proof: `Subnets::Networks` (`max_values`: None, `max_size`: Some(103), added: 2578, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::EmissionShares` (r:128 w:1)
	/// Proof: `Subnets::EmissionShares` (`max_values`: None, `max_size`: Some(18), added: 2493, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:2 w:2)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(79), added: 2554, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::NeuronCount` (r:1 w:1)
	/// Proof: `Subnets::NeuronCount` (`max_values`: None, `max_size`: Some(12), added: 2487, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Keys` (r:4097 w:4096)
	/// Proof: `Subnets::Keys` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Consensus::Generation` (r:1 w:1)
	/// Proof: `Consensus::Generation` (`max_values`: None, `max_size`: Some(14), added: 2489, mode: `MaxEncodedLen`)
	/// Storage: `Consensus::StaleGenerations` (r:1 w:1)
	/// Proof: `Consensus::StaleGenerations` (`max_values`: Some(1), `max_size`: Some(6146), added: 6641, mode: `MaxEncodedLen`)
	/// Storage: `Emission::PendingEmission` (r:1 w:0)
	/// Proof: `Emission::PendingEmission` (`max_values`: None, `max_size`: Some(18), added: 2493, mode: `MaxEncodedLen`)
	/// Storage: `Emission::TotalPending` (r:1 w:1)
	/// Proof: `Emission::TotalPending` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Emission::TotalEmitted` (r:1 w:1)
	/// Proof: `Emission::TotalEmitted` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Emission::EpochQueue` (r:1 w:1)
	/// Proof: `Emission::EpochQueue` (`max_values`: Some(1), `max_size`: Some(258), added: 753, mode: `MaxEncodedLen`)
	/// Storage: `Emission::Generation` (r:1 w:1)
	/// Proof: `Emission::Generation` (`max_values`: None, `max_size`: Some(14), added: 2489, mode: `MaxEncodedLen`)
	/// Storage: `Emission::RootValidators` (r:1 w:0)
	/// Proof: `Emission::RootValidators` (`max_values`: Some(1), `max_size`: Some(2050), added: 2545, mode: `MaxEncodedLen`)
	/// Storage: `Consensus::Outputs` (r:0 w:1)
	/// Proof: `Consensus::Outputs` (`max_values`: None, `max_size`: Some(90124), added: 92599, mode: `MaxEncodedLen`)
	/// Storage: `Consensus::BondsUpdatedAt` (r:0 w:1)
	/// Proof: `Consensus::BondsUpdatedAt` (`max_values`: None, `max_size`: Some(14), added: 2489, mode: `MaxEncodedLen`)
	/// Storage: `Consensus::ValidatorPermits` (r:0 w:1)
	/// Proof: `Consensus::ValidatorPermits` (`max_values`: None, `max_size`: Some(4108), added: 6583, mode: `MaxEncodedLen`)
	/// Storage: `Consensus::ActiveSubnets` (r:0 w:1)
	/// Proof: `Consensus::ActiveSubnets` (`max_values`: None, `max_size`: Some(10), added: 2485, mode: `MaxEncodedLen`)
	/// Storage: `Emission::SubnetShares` (r:0 w:1)
	/// Proof: `Emission::SubnetShares` (`max_values`: None, `max_size`: Some(18), added: 2493, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Burn` (r:0 w:1)
	/// Proof: `Subnets::Burn` (`max_values`: None, `max_size`: Some(22), added: 2497, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::HotkeyBoundAt` (r:0 w:1)
	/// Proof: `Subnets::HotkeyBoundAt` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Hyperparams` (r:0 w:1)
	/// Proof: `Subnets::Hyperparams` (`max_values`: None, `max_size`: Some(94), added: 2569, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::RegistrationsThisBlock` (r:0 w:1)
	/// Proof: `Subnets::RegistrationsThisBlock` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::RegisteredAt` (r:0 w:1)
	/// Proof: `Subnets::RegisteredAt` (`max_values`: None, `max_size`: Some(16396), added: 18871, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::PruningScores` (r:0 w:1)
	/// Proof: `Subnets::PruningScores` (`max_values`: None, `max_size`: Some(32780), added: 35255, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Uids` (r:0 w:4097)
	/// Proof: `Subnets::Uids` (`max_values`: None, `max_size`: Some(60), added: 2535, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Axons` (r:0 w:4096)
	/// Proof: `Subnets::Axons` (`max_values`: None, `max_size`: Some(86), added: 2561, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Prometheus` (r:0 w:4096)
	/// Proof: `Subnets::Prometheus` (`max_values`: None, `max_size`: Some(85), added: 2560, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[1, 4096]`.
	fn register_network(n: u32) -> Weight {
		Weight::from_parts(2_564_839_000, 23_349)
			.saturating_add(Weight::from_parts(27_340_592, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 46).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(280_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(29_u64))
			.saturating_add(T::DbWeight::get().writes((4_u64).saturating_mul(n.into())))
	}
	/// Storage: `Subnets::Networks` (r:1 w:1)
	/// Proof: `Subnets::Networks` (`max_values`: None, `max_size`: Some(103), added: 2578, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::CounterForNetworks` (r:1 w:1)
	/// Proof: `Subnets::CounterForNetworks` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(104), added: 2579, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(79), added: 2554, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::NeuronCount` (r:1 w:1)
	/// Proof: `Subnets::NeuronCount` (`max_values`: None, `max_size`: Some(12), added: 2487, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Keys` (r:4097 w:4096)
	/// Proof: `Subnets::Keys` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Uids` (r:4096 w:4096)
	/// Proof: `Subnets::Uids` (`max_values`: None, `max_size`: Some(60), added: 2535, mode: `MaxEncodedLen`)
	/// Storage: `Consensus::Generation` (r:1 w:1)
	/// Proof: `Consensus::Generation` (`max_values`: None, `max_size`: Some(14), added: 2489, mode: `MaxEncodedLen`)
	/// Storage: `Consensus::StaleGenerations` (r:1 w:1)
	/// Proof: `Consensus::StaleGenerations` (`max_values`: Some(1), `max_size`: Some(6146), added: 6641, mode: `MaxEncodedLen`)
	/// Storage: `Emission::PendingEmission` (r:1 w:0)
	/// Proof: `Emission::PendingEmission` (`max_values`: None, `max_size`: Some(18), added: 2493, mode: `MaxEncodedLen`)
	/// Storage: `Emission::TotalPending` (r:1 w:1)
	/// Proof: `Emission::TotalPending` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Emission::TotalEmitted` (r:1 w:1)
	/// Proof: `Emission::TotalEmitted` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Emission::EpochQueue` (r:1 w:1)
	/// Proof: `Emission::EpochQueue` (`max_values`: Some(1), `max_size`: Some(258), added: 753, mode: `MaxEncodedLen`)
	/// Storage: `Emission::Generation` (r:1 w:1)
	/// Proof: `Emission::Generation` (`max_values`: None, `max_size`: Some(14), added: 2489, mode: `MaxEncodedLen`)
	/// Storage: `Emission::RootValidators` (r:1 w:0)
	/// Proof: `Emission::RootValidators` (`max_values`: Some(1), `max_size`: Some(2050), added: 2545, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::LastNetworkRegistration` (r:1 w:1)
	/// Proof: `Subnets::LastNetworkRegistration` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::LastLock` (r:1 w:1)
	/// Proof: `Subnets::LastLock` (`max_values`: Some(1), `max_size`: Some(12), added: 507, mode: `MaxEncodedLen`)
	/// Storage: `Consensus::Outputs` (r:0 w:1)
	/// Proof: `Consensus::Outputs` (`max_values`: None, `max_size`: Some(90124), added: 92599, mode: `MaxEncodedLen`)
	/// Storage: `Consensus::BondsUpdatedAt` (r:0 w:1)
	/// Proof: `Consensus::BondsUpdatedAt` (`max_values`: None, `max_size`: Some(14), added: 2489, mode: `MaxEncodedLen`)
	/// Storage: `Consensus::ValidatorPermits` (r:0 w:1)
	/// Proof: `Consensus::ValidatorPermits` (`max_values`: None, `max_size`: Some(4108), added: 6583, mode: `MaxEncodedLen`)
	/// Storage: `Consensus::ActiveSubnets` (r:0 w:1)
	/// Proof: `Consensus::ActiveSubnets` (`max_values`: None, `max_size`: Some(10), added: 2485, mode: `MaxEncodedLen`)
	/// Storage: `Emission::SubnetShares` (r:0 w:1)
	/// Proof: `Emission::SubnetShares` (`max_values`: None, `max_size`: Some(18), added: 2493, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Burn` (r:0 w:1)
	/// Proof: `Subnets::Burn` (`max_values`: None, `max_size`: Some(22), added: 2497, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Hyperparams` (r:0 w:1)
	/// Proof: `Subnets::Hyperparams` (`max_values`: None, `max_size`: Some(94), added: 2569, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::RegistrationsThisBlock` (r:0 w:1)
	/// Proof: `Subnets::RegistrationsThisBlock` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::RegisteredAt` (r:0 w:1)
	/// Proof: `Subnets::RegisteredAt` (`max_values`: None, `max_size`: Some(16396), added: 18871, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::PruningScores` (r:0 w:1)
	/// Proof: `Subnets::PruningScores` (`max_values`: None, `max_size`: Some(32780), added: 35255, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Axons` (r:0 w:4096)
	/// Proof: `Subnets::Axons` (`max_values`: None, `max_size`: Some(86), added: 2561, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::EmissionShares` (r:0 w:1)
	/// Proof: `Subnets::EmissionShares` (`max_values`: None, `max_size`: Some(18), added: 2493, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Prometheus` (r:0 w:4096)
	/// Proof: `Subnets::Prometheus` (`max_values`: None, `max_size`: Some(85), added: 2560, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[1, 4096]`.
	fn dissolve_network(n: u32) -> Weight {
		Weight::from_parts(175_357_000, 1_507)
			.saturating_add(Weight::from_parts(27_917_749, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 101).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(16_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(24_u64))
			.saturating_add(T::DbWeight::get().writes((4_u64).saturating_mul(n.into())))
	}
	/// Storage: `Subnets::Networks` (r:1 w:0)
	/// Proof: `Subnets::Networks` (`max_values`: None, `max_size`: Some(103), added: 2578, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Hyperparams` (r:1 w:1)
	/// Proof: `Subnets::Hyperparams` (`max_values`: None, `max_size`: Some(94), added: 2569, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::NeuronCount` (r:1 w:0)
	/// Proof: `Subnets::NeuronCount` (`max_values`: None, `max_size`: Some(12), added: 2487, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Burn` (r:1 w:1)
	/// Proof: `Subnets::Burn` (`max_values`: None, `max_size`: Some(22), added: 2497, mode: `MaxEncodedLen`)
	fn set_hyperparameter() -> Weight {
		Weight::from_parts(50_965_000, 561)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Subnets::Networks` (r:1 w:0)
	/// Proof: `Subnets::Networks` (`max_values`: None, `max_size`: Some(103), added: 2578, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Hyperparams` (r:1 w:0)
	/// Proof: `Subnets::Hyperparams` (`max_values`: None, `max_size`: Some(94), added: 2569, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::RegistrationsThisBlock` (r:1 w:1)
	/// Proof: `Subnets::RegistrationsThisBlock` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Uids` (r:2 w:2)
	/// Proof: `Subnets::Uids` (`max_values`: None, `max_size`: Some(60), added: 2535, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::NeuronCount` (r:1 w:0)
	/// Proof: `Subnets::NeuronCount` (`max_values`: None, `max_size`: Some(12), added: 2487, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::PruningScores` (r:1 w:1)
	/// Proof: `Subnets::PruningScores` (`max_values`: None, `max_size`: Some(32780), added: 35255, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::RegisteredAt` (r:1 w:1)
	/// Proof: `Subnets::RegisteredAt` (`max_values`: None, `max_size`: Some(16396), added: 18871, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Burn` (r:1 w:1)
	/// Proof: `Subnets::Burn` (`max_values`: None, `max_size`: Some(22), added: 2497, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::HotkeyOwner` (r:1 w:1)
	/// Proof: `Subnets::HotkeyOwner` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(104), added: 2579, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::TotalRecycled` (r:1 w:1)
	/// Proof: `Subnets::TotalRecycled` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Keys` (r:1 w:1)
	/// Proof: `Subnets::Keys` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Consensus::Generation` (r:1 w:0)
	/// Proof: `Consensus::Generation` (`max_values`: None, `max_size`: Some(14), added: 2489, mode: `MaxEncodedLen`)
	/// Storage: `Consensus::ValidatorPermits` (r:1 w:1)
	/// Proof: `Consensus::ValidatorPermits` (`max_values`: None, `max_size`: Some(4108), added: 6583, mode: `MaxEncodedLen`)
	/// Storage: `Consensus::Outputs` (r:1 w:1)
	/// Proof: `Consensus::Outputs` (`max_values`: None, `max_size`: Some(90124), added: 92599, mode: `MaxEncodedLen`)
	/// Storage: `Consensus::Bonds` (r:0 w:1)
	/// Proof: `Consensus::Bonds` (`max_values`: None, `max_size`: Some(16410), added: 18885, mode: `MaxEncodedLen`)
	/// Storage: `Consensus::LastUpdate` (r:0 w:1)
	/// Proof: `Consensus::LastUpdate` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `Consensus::WeightCommits` (r:0 w:1)
	/// Proof: `Consensus::WeightCommits` (`max_values`: None, `max_size`: Some(60), added: 2535, mode: `MaxEncodedLen`)
	/// Storage: `Consensus::Weights` (r:0 w:1)
	/// Proof: `Consensus::Weights` (`max_values`: None, `max_size`: Some(16410), added: 18885, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::HotkeyBoundAt` (r:0 w:1)
	/// Proof: `Subnets::HotkeyBoundAt` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Axons` (r:0 w:1)
	/// Proof: `Subnets::Axons` (`max_values`: None, `max_size`: Some(86), added: 2561, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Prometheus` (r:0 w:1)
	/// Proof: `Subnets::Prometheus` (`max_values`: None, `max_size`: Some(85), added: 2560, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[2, 4096]`.
	fn burned_register(n: u32) -> Weight {
		Weight::from_parts(290_732_223, 4_444)
			.saturating_add(Weight::from_parts(40_983, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 12).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(16_u64))
			.saturating_add(T::DbWeight::get().writes(19_u64))
	}
	/// Storage: `Subnets::Hyperparams` (r:1 w:0)
	/// Proof: `Subnets::Hyperparams` (`max_values`: None, `max_size`: Some(94), added: 2569, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Uids` (r:1 w:0)
	/// Proof: `Subnets::Uids` (`max_values`: None, `max_size`: Some(60), added: 2535, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Axons` (r:1 w:1)
	/// Proof: `Subnets::Axons` (`max_values`: None, `max_size`: Some(86), added: 2561, mode: `MaxEncodedLen`)
	fn serve_axon() -> Weight {
		Weight::from_parts(41_497_000, 598)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Subnets::Hyperparams` (r:1 w:0)
	/// Proof: `Subnets::Hyperparams` (`max_values`: None, `max_size`: Some(94), added: 2569, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Uids` (r:1 w:0)
	/// Proof: `Subnets::Uids` (`max_values`: None, `max_size`: Some(60), added: 2535, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Prometheus` (r:1 w:1)
	/// Proof: `Subnets::Prometheus` (`max_values`: None, `max_size`: Some(85), added: 2560, mode: `MaxEncodedLen`)
	fn serve_prometheus() -> Weight {
		Weight::from_parts(38_813_000, 582)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Subnets::CounterForNetworks` (r:1 w:0)
	/// Proof: `Subnets::CounterForNetworks` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::NetworkRateLimit` (r:0 w:1)
	/// Proof: `Subnets::NetworkRateLimit` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	fn set_network_parameter() -> Weight {
		Weight::from_parts(14_317_000, 32)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
}

/// The same measurements priced with ParityDB's default database weights, for tests.
impl WeightInfo for () {
	fn register_network(n: u32) -> Weight {
		Weight::from_parts(2_564_839_000, 23_349)
			.saturating_add(Weight::from_parts(27_340_592, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 46).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(280_u64))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(29_u64))
			.saturating_add(ParityDbWeight::get().writes((4_u64).saturating_mul(n.into())))
	}
	fn dissolve_network(n: u32) -> Weight {
		Weight::from_parts(175_357_000, 1_507)
			.saturating_add(Weight::from_parts(27_917_749, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 101).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(16_u64))
			.saturating_add(ParityDbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(24_u64))
			.saturating_add(ParityDbWeight::get().writes((4_u64).saturating_mul(n.into())))
	}
	fn set_hyperparameter() -> Weight {
		Weight::from_parts(50_965_000, 561)
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn burned_register(n: u32) -> Weight {
		Weight::from_parts(290_732_223, 4_444)
			.saturating_add(Weight::from_parts(40_983, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 12).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(16_u64))
			.saturating_add(ParityDbWeight::get().writes(19_u64))
	}
	fn serve_axon() -> Weight {
		Weight::from_parts(41_497_000, 598)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn serve_prometheus() -> Weight {
		Weight::from_parts(38_813_000, 582)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn set_network_parameter() -> Weight {
		Weight::from_parts(14_317_000, 32)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
}
