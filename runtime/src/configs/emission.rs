//! Emission: the block emission, the epoch and payment budgets.
//!
//! The budgets leave most of a block to transactions: the epochs of one block may weigh at most
//! 40% of it by their benchmarked bounds (queuing their payments included), and its payments
//! 20%. The largest allowed
//! subnet's epoch fits in the epoch budget alone, and the heaviest single payment (a validator
//! with the most nominators) in the payment budget (checked by a test below).

use crate::{Balances, Consensus, Root, Runtime, Stake, Subnets};
use frame_support::{parameter_types, weights::Weight};
use sp_runtime::Perbill;

parameter_types! {
	/// Most subnets: the subnets pallet's hard cap.
	pub MaxSubnets: u32 = u32::from(crate::configs::subnets::MaxSubnets::get());
	/// Most epochs in one block.
	pub const MaxEpochsPerBlock: u32 = 4;
	/// What the epochs of one block may weigh by their bounds.
	pub EpochWeightBudget: Weight = share_of_block(Perbill::from_percent(40));
	/// What the payments of one block may weigh.
	pub PaymentWeightBudget: Weight = share_of_block(Perbill::from_percent(20));
}

/// `share` of a block's maximum weight.
fn share_of_block(share: Perbill) -> Weight {
	let block = <Runtime as frame_system::Config>::BlockWeights::get().max_block;
	Weight::from_parts(share.mul_floor(block.ref_time()), share.mul_floor(block.proof_size()))
}

impl pallet_emission::Config for Runtime {
	type Currency = Balances;
	type Subnets = Subnets;
	type Hotkeys = Subnets;
	type Stake = Stake;
	type Epochs = Consensus;
	type Shares = Root;
	type MaxEpochsPerBlock = MaxEpochsPerBlock;
	type MaxSubnets = MaxSubnets;
	type EpochWeightBudget = EpochWeightBudget;
	type PaymentWeightBudget = PaymentWeightBudget;
	type WeightInfo = pallet_emission::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = Subnets;
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::configs::{
		consensus::{MaxUids, MaxValidators},
		root::MaxRootValidators,
	};
	use pallet_consensus::WeightInfo as _;
	use pallet_emission::WeightInfo as _;
	use pallet_root::WeightInfo as _;

	/// The largest subnet's epoch, with every permit holder's row full, fits in the epoch
	/// budget on its own; the heaviest payment in the payment budget; and the accrual of the
	/// most subnets, with the shares of the most root validators computed, beside both in a
	/// block.
	#[test]
	fn the_largest_epoch_and_payment_fit_in_a_block() {
		// As `Emission::epoch_bound` charges it: the benchmarked epoch, the permit holders' rows
		// and bonds, and a queued payment for every UID and permit holder.
		let epoch = pallet_consensus::weights::SubstrateWeight::<Runtime>::epoch(
			MaxUids::get(),
			MaxValidators::get() * MaxUids::get(),
		)
		.saturating_add(<Runtime as frame_system::Config>::DbWeight::get().reads_writes(
			u64::from(MaxValidators::get()) + 10,
			u64::from(MaxValidators::get() * 2 + MaxUids::get()) + 6,
		));
		let budget = EpochWeightBudget::get();
		assert!(epoch.all_lte(budget), "epoch {epoch} above the budget {budget}");
		let accrual =
			pallet_emission::weights::SubstrateWeight::<Runtime>::on_block(MaxSubnets::get())
				.saturating_add(pallet_root::weights::SubstrateWeight::<Runtime>::update_shares(
					MaxSubnets::get(),
					MaxRootValidators::get(),
				));
		let payment =
			<Stake as taonet_primitives::StakeInterface<crate::AccountId>>::pay_hotkey_weight();
		let payments = PaymentWeightBudget::get();
		assert!(payment.all_lte(payments), "payment {payment} above the budget {payments}");
		let block = <Runtime as frame_system::Config>::BlockWeights::get();
		assert!(
			budget.saturating_add(payments).saturating_add(accrual).all_lte(block.max_block),
			"epochs {budget} and accrual {accrual} above the block {}",
			block.max_block
		);
	}
}
