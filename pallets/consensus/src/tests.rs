//! Every check of `set_weights`, commit-reveal, and clearing on replacement and dissolution.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use pallet_subnets::SubnetParam;
use taonet_primitives::TAO;

const NET: NetUid = NetUid(1);
const OWNER_HOT: AccountId = 100;

/// Subnet 1 (Alice's, owner hotkey 100 at UID 0) with hotkeys 101..=104 at UIDs 1..=4; UID 0
/// holds a validator permit.
fn subnet() {
	assert_ok!(Subnets::register_network(RuntimeOrigin::signed(1), OWNER_HOT));
	assert_ok!(Subnets::set_hyperparameter(
		RuntimeOrigin::root(),
		NET,
		SubnetParam::MaxRegistrationsPerBlock(64)
	));
	for hotkey in 101..=104 {
		assert_ok!(Subnets::burned_register(RuntimeOrigin::signed(2), NET, hotkey));
	}
	ValidatorPermits::<Test>::insert(
		NET,
		BoundedVec::truncate_from(vec![true, false, false, false, false]),
	);
}

fn set(hotkey: AccountId, uids: Vec<u16>, weights: Vec<u16>) -> DispatchResult {
	Consensus::set_weights(RuntimeOrigin::signed(hotkey), NET, uids, weights, 0)
}

fn param(p: SubnetParam) {
	assert_ok!(Subnets::set_hyperparameter(RuntimeOrigin::root(), NET, p));
}

#[test]
fn set_weights_stores_the_row_with_its_largest_entry_at_u16_max() {
	new_test_ext().execute_with(|| {
		subnet();
		assert_ok!(set(OWNER_HOT, vec![1, 2, 3], vec![10, 20, 0]));
		assert_eq!(
			Weights::<Test>::get(Consensus::key(NET), Uid(0)).to_vec(),
			vec![(1, 32_767), (2, 65_535)]
		);
		assert_eq!(LastUpdate::<Test>::get(Consensus::key(NET), Uid(0)), Some(1));
		assert_eq!(
			consensus_events(),
			vec![Event::WeightsSet { netuid: NET, uid: Uid(0), entries: 2 }]
		);
	});
}

#[test]
fn every_check_has_its_own_error() {
	new_test_ext().execute_with(|| {
		subnet();
		assert_noop!(
			Consensus::set_weights(
				RuntimeOrigin::signed(OWNER_HOT),
				NetUid(9),
				vec![1],
				vec![1],
				0
			),
			Error::<Test>::SubnetNotFound
		);
		assert_noop!(set(109, vec![1], vec![1]), Error::<Test>::HotkeyNotRegistered);
		assert_noop!(set(OWNER_HOT, vec![1, 2], vec![1]), Error::<Test>::LengthMismatch);
		assert_noop!(set(OWNER_HOT, vec![1, 5], vec![1, 1]), Error::<Test>::UnknownUid);
		assert_noop!(set(OWNER_HOT, vec![1, 1], vec![1, 1]), Error::<Test>::DuplicateUid);
		assert_noop!(set(OWNER_HOT, vec![1, 2], vec![0, 0]), Error::<Test>::AllWeightsZero);
		// Without a permit only a lone self-weight is allowed.
		assert_noop!(set(101, vec![2], vec![1]), Error::<Test>::NoValidatorPermit);
		assert_ok!(set(101, vec![1], vec![1]));
		param(SubnetParam::MinAllowedWeights(3));
		assert_noop!(set(OWNER_HOT, vec![1, 2], vec![1, 1]), Error::<Test>::TooFewWeights);
		param(SubnetParam::MinAllowedWeights(1));
		// 3:1 normalizes to 0.75, above a limit of 40,000 / 65,535 (0.61); 1:1 is 0.5.
		param(SubnetParam::MaxWeightLimit(40_000));
		assert_noop!(set(OWNER_HOT, vec![1, 2], vec![3, 1]), Error::<Test>::WeightAboveLimit);
		param(SubnetParam::WeightsVersionKey(7));
		assert_noop!(set(OWNER_HOT, vec![1, 2], vec![1, 1]), Error::<Test>::OutdatedVersionKey);
		assert_ok!(Consensus::set_weights(
			RuntimeOrigin::signed(OWNER_HOT),
			NET,
			vec![1, 2],
			vec![1, 1],
			7
		));
		// Rate limit: 100 blocks by default.
		assert_noop!(
			Consensus::set_weights(
				RuntimeOrigin::signed(OWNER_HOT),
				NET,
				vec![1, 2],
				vec![1, 1],
				7
			),
			Error::<Test>::WeightsRateLimitExceeded
		);
		System::set_block_number(101);
		assert_ok!(Consensus::set_weights(
			RuntimeOrigin::signed(OWNER_HOT),
			NET,
			vec![1, 2],
			vec![1, 1],
			7
		));
		// Commit-reveal on: plain weights are refused.
		param(SubnetParam::CommitRevealEnabled(true));
		assert_noop!(set(OWNER_HOT, vec![1], vec![1]), Error::<Test>::CommitRevealEnabled);
	});
}

