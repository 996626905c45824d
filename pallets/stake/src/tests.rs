//! Unit tests for every rule and error, and a property test of random operation sequences.

use crate::{mock::*, *};
use frame_support::{
	assert_noop, assert_ok,
	traits::fungible::{Inspect, InspectHold},
};
use sp_runtime::DispatchError;
use taonet_primitives::{HotkeyOwnership, StakeInterface, TAO};

const ALICE: AccountId = 1;
const BOB: AccountId = 2;
const CHARLIE: AccountId = 3;
const HOT_A: AccountId = 100;
const HOT_B: AccountId = 101;
/// A hotkey that never registered: nobody owns it.
const UNREGISTERED: AccountId = 150;

fn held(who: AccountId) -> Balance {
	Balances::balance_on_hold(&RuntimeHoldReason::Stake(HoldReason::Staked), &who)
}

fn stake_of(hotkey: AccountId, coldkey: AccountId) -> Balance {
	Stake::position_stake(&hotkey, &coldkey)
}

mod staking {
	use super::*;

	#[test]
	fn add_stake_holds_the_amount_on_a_registered_hotkey() {
		build_and_execute(|| {
			let issuance = Balances::total_issuance();
			assert_ok!(Stake::add_stake(RuntimeOrigin::signed(ALICE), HOT_A, 10 * TAO));
			assert_eq!(held(ALICE), 10 * TAO);
			assert_eq!(Balances::balance(&ALICE), START - 10 * TAO);
			assert_eq!(Balances::total_issuance(), issuance, "staked TAO stays in issuance");
			assert_eq!(Owners::hotkey_owner(&HOT_A), Some(ALICE));
			assert_eq!(
				Positions::<Test>::get(HOT_A, ALICE),
				Some(Position { stake: 10 * TAO, shares: 10 * TAO as u128 * SHARES_PER_RAO })
			);
			assert_eq!(
				Pools::<Test>::get(HOT_A),
				Pool { stake: 10 * TAO, shares: 10 * TAO as u128 * SHARES_PER_RAO }
			);
			assert_eq!(TotalStake::<Test>::get(), 10 * TAO);
			assert_eq!(
				stake_events(),
				vec![Event::StakeAdded {
					coldkey: ALICE,
					hotkey: HOT_A,
					amount: 10 * TAO,
					shares: 10 * TAO as u128 * SHARES_PER_RAO
				}]
			);
			// Someone else's hotkey is delegation: Bob stakes, Alice still owns it.
			assert_ok!(Stake::add_stake(RuntimeOrigin::signed(BOB), HOT_A, 5 * TAO));
			assert_eq!(Owners::hotkey_owner(&HOT_A), Some(ALICE));
			assert_eq!(Stake::hotkey_stake(&HOT_A), 15 * TAO);
			assert_eq!(NominatorCount::<Test>::get(HOT_A), 2);
		});
	}

	#[test]
	fn remove_stake_releases_and_dust_takes_the_whole_position() {
		build_and_execute(|| {
			assert_ok!(Stake::add_stake(RuntimeOrigin::signed(ALICE), HOT_A, 10 * TAO));
			assert_ok!(Stake::remove_stake(RuntimeOrigin::signed(ALICE), HOT_A, 4 * TAO));
			assert_eq!(stake_of(HOT_A, ALICE), 6 * TAO);
			assert_eq!(held(ALICE), 6 * TAO);
			assert_eq!(Balances::balance(&ALICE), START - 6 * TAO);
			// Leaving 0.001 TAO (below the 0.002 minimum) unstakes everything.
			assert_ok!(Stake::remove_stake(
				RuntimeOrigin::signed(ALICE),
				HOT_A,
				6 * TAO - TAO / 1_000
			));
			assert_eq!(held(ALICE), 0);
			assert_eq!(Balances::balance(&ALICE), START);
			assert!(Positions::<Test>::get(HOT_A, ALICE).is_none());
			assert_eq!(Pools::<Test>::get(HOT_A), Pool::default());
			assert!(StakedHotkeys::<Test>::get(ALICE).is_empty());
			assert_eq!(
				stake_events().last(),
				Some(&Event::StakeRemoved {
					coldkey: ALICE,
					hotkey: HOT_A,
					amount: 6 * TAO,
					shares: 6 * TAO as u128 * SHARES_PER_RAO
				})
			);
		});
	}

