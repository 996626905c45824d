//! Every check of `set_weights`, commit-reveal, and clearing on replacement and dissolution.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use pallet_subnets::SubnetParam;
use taonet_primitives::epoch_index;
use taonet_primitives::{Ratio, TAO};

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
		assert_ok!(Subnets::burned_register(RuntimeOrigin::signed(2), NET, hotkey, Balance::MAX));
	}
	ValidatorPermits::<Test>::insert(
		NET,
		BoundedVec::truncate_from(vec![true, false, false, false, false]),
	);
}

/// A bounded vector for a call argument.
pub fn b<S: Get<u32>>(v: Vec<u16>) -> BoundedVec<u16, S> {
	BoundedVec::try_from(v).expect("within the bound")
}

fn set(hotkey: AccountId, uids: Vec<u16>, weights: Vec<u16>) -> DispatchResult {
	set_v(hotkey, uids, weights, 0)
}

fn set_v(hotkey: AccountId, uids: Vec<u16>, weights: Vec<u16>, version: u64) -> DispatchResult {
	Consensus::set_weights(RuntimeOrigin::signed(hotkey), NET, b(uids), b(weights), version)
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
				b(vec![1]),
				b(vec![1]),
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
		param(SubnetParam::MaxWeightLimit(Ratio(40_000)));
		assert_noop!(set(OWNER_HOT, vec![1, 2], vec![3, 1]), Error::<Test>::WeightAboveLimit);
		param(SubnetParam::WeightsVersionKey(7));
		assert_noop!(set(OWNER_HOT, vec![1, 2], vec![1, 1]), Error::<Test>::OutdatedVersionKey);
		assert_ok!(set_v(OWNER_HOT, vec![1, 2], vec![1, 1], 7));
		// Rate limit: 100 blocks by default.
		assert_noop!(
			set_v(OWNER_HOT, vec![1, 2], vec![1, 1], 7),
			Error::<Test>::WeightsRateLimitExceeded
		);
		System::set_block_number(101);
		assert_ok!(set_v(OWNER_HOT, vec![1, 2], vec![1, 1], 7));
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
				b(uids.clone()),
				b(weights.clone()),
				b(salt),
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
		assert!(WeightCommits::<Test>::get(Consensus::key(NET), Uid(0)).is_none());
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
		// UID 1 (lowest score past the owner's) goes to hotkey 105, and its score to 0.
		PruningScores::<Test>::insert(NET, BoundedVec::truncate_from(vec![9, 5, 7, 8, 6]));
		System::set_block_number(2);
		assert_ok!(Subnets::burned_register(RuntimeOrigin::signed(3), NET, 105, Balance::MAX));
		assert_eq!(pallet_subnets::Keys::<Test>::get(NET, Uid(1)), Some(105));
		assert_eq!(
			<Consensus as taonet_primitives::NeuronScores>::pruning_scores(NET),
			vec![9, 0, 7, 8, 6]
		);
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

/// [`subnet`] with one validator, the owner hotkey (UID 0, with a permit), staked by Alice;
/// UIDs 1..=4 are miners. It favours miner 1 three to one over miner 2 at block 2, and the
/// epoch of 1,000,000 rao runs at block 3.
fn one_validator_epoch() -> taonet_primitives::EpochPayout<AccountId> {
	subnet();
	assert_ok!(Stake::add_stake(RuntimeOrigin::signed(1), OWNER_HOT, 100 * TAO));
	// Weights set in the block a target registered do not count (they may predate it).
	System::set_block_number(2);
	assert_ok!(set(OWNER_HOT, vec![1, 2], vec![3, 1]));
	System::set_block_number(3);
	Consensus::run_epoch(NET, 1_000_000).expect("the subnet exists")
}

#[test]
fn an_epoch_pays_the_weighted_miner_and_the_validator_and_stores_outputs() {
	new_test_ext().execute_with(|| {
		let payout = one_validator_epoch();
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
		assert_eq!(PruningScores::<Test>::get(NET).to_vec(), vec![500_000, 375_000, 125_000, 0, 0]);
		assert!(consensus_events().contains(&Event::EpochRun {
			netuid: NET,
			neurons: 5,
			emission: 1_000_000,
			undistributed: 0
		}));
		assert_eq!(Consensus::run_epoch(NetUid(9), 1), None);
	});
}

/// Clients read each neuron's own results of the last epoch and its last weights update; a
/// neuron registered at or after that epoch shows none (what is stored was its predecessor's).
#[test]
fn clients_read_a_neurons_own_results_and_rows() {
	new_test_ext().execute_with(|| {
		one_validator_epoch();
		let mut neurons = Subnets::neuron_views(NET).expect("the subnet exists");
		Consensus::fill_results(NET, &mut neurons);
		let outputs = Outputs::<Test>::get(NET);
		for neuron in &neurons {
			assert_eq!(neuron.incentive, outputs[usize::from(neuron.uid)].incentive);
		}
		assert_eq!((neurons[1].incentive, neurons[0].dividends), (49_151, u16::MAX));
		assert_eq!(neurons[0].last_update, 2, "the block it set weights");
		assert_eq!(neurons[1].last_update, neurons[1].registered_at, "never set weights");
		// Had UID 1's holder registered in the epoch's block, the results are not its own.
		neurons[1].registered_at = 3;
		Consensus::fill_results(NET, &mut neurons);
		assert_eq!((neurons[1].incentive, neurons[1].emission, neurons[1].active), (0, 0, false));
		assert_eq!(Consensus::weight_rows(NET, 5), vec![(0, vec![(1, u16::MAX), (2, 21_845)])]);
		assert_eq!(Consensus::bond_rows(NET, 5).first().map(|(uid, _)| *uid), Some(0));
	});
}

mod extension {
	use super::*;
	use codec::{Decode, Encode};
	use frame_support::{
		dispatch::GetDispatchInfo,
		pallet_prelude::TransactionSource,
		storage::{with_transaction, TransactionOutcome},
	};
	use sp_runtime::{
		traits::{Dispatchable, TransactionExtension, TxBaseImplication},
		transaction_validity::{InvalidTransaction, TransactionValidityError, ValidTransaction},
		DispatchError,
	};

	fn validate(
		who: AccountId,
		call: &RuntimeCall,
	) -> Result<ValidTransaction, TransactionValidityError> {
		CheckWeights::<Test>::default()
			.validate(
				RuntimeOrigin::signed(who),
				call,
				&call.get_dispatch_info(),
				0,
				(),
				&TxBaseImplication(()),
				TransactionSource::External,
			)
			.map(|(valid, _, _)| valid)
	}

	fn check(who: AccountId, call: RuntimeCall) -> Result<(), TransactionValidityError> {
		validate(who, &call).map(|_| ())
	}

	fn weights(netuid: NetUid, uids: Vec<u16>) -> RuntimeCall {
		let weights = vec![1; uids.len()];
		RuntimeCall::Consensus(Call::set_weights {
			netuid,
			uids: b(uids),
			weights: b(weights),
			version_key: 0,
		})
	}

	fn commit(netuid: NetUid, hash: H256) -> RuntimeCall {
		RuntimeCall::Consensus(Call::commit_weights { netuid, hash })
	}

	fn reveal(uids: Vec<u16>, weights: Vec<u16>, salt: Vec<u16>) -> RuntimeCall {
		RuntimeCall::Consensus(Call::reveal_weights {
			netuid: NET,
			uids: b(uids),
			weights: b(weights),
			salt: b(salt),
			version_key: 0,
		})
	}

	fn refused(code: u8) -> Result<(), TransactionValidityError> {
		Err(TransactionValidityError::Invalid(InvalidTransaction::Custom(code)))
	}

	/// Dispatches `call` and rolls everything back: what the call would do now.
	fn dispatch_result(who: AccountId, call: &RuntimeCall) -> Result<(), DispatchError> {
		with_transaction(|| {
			let result =
				call.clone().dispatch(RuntimeOrigin::signed(who)).map(|_| ()).map_err(|e| e.error);
			TransactionOutcome::Rollback(Ok::<_, DispatchError>(result))
		})
		.expect("rollback")
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
			assert_eq!(check(101, weights(NET, vec![2])), refused(3), "a lone other weight does");
			assert_eq!(check(OWNER_HOT, weights(NET, vec![1, 2])), Ok(()));
			assert_ok!(set(OWNER_HOT, vec![1, 2], vec![1, 1]));
			assert_eq!(check(OWNER_HOT, weights(NET, vec![1, 2])), refused(4));
			// Commits: refused while commit-reveal is off, and from strangers.
			assert_eq!(check(OWNER_HOT, commit(NET, H256::zero())), refused(14));
			param(SubnetParam::CommitRevealEnabled(true));
			assert_eq!(check(109, commit(NET, H256::zero())), refused(2));
			assert_eq!(check(OWNER_HOT, commit(NET, H256::zero())), refused(4));
		});
	}

	/// The hole: a registered hotkey could send reveals without a commit, with any salt, and
	/// commits without end, all free. Each is now refused before it can reach a block, and
	/// the salt is bounded by the call's type.
	#[test]
	fn failing_reveals_and_repeated_commits_never_pass() {
		new_test_ext().execute_with(|| {
			subnet();
			param(SubnetParam::CommitRevealEnabled(true));
			param(SubnetParam::Tempo(10));
			param(SubnetParam::WeightsRateLimit(0));
			let salt = vec![7u16; MAX_SALT_LEN as usize];
			// No commit: every reveal is refused, whatever its salt.
			for i in 0..100u16 {
				let call = reveal(vec![1], vec![i], salt.clone());
				assert_eq!(check(101, call), refused(15));
			}
			// A commit, then no second one until it is revealed or its reveal epoch passes.
			let (uids, weights) = (vec![1u16, 2], vec![5u16, 10]);
			let hash = Consensus::commit_hash(&OWNER_HOT, NET, &uids, &weights, &salt, 0);
			assert_eq!(check(OWNER_HOT, commit(NET, hash)), Ok(()));
			assert_ok!(Consensus::commit_weights(RuntimeOrigin::signed(OWNER_HOT), NET, hash));
			for i in 0..100u8 {
				assert_eq!(check(OWNER_HOT, commit(NET, H256::repeat_byte(i))), refused(19));
			}
			assert_noop!(
				Consensus::commit_weights(RuntimeOrigin::signed(OWNER_HOT), NET, hash),
				Error::<Test>::CommitPending
			);
			// Too early, then wrong, then the one right reveal, then no second one.
			let right = reveal(uids.clone(), weights.clone(), salt.clone());
			assert_eq!(check(OWNER_HOT, right.clone()), refused(17));
			System::set_block_number(9);
			assert_eq!(
				check(OWNER_HOT, reveal(uids.clone(), weights.clone(), vec![1])),
				refused(16)
			);
			assert_eq!(check(OWNER_HOT, right.clone()), Ok(()));
			assert_ok!(right.clone().dispatch(RuntimeOrigin::signed(OWNER_HOT)));
			assert_eq!(check(OWNER_HOT, right.clone()), refused(15));
			// An unrevealed commit expires after its reveal epoch; then a new one is accepted.
			assert_ok!(Consensus::commit_weights(RuntimeOrigin::signed(OWNER_HOT), NET, hash));
			System::set_block_number(20);
			assert_eq!(check(OWNER_HOT, commit(NET, hash)), refused(19));
			System::set_block_number(31);
			assert_eq!(check(OWNER_HOT, right), refused(18));
			assert_eq!(check(OWNER_HOT, commit(NET, hash)), Ok(()));
		});
	}

	/// A salt, a row or a weight vector longer than its bound does not even decode.
	#[test]
	fn oversized_arguments_do_not_decode() {
		let call = reveal(vec![1], vec![1], vec![1]);
		let encoded = call.encode();
		assert_eq!(RuntimeCall::decode(&mut &encoded[..]), Ok(call));
		let pallet = encoded[0];
		let long_salt = (pallet, 2u8, NET, vec![1u16], vec![1u16], vec![0u16; 33], 0u64).encode();
		assert!(RuntimeCall::decode(&mut &long_salt[..]).is_err());
		let row = vec![0u16; 4_097];
		let long_row = (pallet, 0u8, NET, row.clone(), row, 0u64).encode();
		assert!(RuntimeCall::decode(&mut &long_row[..]).is_err());
	}

	/// Valid weight calls outrank paid transactions and take one place per hotkey and subnet
	/// in the pool.
	#[test]
	fn valid_weight_calls_get_priority_and_one_pool_slot() {
		new_test_ext().execute_with(|| {
			subnet();
			let valid = validate(OWNER_HOT, &weights(NET, vec![1, 2])).expect("valid");
			assert_eq!(valid.priority, WEIGHTS_PRIORITY);
			let again = validate(OWNER_HOT, &weights(NET, vec![1, 3])).expect("valid");
			assert_eq!(valid.provides, again.provides, "the pool keeps one of the two");
			let other = validate(101, &weights(NET, vec![1])).expect("valid");
			assert_ne!(valid.provides, other.provides);
		});
	}

	/// The extension runs every check the call makes: over many random weight calls, hostile
	/// and valid, it refuses exactly those the call would fail, with the call's own error.
	#[test]
	fn the_extension_refuses_exactly_what_the_call_would_fail() {
		new_test_ext().execute_with(|| {
			subnet();
			param(SubnetParam::Tempo(10));
			param(SubnetParam::MinAllowedWeights(2));
			param(SubnetParam::MaxWeightLimit(Ratio(50_000)));
			param(SubnetParam::WeightsVersionKey(2));
			param(SubnetParam::WeightsRateLimit(3));
			let mut seed = 0x2545_f491_4f6c_dd1du64;
			let mut next = |below: u64| {
				seed ^= seed << 13;
				seed ^= seed >> 7;
				seed ^= seed << 17;
				seed % below
			};
			let (mut passed, mut failed) = (0, 0);
			for step in 0..3_000u32 {
				if step % 10 == 0 {
					System::set_block_number(System::block_number() + 1 + next(6));
				}
				if step % 500 == 250 {
					let on = !pallet_subnets::Hyperparams::<Test>::get(NET)
						.unwrap()
						.commit_reveal_enabled;
					param(SubnetParam::CommitRevealEnabled(on));
				}
				let who = [OWNER_HOT, 101, 102, 109][next(4) as usize];
				let len = [0, 1, 2, 3, 5, 6][next(6) as usize];
				let uids: Vec<u16> = (0..len).map(|_| next(7) as u16).collect();
				let wlen = if next(10) == 0 { len + 1 } else { len };
				let weights: Vec<u16> =
					(0..wlen).map(|_| [0, 1, 7, u16::MAX][next(4) as usize]).collect();
				let version_key = next(4);
				let netuid = if next(20) == 0 { NetUid(9) } else { NET };
				let salt: Vec<u16> = (0..next(3)).map(|_| next(3) as u16).collect();
				let call = match next(3) {
					0 => RuntimeCall::Consensus(Call::set_weights {
						netuid,
						uids: b(uids),
						weights: b(weights),
						version_key,
					}),
					1 => {
						let hash = Consensus::commit_hash(
							&who,
							netuid,
							&uids,
							&weights,
							&salt,
							version_key,
						);
						commit(netuid, if next(5) == 0 { H256::zero() } else { hash })
					},
					_ => RuntimeCall::Consensus(Call::reveal_weights {
						netuid,
						uids: b(uids),
						weights: b(weights),
						salt: b(salt),
						version_key,
					}),
				};
				let checked = check(who, call.clone());
				let dispatched = dispatch_result(who, &call);
				match (&checked, dispatched) {
					(Ok(()), Ok(())) => {
						passed += 1;
						assert_ok!(call.dispatch(RuntimeOrigin::signed(who)));
					},
					(Err(_), Err(DispatchError::Module(error))) => {
						failed += 1;
						let error = Error::<Test>::decode(&mut &error.error[..]).expect("ours");
						assert_eq!(
							checked,
							refused(crate::extension::refusal_code(&error)),
							"{call:?}"
						);
					},
					(checked, dispatched) => {
						panic!("{call:?} by {who}: extension {checked:?}, call {dispatched:?}")
					},
				}
			}
			assert!(passed > 30 && failed > 1_000, "passed {passed}, failed {failed}");
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

mod hardening {
	use super::*;
	use frame_support::traits::Hooks;

	/// A UID taken over by a new hotkey used to keep its predecessor's permit, so the
	/// newcomer could vote as a validator before earning a permit.
	#[test]
	fn a_new_holder_of_a_uid_has_no_permit_results_or_commit() {
		new_test_ext().execute_with(|| {
			subnet();
			param(SubnetParam::ImmunityPeriod(0));
			param(SubnetParam::MaxUids(5));
			ValidatorPermits::<Test>::insert(
				NET,
				BoundedVec::truncate_from(vec![true, true, false, false, false]),
			);
			let output =
				NeuronOutput { validator_permit: true, dividends: 9, ..Default::default() };
			Outputs::<Test>::insert(NET, BoundedVec::truncate_from(vec![output; 5]));
			WeightCommits::<Test>::insert(Consensus::key(NET), Uid(1), (H256::zero(), 1));
			System::set_block_number(2);
			// UID 1 (lowest score, earliest, lowest UID after the owner) goes to hotkey 105.
			assert_ok!(Subnets::burned_register(RuntimeOrigin::signed(3), NET, 105, Balance::MAX));
			assert_eq!(pallet_subnets::Keys::<Test>::get(NET, Uid(1)), Some(105));
			assert_eq!(
				ValidatorPermits::<Test>::get(NET).to_vec(),
				vec![true, false, false, false, false]
			);
			assert_eq!(Outputs::<Test>::get(NET)[1], NeuronOutput::default());
			assert_eq!(Outputs::<Test>::get(NET)[0].dividends, 9, "others keep theirs");
			assert!(WeightCommits::<Test>::get(Consensus::key(NET), Uid(1)).is_none());
			assert_noop!(set(105, vec![2, 3], vec![1, 1]), Error::<Test>::NoValidatorPermit);
		});
	}

	/// A minimum above the subnet's size used to make every `set_weights` fail.
	#[test]
	fn min_allowed_weights_counts_at_most_the_subnets_neurons() {
		new_test_ext().execute_with(|| {
			subnet();
			param(SubnetParam::MaxUids(64));
			param(SubnetParam::MinAllowedWeights(64));
			// Five neurons: a row over all five is enough.
			assert_noop!(
				set(OWNER_HOT, vec![1, 2, 3, 4], vec![1; 4]),
				Error::<Test>::TooFewWeights
			);
			assert_ok!(set(OWNER_HOT, vec![0, 1, 2, 3, 4], vec![1; 5]));
		});
	}

	/// `on_idle` used to call `clear_prefix` again within a block without a cursor, finding
	/// the keys it had just removed; a full 4,096-UID subnet now clears completely, each step
	/// removing new entries, over as many blocks as its size needs.
	#[test]
	fn a_dissolved_full_subnet_is_cleared_completely_over_blocks() {
		let mut ext = new_test_ext();
		let old = ext.execute_with(|| {
			subnet();
			let key = Consensus::key(NET);
			for uid in 0..4_096u16 {
				Weights::<Test>::insert(key, Uid(uid), BoundedVec::truncate_from(vec![(0, 1)]));
				LastUpdate::<Test>::insert(key, Uid(uid), 1);
				Bonds::<Test>::insert(key, Uid(uid), BoundedVec::truncate_from(vec![(0, 1)]));
				WeightCommits::<Test>::insert(key, Uid(uid), (H256::zero(), 1));
			}
			assert_ok!(Subnets::dissolve_network(RuntimeOrigin::signed(1), NET));
			key
		});
		// The entries are in the backend, as after a block is imported.
		ext.commit_all().expect("commits");
		let entries = |key: SubnetKey| {
			Weights::<Test>::iter_prefix(key).count()
				+ LastUpdate::<Test>::iter_prefix(key).count()
				+ Bonds::<Test>::iter_prefix(key).count()
				+ WeightCommits::<Test>::iter_prefix(key).count()
		};
		// Room for eight steps of 256 entries a block: 16,384 entries take eight blocks.
		let budget = Consensus::clear_cost(CLEAR_STEP)
			.saturating_mul(8)
			.saturating_add(<Test as frame_system::Config>::DbWeight::get().reads_writes(2, 2));
		let mut blocks = 0;
		loop {
			let left = ext.execute_with(|| {
				System::set_block_number(System::block_number() + 1);
				Consensus::on_idle(System::block_number(), budget);
				entries(old)
			});
			ext.commit_all().expect("commits");
			blocks += 1;
			if left == 0 {
				break;
			}
			assert!(blocks < 9, "{left} entries left after {blocks} blocks");
		}

		ext.execute_with(|| {
			assert!(StaleGenerations::<Test>::get().is_empty());
			assert!(ClearCursor::<Test>::get().is_none());
			assert!(consensus_events()
				.contains(&Event::StaleGenerationCleared { netuid: NET, generation: old.1 }));
		});
	}
}

/// The epoch reads bonds only where the stored permits say a row can exist: that holds only
/// while every stored row belongs to a permit holder, through permits lost and UIDs replaced.
#[test]
fn bonds_are_stored_only_for_permit_holders() {
	new_test_ext().execute_with(|| {
		let rows_without_permit = || {
			let permits = ValidatorPermits::<Test>::get(NET);
			Bonds::<Test>::iter_prefix(Consensus::key(NET))
				.filter(|(uid, _)| !permits.get(usize::from(uid.0)).copied().unwrap_or(false))
				.count()
		};
		one_validator_epoch();
		assert!(!Bonds::<Test>::get(Consensus::key(NET), Uid(0)).is_empty());
		assert_eq!(rows_without_permit(), 0);
		// A second validator outstakes the first, and only one permit is left: the first
		// validator's row goes with its permit.
		assert_ok!(Stake::add_stake(RuntimeOrigin::signed(2), 101, 1_000 * TAO));
		param(SubnetParam::MaxValidators(1));
		System::set_block_number(10);
		Consensus::run_epoch(NET, 1_000_000).expect("the subnet exists");
		assert!(!ValidatorPermits::<Test>::get(NET)[0]);
		assert!(Bonds::<Test>::get(Consensus::key(NET), Uid(0)).is_empty());
		assert_eq!(rows_without_permit(), 0);
		// A replaced UID loses its permit and its row together.
		ValidatorPermits::<Test>::insert(NET, BoundedVec::truncate_from(vec![true; 5]));
		Bonds::<Test>::insert(Consensus::key(NET), Uid(3), BoundedVec::truncate_from(vec![(1, 7)]));
		Consensus::on_neuron_replaced(NET, Uid(3));
		assert_eq!(rows_without_permit(), 0);
		assert!(Bonds::<Test>::get(Consensus::key(NET), Uid(3)).is_empty());
	});
}