#[test]
fn commit_then_reveal_in_the_next_epoch() {
	new_test_ext().execute_with(|| {
		subnet();
		let (uids, weights, salt) = (vec![1u16, 2], vec![5u16, 10], vec![42u16, 7]);
		let hash = Consensus::commit_hash(&OWNER_HOT, NET, &uids, &weights, &salt, 0);
		let commit = || Consensus::commit_weights(RuntimeOrigin::signed(OWNER_HOT), NET, hash);
		let reveal = |salt: Vec<u16>| {
			Consensus::reveal_weights(
				RuntimeOrigin::signed(OWNER_HOT),
				NET,
				uids.clone(),
				weights.clone(),
				salt,
				0,
			)
		};
		assert_noop!(commit(), Error::<Test>::CommitRevealDisabled);
		param(SubnetParam::CommitRevealEnabled(true));
		param(SubnetParam::Tempo(10));
		param(SubnetParam::WeightsRateLimit(0));
		assert_noop!(reveal(salt.clone()), Error::<Test>::NoCommit);
		assert_ok!(commit());
		assert!(consensus_events().contains(&Event::WeightsCommitted {
			netuid: NET,
			hotkey: OWNER_HOT,
			hash
		}));
		// Block 1 is in epoch (1 + 1 + 1) / 11 = 0; the reveal belongs to epoch 1 (blocks 9..=19).
		assert_eq!(epoch_index(NET, 10, 1), 0);
		assert_eq!((epoch_index(NET, 10, 8), epoch_index(NET, 10, 9)), (0, 1));
		assert_noop!(reveal(salt.clone()), Error::<Test>::RevealTooEarly);
		System::set_block_number(9);
		assert_noop!(reveal(vec![1, 2, 3]), Error::<Test>::RevealMismatch);
		assert_ok!(reveal(salt.clone()));
		assert_eq!(
			Weights::<Test>::get(Consensus::key(NET), Uid(0)).to_vec(),
			vec![(1, 32_767), (2, 65_535)]
		);
		assert!(WeightCommits::<Test>::get(Consensus::key(NET), OWNER_HOT).is_none());
		// A commit revealed an epoch late is refused.
		assert_ok!(commit());
		System::set_block_number(9 + 22);
		assert_noop!(reveal(salt), Error::<Test>::RevealTooLate);
	});
}

#[test]
fn epochs_are_staggered_by_netuid() {
	// With tempo 360, subnet 0 starts a new epoch at block 360, subnet 1 at 359, subnet 2 at 358.
	for (netuid, first) in [(0u16, 360u32), (1, 359), (2, 358)] {
		assert_eq!(epoch_index(NetUid(netuid), 360, first - 1), 0);
		assert_eq!(epoch_index(NetUid(netuid), 360, first), 1);
	}
}