	#[test]
	fn move_stake_keeps_it_held_and_moves_the_voting_power() {
		build_and_execute(|| {
			assert_ok!(Stake::add_stake(RuntimeOrigin::signed(ALICE), HOT_A, 10 * TAO));
			assert_ok!(Stake::add_stake(RuntimeOrigin::signed(BOB), HOT_B, TAO));
			assert_ok!(Stake::move_stake(RuntimeOrigin::signed(ALICE), HOT_A, HOT_B, 3 * TAO));
			assert_eq!(held(ALICE), 10 * TAO);
			assert_eq!(Stake::hotkey_stake(&HOT_A), 7 * TAO);
			assert_eq!(Stake::hotkey_stake(&HOT_B), 4 * TAO);
			assert_eq!(StakedHotkeys::<Test>::get(ALICE).to_vec(), vec![HOT_A, HOT_B]);
			assert_eq!(
				stake_events().last(),
				Some(&Event::StakeMoved {
					coldkey: ALICE,
					from: HOT_A,
					to: HOT_B,
					amount: 3 * TAO
				})
			);
		});
	}

	#[test]
	fn transfer_stake_moves_the_hold_to_the_new_coldkey() {
		build_and_execute(|| {
			assert_ok!(Stake::add_stake(RuntimeOrigin::signed(ALICE), HOT_A, 10 * TAO));
			let issuance = Balances::total_issuance();
			assert_ok!(Stake::transfer_stake(RuntimeOrigin::signed(ALICE), BOB, HOT_A, 4 * TAO));
			assert_eq!((held(ALICE), held(BOB)), (6 * TAO, 4 * TAO));
			assert_eq!(Balances::total_balance(&BOB), START + 4 * TAO);
			assert_eq!(Balances::total_issuance(), issuance);
			assert_eq!(Stake::hotkey_stake(&HOT_A), 10 * TAO);
			assert_eq!(stake_of(HOT_A, BOB), 4 * TAO);
		});
	}

	/// A transfer used to hand the sender's sub-minimum remainder to the recipient; it now
	/// goes back to the sender's free balance, and the recipient gets exactly what was sent.
	#[test]
	fn a_transfer_returns_a_sub_minimum_remainder_to_the_sender() {
		build_and_execute(|| {
			assert_ok!(Stake::add_stake(RuntimeOrigin::signed(ALICE), HOT_A, 10 * TAO));
			let issuance = Balances::total_issuance();
			// Leaves 0.001 TAO, below the 0.002 TAO minimum.
			let sent = 10 * TAO - TAO / 1_000;
			assert_ok!(Stake::transfer_stake(RuntimeOrigin::signed(ALICE), BOB, HOT_A, sent));
			assert_eq!(stake_of(HOT_A, BOB), sent);
			assert_eq!(held(BOB), sent);
			assert_eq!(stake_of(HOT_A, ALICE), 0);
			assert_eq!(held(ALICE), 0);
			assert_eq!(Balances::balance(&ALICE), START - sent);
			assert_eq!(Balances::total_balance(&BOB), START + sent);
			assert_eq!(Balances::total_issuance(), issuance);
			assert_eq!(Stake::hotkey_stake(&HOT_A), sent);
			let events = stake_events();
			assert!(events.contains(&Event::RemainderReturned {
				coldkey: ALICE,
				hotkey: HOT_A,
				amount: TAO / 1_000
			}));
			assert_eq!(
				events.last(),
				Some(&Event::StakeTransferred {
					from: ALICE,
					to: BOB,
					hotkey: HOT_A,
					amount: sent
				})
			);
			assert_eq!(Stake::do_try_state(), Ok(()));
		});
	}

