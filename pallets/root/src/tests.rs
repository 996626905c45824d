//! The root network: joining by stake, weights checked and normalized, shares computed once per
//! root tempo (and when the subnets change), and nothing left behind by a dissolved subnet.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok, BoundedVec};
use taonet_primitives::{Balance, TAO};

/// A bounded vector for a call argument.
fn b<S: Get<u32>>(v: Vec<u16>) -> BoundedVec<u16, S> {
	BoundedVec::try_from(v).expect("within the bound")
}

const ALICE: AccountId = 1;
const OWNER_HOT: AccountId = 100;

/// Subnets 1 (Alice's, hotkey 100) and 2 (Bob's, hotkey 101); Alice's hotkey 100 staked.
fn two_subnets() {
	assert_ok!(Subnets::register_network(RuntimeOrigin::signed(ALICE), OWNER_HOT));
	assert_ok!(Subnets::register_network(RuntimeOrigin::signed(2), 101));
	assert_ok!(Stake::add_stake(RuntimeOrigin::signed(ALICE), OWNER_HOT, 10 * TAO));
}

fn shares() -> (u64, u64) {
	(SubnetShares::<Test>::get(NetUid(1)), SubnetShares::<Test>::get(NetUid(2)))
}

/// Alice's hotkey joins the root network and weights subnets 1 and 2 as 3:1.
fn root_weights_3_to_1() {
	assert_ok!(Root::root_register(RuntimeOrigin::signed(ALICE), OWNER_HOT));
	assert_ok!(Root::set_root_weights(
		RuntimeOrigin::signed(OWNER_HOT),
		b(vec![1, 2]),
		b(vec![3, 1]),
		0
	));
}

#[test]
fn root_validators_join_by_stake_and_the_weakest_is_replaced() {
	new_test_ext().execute_with(|| {
		two_subnets();
		assert_noop!(
			Root::root_register(RuntimeOrigin::signed(2), OWNER_HOT),
			Error::<Test>::NotHotkeyOwner
		);
		assert_noop!(Root::root_register(RuntimeOrigin::signed(2), 101), Error::<Test>::NoStake);
		assert_ok!(Root::root_register(RuntimeOrigin::signed(ALICE), OWNER_HOT));
		assert_noop!(
			Root::root_register(RuntimeOrigin::signed(ALICE), OWNER_HOT),
			Error::<Test>::AlreadyRootValidator
		);
		assert_ok!(Stake::add_stake(RuntimeOrigin::signed(2), 101, 5 * TAO));
		assert_ok!(Root::root_register(RuntimeOrigin::signed(2), 101));
		// Full at two: Charlie's 102 with 1 TAO is too weak; with 20 TAO it replaces 101.
		assert_ok!(Subnets::burned_register(
			RuntimeOrigin::signed(3),
			NetUid(1),
			102,
			Balance::MAX
		));
		assert_ok!(Stake::add_stake(RuntimeOrigin::signed(3), 102, TAO));
		assert_noop!(
			Root::root_register(RuntimeOrigin::signed(3), 102),
			Error::<Test>::StakeTooLow
		);
		assert_ok!(Root::set_root_weights(RuntimeOrigin::signed(101), b(vec![1]), b(vec![1]), 0));
		assert_ok!(Stake::add_stake(RuntimeOrigin::signed(3), 102, 19 * TAO));
		assert_ok!(Root::root_register(RuntimeOrigin::signed(3), 102));
		assert_eq!(RootValidators::<Test>::get().to_vec(), vec![OWNER_HOT, 102]);
		assert!(RootWeights::<Test>::get(101).is_empty(), "the replaced member's weights go");
		assert!(root_events().contains(&Event::RootRegistered { hotkey: 102, replaced: Some(101) }));
	});
}

#[test]
fn root_weights_are_checked_and_stored_normalized() {
	new_test_ext().execute_with(|| {
		two_subnets();
		let set = |who: AccountId, netuids: Vec<u16>, weights: Vec<u16>| {
			Root::set_root_weights(RuntimeOrigin::signed(who), b(netuids), b(weights), 0)
		};
		assert_noop!(set(OWNER_HOT, vec![1], vec![1]), Error::<Test>::NotRootValidator);
		assert_ok!(Root::root_register(RuntimeOrigin::signed(ALICE), OWNER_HOT));
		assert_noop!(set(OWNER_HOT, vec![1, 2], vec![1]), Error::<Test>::LengthMismatch);
		assert_noop!(set(OWNER_HOT, vec![1, 9], vec![1, 1]), Error::<Test>::UnknownSubnet);
		assert_noop!(set(OWNER_HOT, vec![1, 1], vec![1, 1]), Error::<Test>::DuplicateSubnet);
		assert_noop!(set(OWNER_HOT, vec![1, 2], vec![0, 0]), Error::<Test>::AllWeightsZero);
		assert_ok!(set(OWNER_HOT, vec![1, 2], vec![30, 10]));
		assert_eq!(
			RootWeights::<Test>::get(OWNER_HOT).to_vec(),
			vec![(NetUid(1), 65_535), (NetUid(2), 21_845)]
		);
		assert!(root_events().contains(&Event::RootWeightsSet { hotkey: OWNER_HOT, entries: 2 }));
	});
}

