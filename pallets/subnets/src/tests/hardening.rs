use super::*;

/// The ambush: an owner raising the burn between a registrant's signature and its
/// inclusion. The registrant's ceiling refuses the higher price and nothing is burned.
#[test]
fn a_burn_above_the_signed_ceiling_is_refused_and_burns_nothing() {
	ExtBuilder::default().build_and_execute(|| {
		let netuid = register(ALICE, hotkey(0));
		let seen = Subnets::current_burn(netuid);
		set_param(netuid, SubnetParam::MinBurn(100 * TAO));
		assert_noop!(
			Subnets::burned_register(RuntimeOrigin::signed(BOB), netuid, hotkey(1), seen),
			Error::<Test>::BurnAboveLimit
		);
		assert!(HotkeyOwner::<Test>::get(hotkey(1)).is_none(), "no hotkey bound either");
		assert_ok!(Subnets::burned_register(
			RuntimeOrigin::signed(BOB),
			netuid,
			hotkey(1),
			100 * TAO
		));
	});
}

/// Register-then-dissolve used to leave everyone else a doubled lock price and a used-up
/// rate-limit slot while its owner got the whole lock back.
#[test]
fn a_subnet_dissolved_before_any_other_registers_gives_back_price_and_slot() {
	ExtBuilder::default().network_rate_limit(10).build_and_execute(|| {
		let first = register(ALICE, hotkey(0));
		run_to_block(20);
		let (price, memory, slot) =
			(Subnets::lock_cost(), LastLock::<Test>::get(), LastNetworkRegistration::<Test>::get());
		let griefing = register(BOB, hotkey(1));
		assert!(Subnets::lock_cost() > price);
		assert_ok!(Subnets::dissolve_network(RuntimeOrigin::signed(BOB), griefing));
		assert_eq!(Subnets::lock_cost(), price);
		assert_eq!(LastLock::<Test>::get(), memory);
		assert_eq!(LastNetworkRegistration::<Test>::get(), slot);
		assert!(subnet_events()
			.iter()
			.any(|e| matches!(e, Event::RegistrationMemoryRestored { .. })));
		// The slot is free again: Charlie registers in the same block at the old price.
		assert_ok!(Subnets::register_network(RuntimeOrigin::signed(CHARLIE), hotkey(2)));
		assert_eq!(held(CHARLIE), price);
		// Once another subnet registered after it, a dissolution changes no one's price.
		let memory = LastLock::<Test>::get();
		assert_ok!(Subnets::dissolve_network(RuntimeOrigin::signed(ALICE), first));
		assert_eq!(LastLock::<Test>::get(), memory);
	});
}

/// The bind time is kept: the take's rate limit counts from it.
#[test]
fn registration_records_when_a_hotkey_was_bound() {
	ExtBuilder::default().build_and_execute(|| {
		run_to_block(5);
		register(ALICE, hotkey(0));
		assert_eq!(HotkeyBoundAt::<Test>::get(hotkey(0)), Some(5));
		assert_eq!(Subnets::hotkey_bound_at(&hotkey(0)), Some(5));
	});
}
