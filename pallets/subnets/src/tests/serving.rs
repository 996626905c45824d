use super::*;

#[test]
fn a_registered_hotkey_publishes_its_endpoints() {
	ExtBuilder::default().build_and_execute(|| {
		let netuid = subnet_with(1);
		assert_ok!(Subnets::serve_axon(
			RuntimeOrigin::signed(hotkey(1)),
			netuid,
			3,
			0x7f00_0001,
			8091,
			IPV4,
			1
		));
		let axon = AxonInfo {
			block: 1,
			version: 3,
			ip: 0x7f00_0001,
			port: 8091,
			ip_type: IPV4,
			protocol: 1,
		};
		assert_eq!(Axons::<Test>::get(netuid, hotkey(1)), Some(axon.clone()));
		assert_eq!(
			subnet_events().last(),
			Some(&Event::AxonServed { netuid, hotkey: hotkey(1), axon })
		);
		let ip6 = 0x2001_0db8_0000_0000_0000_0000_0000_0001u128;
		assert_ok!(Subnets::serve_prometheus(
			RuntimeOrigin::signed(hotkey(1)),
			netuid,
			2,
			ip6,
			9090,
			IPV6
		));
		let prometheus =
			PrometheusInfo { block: 1, version: 2, ip: ip6, port: 9090, ip_type: IPV6 };
		assert_eq!(Prometheus::<Test>::get(netuid, hotkey(1)), Some(prometheus.clone()));
		assert_eq!(
			subnet_events().last(),
			Some(&Event::PrometheusServed { netuid, hotkey: hotkey(1), prometheus })
		);
	});
}

#[test]
fn bad_endpoints_and_strangers_are_refused() {
	ExtBuilder::default().build_and_execute(|| {
		let netuid = subnet_with(1);
		let serve = |who: AccountId, netuid: NetUid, ip: u128, port: u16, ip_type: u8| {
			Subnets::serve_axon(RuntimeOrigin::signed(who), netuid, 1, ip, port, ip_type, 0)
		};
		assert_noop!(serve(hotkey(1), NetUid(9), 1, 1, IPV4), Error::<Test>::SubnetNotFound);
		assert_noop!(serve(hotkey(7), netuid, 1, 1, IPV4), Error::<Test>::HotkeyNotRegistered);
		assert_noop!(serve(hotkey(1), netuid, 1, 1, 5), Error::<Test>::InvalidIpType);
		assert_noop!(serve(hotkey(1), netuid, 0, 1, IPV4), Error::<Test>::InvalidIpAddress);
		assert_noop!(serve(hotkey(1), netuid, 0, 1, IPV6), Error::<Test>::InvalidIpAddress);
		assert_noop!(
			serve(hotkey(1), netuid, u32::MAX.into(), 1, IPV4),
			Error::<Test>::InvalidIpAddress
		);
		assert_noop!(serve(hotkey(1), netuid, 1 << 32, 1, IPV4), Error::<Test>::InvalidIpAddress);
		assert_noop!(serve(hotkey(1), netuid, 1, 0, IPV4), Error::<Test>::InvalidPort);
		assert_noop!(
			Subnets::serve_prometheus(RuntimeOrigin::signed(hotkey(1)), netuid, 1, 1, 0, IPV4),
			Error::<Test>::InvalidPort
		);
	});
}

#[test]
fn serving_is_rate_limited_per_endpoint_kind() {
	ExtBuilder::default().build_and_execute(|| {
		let netuid = subnet_with(1);
		let limit = u64::from(Hyperparams::<Test>::get(netuid).unwrap().serving_rate_limit);
		let serve =
			|| Subnets::serve_axon(RuntimeOrigin::signed(hotkey(1)), netuid, 1, 1, 1, IPV4, 0);
		assert_ok!(serve());
		run_to_block(limit);
		assert_noop!(serve(), Error::<Test>::ServingRateLimitExceeded);
		assert_ok!(Subnets::serve_prometheus(
			RuntimeOrigin::signed(hotkey(1)),
			netuid,
			1,
			1,
			1,
			IPV4
		));
		run_to_block(1 + limit);
		assert_ok!(serve());
	});
}

#[test]
fn prometheus_has_the_same_checks_and_its_own_rate_limit() {
	ExtBuilder::default().build_and_execute(|| {
		let netuid = subnet_with(1);
		let serve = |who: AccountId, netuid: NetUid, ip: u128, port: u16, ip_type: u8| {
			Subnets::serve_prometheus(RuntimeOrigin::signed(who), netuid, 1, ip, port, ip_type)
		};
		assert_noop!(serve(hotkey(1), NetUid(9), 1, 1, IPV4), Error::<Test>::SubnetNotFound);
		assert_noop!(serve(hotkey(7), netuid, 1, 1, IPV4), Error::<Test>::HotkeyNotRegistered);
		assert_noop!(serve(hotkey(1), netuid, 1, 1, 0), Error::<Test>::InvalidIpType);
		assert_noop!(serve(hotkey(1), netuid, 0, 1, IPV4), Error::<Test>::InvalidIpAddress);
		assert_ok!(serve(hotkey(1), netuid, 1, 1, IPV4));
		assert_noop!(serve(hotkey(1), netuid, 1, 2, IPV4), Error::<Test>::ServingRateLimitExceeded);
		run_to_block(51);
		assert_ok!(serve(hotkey(1), netuid, 1, 2, IPV4));
		assert_eq!(Prometheus::<Test>::get(netuid, hotkey(1)).unwrap().port, 2);
	});
}
