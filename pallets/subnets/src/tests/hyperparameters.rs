use super::*;
use taonet_primitives::Ratio;

#[test]
fn the_owner_sets_owner_settable_parameters() {
	ExtBuilder::default().build_and_execute(|| {
		let netuid = register(ALICE, hotkey(0));
		let param = SubnetParam::ServingRateLimit(7);
		assert_ok!(Subnets::set_hyperparameter(
			RuntimeOrigin::signed(ALICE),
			netuid,
			param.clone()
		));
		assert_eq!(Hyperparams::<Test>::get(netuid).unwrap().serving_rate_limit, 7);
		assert_eq!(subnet_events().last(), Some(&Event::HyperparameterSet { netuid, param }));
	});
}

#[test]
fn governance_only_parameters_refuse_the_owner() {
	ExtBuilder::default().build_and_execute(|| {
		let netuid = register(ALICE, hotkey(0));
		for param in [
			SubnetParam::Tempo(10),
			SubnetParam::MaxUids(8),
			SubnetParam::MaxValidators(8),
			SubnetParam::WeightsRateLimit(1),
			SubnetParam::Kappa(Ratio(40_000)),
			SubnetParam::BurnHalfLife(10),
			SubnetParam::BurnIncreaseFactor(2_000_000),
			SubnetParam::MaxRegistrationsPerBlock(2),
			// What a registrant pays and how long it is immune: not the owner's to change
			// under a registration it sees in the pool.
			SubnetParam::RegistrationAllowed(false),
			SubnetParam::MinBurn(2 * TAO),
			SubnetParam::MaxBurn(50 * TAO),
			SubnetParam::ImmunityPeriod(0),
		] {
			assert!(param.governance_only());
			assert_noop!(
				Subnets::set_hyperparameter(RuntimeOrigin::signed(ALICE), netuid, param.clone()),
				Error::<Test>::GovernanceOnly
			);
			set_param(netuid, param);
		}
		assert_eq!(Hyperparams::<Test>::get(netuid).unwrap().tempo, 10);
	});
}

#[test]
fn values_outside_the_bounds_are_refused_and_bounds_are_inclusive() {
	ExtBuilder::default().build_and_execute(|| {
		let netuid = subnet_with(2);
		use SubnetParam::*;
		let cases: Vec<(SubnetParam, SubnetParam, SubnetParam)> = vec![
			// (below, at a bound, above)
			(Tempo(0), Tempo(50_400), Tempo(50_401)),
			(MaxUids(2), MaxUids(4_096), MaxUids(4_097)),
			(MaxValidators(0), MaxValidators(256), MaxValidators(257)),
			(ActivityCutoff(0), ActivityCutoff(100_800), ActivityCutoff(100_801)),
			(Kappa(Ratio(32_766)), Kappa(Ratio(u16::MAX)), Kappa(Ratio(0))),
			(MaxWeightLimit(Ratio(0)), MaxWeightLimit(Ratio(1)), MaxWeightLimit(Ratio(0))),
			(
				BondsMovingAverage(999_001),
				BondsMovingAverage(999_000),
				BondsMovingAverage(1_000_000),
			),
			(
				AlphaBounds { low: Ratio(0), high: Ratio(10) },
				AlphaBounds { low: Ratio(5), high: Ratio(5) },
				AlphaBounds { low: Ratio(6), high: Ratio(5) },
			),
			(
				AlphaSigmoidSteepness(10_001),
				AlphaSigmoidSteepness(10_000),
				AlphaSigmoidSteepness(u16::MAX),
			),
			(RevealPeriod(0), RevealPeriod(100), RevealPeriod(101)),
			(ServingRateLimit(7_201), ServingRateLimit(7_200), ServingRateLimit(u32::MAX)),
			(ImmunityPeriod(100_801), ImmunityPeriod(100_800), ImmunityPeriod(u32::MAX)),
			(WeightsRateLimit(50_401), WeightsRateLimit(0), WeightsRateLimit(u32::MAX)),
			(MinAllowedWeights(4_097), MinAllowedWeights(0), MinAllowedWeights(u16::MAX)),
			(BurnHalfLife(0), BurnHalfLife(100_800), BurnHalfLife(100_801)),
			(
				BurnIncreaseFactor(999_999),
				BurnIncreaseFactor(4_000_000),
				BurnIncreaseFactor(4_000_001),
			),
			(
				MaxRegistrationsPerBlock(0),
				MaxRegistrationsPerBlock(64),
				MaxRegistrationsPerBlock(65),
			),
			(MinBurn(499), MinBurn(500), MinBurn(100 * TAO + 1)),
			(MaxBurn(499), MaxBurn(100_000 * TAO), MaxBurn(100_000 * TAO + 1)),
		];
		for (below, at, above) in cases {
			for bad in [below, above] {
				assert_noop!(
					Subnets::set_hyperparameter(RuntimeOrigin::root(), netuid, bad.clone()),
					Error::<Test>::ParameterOutOfBounds
				);
			}
			set_param(netuid, at);
		}
		let params = Hyperparams::<Test>::get(netuid).unwrap();
		assert_eq!((params.alpha_low, params.alpha_high), (Ratio(5), Ratio(5)));
		assert_eq!(params.max_uids, 4_096);
	});
}