/// Without root weights the subnets share equally; weights set mid-tempo count from the next
/// root epoch (block 10 at root tempo 10: `(10 + 0 + 1) / 11` changes), not before.
#[test]
fn root_weights_count_from_the_next_root_epoch() {
	new_test_ext().execute_with(|| {
		two_subnets();
		run_to_block(2);
		assert_eq!(shares(), (1, 1), "equal shares from the block after the registrations");
		root_weights_3_to_1();
		run_to_block(9);
		assert_eq!(shares(), (1, 1), "no root epoch yet: the stored shares stand");
		assert!(!Root::is_root_epoch(9) && Root::is_root_epoch(10));
		run_to_block(10);
		let (one, two) = shares();
		assert!(one > two && one.abs_diff(3 * two) <= 3, "3:1 from the root epoch: {one}, {two}");
		assert_eq!(
			root_events().iter().filter(|e| matches!(e, Event::SharesUpdated { .. })).count(),
			2,
			"computed after the registrations and at the root epoch"
		);
	});
}

/// Between root epochs nothing is computed, whatever the weights do; a tempo of 0 computes
/// every block.
#[test]
fn shares_are_computed_once_per_root_tempo() {
	new_test_ext().execute_with(|| {
		two_subnets();
		root_weights_3_to_1();
		run_to_block(10);
		let at_epoch = shares();
		// The validator turns around at block 11: 1:3. Nothing changes until block 21.
		assert_ok!(Root::set_root_weights(
			RuntimeOrigin::signed(OWNER_HOT),
			b(vec![1, 2]),
			b(vec![1, 3]),
			0
		));
		run_to_block(20);
		assert_eq!(shares(), at_epoch);
		run_to_block(21);
		let (one, two) = shares();
		assert!(two > one && two.abs_diff(3 * one) <= 3, "{one}, {two}");
		Tempo::<Test>::put(0);
		assert_ok!(Root::set_root_weights(
			RuntimeOrigin::signed(OWNER_HOT),
			b(vec![1, 2]),
			b(vec![3, 1]),
			0
		));
		run_to_block(22);
		let (one, two) = shares();
		assert!(one > two, "tempo 0: the next block computes: {one}, {two}");
	});
}

/// A subnet registered between root epochs has a share from the next block, so that it is not
/// left without emission for up to a tempo.
#[test]
fn a_new_subnet_has_a_share_from_the_next_block() {
	new_test_ext().execute_with(|| {
		assert_ok!(Subnets::register_network(RuntimeOrigin::signed(ALICE), OWNER_HOT));
		run_to_block(3);
		assert_eq!(shares(), (1, 0));
		assert!(!SharesDue::<Test>::get());
		assert_ok!(Subnets::register_network(RuntimeOrigin::signed(2), 101));
		assert!(SharesDue::<Test>::get(), "the registration is heard");
		run_to_block(4);
		assert_eq!(shares(), (1, 1));
		assert!(!SharesDue::<Test>::get());
	});
}

/// Without root weights, only active subnets share (a subnet nobody scores gets nothing); while
/// none is active, all do.
#[test]
fn without_root_weights_active_subnets_share_equally() {
	new_test_ext().execute_with(|| {
		two_subnets();
		run_to_block(2);
		assert_eq!(shares(), (1, 1));
		set_active(NetUid(2));
		run_to_block(10);
		assert_eq!(shares(), (0, 1));
	});
}

#[test]
fn a_dissolved_subnet_leaves_no_share_or_root_weight_for_its_successor() {
	new_test_ext().execute_with(|| {
		two_subnets();
		root_weights_3_to_1();
		run_to_block(10);
		assert!(SubnetShares::<Test>::get(NetUid(2)) > 0);
		assert_ok!(Subnets::dissolve_network(RuntimeOrigin::signed(2), NetUid(2)));
		assert!(!SubnetShares::<Test>::contains_key(NetUid(2)));
		// The entry on subnet 1 stays as it was (rows are normalized by the epoch).
		assert_eq!(RootWeights::<Test>::get(OWNER_HOT).to_vec(), vec![(NetUid(1), 65_535)]);
		// A new subnet at netuid 2 gets its share afresh: no root weight names it.
		assert_ok!(Subnets::register_network(RuntimeOrigin::signed(3), 103));
		run_to_block(11);
		let (one, two) = shares();
		assert!(one > 0 && two == 0, "only subnet 1 has root weight: {one}, {two}");
		Root::do_try_state().expect("no share or weight of a dead subnet");
	});
}
