//! Unit tests: every rule and every error of the pallet. Invariants (`do_try_state`) are checked
//! after every block (`run_to_block`) and at the end of every test (`build_and_execute`).

use crate::{mock::*, *};
use frame_support::{
	assert_noop, assert_ok,
	traits::fungible::{Inspect, InspectHold},
};
use sp_runtime::DispatchError;
use taonet_primitives::{HotkeyOwnership, SubnetsInterface};

const LOCK: Balance = 1_000 * TAO;
const ALICE: AccountId = 1;
const BOB: AccountId = 2;
const CHARLIE: AccountId = 3;

fn hotkey(i: u64) -> AccountId {
	100 + i
}

fn held(who: AccountId) -> Balance {
	Balances::balance_on_hold(&RuntimeHoldReason::Subnets(HoldReason::SubnetLock), &who)
}

/// Registers a subnet for `owner` with owner hotkey `hk`, returning its netuid.
fn register(owner: AccountId, hk: AccountId) -> NetUid {
	assert_ok!(Subnets::register_network(RuntimeOrigin::signed(owner), hk));
	Subnets::uid_of_owner_subnet(hk)
}

impl Pallet<Test> {
	/// The last subnet whose owner hotkey is `hk`.
	fn uid_of_owner_subnet(hk: AccountId) -> NetUid {
		Networks::<Test>::iter()
			.filter(|(_, s)| s.owner_hotkey == hk)
			.map(|(n, _)| n)
			.max()
			.expect("registered")
	}
}

fn set_param(netuid: NetUid, param: SubnetParam) {
	assert_ok!(Subnets::set_hyperparameter(RuntimeOrigin::root(), netuid, param));
}

/// A subnet of Alice's with `extra` neurons besides the owner's, registered one per block.
fn subnet_with(extra: u64) -> NetUid {
	let netuid = register(ALICE, hotkey(0));
	set_param(netuid, SubnetParam::MaxRegistrationsPerBlock(64));
	for i in 1..=extra {
		assert_ok!(Subnets::burned_register(
			RuntimeOrigin::signed(BOB),
			netuid,
			hotkey(i),
			Balance::MAX
		));
	}
	netuid
}

mod register_network {
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
					Event::NetworkRegistered {
						netuid,
						owner: ALICE,
						hotkey: hotkey(0),
						lock: LOCK
					},
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
			assert_ok!(Subnets::burned_register(
				RuntimeOrigin::signed(BOB),
				b,
				hotkey(3),
				Balance::MAX
			));
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
			assert_eq!(
				Networks::<Test>::get(b).unwrap().owner,
				4,
				"the new subnet reuses netuid b"
			);
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
}

mod dissolve_network {
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
}