#[test]
fn a_replaced_uid_loses_its_weights_and_a_dissolved_subnet_everything() {
	new_test_ext().execute_with(|| {
		subnet();
		param(SubnetParam::ImmunityPeriod(0));
		param(SubnetParam::MaxUids(5));
		assert_ok!(set(101, vec![1], vec![1]));
		assert_ok!(set(OWNER_HOT, vec![1, 2], vec![1, 1]));
		// UID 1 (lowest score, earliest, lowest UID after the owner) goes to hotkey 105.
		System::set_block_number(2);
		assert_ok!(Subnets::burned_register(RuntimeOrigin::signed(3), NET, 105));
		assert_eq!(pallet_subnets::Keys::<Test>::get(NET, Uid(1)), Some(105));
		assert!(Weights::<Test>::get(Consensus::key(NET), Uid(1)).is_empty());
		assert_eq!(LastUpdate::<Test>::get(Consensus::key(NET), Uid(1)), None);
		assert!(consensus_events().contains(&Event::WeightsCleared { netuid: NET, uid: Uid(1) }));
		assert!(
			!Weights::<Test>::get(Consensus::key(NET), Uid(0)).is_empty(),
			"others keep theirs"
		);
		let old = Consensus::key(NET);
		assert_ok!(Subnets::dissolve_network(RuntimeOrigin::signed(1), NET));
		// A new subnet at this netuid starts empty at once; the old rows wait for on_idle.
		assert_eq!(Weights::<Test>::iter_prefix(Consensus::key(NET)).count(), 0);
		assert!(ValidatorPermits::<Test>::get(NET).is_empty());
		assert_eq!(StaleGenerations::<Test>::get().to_vec(), vec![old]);
		assert!(Weights::<Test>::iter_prefix(old).count() > 0);
		// Not enough spare weight: nothing happens; enough: all of it goes.
		use frame_support::traits::Hooks;
		Consensus::on_idle(2, Weight::zero());
		assert!(Weights::<Test>::iter_prefix(old).count() > 0);
		Consensus::on_idle(2, Weight::MAX);
		assert_eq!(Weights::<Test>::iter_prefix(old).count(), 0);
		assert_eq!(LastUpdate::<Test>::iter_prefix(old).count(), 0);
		assert!(StaleGenerations::<Test>::get().is_empty());
	});
}

#[test]
fn an_epoch_pays_the_weighted_miner_and_the_validator_and_stores_outputs() {
	new_test_ext().execute_with(|| {
		subnet();
		// The owner hotkey (UID 0, with a permit) is the validator, staked by Alice; UIDs 1..=4
		// are miners. It favours miner 1 three to one over miner 2.
		assert_ok!(Stake::add_stake(RuntimeOrigin::signed(1), OWNER_HOT, 100 * TAO));
		// Weights set in the block a target registered do not count (they may predate it).
		System::set_block_number(2);
		assert_ok!(set(OWNER_HOT, vec![1, 2], vec![3, 1]));
		System::set_block_number(3);
		let payout = Consensus::run_epoch(NET, 1_000_000).expect("the subnet exists");
		// A single validator holds all the stake: consensus is its own weights, so incentive
		// is 3/4 and 1/4 of the miners' half; the validator takes the other half.
		assert_eq!(payout.miners, vec![(101, 375_000), (102, 125_000)]);
		assert_eq!(payout.validators, vec![(OWNER_HOT, 500_000)]);
		assert_eq!(payout.undistributed, 0);
		let outputs = Outputs::<Test>::get(NET);
		assert_eq!(outputs.len(), 5);
		assert_eq!(outputs[1].incentive, 49_151);
		assert_eq!(outputs[2].incentive, 16_384);
		assert_eq!(outputs[0].dividends, u16::MAX);
		assert_eq!(outputs[1].emission, 375_000);
		assert!(outputs[0].validator_permit && outputs[0].active);
		assert!(!Bonds::<Test>::get(Consensus::key(NET), Uid(0)).is_empty());
		assert_eq!(
			pallet_subnets::PruningScores::<Test>::get(NET).to_vec(),
			vec![500_000, 375_000, 125_000, 0, 0]
		);
		assert!(consensus_events().contains(&Event::EpochRun {
			netuid: NET,
			neurons: 5,
			emission: 1_000_000,
			undistributed: 0
		}));
		assert_eq!(Consensus::run_epoch(NetUid(9), 1), None);
	});
}

