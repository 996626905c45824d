use super::*;

#[test]
fn recycles_the_burn_and_takes_the_next_uid() {
	ExtBuilder::default().build_and_execute(|| {
		let netuid = register(ALICE, hotkey(0));
		let issuance = Balances::total_issuance();
		let bob = Balances::balance(&BOB);
		register_neuron(BOB, netuid, hotkey(1));
		assert_eq!(Balances::total_issuance(), issuance - TAO, "the burn leaves total issuance");
		assert_eq!(Balances::balance(&BOB), bob - TAO);
		assert_eq!(TotalRecycled::<Test>::get(), TAO);
		assert_eq!(Keys::<Test>::get(netuid, Uid(1)), Some(hotkey(1)));
		assert_eq!(HotkeyOwner::<Test>::get(hotkey(1)), Some(BOB));
		assert_eq!(RegisteredAt::<Test>::get(netuid).to_vec(), vec![1, 1]);
		let events = subnet_events();
		assert!(events.contains(&Event::Recycled { netuid, who: BOB, amount: TAO }));
		assert!(events.contains(&Event::NeuronRegistered {
			netuid,
			uid: Uid(1),
			hotkey: hotkey(1),
			coldkey: BOB,
			burn: TAO
		}));
		// The burn rises by the increase factor: 1.26 TAO.
		assert_eq!(Subnets::current_burn(netuid), 1_260_000_000);
		assert_eq!(events.last(), Some(&Event::BurnSet { netuid, burn: 1_260_000_000 }));
		// One block later the burn has decayed by 2^(-1/360), about 0.19%.
		run_to_block(2);
		let burn = Subnets::current_burn(netuid);
		assert!(burn < 1_260_000_000 && burn > 1_257_000_000, "{burn}");
		register_neuron(CHARLIE, netuid, hotkey(2));
		assert_eq!(Keys::<Test>::get(netuid, Uid(2)), Some(hotkey(2)));
		assert_eq!(TotalRecycled::<Test>::get(), TAO + burn);
		assert_eq!(Balances::total_issuance(), issuance - TAO - burn);
	});
}

#[test]
fn the_burn_halves_every_half_life_and_stays_within_bounds() {
	ExtBuilder::default().build_and_execute(|| {
		let netuid = register(ALICE, hotkey(0));
		set_burn(netuid, 64 * TAO);
		let half_life = u64::from(Hyperparams::<Test>::get(netuid).unwrap().burn_half_life);
		for halvings in 1..=3u32 {
			run_to_block(1 + half_life * u64::from(halvings));
			let expected = (64 * TAO) >> halvings;
			let burn = Subnets::current_burn(netuid);
			// e^-x to a few parts in 2^32: within 100 rao of the exact halving.
			assert!(burn.abs_diff(expected) < 100, "{burn} vs {expected}");
		}
		// Decays to the minimum and stays there.
		run_to_block(1 + half_life * 40);
		assert_eq!(Subnets::current_burn(netuid), 500_000);
		// Raised, it stops at the maximum.
		set_burn(netuid, 100 * TAO);
		register_neuron(BOB, netuid, hotkey(1));
		assert_eq!(Subnets::current_burn(netuid), 100 * TAO);
	});
}

#[test]
fn registrations_per_block_are_limited() {
	ExtBuilder::default().build_and_execute(|| {
		let netuid = register(ALICE, hotkey(0));
		register_neuron(BOB, netuid, hotkey(1));
		assert_noop!(
			Subnets::burned_register(RuntimeOrigin::signed(BOB), netuid, hotkey(2), Balance::MAX),
			Error::<Test>::TooManyRegistrationsThisBlock
		);
		run_to_block(2);
		register_neuron(BOB, netuid, hotkey(2));
	});
}

#[test]
fn every_refusal_has_its_own_error_and_changes_nothing() {
	ExtBuilder::default().build_and_execute(|| {
		let netuid = register(ALICE, hotkey(0));
		assert_noop!(
			Subnets::burned_register(
				RuntimeOrigin::signed(BOB),
				NetUid(9),
				hotkey(1),
				Balance::MAX
			),
			Error::<Test>::SubnetNotFound
		);
		assert_noop!(
			Subnets::burned_register(RuntimeOrigin::signed(BOB), netuid, hotkey(0), Balance::MAX),
			Error::<Test>::HotkeyAlreadyRegistered
		);
		register_neuron(BOB, netuid, hotkey(1));
		run_to_block(2);
		let other = register(CHARLIE, hotkey(2));
		assert_noop!(
			Subnets::burned_register(
				RuntimeOrigin::signed(CHARLIE),
				other,
				hotkey(1),
				Balance::MAX
			),
			Error::<Test>::HotkeyOwnedByAnotherColdkey
		);
		set_burn(netuid, 20 * TAO);
		assert_noop!(
			Subnets::burned_register(RuntimeOrigin::signed(POOR), netuid, hotkey(6), Balance::MAX),
			Error::<Test>::CannotAffordBurn
		);
		set_param(netuid, SubnetParam::RegistrationAllowed(false));
		assert_noop!(
			Subnets::burned_register(RuntimeOrigin::signed(BOB), netuid, hotkey(3), Balance::MAX),
			Error::<Test>::RegistrationDisabled
		);
	});
}

