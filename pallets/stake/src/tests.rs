//! Unit tests for every rule and error, and a property test of random operation sequences.

use crate::{mock::*, *};
use frame_support::{
	assert_noop, assert_ok,
	traits::fungible::{Inspect, InspectHold, Mutate},
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
				Some(Position { shares: 10 * TAO as u128 * SHARES_PER_RAO, held: 10 * TAO })
			);
			assert_eq!(
				Pools::<Test>::get(HOT_A),
				Pool {
					stake: 10 * TAO,
					shares: 10 * TAO as u128 * SHARES_PER_RAO,
					released_at: 1,
					..Default::default()
				}
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
			assert!(StakedHotkeys::<Test>::contains_key(BOB, HOT_A));
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
			assert_eq!(StakedHotkeys::<Test>::iter_prefix(ALICE).count(), 0);
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
			let mut hotkeys: Vec<AccountId> =
				StakedHotkeys::<Test>::iter_key_prefix(ALICE).collect();
			hotkeys.sort();
			assert_eq!(hotkeys, vec![HOT_A, HOT_B]);
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
			assert_eq!(
				StakedHotkeys::<Test>::iter_key_prefix(ALICE).collect::<Vec<_>>(),
				vec![HOT_B]
			);
			assert!(!Pools::<Test>::contains_key(HOT_A));
		});
	}

	/// Hotkeys used to take at most 8 positions here (512 in the runtime) and coldkeys 4 (64),
	/// which dust positions from throwaway coldkeys could fill. No cap remains: a position costs
	/// the minimum stake.
	#[test]
	fn no_cap_on_nominators_or_on_positions_per_coldkey() {
		build_and_execute(|| {
			for coldkey in 1..=9 {
				assert_ok!(Stake::add_stake(RuntimeOrigin::signed(coldkey), HOT_A, TAO));
			}
			for hotkey in 200..=209 {
				assert_ok!(Stake::add_stake(RuntimeOrigin::signed(9), hotkey, TAO));
			}
			// Others' transfers and rewards add positions to coldkey 9 without its consent, and
			// never fail for want of room.
			for coldkey in 1..=4 {
				assert_ok!(Stake::transfer_stake(
					RuntimeOrigin::signed(coldkey),
					9,
					HOT_A,
					TAO / 2
				));
			}
			for hotkey in 100..=103 {
				assert_ok!(Stake::pay_position(&hotkey, &9, TAO));
			}
			assert_eq!(StakedHotkeys::<Test>::iter_prefix(9).count(), 10 + 4);
			assert_eq!(Positions::<Test>::iter_prefix(HOT_A).count(), 9);
			assert_eq!(stake_of(101, 9), TAO);
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

	const PERIOD: u32 = 360;

	/// Moves `blocks` blocks on.
	fn advance(blocks: u32) {
		System::set_block_number(System::block_number() + u64::from(blocks));
	}

	fn reward_account_balance() -> Balance {
		Balances::balance(&Stake::reward_account()) - <Balances as Inspect<_>>::minimum_balance()
	}

	#[test]
	fn the_take_goes_to_the_owner_at_once_and_the_rest_streams_pro_rata() {
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
			let rest = reward - take;
			assert_eq!(Balances::total_issuance(), issuance + reward, "a reward mints itself");
			assert_eq!(reward_account_balance(), reward, "minted into the reward account");
			assert_eq!(
				stake_events().last(),
				Some(&Event::HotkeyRewarded {
					hotkey: HOT_A,
					amount: reward,
					take,
					until: 1 + PERIOD
				})
			);
			// The take is Alice's at once; the rest counts as voting power but not yet as worth.
			assert_eq!(stake_of(HOT_A, ALICE), 30 * TAO + take);
			assert_eq!(stake_of(HOT_A, BOB), 10 * TAO);
			assert_eq!(Stake::hotkey_stake(&HOT_A), 40 * TAO + reward);
			// Half the period releases half the rest, pro rata to shares.
			let (alice_shares, bob_shares) = ((30 * TAO + take) as u128, (10 * TAO) as u128);
			let part = |released: u128, shares: u128| {
				((40 * TAO as u128 + take as u128 + released) * shares
					/ (alice_shares + bob_shares)) as Balance
			};
			advance(PERIOD / 2);
			let half = rest as u128 / 2;
			assert_eq!(stake_of(HOT_A, BOB), part(half, bob_shares));
			advance(PERIOD / 2);
			assert_eq!(stake_of(HOT_A, BOB), part(rest as u128, bob_shares));
			assert_eq!(stake_of(HOT_A, ALICE), part(rest as u128, alice_shares));
			assert!(
				stake_of(HOT_A, ALICE) + stake_of(HOT_A, BOB) + 2 > 40 * TAO + reward,
				"every rao but the rounding of two positions is theirs"
			);
			// Nothing moved onto the coldkeys yet: polkadot.js shows their principal reserved
			// and the rewards in the reward account, until they touch their positions.
			assert_eq!((held(ALICE), held(BOB)), (30 * TAO, 10 * TAO));
		});
	}

	#[test]
	fn touching_a_position_settles_its_rewards_onto_the_coldkey() {
		build_and_execute(|| {
			assert_ok!(Stake::add_stake(RuntimeOrigin::signed(ALICE), HOT_A, 10 * TAO));
			assert_ok!(Stake::add_stake(RuntimeOrigin::signed(BOB), HOT_A, 10 * TAO));
			assert_ok!(Stake::pay_hotkey(&HOT_A, 10 * TAO));
			advance(PERIOD);
			let worth = stake_of(HOT_A, BOB);
			assert!(worth > 10 * TAO);
			let min = MinStake::<Test>::get();
			assert_ok!(Stake::add_stake(RuntimeOrigin::signed(BOB), HOT_A, min));
			assert_eq!(held(BOB), worth + min);
			assert!(stake_events().contains(&Event::PositionSettled {
				coldkey: BOB,
				hotkey: HOT_A,
				held: worth
			}));
			// Unstaking everything hands over every rao of it as free balance.
			let all = stake_of(HOT_A, BOB);
			assert_ok!(Stake::remove_stake(RuntimeOrigin::signed(BOB), HOT_A, all));
			assert_eq!(held(BOB), 0);
			assert_eq!(Balances::balance(&BOB), START - 10 * TAO - min + all);
		});
	}

	/// Just-in-time stake: payouts used to split by the shares present at payment time, so
	/// capital staked one block before a validator's payout and removed one block after took
	/// its full pro-rata part. Streamed over the reward period, a position holding a fraction
	/// `f` of the shares for `d` blocks after a payment `R'` earns at most `f * R' * d / period`
	/// (plus a rao); the positions that stay get the rest.
	#[test]
	fn stake_added_just_before_a_payout_earns_only_its_time_weighted_share() {
		// Returns (what the late staker earned, the rest after the take, what the others got).
		fn run(period: u32) -> (Balance, Balance, Balance) {
			let mut result = (0, 0, 0);
			build_and_execute(|| {
				assert_ok!(Stake::set_stake_parameter(
					RuntimeOrigin::root(),
					StakeParam::RewardPeriod(period)
				));
				assert_ok!(Stake::add_stake(RuntimeOrigin::signed(ALICE), HOT_A, 100 * TAO));
				assert_ok!(Stake::add_stake(RuntimeOrigin::signed(BOB), HOT_A, 100 * TAO));
				// Charlie stakes 800 TAO (80% of the shares) one block before the payout.
				advance(10);
				let free = Balances::balance(&CHARLIE);
				assert_ok!(Stake::add_stake(RuntimeOrigin::signed(CHARLIE), HOT_A, 800 * TAO));
				advance(1);
				let reward = 100 * TAO;
				let take = (reward as u128 * DEFAULT_TAKE as u128 / 65_535) as Balance;
				assert_ok!(Stake::pay_hotkey(&HOT_A, reward));
				// ... and takes it all out one block after.
				advance(1);
				let all = stake_of(HOT_A, CHARLIE);
				assert_ok!(Stake::remove_stake(RuntimeOrigin::signed(CHARLIE), HOT_A, all));
				let earned = Balances::balance(&CHARLIE) - free;
				advance(period);
				let others = stake_of(HOT_A, ALICE) + stake_of(HOT_A, BOB) - 200 * TAO - take;
				result = (earned, reward - take, others);
			});
			result
		}
		let (earned, rest, others) = run(PERIOD);
		// f = 0.8 of the shares, d = 1 block.
		let bound = rest * 8 / 10 / Balance::from(PERIOD) + 1;
		assert!(earned <= bound, "earned {earned}, bound {bound}");
		assert!(earned > 0, "it earned its time-weighted share, not nothing");
		assert!(others + earned + 2 >= rest && others + earned <= rest, "the rest is theirs");
		// Without the stream (a one-block period) the same move takes its share of the shares
		// at payment, 800 / (1,000 + the take) of the rest: over 78%.
		let (instant, rest, _) = run(1);
		assert!(instant > rest * 78 / 100, "instant payout: {instant} of {rest}");
	}

	#[test]
	fn the_last_position_out_takes_the_rest_of_the_stream() {
		build_and_execute(|| {
			// Three equal positions (Alice owns the hotkey), no take: 10 rao released split by
			// shares is 3 + 3 + 3, and the rao left stays in the pool for those who remain.
			for coldkey in [ALICE, BOB, CHARLIE] {
				assert_ok!(Stake::add_stake(RuntimeOrigin::signed(coldkey), HOT_A, TAO));
			}
			assert_ok!(Stake::decrease_take(RuntimeOrigin::signed(ALICE), HOT_A, 0));
			let issuance = Balances::total_issuance();
			assert_ok!(Stake::pay_hotkey(&HOT_A, 10));
			advance(PERIOD);
			assert_eq!(stake_of(HOT_A, BOB), TAO + 3);
			assert_eq!(stake_of(HOT_A, CHARLIE), TAO + 3);
			assert_eq!(stake_of(HOT_A, ALICE), TAO + 3);
			assert_eq!(Stake::hotkey_stake(&HOT_A), 3 * TAO + 10);
			assert_ok!(Stake::remove_stake(RuntimeOrigin::signed(BOB), HOT_A, TAO + 3));
			assert_ok!(Stake::remove_stake(RuntimeOrigin::signed(CHARLIE), HOT_A, TAO + 3));
			assert_eq!(stake_of(HOT_A, ALICE), TAO + 4);
			// A new stream, then Alice leaves before it is released: the whole of it is hers.
			assert_ok!(Stake::pay_hotkey(&HOT_A, 1_000));
			assert_ok!(Stake::remove_stake(RuntimeOrigin::signed(ALICE), HOT_A, TAO + 4));
			assert_eq!(Balances::balance(&ALICE), START + 4 + 1_000);
			assert!(!Pools::<Test>::contains_key(HOT_A));
			assert_eq!(reward_account_balance(), 0);
			assert_eq!(Balances::total_issuance(), issuance + 1_010);
		});
	}

	#[test]
	fn a_reward_to_a_pool_without_shares_is_the_owners_at_once() {
		build_and_execute(|| {
			assert_ok!(Stake::decrease_take(RuntimeOrigin::signed(ALICE), HOT_A, 0));
			assert_ok!(Stake::pay_hotkey(&HOT_A, 10 * TAO));
			assert_eq!(stake_of(HOT_A, ALICE), 10 * TAO);
			assert_eq!(Stake::hotkey_stake(&HOT_A), 10 * TAO);
		});
	}

	#[test]
	fn a_failed_payment_mints_nothing() {
		build_and_execute(|| {
			let before = Balances::total_issuance();
			assert_noop!(Stake::pay_hotkey(&UNREGISTERED, TAO), Error::<Test>::UnknownHotkey);
			assert_noop!(
				Stake::pay_position(&UNREGISTERED, &ALICE, TAO),
				Error::<Test>::UnknownHotkey
			);
			assert_eq!(Balances::total_issuance(), before);
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
				Some(&Event::HotkeyRewarded {
					hotkey: HOT_A,
					amount: 2 * TAO,
					take: 0,
					until: 1 + PERIOD
				})
			);
			advance(PERIOD);
			assert_eq!(stake_of(HOT_A, BOB), 2 * TAO);
		});
	}

	#[test]
	fn a_payment_during_a_stream_respreads_what_is_left() {
		build_and_execute(|| {
			assert_ok!(Stake::add_stake(RuntimeOrigin::signed(ALICE), HOT_A, TAO));
			assert_ok!(Stake::decrease_take(RuntimeOrigin::signed(ALICE), HOT_A, 0));
			assert_ok!(Stake::pay_hotkey(&HOT_A, 360));
			advance(PERIOD / 2);
			// 180 released; 180 left plus 720 new stream over a full period from here.
			assert_ok!(Stake::pay_hotkey(&HOT_A, 720));
			let pool = Pools::<Test>::get(HOT_A);
			assert_eq!((pool.stake, pool.streaming), (TAO + 180, 900));
			assert_eq!(pool.stream_end, 1 + PERIOD / 2 + PERIOD);
			advance(PERIOD / 2);
			assert_eq!(stake_of(HOT_A, ALICE), TAO + 180 + 450);
			advance(PERIOD);
			assert_eq!(stake_of(HOT_A, ALICE), TAO + 1_080);
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
			advance(PERIOD);
			let min = MinStake::<Test>::get();
			assert_ok!(Stake::add_stake(RuntimeOrigin::signed(BOB), HOT_A, min));
			let total = Stake::hotkey_stake(&HOT_A);
			let reward = 1_000 * TAO;
			assert_ok!(Stake::pay_hotkey(&HOT_A, reward));
			advance(PERIOD);
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
			// It waits in the reward account until Charlie touches the position.
			assert_eq!(held(CHARLIE), 0);
			assert_eq!(reward_account_balance(), 3 * TAO);
			assert_eq!(Stake::total_stake(), 5 * TAO);
			assert_ok!(Stake::remove_stake(RuntimeOrigin::signed(CHARLIE), HOT_A, 3 * TAO));
			assert_eq!(Balances::balance(&CHARLIE), START + 3 * TAO);
		});
	}

	#[test]
	fn later_stakers_buy_shares_at_the_grown_price() {
		build_and_execute(|| {
			assert_ok!(Stake::add_stake(RuntimeOrigin::signed(ALICE), HOT_A, 10 * TAO));
			assert_ok!(Stake::decrease_take(RuntimeOrigin::signed(ALICE), HOT_A, 0));
			assert_ok!(Stake::pay_hotkey(&HOT_A, 10 * TAO));
			advance(PERIOD);
			// A share now costs twice what it did: Bob's 4 TAO buys what 2 TAO bought.
			assert_ok!(Stake::add_stake(RuntimeOrigin::signed(BOB), HOT_A, 4 * TAO));
			assert_eq!(
				Positions::<Test>::get(HOT_A, BOB).unwrap().shares,
				2 * TAO as u128 * SHARES_PER_RAO
			);
			// The next reward splits by shares: Alice 10e9 shares, Bob 2e9.
			assert_ok!(Stake::pay_hotkey(&HOT_A, 12 * TAO));
			advance(PERIOD);
			assert_eq!(stake_of(HOT_A, BOB), 4 * TAO + 2 * TAO);
			assert_eq!(stake_of(HOT_A, ALICE), 20 * TAO + 10 * TAO);
		});
	}

	/// Paying a hotkey used to walk its positions, minting onto each coldkey; it now writes the
	/// pool, the owner's position and the reward account, whatever the number of nominators.
	#[test]
	fn paying_a_hotkey_with_ten_thousand_nominators_touches_none_of_them() {
		build_and_execute(|| {
			let nominators = 10_000u64;
			for coldkey in 1_000..1_000 + nominators {
				Balances::set_balance(&coldkey, TAO);
				assert_ok!(Stake::add_stake(RuntimeOrigin::signed(coldkey), HOT_A, TAO / 10));
			}
			assert_ok!(Stake::decrease_take(RuntimeOrigin::signed(ALICE), HOT_A, 0));
			let before: Vec<Position> = (1_000..1_000 + nominators)
				.map(|c| Positions::<Test>::get(HOT_A, c).unwrap())
				.collect();
			assert_ok!(Stake::pay_hotkey(&HOT_A, nominators * TAO));
			let after: Vec<Position> = (1_000..1_000 + nominators)
				.map(|c| Positions::<Test>::get(HOT_A, c).unwrap())
				.collect();
			assert_eq!(before, after, "no nominator's entry was written");
			advance(PERIOD);
			// Each nominator's worth grew by its share: 1 TAO each, to a rao.
			for coldkey in [1_000, 1_000 + nominators / 2, 1_000 + nominators - 1] {
				assert!(stake_of(HOT_A, coldkey).abs_diff(TAO / 10 + TAO) <= 1);
			}
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
		Advance(u64),
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
			(1u64..400).prop_map(Op::Advance),
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
						Op::Advance(blocks) => {
							System::set_block_number(System::block_number() + blocks);
							Ok(())
						},
					};
					prop_assert_eq!(Stake::do_try_state(), Ok(()));
					prop_assert_eq!(Balances::total_issuance(), expected_issuance);
					let free_and_held: Balance = (1..=9)
						.chain(100..=103)
						.chain([Stake::reward_account()])
						.map(|who| Balances::total_balance(&who))
						.sum();
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

/// A version-0 chain's stake, moved to share pools by the v0 -> v1 migration.
mod migration {
	use super::*;
	use crate::migrations::v1::{MigrateV0ToV1, NoteSeed};
	use frame_support::{
		traits::{fungible::MutateHold, GetStorageVersion, OnRuntimeUpgrade, StorageVersion},
		Blake2_128Concat,
	};

	/// Version 0's layout, encoded as it was: pools `(stake, shares)`, positions `(stake,
	/// shares)`, a list of hotkeys per coldkey and a count of positions per hotkey.
	mod old {
		use super::*;
		use frame_support::pallet_prelude::OptionQuery;
		#[frame_support::storage_alias]
		pub type Pools =
			StorageMap<Stake, Blake2_128Concat, AccountId, (Balance, u128), OptionQuery>;
		#[frame_support::storage_alias]
		pub type Positions = StorageDoubleMap<
			Stake,
			Blake2_128Concat,
			AccountId,
			Blake2_128Concat,
			AccountId,
			(Balance, u128),
			OptionQuery,
		>;
		#[frame_support::storage_alias]
		pub type StakedHotkeys =
			StorageMap<Stake, Blake2_128Concat, AccountId, Vec<AccountId>, OptionQuery>;
		#[frame_support::storage_alias]
		pub type NominatorCount = StorageMap<Stake, Blake2_128Concat, AccountId, u32, OptionQuery>;
	}

	std::thread_local! {
		static SEEDED: core::cell::Cell<Balance> = const { core::cell::Cell::new(0) };
	}
	struct RecordSeed;
	impl NoteSeed for RecordSeed {
		fn note_seed(amount: Balance) {
			SEEDED.with(|seeded| seeded.set(seeded.get() + amount));
		}
	}

	#[test]
	fn a_version_0_chain_keeps_every_position_at_its_stake_and_is_paid_as_pools() {
		new_test_ext().execute_with(|| {
			// Version 0: no reward account, positions with shares not in proportion to stake.
			StorageVersion::new(0).put::<Stake>();
			let reward = Stake::reward_account();
			Balances::set_balance(&reward, 0);
			let reason = RuntimeHoldReason::Stake(HoldReason::Staked);
			for (hotkey, coldkey, stake, shares) in
				[(100, 1, 300 * TAO, 7), (100, 2, 100 * TAO, 3), (101, 1, 50 * TAO, 5)]
			{
				old::Positions::insert(hotkey, coldkey, (stake, shares));
				assert_ok!(Balances::hold(&reason, &coldkey, stake));
			}
			old::Pools::insert(100, (400 * TAO, 10u128));
			old::Pools::insert(101, (50 * TAO, 5u128));
			old::StakedHotkeys::insert(1, vec![100, 101]);
			old::StakedHotkeys::insert(2, vec![100]);
			old::NominatorCount::insert(100, 2);
			old::NominatorCount::insert(101, 1);
			TotalStake::<Test>::put(450 * TAO);

			MigrateV0ToV1::<Test, RecordSeed>::on_runtime_upgrade();

			assert_eq!(Stake::on_chain_storage_version(), StorageVersion::new(1));
			for (hotkey, coldkey, stake) in
				[(100, 1, 300 * TAO), (100, 2, 100 * TAO), (101, 1, 50 * TAO)]
			{
				assert_eq!(Stake::position_value(&hotkey, &coldkey), stake);
				assert_eq!(Positions::<Test>::get(hotkey, coldkey).expect("kept").held, stake);
				assert!(StakedHotkeys::<Test>::contains_key(coldkey, hotkey));
			}
			assert_eq!(StakedHotkeys::<Test>::iter_keys().count(), 3);
			assert_eq!(old::NominatorCount::iter().count(), 0);
			assert_eq!(Stake::pool(&100).stake, 400 * TAO);
			assert_eq!(Balances::balance(&reward), Balances::minimum_balance());
			assert_eq!(SEEDED.with(|seeded| seeded.get()), Balances::minimum_balance());
			Stake::do_try_state().expect("the books balance after the migration");

			// Paid as a pool: the take buys coldkey 1 shares, the rest reaches every share.
			assert_ok!(Stake::pay_hotkey(&100, 40 * TAO));
			let take = 40 * TAO * Balance::from(DEFAULT_TAKE) / 65_535;
			System::set_block_number(1 + u64::from(RewardPeriod::<Test>::get()));
			let rest = 40 * TAO - take;
			let expected = 100 * TAO
				+ (u128::from(rest) * u128::from(100 * TAO) / u128::from(400 * TAO + take))
					as Balance;
			assert!(Stake::position_value(&100, &2).abs_diff(expected) <= 2);
			Stake::do_try_state().expect("the books balance after a payment");

			// A second run is a no-op: the version is already 1.
			MigrateV0ToV1::<Test, RecordSeed>::on_runtime_upgrade();
			assert_eq!(SEEDED.with(|seeded| seeded.get()), Balances::minimum_balance());
			assert!(Stake::position_value(&100, &2).abs_diff(expected) <= 2);
		});
	}
}