	#[test]
	fn every_refusal_has_its_own_error_and_changes_nothing() {
		build_and_execute(|| {
			assert_ok!(Stake::add_stake(RuntimeOrigin::signed(ALICE), HOT_A, 10 * TAO));
			let alice = RuntimeOrigin::signed(ALICE);
			assert_noop!(Stake::add_stake(alice.clone(), HOT_A, 0), Error::<Test>::ZeroAmount);
			assert_noop!(
				Stake::add_stake(alice.clone(), HOT_B, TAO / 1_000),
				Error::<Test>::BelowMinStake
			);
			assert_noop!(
				Stake::add_stake(alice.clone(), HOT_A, START),
				Error::<Test>::InsufficientBalance
			);
			assert_noop!(Stake::remove_stake(alice.clone(), HOT_A, 0), Error::<Test>::ZeroAmount);
			assert_noop!(
				Stake::remove_stake(alice.clone(), HOT_A, 11 * TAO),
				Error::<Test>::InsufficientStake
			);
			assert_noop!(Stake::remove_stake(alice.clone(), HOT_B, TAO), Error::<Test>::NoPosition);
			assert_noop!(
				Stake::move_stake(alice.clone(), HOT_A, HOT_A, TAO),
				Error::<Test>::SameHotkey
			);
			assert_noop!(
				Stake::move_stake(alice.clone(), HOT_A, UNREGISTERED, TAO),
				Error::<Test>::UnknownHotkey
			);
			assert_noop!(
				Stake::move_stake(alice.clone(), HOT_A, HOT_A + 50, 11 * TAO),
				Error::<Test>::UnknownHotkey
			);
			assert_noop!(
				Stake::transfer_stake(alice.clone(), ALICE, HOT_A, TAO),
				Error::<Test>::SameColdkey
			);
			assert_noop!(
				Stake::transfer_stake(alice.clone(), BOB, HOT_A, 11 * TAO),
				Error::<Test>::InsufficientStake
			);
			assert_noop!(
				Stake::transfer_stake(alice.clone(), BOB, HOT_A, TAO / 1_000),
				Error::<Test>::BelowMinStake
			);
			assert_noop!(
				Stake::transfer_stake(alice, 50, HOT_A, TAO),
				Error::<Test>::HoldTransferFailed
			);
		});
	}

	#[test]
	fn move_and_transfer_refusals() {
		build_and_execute(|| {
			assert_ok!(Stake::add_stake(RuntimeOrigin::signed(ALICE), HOT_A, 10 * TAO));
			assert_ok!(Stake::add_stake(RuntimeOrigin::signed(BOB), HOT_B, TAO));
			let alice = RuntimeOrigin::signed(ALICE);
			assert_noop!(
				Stake::move_stake(alice.clone(), HOT_A, HOT_B, 0),
				Error::<Test>::ZeroAmount
			);
			assert_noop!(
				Stake::move_stake(alice.clone(), HOT_B, HOT_A, TAO),
				Error::<Test>::NoPosition
			);
			assert_noop!(
				Stake::move_stake(alice.clone(), HOT_A, HOT_B, 11 * TAO),
				Error::<Test>::InsufficientStake
			);
			assert_noop!(
				Stake::move_stake(alice.clone(), HOT_A, HOT_B, TAO / 1_000),
				Error::<Test>::BelowMinStake
			);
			assert_noop!(
				Stake::transfer_stake(alice.clone(), BOB, HOT_A, 0),
				Error::<Test>::ZeroAmount
			);
			assert_noop!(
				Stake::transfer_stake(alice.clone(), BOB, HOT_B, TAO),
				Error::<Test>::NoPosition
			);
			// Moving all but dust moves the whole position, and leaves no empty entries.
			assert_ok!(Stake::move_stake(alice, HOT_A, HOT_B, 10 * TAO - 1));
			assert_eq!(stake_of(HOT_B, ALICE), 10 * TAO);
			assert!(Positions::<Test>::get(HOT_A, ALICE).is_none());
			assert_eq!(StakedHotkeys::<Test>::get(ALICE).to_vec(), vec![HOT_B]);
			assert!(!NominatorCount::<Test>::contains_key(HOT_A));
		});
	}

