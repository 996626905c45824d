//! Weights, epochs, the root network and emission: the consensus and emission pallets.
//!
//! The epoch budget leaves most of a block to transactions: the epochs of one block may weigh
//! at most 40% of it by their benchmarked bounds, and the largest allowed subnet's epoch fits in
//! that budget alone (checked by a test below).

use crate::{Balances, Consensus, Runtime, Stake, Subnets};
use frame_support::{parameter_types, weights::Weight};
use sp_runtime::Perbill;

parameter_types! {
	/// Most UIDs in a subnet: the subnets pallet's hard limit.
	pub MaxUids: u32 = u32::from(pallet_subnets::MAX_UIDS_LIMIT);
	/// Most validator permits in a subnet: the subnets pallet's hard limit.
	pub MaxValidators: u32 = u32::from(pallet_subnets::MAX_VALIDATORS_LIMIT);
	/// Most subnets: the subnets pallet's hard cap.
	pub MaxSubnets: u32 = u32::from(crate::configs::subnets::MaxSubnets::get());
	/// Most root validators.
	pub const MaxRootValidators: u32 = 64;
	/// Most epochs in one block.
	pub const MaxEpochsPerBlock: u32 = 4;
	/// What the epochs of one block may weigh by their bounds.
	pub EpochWeightBudget: Weight = {
		let block = <Runtime as frame_system::Config>::BlockWeights::get().max_block;
		let share = Perbill::from_percent(40);
		Weight::from_parts(share.mul_floor(block.ref_time()), share.mul_floor(block.proof_size()))
	};
}

impl pallet_consensus::Config for Runtime {
	type Subnets = Subnets;
	type Stake = Stake;
	type MaxUids = MaxUids;
	type MaxValidators = MaxValidators;
	type WeightInfo = pallet_consensus::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = Subnets;
}

impl pallet_emission::Config for Runtime {
	type Currency = Balances;
	type Subnets = Subnets;
	type Hotkeys = Subnets;
	type Stake = Stake;
	type Epochs = Consensus;
	type MaxEpochsPerBlock = MaxEpochsPerBlock;
	type MaxSubnets = MaxSubnets;
	type MaxRootValidators = MaxRootValidators;
	type EpochWeightBudget = EpochWeightBudget;
	type WeightInfo = pallet_emission::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = Subnets;
}

#[cfg(test)]
mod tests {
	use super::*;
	use pallet_consensus::WeightInfo as _;
	use pallet_emission::WeightInfo as _;

	/// The largest subnet's epoch, with every permit holder's row full, fits in the epoch
	/// budget on its own, and the accrual of the most subnets and root validators fits beside
	/// it in a block.
	#[test]
	fn the_largest_epoch_fits_in_a_block() {
		let epoch = pallet_consensus::weights::SubstrateWeight::<Runtime>::epoch(
			MaxUids::get(),
			MaxValidators::get() * MaxUids::get(),
		);
		let budget = EpochWeightBudget::get();
		assert!(epoch.all_lte(budget), "epoch {epoch} above the budget {budget}");
		let accrual = pallet_emission::weights::SubstrateWeight::<Runtime>::on_block(
			MaxSubnets::get(),
			MaxRootValidators::get(),
		);
		let block = <Runtime as frame_system::Config>::BlockWeights::get();
		assert!(
			budget.saturating_add(accrual).all_lte(block.max_block),
			"epochs {budget} and accrual {accrual} above the block {}",
			block.max_block
		);
	}
}
