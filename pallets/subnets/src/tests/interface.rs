use super::*;

#[test]
fn other_pallets_read_subnets_and_bind_hotkeys_through_traits() {
	ExtBuilder::default().build_and_execute(|| {
		let netuid = subnet_with(2);
		assert!(Subnets::is_subnet(netuid) && !Subnets::is_subnet(NetUid(9)));
		assert_eq!(Subnets::subnets(), vec![netuid]);
		assert_eq!(Subnets::subnet_owner(netuid), Some(ALICE));
		assert_eq!(Subnets::subnet_owner_hotkey(netuid), Some(hotkey(0)));
		assert_eq!(Subnets::subnet_registered_at(netuid), Some(1));
		assert_eq!(Subnets::neuron_count(netuid), 3);
		assert_eq!(Subnets::uid_of(netuid, &hotkey(2)), Some(Uid(2)));
		assert_eq!(Subnets::hotkey_of(netuid, Uid(1)), Some(hotkey(1)));
		assert_eq!(Subnets::registration_blocks(netuid), vec![1, 1, 1]);
		assert_eq!(Subnets::bind_hotkey(&hotkey(50), &BOB), Ok(true));
		assert_eq!(Subnets::bind_hotkey(&hotkey(50), &BOB), Ok(false));
		assert_eq!(Subnets::bind_hotkey(&hotkey(50), &ALICE), Err(BOB));
		assert_eq!(Subnets::hotkey_owner(&hotkey(50)), Some(BOB));
		assert!(subnet_events().contains(&Event::HotkeyBound { hotkey: hotkey(50), coldkey: BOB }));
		// A hotkey bound by staking is registered only by its owner.
		assert_noop!(
			Subnets::burned_register(
				RuntimeOrigin::signed(ALICE),
				netuid,
				hotkey(50),
				Balance::MAX
			),
			Error::<Test>::HotkeyOwnedByAnotherColdkey
		);
	});
}

#[test]
fn invariants_catch_a_broken_state() {
	ExtBuilder::default().build().execute_with(|| {
		let netuid = subnet_with(1);
		assert_ok!(Subnets::do_try_state());
		Keys::<Test>::remove(netuid, Uid(1));
		assert!(Subnets::do_try_state().is_err());
	});
	ExtBuilder::default().build().execute_with(|| {
		let netuid = register(ALICE, hotkey(0));
		Networks::<Test>::mutate(netuid, |s| s.as_mut().unwrap().lock += 1);
		assert!(Subnets::do_try_state().is_err());
	});
}

#[test]
fn hooks_are_charged_in_the_actual_weight() {
	ExtBuilder::default().build_and_execute(|| {
		let netuid = register(ALICE, hotkey(0));
		let info = Subnets::dissolve_network(RuntimeOrigin::signed(ALICE), netuid).unwrap();
		// The measured weight for one neuron, what the hook reported, and the generation's
		// read and write after it.
		let generation = <<Test as frame_system::Config>::DbWeight as Get<
			frame_support::weights::RuntimeDbWeight,
		>>::get()
		.reads_writes(1, 1);
		let expected = <() as WeightInfo>::dissolve_network(1)
			.saturating_add(HOOK_WEIGHT)
			.saturating_add(generation);
		assert_eq!(info.actual_weight, Some(expected));
	});
}

#[test]
#[should_panic(expected = "genesis parameter out of bounds")]
fn a_genesis_parameter_out_of_bounds_fails_the_build() {
	ExtBuilder::default().subnet_limit(9).build();
}