	#[test]
	fn positions_are_bounded_per_hotkey_and_per_coldkey() {
		build_and_execute(|| {
			for coldkey in 1..=8 {
				assert_ok!(Stake::add_stake(RuntimeOrigin::signed(coldkey), HOT_A, TAO));
			}
			assert_noop!(
				Stake::add_stake(RuntimeOrigin::signed(9), HOT_A, TAO),
				Error::<Test>::TooManyNominators
			);
			for hotkey in 200..204 {
				assert_ok!(Stake::add_stake(RuntimeOrigin::signed(9), hotkey, TAO));
			}
			assert_noop!(
				Stake::add_stake(RuntimeOrigin::signed(9), 204, TAO),
				Error::<Test>::TooManyPositions
			);
		});
	}
}

mod takes {
	use super::*;

	#[test]
	fn the_owner_lowers_at_once_and_raises_after_the_rate_limit() {
		build_and_execute(|| {
			assert_ok!(Stake::add_stake(RuntimeOrigin::signed(ALICE), HOT_A, TAO));
			assert_eq!(Takes::<Test>::get(HOT_A), DEFAULT_TAKE);
			assert_ok!(Stake::decrease_take(RuntimeOrigin::signed(ALICE), HOT_A, 1_000));
			assert_eq!(Takes::<Test>::get(HOT_A), 1_000);
			assert_eq!(stake_events().last(), Some(&Event::TakeSet { hotkey: HOT_A, take: 1_000 }));
			// Lowering counts as a change: raising again waits the rate limit, to the block.
			assert_ok!(Stake::decrease_take(RuntimeOrigin::signed(ALICE), HOT_A, 500));
			System::set_block_number(216_000);
			assert_noop!(
				Stake::increase_take(RuntimeOrigin::signed(ALICE), HOT_A, 2_000),
				Error::<Test>::TakeRateLimitExceeded
			);
			System::set_block_number(1 + 216_000);
			assert_ok!(Stake::increase_take(RuntimeOrigin::signed(ALICE), HOT_A, 2_000));
			assert_noop!(
				Stake::increase_take(RuntimeOrigin::signed(ALICE), HOT_A, 3_000),
				Error::<Test>::TakeRateLimitExceeded
			);
			assert_noop!(
				Stake::increase_take(RuntimeOrigin::signed(BOB), HOT_A, 3_000),
				Error::<Test>::NotHotkeyOwner
			);
		});
	}

	#[test]
	fn take_refusals() {
		build_and_execute(|| {
			assert_ok!(Stake::add_stake(RuntimeOrigin::signed(ALICE), HOT_A, TAO));
			let alice = RuntimeOrigin::signed(ALICE);
			assert_noop!(
				Stake::decrease_take(RuntimeOrigin::signed(BOB), HOT_A, 1),
				Error::<Test>::NotHotkeyOwner
			);
			assert_noop!(
				Stake::decrease_take(alice.clone(), UNREGISTERED, 1),
				Error::<Test>::UnknownHotkey
			);
			assert_noop!(
				Stake::increase_take(alice.clone(), HOT_A, DEFAULT_TAKE + 1),
				Error::<Test>::InvalidTake
			);
			assert_noop!(
				Stake::increase_take(alice.clone(), HOT_A, DEFAULT_TAKE),
				Error::<Test>::InvalidTake
			);
			assert_noop!(
				Stake::decrease_take(alice.clone(), HOT_A, DEFAULT_TAKE),
				Error::<Test>::InvalidTake
			);
			assert_ok!(Stake::set_stake_parameter(RuntimeOrigin::root(), StakeParam::MinTake(100)));
			assert_noop!(Stake::decrease_take(alice, HOT_A, 99), Error::<Test>::InvalidTake);
		});
	}

