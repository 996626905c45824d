//! Free weight calls cannot be used to fill blocks. Signed extrinsics are applied through
//! `Executive`, exactly as a block builder (and every importing node) applies them: a weight call
//! that would fail is refused as an invalid transaction, so it can never be part of a block; one
//! wrapped where `CheckWeights` cannot see it pays a normal fee.

use crate::{
	genesis_config_presets::test_externalities, Balances, Executive, RuntimeCall, RuntimeOrigin,
	Subnets, System, UncheckedExtrinsic,
};
use frame_support::{assert_ok, traits::fungible::Inspect, BoundedVec};
use pallet_consensus::{Call as ConsensusCall, MAX_SALT_LEN};
use pallet_subnets::SubnetParam;
use sp_core::H256;
use sp_genesis_builder::DEV_RUNTIME_PRESET;
use sp_keyring::Sr25519Keyring;
use sp_runtime::transaction_validity::{InvalidTransaction, TransactionValidityError};
use taonet_primitives::{NetUid, TAO};

const NET: NetUid = NetUid(1);

/// `call` signed by `who` with `nonce`, with the runtime's extensions and no tip.
fn signed(who: Sr25519Keyring, call: RuntimeCall, nonce: u32) -> UncheckedExtrinsic {
	crate::test_signing::signed(who.to_account_id(), |bytes| who.sign(bytes).into(), call, nonce)
}

/// Subnet 1 (Alice's, commit-reveal on) with Bob's hotkey Ferdie registered at UID 1, holding
/// 1 TAO to pay fees with.
fn subnet() {
	System::set_block_number(1);
	let alice = Sr25519Keyring::Alice.to_account_id();
	assert_ok!(Subnets::register_network(
		RuntimeOrigin::signed(alice),
		Sr25519Keyring::Charlie.to_account_id()
	));
	assert_ok!(Subnets::burned_register(
		RuntimeOrigin::signed(Sr25519Keyring::Bob.to_account_id()),
		NET,
		Sr25519Keyring::Ferdie.to_account_id(),
		TAO
	));
	assert_ok!(Subnets::set_hyperparameter(
		RuntimeOrigin::root(),
		NET,
		SubnetParam::CommitRevealEnabled(true)
	));
}

fn reveal_with_max_salt(i: u16) -> RuntimeCall {
	let bounded = |v: Vec<u16>| BoundedVec::try_from(v).expect("within the bound");
	RuntimeCall::Consensus(ConsensusCall::reveal_weights {
		netuid: NET,
		uids: bounded(vec![1]),
		weights: bounded(vec![i.saturating_add(1)]),
		salt: BoundedVec::try_from(vec![i; MAX_SALT_LEN as usize]).expect("max salt"),
		version_key: 0,
	})
}

/// The hole: a registered hotkey could send reveals without a commit (with any salt), or
/// commits without end, free, and fill every block. Each is now an invalid transaction: it is
/// not applied, the signer's nonce does not move, and the block's weight does not grow.
#[test]
fn failing_free_weight_calls_never_enter_a_block() {
	test_externalities(DEV_RUNTIME_PRESET).execute_with(|| {
		subnet();
		let ferdie = Sr25519Keyring::Ferdie;
		let weight_before = System::block_weight().total();
		for i in 0..50u16 {
			let applied = Executive::apply_extrinsic(signed(ferdie, reveal_with_max_salt(i), 0));
			assert_eq!(
				applied,
				Err(TransactionValidityError::Invalid(InvalidTransaction::Custom(15))),
				"a reveal without a commit"
			);
		}
		// One commit passes; a second, third... does not.
		let commit =
			|hash| RuntimeCall::Consensus(ConsensusCall::commit_weights { netuid: NET, hash });
		assert_eq!(Executive::apply_extrinsic(signed(ferdie, commit(H256::zero()), 0)), Ok(Ok(())));
		let weight_after_commit = System::block_weight().total();
		for i in 1..50u8 {
			let applied =
				Executive::apply_extrinsic(signed(ferdie, commit(H256::repeat_byte(i)), 1));
			assert_eq!(
				applied,
				Err(TransactionValidityError::Invalid(InvalidTransaction::Custom(19))),
				"a second commit before the first is revealed"
			);
		}
		assert_eq!(System::account_nonce(ferdie.to_account_id()), 1, "one call applied");
		assert_eq!(System::block_weight().total(), weight_after_commit);
		assert!(weight_after_commit.all_gt(weight_before));
	});
}

/// Weight calls wrapped in a batch pass `CheckWeights` unchecked, so they pay the batch's
/// normal fee: spam through a wrapper costs what any transaction costs.
#[test]
fn wrapped_weight_calls_pay_a_normal_fee() {
	test_externalities(DEV_RUNTIME_PRESET).execute_with(|| {
		subnet();
		let ferdie = Sr25519Keyring::Ferdie;
		let calls = (0..10).map(reveal_with_max_salt).collect();
		let batch = RuntimeCall::Utility(pallet_utility::Call::batch { calls });
		let before = Balances::balance(&ferdie.to_account_id());
		assert!(Executive::apply_extrinsic(signed(ferdie, batch, 0)).is_ok());
		let paid = before - Balances::balance(&ferdie.to_account_id());
		assert!(paid > 100_000, "the batch paid {paid} rao");
	});
}