mod hyperparameters {
	use super::*;

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
				SubnetParam::Kappa(40_000),
				SubnetParam::Burn(TAO),
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
					Subnets::set_hyperparameter(
						RuntimeOrigin::signed(ALICE),
						netuid,
						param.clone()
					),
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
				(Kappa(32_766), Kappa(u16::MAX), Kappa(0)),
				(MaxWeightLimit(0), MaxWeightLimit(1), MaxWeightLimit(0)),
				(
					BondsMovingAverage(999_001),
					BondsMovingAverage(999_000),
					BondsMovingAverage(1_000_000),
				),
				(
					AlphaBounds { low: 0, high: 10 },
					AlphaBounds { low: 5, high: 5 },
					AlphaBounds { low: 6, high: 5 },
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
				(Burn(499), Burn(100_000 * TAO), Burn(100_000 * TAO + 1)),
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
			assert_eq!((params.alpha_low, params.alpha_high), (5, 5));
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
				Subnets::set_hyperparameter(
					RuntimeOrigin::root(),
					netuid,
					SubnetParam::MaxBurn(TAO)
				),
				Error::<Test>::ParameterOutOfBounds
			);
		});
	}

	#[test]
	fn unknown_subnet_and_strangers_are_refused() {
		ExtBuilder::default().build_and_execute(|| {
			let netuid = register(ALICE, hotkey(0));
			assert_noop!(
				Subnets::set_hyperparameter(
					RuntimeOrigin::root(),
					NetUid(9),
					SubnetParam::Tempo(10)
				),
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
}

mod burned_register {
	use super::*;

	#[test]
	fn recycles_the_burn_and_takes_the_next_uid() {
		ExtBuilder::default().build_and_execute(|| {
			let netuid = register(ALICE, hotkey(0));
			let issuance = Balances::total_issuance();
			let bob = Balances::balance(&BOB);
			assert_ok!(Subnets::burned_register(
				RuntimeOrigin::signed(BOB),
				netuid,
				hotkey(1),
				Balance::MAX
			));
			assert_eq!(
				Balances::total_issuance(),
				issuance - TAO,
				"the burn leaves total issuance"
			);
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
			assert_ok!(Subnets::burned_register(
				RuntimeOrigin::signed(CHARLIE),
				netuid,
				hotkey(2),
				Balance::MAX
			));
			assert_eq!(Keys::<Test>::get(netuid, Uid(2)), Some(hotkey(2)));
			assert_eq!(TotalRecycled::<Test>::get(), TAO + burn);
			assert_eq!(Balances::total_issuance(), issuance - TAO - burn);
		});
	}

	#[test]
	fn the_burn_halves_every_half_life_and_stays_within_bounds() {
		ExtBuilder::default().build_and_execute(|| {
			let netuid = register(ALICE, hotkey(0));
			set_param(netuid, SubnetParam::Burn(64 * TAO));
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
			set_param(netuid, SubnetParam::Burn(100 * TAO));
			assert_ok!(Subnets::burned_register(
				RuntimeOrigin::signed(BOB),
				netuid,
				hotkey(1),
				Balance::MAX
			));
			assert_eq!(Subnets::current_burn(netuid), 100 * TAO);
		});
	}

	#[test]
	fn registrations_per_block_are_limited() {
		ExtBuilder::default().build_and_execute(|| {
			let netuid = register(ALICE, hotkey(0));
			assert_ok!(Subnets::burned_register(
				RuntimeOrigin::signed(BOB),
				netuid,
				hotkey(1),
				Balance::MAX
			));
			assert_noop!(
				Subnets::burned_register(
					RuntimeOrigin::signed(BOB),
					netuid,
					hotkey(2),
					Balance::MAX
				),
				Error::<Test>::TooManyRegistrationsThisBlock
			);
			run_to_block(2);
			assert_ok!(Subnets::burned_register(
				RuntimeOrigin::signed(BOB),
				netuid,
				hotkey(2),
				Balance::MAX
			));
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
				Subnets::burned_register(
					RuntimeOrigin::signed(BOB),
					netuid,
					hotkey(0),
					Balance::MAX
				),
				Error::<Test>::HotkeyAlreadyRegistered
			);
			assert_ok!(Subnets::burned_register(
				RuntimeOrigin::signed(BOB),
				netuid,
				hotkey(1),
				Balance::MAX
			));
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
			set_param(netuid, SubnetParam::Burn(20 * TAO));
			assert_noop!(
				Subnets::burned_register(
					RuntimeOrigin::signed(POOR),
					netuid,
					hotkey(6),
					Balance::MAX
				),
				Error::<Test>::CannotAffordBurn
			);
			set_param(netuid, SubnetParam::RegistrationAllowed(false));
			assert_noop!(
				Subnets::burned_register(
					RuntimeOrigin::signed(BOB),
					netuid,
					hotkey(3),
					Balance::MAX
				),
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
				assert_ok!(Subnets::burned_register(
					RuntimeOrigin::signed(BOB),
					netuid,
					hotkey(i),
					Balance::MAX
				));
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
			Subnets::set_pruning_scores(netuid, vec![0, 50, 10, 10]);
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
			assert_ok!(Subnets::burned_register(
				RuntimeOrigin::signed(CHARLIE),
				netuid,
				hotkey(9),
				Balance::MAX
			));
			assert_eq!(Keys::<Test>::get(netuid, Uid(2)), Some(hotkey(9)));
			assert_eq!(Uids::<Test>::get(netuid, hotkey(2)), None);
			assert!(!Axons::<Test>::contains_key(netuid, hotkey(2)));
			assert!(!Prometheus::<Test>::contains_key(netuid, hotkey(2)));
			assert_eq!(PruningScores::<Test>::get(netuid).to_vec(), vec![0, 50, 0, 10]);
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
			assert_ok!(Subnets::burned_register(
				RuntimeOrigin::signed(CHARLIE),
				netuid,
				hotkey(10),
				Balance::MAX
			));
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
			assert_ok!(Subnets::burned_register(
				RuntimeOrigin::signed(BOB),
				netuid,
				hotkey(1),
				Balance::MAX
			));
			assert_ok!(Subnets::burned_register(
				RuntimeOrigin::signed(BOB),
				netuid,
				hotkey(2),
				Balance::MAX
			));
			assert_ok!(Subnets::burned_register(
				RuntimeOrigin::signed(BOB),
				netuid,
				hotkey(3),
				Balance::MAX
			));
			assert_eq!(Keys::<Test>::get(netuid, Uid(1)), Some(hotkey(3)));
		});
	}
}

mod serving {
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
			assert_noop!(
				serve(hotkey(1), netuid, 1 << 32, 1, IPV4),
				Error::<Test>::InvalidIpAddress
			);
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
}

mod interface {
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
			Subnets::set_pruning_scores(netuid, vec![5]);
			assert_eq!(PruningScores::<Test>::get(netuid).to_vec(), vec![5, 0, 0]);
			assert_eq!(Subnets::bind_hotkey(&hotkey(50), &BOB), Ok(true));
			assert_eq!(Subnets::bind_hotkey(&hotkey(50), &BOB), Ok(false));
			assert_eq!(Subnets::bind_hotkey(&hotkey(50), &ALICE), Err(BOB));
			assert_eq!(Subnets::hotkey_owner(&hotkey(50)), Some(BOB));
			assert!(
				subnet_events().contains(&Event::HotkeyBound { hotkey: hotkey(50), coldkey: BOB })
			);
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
			// The measured weight for one neuron plus what the hook reported.
			let expected = <() as WeightInfo>::dissolve_network(1).saturating_add(HOOK_WEIGHT);
			assert_eq!(info.actual_weight, Some(expected));
		});
	}

	#[test]
	#[should_panic(expected = "genesis parameter out of bounds")]
	fn a_genesis_parameter_out_of_bounds_fails_the_build() {
		ExtBuilder::default().subnet_limit(9).build();
	}
}