	#[test]
	fn parameters_are_governance_only_and_bounded() {
		build_and_execute(|| {
			let param = StakeParam::MinStake(TAO / 100);
			assert_noop!(
				Stake::set_stake_parameter(RuntimeOrigin::signed(ALICE), param.clone()),
				DispatchError::BadOrigin
			);
			assert_ok!(Stake::set_stake_parameter(RuntimeOrigin::root(), param.clone()));
			assert_eq!(MinStake::<Test>::get(), TAO / 100);
			assert_eq!(stake_events().last(), Some(&Event::StakeParameterSet { param }));
			assert_ok!(Stake::set_stake_parameter(
				RuntimeOrigin::root(),
				StakeParam::TakeRateLimit(5)
			));
			assert_ok!(Stake::set_stake_parameter(
				RuntimeOrigin::root(),
				StakeParam::MaxTake(20_000)
			));
			for bad in [
				StakeParam::MinStake(499),
				StakeParam::MinStake(TAO + 1),
				StakeParam::MinTake(20_001),
				StakeParam::TakeRateLimit(1_000_001),
			] {
				assert_noop!(
					Stake::set_stake_parameter(RuntimeOrigin::root(), bad),
					Error::<Test>::ParameterOutOfBounds
				);
			}
			assert_ok!(Stake::set_stake_parameter(
				RuntimeOrigin::root(),
				StakeParam::MinTake(20_000)
			));
			assert_noop!(
				Stake::set_stake_parameter(RuntimeOrigin::root(), StakeParam::MaxTake(19_999)),
				Error::<Test>::ParameterOutOfBounds
			);
		});
	}
}

mod rewards {
	use super::*;

	#[test]
	fn the_take_goes_to_the_owner_first_then_everyone_grows_pro_rata() {
		build_and_execute(|| {
			// Alice owns HOT_A with 30 TAO; Bob nominates 10 TAO. Take 18% (11,796 / 65,535).
			assert_ok!(Stake::add_stake(RuntimeOrigin::signed(ALICE), HOT_A, 30 * TAO));
			assert_ok!(Stake::add_stake(RuntimeOrigin::signed(BOB), HOT_A, 10 * TAO));
			let issuance = Balances::total_issuance();
			let reward = 100 * TAO;
			assert_ok!(Stake::pay_hotkey(&HOT_A, reward));
			// take = floor(100 TAO * 11,796 / 65,535) = 17,999,542,229 rao.
			let take = reward as u128 * DEFAULT_TAKE as u128 / 65_535;
			assert_eq!(take, 17_999_542_229);
			let take = take as Balance;
			// The take buys shares at 1 share per rao: Alice 30 TAO + take, Bob 10 TAO of shares.
			let (alice_shares, bob_shares) = ((30 * TAO + take) as u128, (10 * TAO) as u128);
			let rest = (reward - take) as u128;
			let bob_part = (rest * bob_shares / (alice_shares + bob_shares)) as Balance;
			let alice_part = reward - take - bob_part; // her share and the rounding remainder
			assert_eq!(stake_of(HOT_A, BOB), 10 * TAO + bob_part);
			assert_eq!(stake_of(HOT_A, ALICE), 30 * TAO + take + alice_part);
			assert_eq!(held(BOB), stake_of(HOT_A, BOB));
			assert_eq!(
				Balances::total_issuance(),
				issuance + reward,
				"a reward mints exactly itself"
			);
			// Bob's stake grew by the same factor as Alice's non-take stake, to a rao.
			let growth = |before: Balance, after: Balance| after as f64 / before as f64;
			let alice_pro_rata = (30 * TAO + take + alice_part) as f64 / (30 * TAO + take) as f64;
			assert!((growth(10 * TAO, stake_of(HOT_A, BOB)) - alice_pro_rata).abs() < 1e-9);
			assert_eq!(
				stake_events().last(),
				Some(&Event::HotkeyRewarded { hotkey: HOT_A, amount: reward, take })
			);
		});
	}

