use super::*;

#[test]
fn by_the_owner_releases_the_lock_and_removes_everything() {
	ExtBuilder::default().build_and_execute(|| {
		let netuid = subnet_with(2);
		assert_ok!(Subnets::serve_axon(
			RuntimeOrigin::signed(hotkey(1)),
			netuid,
			1,
			0x0a00_0001,
			8091,
			IPV4,
			0
		));
		assert_ok!(Subnets::dissolve_network(RuntimeOrigin::signed(ALICE), netuid));
		assert_eq!(held(ALICE), 0);
		assert_eq!(Balances::balance(&ALICE), RICH);
		assert!(!Networks::<Test>::contains_key(netuid));
		assert_eq!(NeuronCount::<Test>::get(netuid), 0);
		assert_eq!(Keys::<Test>::iter_prefix(netuid).count(), 0);
		assert_eq!(Uids::<Test>::iter_prefix(netuid).count(), 0);
		assert_eq!(Axons::<Test>::iter_prefix(netuid).count(), 0);
		assert!(Hyperparams::<Test>::get(netuid).is_none());
		assert!(Burn::<Test>::get(netuid).is_none());
		assert!(RegisteredAt::<Test>::get(netuid).is_empty());
		assert_eq!(hook_calls(), vec![(netuid, None)]);
		// The only subnet, dissolved: the lock cost's memory is as before it.
		let events = subnet_events();
		assert_eq!(
			events[events.len() - 2..],
			[
				Event::NetworkDissolved { netuid, owner: ALICE, refunded: LOCK, pruned: false },
				Event::RegistrationMemoryRestored {
					last_lock: 0,
					last_lock_block: 0,
					last_registration: None
				}
			]
		);
		// Hotkeys stay bound to their coldkeys.
		assert_eq!(HotkeyOwner::<Test>::get(hotkey(1)), Some(BOB));
	});
}

#[test]
fn by_governance_refunds_the_owner() {
	ExtBuilder::default().build_and_execute(|| {
		let netuid = register(ALICE, hotkey(0));
		assert_ok!(Subnets::dissolve_network(RuntimeOrigin::root(), netuid));
		assert_eq!(Balances::balance(&ALICE), RICH);
	});
}

#[test]
fn by_anyone_else_or_for_an_unknown_subnet_fails() {
	ExtBuilder::default().build_and_execute(|| {
		let netuid = register(ALICE, hotkey(0));
		assert_noop!(
			Subnets::dissolve_network(RuntimeOrigin::signed(BOB), netuid),
			Error::<Test>::NotSubnetOwner
		);
		assert_noop!(
			Subnets::dissolve_network(RuntimeOrigin::signed(ALICE), NetUid(9)),
			Error::<Test>::SubnetNotFound
		);
		assert_noop!(
			Subnets::dissolve_network(RuntimeOrigin::none(), netuid),
			DispatchError::BadOrigin
		);
	});
}

/// Each dissolution raises the netuid's generation, after the hooks ran: they clear the dissolved
/// subnet's state under the generation it had, and a new subnet at the netuid gets the next.
#[test]
fn a_dissolved_netuid_gets_a_new_generation_after_the_hooks() {
	ExtBuilder::default().build_and_execute(|| {
		let netuid = register(ALICE, hotkey(0));
		assert_eq!(Subnets::generation(netuid), 0);
		assert_ok!(Subnets::dissolve_network(RuntimeOrigin::signed(ALICE), netuid));
		assert_eq!(Subnets::generation(netuid), 1);
		assert_eq!(register(BOB, hotkey(1)), netuid, "the netuid is reused");
		assert_eq!(Subnets::generation(netuid), 1, "a registration keeps it");
		assert_ok!(Subnets::dissolve_network(RuntimeOrigin::signed(BOB), netuid));
		assert_eq!(removed_at(), vec![(netuid, 0), (netuid, 1)]);
		assert_eq!(Subnets::generation(netuid), 2);
	});
}