mod more_rules {
	use super::*;

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

	#[test]
	fn the_owner_may_set_every_owner_settable_parameter() {
		ExtBuilder::default().build_and_execute(|| {
			let netuid = register(ALICE, hotkey(0));
			use SubnetParam::*;
			let owner_settable = [
				MinAllowedWeights(2),
				MaxWeightLimit(40_000),
				WeightsVersionKey(3),
				ActivityCutoff(77),
				BondsMovingAverage(500_000),
				BondsPenalty(1_000),
				Yuma3Enabled(false),
				LiquidAlphaEnabled(true),
				AlphaBounds { low: 100, high: 200 },
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
			set_param(netuid, SubnetParam::Burn(50 * TAO));
			set_param(netuid, SubnetParam::MaxBurn(20 * TAO));
			assert_eq!(Burn::<Test>::get(netuid).unwrap().price, 20 * TAO);
			assert_eq!(Subnets::current_burn(netuid), 20 * TAO);
			// 360 blocks later the burn has halved; a new half-life keeps that value and decays
			// from it at the new rate.
			run_to_block(361);
			let decayed = Subnets::current_burn(netuid);
			assert!(decayed.abs_diff(10 * TAO) < 100);
			set_param(netuid, SubnetParam::BurnHalfLife(10));
			assert_eq!(
				Burn::<Test>::get(netuid),
				Some(BurnInfo { price: decayed, updated_at: 361 })
			);
			run_to_block(371);
			assert!(Subnets::current_burn(netuid).abs_diff(decayed / 2) < 100);
		});
	}

	#[test]
	fn a_replacement_recycles_its_burn_and_the_old_hotkey_can_no_longer_serve() {
		ExtBuilder::default().build_and_execute(|| {
			let netuid = register(ALICE, hotkey(0));
			set_param(netuid, SubnetParam::MaxUids(2));
			set_param(netuid, SubnetParam::ImmunityPeriod(0));
			assert_ok!(Subnets::burned_register(
				RuntimeOrigin::signed(BOB),
				netuid,
				hotkey(1),
				Balance::MAX
			));
			run_to_block(2);
			let issuance = Balances::total_issuance();
			let burn = Subnets::current_burn(netuid);
			assert_ok!(Subnets::burned_register(
				RuntimeOrigin::signed(CHARLIE),
				netuid,
				hotkey(2),
				Balance::MAX
			));
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
			set_param(netuid, SubnetParam::Burn(50 * TAO));
			assert_noop!(
				Subnets::burned_register(
					RuntimeOrigin::signed(POOR),
					netuid,
					hotkey(6),
					Balance::MAX
				),
				Error::<Test>::AllNeuronsImmune
			);
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
			assert_noop!(
				serve(hotkey(1), netuid, 1, 2, IPV4),
				Error::<Test>::ServingRateLimitExceeded
			);
			run_to_block(51);
			assert_ok!(serve(hotkey(1), netuid, 1, 2, IPV4));
			assert_eq!(Prometheus::<Test>::get(netuid, hotkey(1)).unwrap().port, 2);
		});
	}

	#[test]
	fn pruning_scores_are_recorded_with_an_event() {
		ExtBuilder::default().build_and_execute(|| {
			let netuid = subnet_with(1);
			Subnets::set_pruning_scores(netuid, vec![3, 4]);
			assert_eq!(PruningScores::<Test>::get(netuid).to_vec(), vec![3, 4]);
			assert!(subnet_events().contains(&Event::PruningScoresSet { netuid }));
			// Unknown subnets are ignored.
			Subnets::set_pruning_scores(NetUid(9), vec![1]);
			assert!(!PruningScores::<Test>::contains_key(NetUid(9)));
		});
	}
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

mod hardening {
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
			let (price, memory, slot) = (
				Subnets::lock_cost(),
				LastLock::<Test>::get(),
				LastNetworkRegistration::<Test>::get(),
			);
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
}