mod extension {
	use super::*;
	use codec::Encode;
	use frame_support::{dispatch::GetDispatchInfo, pallet_prelude::TransactionSource};
	use sp_runtime::{
		traits::{TransactionExtension, TxBaseImplication},
		transaction_validity::{InvalidTransaction, TransactionValidityError},
	};

	fn check(who: AccountId, call: RuntimeCall) -> Result<(), TransactionValidityError> {
		CheckWeights::<Test>::default()
			.validate(
				RuntimeOrigin::signed(who),
				&call,
				&call.get_dispatch_info(),
				0,
				(),
				&TxBaseImplication(()),
				TransactionSource::External,
			)
			.map(|_| ())
	}

	fn weights(netuid: NetUid, uids: Vec<u16>) -> RuntimeCall {
		let weights = vec![1; uids.len()];
		RuntimeCall::Consensus(Call::set_weights { netuid, uids, weights, version_key: 0 })
	}

	fn refused(code: u8) -> Result<(), TransactionValidityError> {
		Err(TransactionValidityError::Invalid(InvalidTransaction::Custom(code)))
	}

	#[test]
	fn it_encodes_to_nothing_and_lets_other_calls_pass() {
		new_test_ext().execute_with(|| {
			assert!(CheckWeights::<Test>::default().encode().is_empty());
			let remark = RuntimeCall::System(frame_system::Call::remark { remark: vec![] });
			assert_eq!(check(109, remark), Ok(()));
		});
	}

	#[test]
	fn the_pool_refuses_weight_calls_from_strangers_and_too_often() {
		new_test_ext().execute_with(|| {
			subnet();
			assert_eq!(check(OWNER_HOT, weights(NetUid(9), vec![1])), refused(1));
			assert_eq!(check(109, weights(NET, vec![1])), refused(2));
			assert_eq!(check(101, weights(NET, vec![2, 3])), refused(3));
			assert_eq!(
				check(101, weights(NET, vec![1])),
				Ok(()),
				"a lone self-weight needs no permit"
			);
			assert_eq!(check(OWNER_HOT, weights(NET, vec![1, 2])), Ok(()));
			assert_ok!(set(OWNER_HOT, vec![1, 2], vec![1, 1]));
			assert_eq!(check(OWNER_HOT, weights(NET, vec![1, 2])), refused(4));
			let commit =
				RuntimeCall::Consensus(Call::commit_weights { netuid: NET, hash: H256::zero() });
			assert_eq!(check(OWNER_HOT, commit), refused(4));
			assert_eq!(
				check(
					109,
					RuntimeCall::Consensus(Call::commit_weights {
						netuid: NET,
						hash: H256::zero()
					})
				),
				refused(2)
			);
		});
	}

	#[test]
	fn the_pool_refuses_malformed_rows_before_reading_state() {
		new_test_ext().execute_with(|| {
			subnet();
			let mismatched = RuntimeCall::Consensus(Call::set_weights {
				netuid: NET,
				uids: vec![1, 2],
				weights: vec![1],
				version_key: 0,
			});
			assert_eq!(check(OWNER_HOT, mismatched), refused(5));
			let too_long = weights(NET, (0..=4_096u32).map(|i| i as u16).collect());
			assert_eq!(check(OWNER_HOT, too_long.clone()), refused(6));
			// The call refuses it too, and is charged for at most `MaxUids` entries.
			let RuntimeCall::Consensus(Call::set_weights { uids, weights, .. }) = too_long else {
				unreachable!()
			};
			assert_noop!(set(OWNER_HOT, uids.clone(), weights), Error::<Test>::RowTooLong);
			assert_eq!(row_len::<Test>(&uids), 4_096);
		});
	}

	#[test]
	fn weight_calls_are_free() {
		use frame_support::dispatch::Pays;
		for call in [
			weights(NET, vec![1]),
			RuntimeCall::Consensus(Call::commit_weights { netuid: NET, hash: H256::zero() }),
		] {
			assert_eq!(call.get_dispatch_info().pays_fee, Pays::No);
		}
	}
}