#[test]
fn a_full_subnet_replaces_the_lowest_score_past_immunity() {
	ExtBuilder::default().build_and_execute(|| {
		let netuid = register(ALICE, hotkey(0));
		set_param(netuid, SubnetParam::MaxUids(4));
		set_param(netuid, SubnetParam::ImmunityPeriod(10));
		for i in 1..=3 {
			run_to_block(i + 1);
			register_neuron(BOB, netuid, hotkey(i));
		}
		assert_ok!(Subnets::serve_axon(
			RuntimeOrigin::signed(hotkey(2)),
			netuid,
			1,
			0x0a00_0001,
			8091,
			IPV4,
			0
		));
		assert_ok!(Subnets::serve_prometheus(
			RuntimeOrigin::signed(hotkey(2)),
			netuid,
			1,
			0x0a00_0001,
			9090,
			IPV4
		));
		// Scores: the owner's lowest (never pruned), UIDs 2 and 3 tie; 2 registered first.
		set_scores(netuid, vec![0, 50, 10, 10]);
		// Registered at blocks 2, 3, 4 with immunity 10: at block 11 all are immune.
		run_to_block(11);
		assert_noop!(
			Subnets::burned_register(
				RuntimeOrigin::signed(CHARLIE),
				netuid,
				hotkey(9),
				Balance::MAX
			),
			Error::<Test>::AllNeuronsImmune
		);
		run_to_block(14);
		register_neuron(CHARLIE, netuid, hotkey(9));
		assert_eq!(Keys::<Test>::get(netuid, Uid(2)), Some(hotkey(9)));
		assert_eq!(Uids::<Test>::get(netuid, hotkey(2)), None);
		assert!(!Axons::<Test>::contains_key(netuid, hotkey(2)));
		assert!(!Prometheus::<Test>::contains_key(netuid, hotkey(2)));
		assert_eq!(RegisteredAt::<Test>::get(netuid)[2], 14);
		assert_eq!(NeuronCount::<Test>::get(netuid), 4);
		assert_eq!(hook_calls(), vec![(netuid, Some(Uid(2)))]);
		assert!(subnet_events().contains(&Event::NeuronReplaced {
			netuid,
			uid: Uid(2),
			old_hotkey: hotkey(2),
			new_hotkey: hotkey(9)
		}));
		// Next, UID 3 (score 10) goes before UID 2 (score 0 but immune) and UID 1 (score 50).
		run_to_block(15);
		register_neuron(CHARLIE, netuid, hotkey(10));
		assert_eq!(Keys::<Test>::get(netuid, Uid(3)), Some(hotkey(10)));
		assert_eq!(Keys::<Test>::get(netuid, Uid(0)), Some(hotkey(0)), "the owner stays");
	});
}

#[test]
fn ties_on_score_and_registration_go_to_the_lowest_uid() {
	ExtBuilder::default().build_and_execute(|| {
		let netuid = register(ALICE, hotkey(0));
		set_param(netuid, SubnetParam::MaxUids(3));
		set_param(netuid, SubnetParam::ImmunityPeriod(0));
		set_param(netuid, SubnetParam::MaxRegistrationsPerBlock(3));
		register_neuron(BOB, netuid, hotkey(1));
		register_neuron(BOB, netuid, hotkey(2));
		register_neuron(BOB, netuid, hotkey(3));
		assert_eq!(Keys::<Test>::get(netuid, Uid(1)), Some(hotkey(3)));
	});
}

#[test]
fn a_replacement_recycles_its_burn_and_the_old_hotkey_can_no_longer_serve() {
	ExtBuilder::default().build_and_execute(|| {
		let netuid = register(ALICE, hotkey(0));
		set_param(netuid, SubnetParam::MaxUids(2));
		set_param(netuid, SubnetParam::ImmunityPeriod(0));
		register_neuron(BOB, netuid, hotkey(1));
		run_to_block(2);
		let issuance = Balances::total_issuance();
		let burn = Subnets::current_burn(netuid);
		register_neuron(CHARLIE, netuid, hotkey(2));
		assert_eq!(Balances::total_issuance(), issuance - burn);
		assert_eq!(Keys::<Test>::get(netuid, Uid(1)), Some(hotkey(2)));
		assert_noop!(
			Subnets::serve_axon(RuntimeOrigin::signed(hotkey(1)), netuid, 1, 1, 1, IPV4, 0),
			Error::<Test>::HotkeyNotRegistered
		);
		// The hotkey stays Bob's: it can register again, elsewhere or here.
		assert_eq!(HotkeyOwner::<Test>::get(hotkey(1)), Some(BOB));
	});
}

#[test]
fn an_unaffordable_registration_into_an_immune_full_subnet_says_it_is_full() {
	ExtBuilder::default().build_and_execute(|| {
		let netuid = register(ALICE, hotkey(0));
		set_param(netuid, SubnetParam::MaxUids(1));
		set_burn(netuid, 50 * TAO);
		assert_noop!(
			Subnets::burned_register(RuntimeOrigin::signed(POOR), netuid, hotkey(6), Balance::MAX),
			Error::<Test>::AllNeuronsImmune
		);
	});
}