	#[test]
	fn rounding_remainders_of_a_reward_go_to_the_owner() {
		build_and_execute(|| {
			// Three equal positions (Alice owns the hotkey), no take: 10 rao split by shares is
			// 3 + 3 + 3, and the 1 rao left goes to Alice.
			for coldkey in [ALICE, BOB, CHARLIE] {
				assert_ok!(Stake::add_stake(RuntimeOrigin::signed(coldkey), HOT_A, TAO));
			}
			assert_ok!(Stake::decrease_take(RuntimeOrigin::signed(ALICE), HOT_A, 0));
			let issuance = Balances::total_issuance();
			assert_ok!(Stake::pay_hotkey(&HOT_A, 10));
			assert_eq!(stake_of(HOT_A, BOB), TAO + 3);
			assert_eq!(stake_of(HOT_A, CHARLIE), TAO + 3);
			assert_eq!(stake_of(HOT_A, ALICE), TAO + 4);
			assert_eq!(Balances::total_issuance(), issuance + 10);
			assert_eq!(Stake::hotkey_stake(&HOT_A), 3 * TAO + 10);
		});
	}

	#[test]
	fn the_owner_is_paid_even_when_nominators_fill_every_slot() {
		build_and_execute(|| {
			// Alice binds HOT_A by staking, then leaves; eight nominators fill its slots.
			assert_ok!(Stake::add_stake(RuntimeOrigin::signed(ALICE), HOT_A, TAO));
			assert_ok!(Stake::remove_stake(RuntimeOrigin::signed(ALICE), HOT_A, TAO));
			for coldkey in 2..=9 {
				assert_ok!(Stake::add_stake(RuntimeOrigin::signed(coldkey), HOT_A, TAO));
			}
			assert_ok!(Stake::pay_hotkey(&HOT_A, 10 * TAO));
			assert!(stake_of(HOT_A, ALICE) > 0, "the owner's take found a slot");
			assert_eq!(NominatorCount::<Test>::get(HOT_A), 9);
		});
	}

	#[test]
	fn a_failed_payment_mints_nothing() {
		build_and_execute(|| {
			assert_noop!(Stake::pay_hotkey(&UNREGISTERED, TAO), Error::<Test>::UnknownHotkey);
			assert_noop!(
				Stake::pay_position(&UNREGISTERED, &ALICE, TAO),
				Error::<Test>::UnknownHotkey
			);
			// The owner of HOT_A stakes to as many hotkeys as allowed: its take cannot be staked
			// to a new position, and the whole payment, nominators' parts included, is undone.
			assert_ok!(Stake::add_stake(RuntimeOrigin::signed(ALICE), HOT_A, TAO));
			assert_ok!(Stake::remove_stake(RuntimeOrigin::signed(ALICE), HOT_A, TAO));
			for hotkey in 200..204 {
				assert_ok!(Stake::add_stake(RuntimeOrigin::signed(ALICE), hotkey, TAO));
			}
			assert_ok!(Stake::add_stake(RuntimeOrigin::signed(BOB), HOT_A, TAO));
			let bob = stake_of(HOT_A, BOB);
			let before = Balances::total_issuance();
			assert!(Stake::pay_hotkey(&HOT_A, 10 * TAO).is_err());
			assert_eq!(Balances::total_issuance(), before);
			assert_eq!(stake_of(HOT_A, BOB), bob);
		});
	}

	#[test]
	fn a_take_above_a_lowered_maximum_is_paid_at_the_maximum() {
		build_and_execute(|| {
			assert_ok!(Stake::add_stake(RuntimeOrigin::signed(ALICE), HOT_A, TAO));
			assert_ok!(Stake::add_stake(RuntimeOrigin::signed(BOB), HOT_A, TAO));
			assert_ok!(Stake::set_stake_parameter(RuntimeOrigin::root(), StakeParam::MaxTake(0)));
			assert_ok!(Stake::pay_hotkey(&HOT_A, 2 * TAO));
			assert_eq!(
				stake_events().last(),
				Some(&Event::HotkeyRewarded { hotkey: HOT_A, amount: 2 * TAO, take: 0 })
			);
			assert_eq!(stake_of(HOT_A, BOB), 2 * TAO);
		});
	}