#[test]
fn burn_bounds_clamp_the_current_burn() {
	ExtBuilder::default().build_and_execute(|| {
		let netuid = register(ALICE, hotkey(0));
		assert_eq!(Subnets::current_burn(netuid), TAO);
		set_param(netuid, SubnetParam::MinBurn(2 * TAO));
		assert_eq!(Subnets::current_burn(netuid), 2 * TAO);
		assert_eq!(
			subnet_events()
				.iter()
				.filter(|e| matches!(e, Event::BurnSet { burn, .. } if *burn == 2 * TAO))
				.count(),
			1
		);
		// The max burn cannot go below the min burn, nor the min above the max.
		assert_noop!(
			Subnets::set_hyperparameter(RuntimeOrigin::root(), netuid, SubnetParam::MaxBurn(TAO)),
			Error::<Test>::ParameterOutOfBounds
		);
	});
}

#[test]
fn unknown_subnet_and_strangers_are_refused() {
	ExtBuilder::default().build_and_execute(|| {
		let netuid = register(ALICE, hotkey(0));
		assert_noop!(
			Subnets::set_hyperparameter(RuntimeOrigin::root(), NetUid(9), SubnetParam::Tempo(10)),
			Error::<Test>::SubnetNotFound
		);
		assert_noop!(
			Subnets::set_hyperparameter(
				RuntimeOrigin::signed(BOB),
				netuid,
				SubnetParam::ImmunityPeriod(1)
			),
			Error::<Test>::NotSubnetOwner
		);
	});
}

#[test]
fn network_parameters_are_governance_only_and_bounded() {
	ExtBuilder::default().build_and_execute(|| {
		let param = NetworkParam::NetworkRateLimit(5);
		assert_noop!(
			Subnets::set_network_parameter(RuntimeOrigin::signed(ALICE), param.clone()),
			DispatchError::BadOrigin
		);
		assert_ok!(Subnets::set_network_parameter(RuntimeOrigin::root(), param.clone()));
		assert_eq!(NetworkRateLimit::<Test>::get(), 5);
		assert_eq!(subnet_events().last(), Some(&Event::NetworkParameterSet { param }));
		for (param, read) in [
			(
				NetworkParam::MinLockCost(7 * TAO),
				(|| MinLockCost::<Test>::get() as u128) as fn() -> u128,
			),
			(NetworkParam::LockReductionInterval(9), || {
				LockReductionInterval::<Test>::get().into()
			}),
			(NetworkParam::NetworkImmunityPeriod(11), || {
				NetworkImmunityPeriod::<Test>::get().into()
			}),
			(NetworkParam::SubnetLimit(8), || SubnetLimit::<Test>::get().into()),
		] {
			let value = param.value();
			assert_ok!(Subnets::set_network_parameter(RuntimeOrigin::root(), param));
			assert_eq!(read(), value);
		}
		assert_ok!(Subnets::set_network_parameter(
			RuntimeOrigin::root(),
			NetworkParam::NetworkRateLimit(0)
		));
		register(ALICE, hotkey(0));
		register(BOB, hotkey(1));
		for bad in [
			NetworkParam::SubnetLimit(1),
			NetworkParam::SubnetLimit(9),
			NetworkParam::MinLockCost(TAO - 1),
			NetworkParam::LockReductionInterval(0),
			NetworkParam::NetworkRateLimit(100_801),
			NetworkParam::NetworkImmunityPeriod(1_000_001),
		] {
			assert_noop!(
				Subnets::set_network_parameter(RuntimeOrigin::root(), bad),
				Error::<Test>::ParameterOutOfBounds
			);
		}
	});
}

