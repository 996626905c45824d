//! TAO balances and transaction fees.
//!
//! Balances are `u64` rao. Fees go whole (fee and tip) to the author of the block that includes
//! the transaction; nothing is burned by fees.

use frame_support::{
	parameter_types,
	traits::{
		fungible::{Balanced, Credit},
		ConstU32, ConstU8, FindAuthor, OnUnbalanced, VariantCountOf,
	},
	weights::ConstantMultiplier,
};
use pallet_transaction_payment::{ConstFeeMultiplier, FungibleAdapter, Multiplier};
use sp_runtime::traits::One;

use crate::{
	AccountId, Balance, Balances, Runtime, RuntimeEvent, RuntimeFreezeReason, RuntimeHoldReason,
	System, EXISTENTIAL_DEPOSIT,
};

parameter_types! {
	/// Accounts below this many rao are reaped.
	pub const ExistentialDeposit: Balance = EXISTENTIAL_DEPOSIT;
}

impl pallet_balances::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type WeightInfo = pallet_balances::weights::SubstrateWeight<Runtime>;
	type Balance = Balance;
	/// Dust of reaped accounts leaves total issuance, recorded as burned so that the issuance
	/// invariant stays exact.
	type DustRemoval = pallet_emission::RecordBurn<Runtime, Balances>;
	type ExistentialDeposit = ExistentialDeposit;
	type AccountStore = System;
	type ReserveIdentifier = [u8; 8];
	type FreezeIdentifier = RuntimeFreezeReason;
	type MaxLocks = ConstU32<50>;
	type MaxReserves = ConstU32<50>;
	type MaxFreezes = VariantCountOf<RuntimeFreezeReason>;
	type DoneSlashHandler = ();
}

pub use taonet_primitives::{WeightToFee, FEE_PER_BYTE};

parameter_types! {
	/// Fees do not rise with congestion: the multiplier stays at one.
	pub FeeMultiplier: Multiplier = Multiplier::one();
	/// Rao charged per byte of a transaction.
	pub const TransactionByteFee: Balance = FEE_PER_BYTE;
}

/// The account of the current block's author: the Aura authority whose slot it is. Aura keys are
/// sr25519 public keys, and an sr25519 account id is its public key.
pub struct BlockAuthor;

impl BlockAuthor {
	/// The author of the block being built or executed, if its digest names one.
	pub fn account() -> Option<AccountId> {
		let digest = System::digest();
		let pre_runtime = digest.logs().iter().filter_map(|item| item.as_pre_runtime());
		let authority = pallet_aura::AuraAuthorId::<Runtime>::find_author(pre_runtime)?;
		Some(AccountId::from(authority.into_inner()))
	}
}

/// Pays fees and tips to the block author. Without a known author (which a valid block always
/// has), or when the author's account cannot take it, the credit is burned and recorded
/// ([`pallet_emission::RecordBurn`]), which lowers total issuance by the same amount.
pub struct FeesToAuthor;

impl OnUnbalanced<Credit<AccountId, Balances>> for FeesToAuthor {
	fn on_nonzero_unbalanced(amount: Credit<AccountId, Balances>) {
		let unclaimed = match BlockAuthor::account() {
			// A credit the author's account cannot take (only possible below the existential
			// deposit of a fresh account) comes back.
			Some(author) => <Balances as Balanced<AccountId>>::resolve(&author, amount).err(),
			None => Some(amount),
		};
		if let Some(credit) = unclaimed {
			pallet_emission::RecordBurn::<Runtime, Balances>::on_unbalanced(credit);
		}
	}
}

