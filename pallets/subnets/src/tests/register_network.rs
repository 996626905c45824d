use super::*;

#[test]
fn holds_the_lock_and_registers_the_owner_hotkey_at_uid_0() {
	ExtBuilder::default().build_and_execute(|| {
		let issuance = Balances::total_issuance();
		assert_eq!(Subnets::lock_cost(), LOCK);
		let netuid = register(ALICE, hotkey(0));
		assert_eq!(netuid, NetUid(1));
		assert_eq!(held(ALICE), LOCK);
		assert_eq!(Balances::balance(&ALICE), RICH - LOCK);
		assert_eq!(Balances::total_issuance(), issuance, "the lock is held, not burned");
		let subnet = Networks::<Test>::get(netuid).unwrap();
		assert_eq!((subnet.owner, subnet.owner_hotkey, subnet.lock), (ALICE, hotkey(0), LOCK));
		assert_eq!(Keys::<Test>::get(netuid, Uid(0)), Some(hotkey(0)));
		assert_eq!(Uids::<Test>::get(netuid, hotkey(0)), Some(Uid(0)));
		assert_eq!(HotkeyOwner::<Test>::get(hotkey(0)), Some(ALICE));
		assert_eq!(Hyperparams::<Test>::get(netuid), Some(SubnetHyperparams::default()));
		assert_eq!(Subnets::current_burn(netuid), TAO);
		assert_eq!(
			subnet_events(),
			vec![
				Event::HotkeyBound { hotkey: hotkey(0), coldkey: ALICE },
				Event::NetworkRegistered { netuid, owner: ALICE, hotkey: hotkey(0), lock: LOCK },
				Event::BurnSet { netuid, burn: TAO },
				Event::NeuronRegistered {
					netuid,
					uid: Uid(0),
					hotkey: hotkey(0),
					coldkey: ALICE,
					burn: 0
				},
			]
		);
	});
}

#[test]
fn lock_cost_doubles_then_decays_linearly_to_the_minimum() {
	ExtBuilder::default().build_and_execute(|| {
		register(ALICE, hotkey(0));
		// 2 * 1,000 - 1,000 * 0 / interval
		assert_eq!(Subnets::lock_cost(), 2 * LOCK);
		register(BOB, hotkey(1));
		assert_eq!(held(BOB), 2 * LOCK);
		assert_eq!(Subnets::lock_cost(), 4 * LOCK);
		// A quarter of the interval later: 2 * 2,000 - 2,000 / 4 = 3,500 TAO.
		// (The lock cost is read, not stored: jumping over blocks is enough.)
		let interval = u64::from(LockReductionInterval::<Test>::get());
		System::set_block_number(1 + interval / 4);
		assert_eq!(Subnets::lock_cost(), 3_500 * TAO);
		// After a whole interval: 2 * 2,000 - 2,000 = 2,000; after two, the minimum.
		System::set_block_number(1 + interval);
		assert_eq!(Subnets::lock_cost(), 2 * LOCK);
		System::set_block_number(1 + 2 * interval);
		assert_eq!(Subnets::lock_cost(), LOCK);
	});
}

#[test]
fn rate_limit_refuses_and_changes_nothing() {
	ExtBuilder::default().network_rate_limit(10).build_and_execute(|| {
		register(ALICE, hotkey(0));
		run_to_block(10);
		assert_noop!(
			Subnets::register_network(RuntimeOrigin::signed(BOB), hotkey(1)),
			Error::<Test>::NetworkRateLimitExceeded
		);
		run_to_block(11);
		register(BOB, hotkey(1));
	});
}

#[test]
fn a_coldkey_that_cannot_pay_the_lock_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Subnets::register_network(RuntimeOrigin::signed(POOR), hotkey(0)),
			Error::<Test>::CannotAffordLock
		);
	});
}

#[test]
fn another_coldkeys_hotkey_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		register(ALICE, hotkey(0));
		assert_noop!(
			Subnets::register_network(RuntimeOrigin::signed(BOB), hotkey(0)),
			Error::<Test>::HotkeyOwnedByAnotherColdkey
		);
	});
}