#[test]
fn the_owner_may_set_every_owner_settable_parameter() {
	ExtBuilder::default().build_and_execute(|| {
		let netuid = register(ALICE, hotkey(0));
		use SubnetParam::*;
		let owner_settable = [
			MinAllowedWeights(2),
			MaxWeightLimit(Ratio(40_000)),
			WeightsVersionKey(3),
			ActivityCutoff(77),
			BondsMovingAverage(500_000),
			BondsPenalty(Ratio(1_000)),
			Yuma3Enabled(false),
			LiquidAlphaEnabled(true),
			AlphaBounds { low: Ratio(100), high: Ratio(200) },
			AlphaSigmoidSteepness(300),
			CommitRevealEnabled(true),
			RevealPeriod(2),
			ServingRateLimit(5),
		];
		let mut expected = SubnetHyperparams::default();
		for param in owner_settable {
			assert!(!param.governance_only());
			assert_ok!(Subnets::set_hyperparameter(
				RuntimeOrigin::signed(ALICE),
				netuid,
				param.clone()
			));
			param.apply(&mut expected);
		}
		assert_eq!(Hyperparams::<Test>::get(netuid), Some(expected));
	});
}

#[test]
fn max_uids_cannot_go_below_min_allowed_weights() {
	ExtBuilder::default().build_and_execute(|| {
		let netuid = register(ALICE, hotkey(0));
		set_param(netuid, SubnetParam::MinAllowedWeights(10));
		assert_noop!(
			Subnets::set_hyperparameter(RuntimeOrigin::root(), netuid, SubnetParam::MaxUids(9)),
			Error::<Test>::ParameterOutOfBounds
		);
		set_param(netuid, SubnetParam::MaxUids(10));
	});
}

#[test]
fn changing_the_max_burn_or_half_life_restores_the_current_burn() {
	ExtBuilder::default().build_and_execute(|| {
		let netuid = register(ALICE, hotkey(0));
		set_burn(netuid, 50 * TAO);
		set_param(netuid, SubnetParam::MaxBurn(20 * TAO));
		assert_eq!(Burn::<Test>::get(netuid).unwrap().price, 20 * TAO);
		assert_eq!(Subnets::current_burn(netuid), 20 * TAO);
		// 360 blocks later the burn has halved; a new half-life keeps that value and decays
		// from it at the new rate.
		run_to_block(361);
		let decayed = Subnets::current_burn(netuid);
		assert!(decayed.abs_diff(10 * TAO) < 100);
		set_param(netuid, SubnetParam::BurnHalfLife(10));
		assert_eq!(Burn::<Test>::get(netuid), Some(BurnInfo { price: decayed, updated_at: 361 }));
		run_to_block(371);
		assert!(Subnets::current_burn(netuid).abs_diff(decayed / 2) < 100);
	});
}

/// The README's hyperparameter table is the code's: one row per `SubnetParam` variant, with its
/// default (`SubnetHyperparams::default()`) and who may set it (`governance_only`).
#[test]
fn the_readme_table_lists_every_hyperparameter_with_its_default_and_setter() {
	let readme = include_str!("../../README.md");
	let section = readme
		.split("## Subnet hyperparameters")
		.nth(1)
		.and_then(|rest| rest.split("\n## ").next())
		.expect("the README has a hyperparameter section");
	// `| `Name` (unit) | default | bounds | set by |`
	let rows: Vec<(String, String, String)> = section
		.lines()
		.filter(|line| line.starts_with("| `"))
		.map(|line| {
			let cells: Vec<&str> = line.trim_matches('|').split(" | ").map(str::trim).collect();
			let name = cells[0].trim_start_matches('`').split(['`', ' ']).next().unwrap();
			(name.to_string(), cells[1].to_string(), cells[3].to_string())
		})
		.collect();
	let params = SubnetParam::all_of(&SubnetHyperparams::default());
	let names: Vec<&str> = params.iter().map(SubnetParam::name).collect();
	let listed: Vec<&str> = rows.iter().map(|(name, _, _)| name.as_str()).collect();
	assert_eq!(listed, names, "the README lists every hyperparameter once, in order");
	for (param, (name, default, set_by)) in params.iter().zip(&rows) {
		// The default's first figure, commas dropped, in the row's unit (TAO or rao).
		let figure: String =
			default.split([' ', '/']).next().unwrap().chars().filter(|c| *c != ',').collect();
		let stated: u128 = match figure.as_str() {
			"true" => 1,
			"false" => 0,
			number if default.contains(" TAO") && !default.contains('(') => {
				number.parse::<u128>().unwrap() * u128::from(TAO)
			},
			number => number.parse().unwrap_or_else(|_| panic!("{name}: default {default}")),
		};
		let value = match param {
			SubnetParam::AlphaBounds { low, .. } => u128::from(*low),
			other => other.value(),
		};
		assert_eq!(stated, value, "{name}: the README's default {default}");
		let by_governance =
			if param.governance_only() { "governance" } else { "owner or governance" };
		assert_eq!(set_by, by_governance, "{name}: who sets it");
	}
}