	#[test]
	fn a_small_late_stake_earns_its_exact_share() {
		build_and_execute(|| {
			// The price of a share grows a thousandfold; a minimum stake still buys its full
			// weight, so it earns its share of the next reward to within a rao.
			assert_ok!(Stake::add_stake(RuntimeOrigin::signed(ALICE), HOT_A, TAO));
			assert_ok!(Stake::decrease_take(RuntimeOrigin::signed(ALICE), HOT_A, 0));
			assert_ok!(Stake::pay_hotkey(&HOT_A, 999 * TAO));
			let min = MinStake::<Test>::get();
			assert_ok!(Stake::add_stake(RuntimeOrigin::signed(BOB), HOT_A, min));
			let total = Stake::hotkey_stake(&HOT_A);
			let reward = 1_000 * TAO;
			assert_ok!(Stake::pay_hotkey(&HOT_A, reward));
			let expected = (reward as u128 * min as u128 / total as u128) as Balance;
			assert!((stake_of(HOT_A, BOB) - min).abs_diff(expected) <= 1);
		});
	}

	#[test]
	fn a_direct_payment_credits_one_position() {
		build_and_execute(|| {
			assert_ok!(Stake::add_stake(RuntimeOrigin::signed(ALICE), HOT_A, 2 * TAO));
			assert_ok!(Stake::pay_position(&HOT_A, &CHARLIE, 3 * TAO));
			assert_eq!(stake_of(HOT_A, CHARLIE), 3 * TAO);
			assert_eq!(held(CHARLIE), 3 * TAO);
			assert_eq!(Stake::total_stake(), 5 * TAO);
			assert_noop!(Stake::pay_hotkey(&UNREGISTERED, TAO), Error::<Test>::UnknownHotkey);
		});
	}

	#[test]
	fn later_stakers_buy_shares_at_the_grown_price() {
		build_and_execute(|| {
			assert_ok!(Stake::add_stake(RuntimeOrigin::signed(ALICE), HOT_A, 10 * TAO));
			assert_ok!(Stake::decrease_take(RuntimeOrigin::signed(ALICE), HOT_A, 0));
			assert_ok!(Stake::pay_hotkey(&HOT_A, 10 * TAO));
			// A share now costs twice what it did: Bob's 4 TAO buys what 2 TAO bought.
			assert_ok!(Stake::add_stake(RuntimeOrigin::signed(BOB), HOT_A, 4 * TAO));
			assert_eq!(
				Positions::<Test>::get(HOT_A, BOB).unwrap().shares,
				2 * TAO as u128 * SHARES_PER_RAO
			);
			// The next reward splits by shares: Alice 10e9 shares, Bob 2e9.
			assert_ok!(Stake::pay_hotkey(&HOT_A, 12 * TAO));
			assert_eq!(stake_of(HOT_A, BOB), 4 * TAO + 2 * TAO);
			assert_eq!(stake_of(HOT_A, ALICE), 20 * TAO + 10 * TAO);
		});
	}
}

mod properties {
	use super::*;
	use proptest::prelude::*;

	#[derive(Clone, Debug)]
	enum Op {
		Add(u64, u64, u64),
		Remove(u64, u64, u64),
		Move(u64, u64, u64, u64),
		Transfer(u64, u64, u64, u64),
		Reward(u64, u64),
		Direct(u64, u64, u64),
		Take(u64, u16),
	}

	fn op() -> impl Strategy<Value = Op> {
		let coldkey = 1u64..=4;
		let hotkey = 100u64..=103;
		let amount = prop_oneof![1u64..10_000, 1_000_000u64..10 * TAO, Just(2_000_000u64)];
		prop_oneof![
			(coldkey.clone(), hotkey.clone(), amount.clone())
				.prop_map(|(c, h, a)| Op::Add(c, h, a)),
			(coldkey.clone(), hotkey.clone(), amount.clone())
				.prop_map(|(c, h, a)| Op::Remove(c, h, a)),
			(coldkey.clone(), hotkey.clone(), hotkey.clone(), amount.clone())
				.prop_map(|(c, f, t, a)| Op::Move(c, f, t, a)),
			(coldkey.clone(), coldkey.clone(), hotkey.clone(), amount.clone())
				.prop_map(|(f, t, h, a)| Op::Transfer(f, t, h, a)),
			(hotkey.clone(), 0u64..1_000 * TAO).prop_map(|(h, a)| Op::Reward(h, a)),
			(hotkey.clone(), coldkey.clone(), amount).prop_map(|(h, c, a)| Op::Direct(h, c, a)),
			(hotkey, 0u16..=DEFAULT_TAKE).prop_map(|(h, t)| Op::Take(h, t)),
		]
	}

