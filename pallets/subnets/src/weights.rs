//! Provisional weights, replaced by `scripts/benchmark-pallets.sh` output.

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
	fn register_network(n: u32) -> Weight {
		Weight::from_parts(100_000_000, 0)
			.saturating_add(Weight::from_parts(100_000, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads_writes(20, 20))
			.saturating_add(T::DbWeight::get().writes((4_u64).saturating_mul(n.into())))
	}
	fn dissolve_network(n: u32) -> Weight {
		Weight::from_parts(100_000_000, 0)
			.saturating_add(Weight::from_parts(100_000, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads_writes(10, 10))
			.saturating_add(T::DbWeight::get().writes((4_u64).saturating_mul(n.into())))
	}
	fn set_hyperparameter() -> Weight {
		Weight::from_parts(50_000_000, 0).saturating_add(T::DbWeight::get().reads_writes(4, 2))
	}
	fn burned_register(n: u32) -> Weight {
		Weight::from_parts(100_000_000, 0)
			.saturating_add(Weight::from_parts(50_000, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads_writes(12, 10))
	}
	fn serve_axon() -> Weight {
		Weight::from_parts(50_000_000, 0).saturating_add(T::DbWeight::get().reads_writes(3, 1))
	}
	fn serve_prometheus() -> Weight {
		Weight::from_parts(50_000_000, 0).saturating_add(T::DbWeight::get().reads_writes(3, 1))
	}
	fn set_network_parameter() -> Weight {
		Weight::from_parts(20_000_000, 0).saturating_add(T::DbWeight::get().reads_writes(1, 1))
	}
}

impl WeightInfo for () {
	fn register_network(_: u32) -> Weight {
		Weight::zero()
	}
	fn dissolve_network(_: u32) -> Weight {
		Weight::zero()
	}
	fn set_hyperparameter() -> Weight {
		Weight::zero()
	}
	fn burned_register(_: u32) -> Weight {
		Weight::zero()
	}
	fn serve_axon() -> Weight {
		Weight::zero()
	}
	fn serve_prometheus() -> Weight {
		Weight::zero()
	}
	fn set_network_parameter() -> Weight {
		Weight::zero()
	}
}