#[test]
fn at_the_limit_prunes_the_lowest_share_past_immunity_and_refunds_its_owner() {
	ExtBuilder::default().subnet_limit(3).build_and_execute(|| {
		NetworkImmunityPeriod::<Test>::put(100);
		let a = register(ALICE, hotkey(0));
		run_to_block(2);
		let b = register(BOB, hotkey(1));
		let c = register(CHARLIE, hotkey(2));
		register_neuron(BOB, b, hotkey(3));
		set_share(a, 30);
		set_share(b, 10);
		set_share(c, 20);
		// Immune for 100 blocks: at block 100 all are (a registered at 1, b and c at 2).
		run_to_block(100);
		assert_noop!(
			Subnets::register_network(RuntimeOrigin::signed(4), hotkey(4)),
			Error::<Test>::AllSubnetsImmune
		);
		run_to_block(102);
		let bob_free = Balances::balance(&BOB);
		let lock_b = Networks::<Test>::get(b).unwrap().lock;
		assert_ok!(Subnets::register_network(RuntimeOrigin::signed(4), hotkey(4)));
		// b (share 10) went; its lock is back with Bob, its neurons are gone.
		assert_eq!(Networks::<Test>::get(b).unwrap().owner, 4, "the new subnet reuses netuid b");
		assert_eq!(held(BOB), 0);
		assert_eq!(Balances::balance(&BOB), bob_free + lock_b);
		assert_eq!(Uids::<Test>::get(b, hotkey(3)), None);
		assert_eq!(NeuronCount::<Test>::get(b), 1);
		assert!(hook_calls().contains(&(b, None)));
		assert_eq!(added_subnets(), vec![a, b, c, b], "the hooks hear of every new subnet");
		assert!(subnet_events().contains(&Event::NetworkDissolved {
			netuid: b,
			owner: BOB,
			refunded: lock_b,
			pruned: true
		}));
	});
}

#[test]
fn pruning_ties_go_to_the_oldest_subnet() {
	ExtBuilder::default().subnet_limit(2).build_and_execute(|| {
		NetworkImmunityPeriod::<Test>::put(0);
		run_to_block(5);
		let older = register(BOB, hotkey(1));
		run_to_block(6);
		let newer = register(ALICE, hotkey(0));
		assert_ok!(Subnets::register_network(RuntimeOrigin::signed(CHARLIE), hotkey(2)));
		assert_eq!(Networks::<Test>::get(older).unwrap().owner, CHARLIE);
		assert_eq!(Networks::<Test>::get(newer).unwrap().owner, ALICE);
	});
}

#[test]
fn pruning_ties_in_the_same_block_go_to_the_lowest_netuid() {
	ExtBuilder::default().subnet_limit(2).build_and_execute(|| {
		NetworkImmunityPeriod::<Test>::put(0);
		let first = register(ALICE, hotkey(0));
		let second = register(BOB, hotkey(1));
		assert!(first < second);
		assert_ok!(Subnets::register_network(RuntimeOrigin::signed(CHARLIE), hotkey(2)));
		assert_eq!(Networks::<Test>::get(first).unwrap().owner, CHARLIE);
		assert_eq!(Networks::<Test>::get(second).unwrap().owner, BOB);
	});
}

#[test]
fn one_coldkey_owning_several_subnets_holds_the_sum_of_their_locks() {
	ExtBuilder::default().build_and_execute(|| {
		let a = register(ALICE, hotkey(0));
		let b = register(ALICE, hotkey(1));
		assert_eq!(held(ALICE), LOCK + 2 * LOCK);
		assert_ok!(Subnets::dissolve_network(RuntimeOrigin::signed(ALICE), a));
		assert_eq!(held(ALICE), 2 * LOCK);
		assert_ok!(Subnets::dissolve_network(RuntimeOrigin::root(), b));
		assert_eq!(held(ALICE), 0);
		assert_eq!(Balances::balance(&ALICE), RICH);
	});
}