	proptest! {
		#![proptest_config(ProptestConfig::with_cases(200))]

		/// Whatever happens, every invariant holds after every step, and total issuance moves
		/// only by what rewards mint: no rao appears or vanishes.
		#[test]
		fn random_sequences_keep_every_invariant_and_every_rao(ops in prop::collection::vec(op(), 1..40)) {
			new_test_ext().execute_with(|| {
				let mut expected_issuance = Balances::total_issuance();
				for op in ops {
					let _ = match op {
						Op::Add(c, h, a) => Stake::add_stake(RuntimeOrigin::signed(c), h, a),
						Op::Remove(c, h, a) => Stake::remove_stake(RuntimeOrigin::signed(c), h, a),
						Op::Move(c, f, t, a) => Stake::move_stake(RuntimeOrigin::signed(c), f, t, a),
						Op::Transfer(f, t, h, a) => Stake::transfer_stake(RuntimeOrigin::signed(f), t, h, a),
						Op::Reward(h, a) => {
							let paid = Stake::pay_hotkey(&h, a);
							if paid.is_ok() {
								expected_issuance += a;
							}
							Ok(())
						},
						Op::Direct(h, c, a) => {
							let paid = Stake::pay_position(&h, &c, a);
							if paid.is_ok() {
								expected_issuance += a;
							}
							Ok(())
						},
						Op::Take(h, t) => {
							let owner = Owners::hotkey_owner(&h).unwrap_or(1);
							Stake::decrease_take(RuntimeOrigin::signed(owner), h, t)
						},
					};
					prop_assert_eq!(Stake::do_try_state(), Ok(()));
					prop_assert_eq!(Balances::total_issuance(), expected_issuance);
					let free_and_held: Balance = (1..=9).chain(100..=103).map(|who| Balances::total_balance(&who)).sum();
					prop_assert_eq!(free_and_held, expected_issuance);
				}
				Ok(())
			})?;
		}
	}
}

mod hardening {
	use super::*;

	/// The squat: staking used to bind any free hotkey to the staker, so anyone could take a
	/// hotkey its owner was about to register. Only registration binds now.
	#[test]
	fn staking_to_an_unregistered_hotkey_fails_and_binds_nothing() {
		build_and_execute(|| {
			assert_noop!(
				Stake::add_stake(RuntimeOrigin::signed(BOB), UNREGISTERED, 10 * TAO),
				Error::<Test>::UnknownHotkey
			);
			assert_eq!(Owners::hotkey_owner(&UNREGISTERED), None);
		});
	}

	/// A take never changed used to be raisable at once; the rate limit now counts from the
	/// hotkey's registration.
	#[test]
	fn a_new_hotkey_waits_the_rate_limit_before_raising_its_take() {
		build_and_execute(|| {
			assert_ok!(Stake::set_stake_parameter(
				RuntimeOrigin::root(),
				StakeParam::MaxTake(DEFAULT_TAKE + 1_000)
			));
			System::set_block_number(500);
			assert_eq!(Owners::bind_hotkey(&160, &ALICE), Ok(true));
			System::set_block_number(600);
			assert_noop!(
				Stake::increase_take(RuntimeOrigin::signed(ALICE), 160, DEFAULT_TAKE + 1),
				Error::<Test>::TakeRateLimitExceeded
			);
			System::set_block_number(500 + 216_000);
			assert_ok!(Stake::increase_take(RuntimeOrigin::signed(ALICE), 160, DEFAULT_TAKE + 1));
		});
	}
}