impl pallet_transaction_payment::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type OnChargeTransaction = FungibleAdapter<Balances, FeesToAuthor>;
	type WeightToFee = WeightToFee;
	type LengthToFee = ConstantMultiplier<Balance, TransactionByteFee>;
	type FeeMultiplierUpdate = ConstFeeMultiplier<FeeMultiplier>;
	/// Operational transactions pay five times the priority of normal ones for the same fee.
	type OperationalFeeMultiplier = ConstU8<5>;
	type WeightInfo = pallet_transaction_payment::weights::SubstrateWeight<Runtime>;
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::genesis_config_presets::test_externalities;
	use codec::Encode;
	use frame_support::assert_ok;
	use frame_support::traits::{fungible::Inspect, OnUnbalanced};
	use sp_consensus_aura::{Slot, AURA_ENGINE_ID};
	use sp_keyring::Sr25519Keyring;
	use sp_runtime::{Digest, DigestItem};

	/// Starts the next block with an Aura pre-digest for `slot`, as an authoring node does.
	fn start_block_in_slot(slot: u64) {
		let digest = Digest {
			logs: vec![DigestItem::PreRuntime(AURA_ENGINE_ID, Slot::from(slot).encode())],
		};
		System::initialize(&(System::block_number() + 1), &Default::default(), &digest);
	}

	#[test]
	fn the_author_is_the_authority_whose_slot_it_is() {
		test_externalities(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
			// Authorities are [Alice, Bob, Charlie, Dave]: slot s is authority s mod 4's.
			start_block_in_slot(12);
			assert_eq!(BlockAuthor::account(), Some(Sr25519Keyring::Alice.to_account_id()));
			start_block_in_slot(13);
			assert_eq!(BlockAuthor::account(), Some(Sr25519Keyring::Bob.to_account_id()));
			start_block_in_slot(15);
			assert_eq!(BlockAuthor::account(), Some(Sr25519Keyring::Dave.to_account_id()));
		});
	}

	#[test]
	fn fees_go_whole_to_the_block_author() {
		test_externalities(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
			start_block_in_slot(13);
			let bob = Sr25519Keyring::Bob.to_account_id();
			let before = Balances::balance(&bob);
			let issuance = Balances::total_issuance();
			// A fee withdrawn from a payer is a credit; simulate one of 12,345 rao.
			let credit = <Balances as Balanced<AccountId>>::issue(12_345);
			FeesToAuthor::on_unbalanced(credit);
			assert_eq!(Balances::balance(&bob), before + 12_345);
			assert_eq!(Balances::total_issuance(), issuance + 12_345);
		});
	}

	#[test]
	fn without_an_author_the_fee_leaves_total_issuance() {
		test_externalities(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
			System::initialize(&1, &Default::default(), &Digest::default());
			let issuance = Balances::total_issuance();
			let credit = <Balances as Balanced<AccountId>>::issue(777);
			assert_eq!(Balances::total_issuance(), issuance + 777);
			FeesToAuthor::on_unbalanced(credit);
			assert_eq!(Balances::total_issuance(), issuance);
			assert_eq!(pallet_emission::TotalBurned::<Runtime>::get(), 777, "and is recorded");
		});
	}

	/// A transfer that reaps its sender used to lower total issuance by the dust without a
	/// record, breaking the issuance invariant; the dust is now recorded as burned.
	#[test]
	fn a_reaped_accounts_dust_keeps_the_issuance_invariant() {
		use crate::{Emission, RuntimeOrigin};
		use frame_support::traits::Hooks;
		test_externalities(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
			System::set_block_number(1);
			Emission::on_initialize(1);
			let alice = Sr25519Keyring::Alice.to_account_id();
			let dusty = Sr25519Keyring::Ferdie.to_account_id();
			let bob = Sr25519Keyring::Bob.to_account_id();
			// Ferdie keeps 100 rao above nothing: below the existential deposit once it sends.
			let keep = EXISTENTIAL_DEPOSIT + 100;
			let spend = Balances::balance(&dusty) - keep;
			assert_ok!(Balances::transfer_allow_death(
				RuntimeOrigin::signed(dusty.clone()),
				alice.into(),
				spend
			));
			assert_ok!(Balances::transfer_allow_death(
				RuntimeOrigin::signed(dusty.clone()),
				bob.into(),
				EXISTENTIAL_DEPOSIT + 1
			));
			assert_eq!(Balances::balance(&dusty), 0, "Ferdie was reaped");
			assert_eq!(pallet_emission::TotalBurned::<Runtime>::get(), 99);
			Emission::do_try_state().expect("the issuance invariant holds");
		});
	}

	#[test]
	fn a_transfer_costs_about_a_ten_thousandth_of_a_tao() {
		use frame_support::weights::WeightToFee as _;
		// The reference weight of a keep-alive transfer and a typical signed length of 150 bytes.
		let weight =
			<pallet_balances::weights::SubstrateWeight<Runtime> as pallet_balances::WeightInfo>::transfer_keep_alive();
		let fee = WeightToFee::weight_to_fee(&weight) + 150 * FEE_PER_BYTE;
		assert!(fee > crate::TAO / 100_000 && fee < crate::TAO / 1_000, "fee {fee} rao");
	}
}
