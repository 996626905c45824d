//! The emission flow: accrual, the epoch's payout split, pending kept when nobody qualifies, the
//! per-block epoch bound, and the issuance invariant after every block.

use crate::{mock::*, *};
use frame_support::{assert_ok, traits::fungible::Inspect, BoundedVec};
use pallet_subnets::SubnetParam;
use taonet_primitives::TAO;

/// A bounded vector for a call argument.
fn b<S: frame_support::traits::Get<u32>>(v: Vec<u16>) -> BoundedVec<u16, S> {
	BoundedVec::try_from(v).expect("within the bound")
}

const NET: NetUid = NetUid(1);
const ALICE: AccountId = 1;
const OWNER_HOT: AccountId = 100;

/// Alice's subnet 1 with tempo 10: the owner hotkey (UID 0) is a staked validator with a permit,
/// hotkeys 101 and 102 (Bob's) are miners; the validator weights them 3:1.
fn subnet_with_validator_and_miners() {
	assert_ok!(Subnets::register_network(RuntimeOrigin::signed(ALICE), OWNER_HOT));
	for p in [
		SubnetParam::Tempo(10),
		SubnetParam::MaxRegistrationsPerBlock(8),
		SubnetParam::WeightsRateLimit(0),
	] {
		assert_ok!(Subnets::set_hyperparameter(RuntimeOrigin::root(), NET, p));
	}
	assert_ok!(Subnets::burned_register(RuntimeOrigin::signed(2), NET, 101, Balance::MAX));
	assert_ok!(Subnets::burned_register(RuntimeOrigin::signed(2), NET, 102, Balance::MAX));
	assert_ok!(Stake::add_stake(RuntimeOrigin::signed(ALICE), OWNER_HOT, 100 * TAO));
	pallet_consensus::ValidatorPermits::<Test>::insert(
		NET,
		BoundedVec::truncate_from(vec![true, false, false]),
	);
	System::set_block_number(2);
	assert_ok!(Consensus::set_weights(
		RuntimeOrigin::signed(OWNER_HOT),
		NET,
		b(vec![1, 2]),
		b(vec![3, 1]),
		0
	));
}

#[test]
fn each_block_accrues_the_block_emission_to_the_subnets() {
	new_test_ext().execute_with(|| {
		// No subnet: nothing is emitted.
		run_to_block(3);
		assert_eq!(TotalEmitted::<Test>::get(), 0);
		assert_ok!(Subnets::register_network(RuntimeOrigin::signed(ALICE), OWNER_HOT));
		assert_ok!(Subnets::register_network(RuntimeOrigin::signed(2), 101));
		run_to_block(5);
		// Two blocks of 1 TAO, half each (tempo 360: no epoch yet).
		assert_eq!(PendingEmission::<Test>::get(NetUid(1)), TAO);
		assert_eq!(PendingEmission::<Test>::get(NetUid(2)), TAO);
		assert_eq!(TotalPending::<Test>::get(), 2 * TAO);
		assert!(emission_events().contains(&Event::EmissionAccrued { amount: TAO, subnets: 2 }));
	});
}

#[test]
fn an_epoch_pays_18_41_41_and_issuance_grows_by_exactly_the_payout() {
	new_test_ext().execute_with(|| {
		subnet_with_validator_and_miners();
		let issuance = Balances::total_issuance();
		let alice_free = Balances::balance(&ALICE);
		// Subnet 1, tempo 10: epochs start where (block + 2) % 11 == 0, i.e. at block 9.
		run_to_block(9);
		let paid = emission_events().into_iter().find_map(|e| match e {
			Event::EpochPaid { netuid, owner_cut, paid, kept } if netuid == NET => {
				Some((owner_cut, paid, kept))
			},
			_ => None,
		});
		// Blocks 3..=9 accrued 7 TAO; 18% to Alice as owner, 82% through the epoch.
		let pending = 7 * TAO;
		let cut = OWNER_CUT * pending;
		assert_eq!(paid, Some((cut, pending - cut, 0)));
		assert_eq!(Balances::balance(&ALICE), alice_free + cut);
		// Miners: 41% split 3:1; both are Bob's hotkeys, staked for Bob.
		let miners = (pending - cut) / 2;
		assert_eq!(Stake::position_stake(&101, &2), miners * 3 / 4);
		assert_eq!(Stake::position_stake(&102, &2), miners / 4);
		// Validator: 41% into Alice's pool on her hotkey (she is owner and only staker): her take
		// at once, the rest streaming into the share price.
		let validator = pending - cut - miners;
		assert_eq!(Stake::hotkey_stake(&OWNER_HOT), 100 * TAO + validator);
		let worth = Stake::position_stake(&OWNER_HOT, &ALICE);
		assert!(worth > 100 * TAO && worth < 100 * TAO + validator);
		assert_eq!(Balances::total_issuance(), issuance + pending);
		assert_eq!(PendingEmission::<Test>::get(NET), 0);
	});
}

#[test]
fn nothing_is_paid_when_nobody_qualifies() {
	new_test_ext().execute_with(|| {
		// A subnet whose only neuron has no stake and nobody set weights.
		assert_ok!(Subnets::register_network(RuntimeOrigin::signed(ALICE), OWNER_HOT));
		assert_ok!(Subnets::set_hyperparameter(RuntimeOrigin::root(), NET, SubnetParam::Tempo(10)));
		let issuance = Balances::total_issuance();
		run_to_block(9);
		assert_eq!(Balances::total_issuance(), issuance, "nothing minted");
		assert_eq!(PendingEmission::<Test>::get(NET), 8 * TAO, "all of it stays pending");
		assert!(emission_events().contains(&Event::EpochPaid {
			netuid: NET,
			owner_cut: 0,
			paid: 0,
			kept: 8 * TAO
		}));
	});
}

#[test]
fn at_most_the_bound_of_epochs_run_in_one_block() {
	new_test_ext().execute_with(|| {
		// Subnets 1 and 2 with tempos whose epochs both start at block 9: 1 runs, 2 waits.
		assert_ok!(Subnets::register_network(RuntimeOrigin::signed(ALICE), OWNER_HOT));
		assert_ok!(Subnets::register_network(RuntimeOrigin::signed(2), 101));
		assert_ok!(Subnets::set_hyperparameter(
			RuntimeOrigin::root(),
			NetUid(1),
			SubnetParam::Tempo(10)
		));
		assert_ok!(Subnets::set_hyperparameter(
			RuntimeOrigin::root(),
			NetUid(2),
			SubnetParam::Tempo(11)
		));
		assert_eq!(taonet_primitives::epoch_index(NetUid(2), 11, 8), 0);
		assert_eq!(taonet_primitives::epoch_index(NetUid(2), 11, 9), 1);
		run_to_block(8);
		assert!(!emission_events().iter().any(|e| matches!(e, Event::EpochsDeferred { .. })));
		run_to_block(9);
		let events = emission_events();
		assert!(events.contains(&Event::EpochsDeferred { count: 1 }), "{events:?}");
		assert_eq!(EpochQueue::<Test>::get().to_vec(), vec![NetUid(2)]);
		run_to_block(10);
		assert!(EpochQueue::<Test>::get().is_empty());
	});
}

#[test]
fn epochs_beyond_the_weight_budget_wait_for_the_next_block() {
	new_test_ext().execute_with(|| {
		// As above, both epochs due at block 9, two allowed by count but the budget only
		// holds one epoch's bound: the first runs (the first always does), the second waits.
		MaxEpochsPerBlock::set(2);
		assert_ok!(Subnets::register_network(RuntimeOrigin::signed(ALICE), OWNER_HOT));
		assert_ok!(Subnets::register_network(RuntimeOrigin::signed(2), 101));
		for (netuid, tempo) in [(NetUid(1), 10), (NetUid(2), 11)] {
			assert_ok!(Subnets::set_hyperparameter(
				RuntimeOrigin::root(),
				netuid,
				SubnetParam::Tempo(tempo)
			));
		}
		let bound = Emission::epoch_bound(NetUid(1));
		assert_eq!(bound, Emission::epoch_bound(NetUid(2)));
		let epoch = <Consensus as EpochRunner<AccountId>>::epoch_weight(NetUid(1));
		assert!(bound.all_gte(epoch), "the epoch's own bound and queuing its payments");
		EpochWeightBudget::set(
			bound.saturating_add(bound).saturating_sub(Weight::from_parts(1, 0)),
		);
		run_to_block(9);
		assert!(emission_events().contains(&Event::EpochsDeferred { count: 1 }));
		assert_eq!(EpochQueue::<Test>::get().to_vec(), vec![NetUid(2)]);
		// With room for both, both run in one block.
		EpochWeightBudget::set(bound.saturating_add(bound));
		run_to_block(10);
		assert!(EpochQueue::<Test>::get().is_empty());
		let weight = Emission::on_block();
		assert!(weight.all_gte(<Test as Config>::WeightInfo::on_block(2)));
	});
}

#[test]
fn a_block_with_epochs_weighs_their_bounds_and_payments() {
	new_test_ext().execute_with(|| {
		subnet_with_validator_and_miners();
		run_to_block(8);
		System::set_block_number(9);
		let bound = Emission::epoch_bound(NET);
		let used = Emission::on_block();
		// The accrual, the epoch's bound (queuing included), two miners' and one validator's
		// payments.
		let payments = <Stake as StakeInterface<AccountId>>::pay_position_weight()
			.saturating_mul(2)
			.saturating_add(<Stake as StakeInterface<AccountId>>::pay_hotkey_weight());
		let floor = <Test as Config>::WeightInfo::on_block(1)
			.saturating_add(bound)
			.saturating_add(payments);
		assert!(used.all_gte(floor), "{used} below {floor}");
		assert!(emission_events().iter().any(|e| matches!(e, Event::EpochPaid { .. })));
	});
}

/// The stake of the validator (owner hotkey) and both miners.
fn stakes() -> [Balance; 3] {
	[Stake::hotkey_stake(&OWNER_HOT), Stake::hotkey_stake(&101), Stake::hotkey_stake(&102)]
}

#[test]
fn payments_beyond_the_budget_are_made_in_later_blocks() {
	let unlimited = new_test_ext().execute_with(|| {
		subnet_with_validator_and_miners();
		run_to_block(9);
		stakes()
	});
	new_test_ext().execute_with(|| {
		// The budget holds no payment: one a block, the first always made.
		PaymentWeightBudget::set(Weight::zero());
		subnet_with_validator_and_miners();
		let before = stakes();
		run_to_block(9);
		let queued = emission_events().into_iter().find_map(|e| match e {
			Event::PayoutQueued { netuid, payments, .. } if netuid == NET => Some(payments),
			_ => None,
		});
		assert_eq!(queued, Some(3), "two miners and the validator");
		let key = Emission::payout_key(NET);
		assert_eq!(Payouts::<Test>::get(key).map(|p| p.next), Some(1));
		assert!(!emission_events().iter().any(|e| matches!(e, Event::EpochPaid { .. })));
		run_to_block(10);
		assert_eq!(Payouts::<Test>::get(key).map(|p| p.next), Some(2));
		run_to_block(11);
		assert!(Payouts::<Test>::get(key).is_none());
		assert!(PayoutQueue::<Test>::get().is_empty());
		assert_eq!(Payments::<Test>::iter_prefix(key).count(), 0);
		// The same payments as in one block, and the epoch's books in one event.
		assert_eq!(stakes(), unlimited);
		assert!(stakes().iter().zip(before).all(|(after, before)| *after > before));
		let pending = 7 * TAO;
		let cut = OWNER_CUT * pending;
		let paid = emission_events().into_iter().find_map(|e| match e {
			Event::EpochPaid { owner_cut, paid, kept, .. } => Some((owner_cut, paid, kept)),
			_ => None,
		});
		assert_eq!(paid, Some((cut, pending - cut, 0)));
	});
}

#[test]
fn a_dissolved_subnets_queued_payments_are_dropped_unpaid() {
	new_test_ext().execute_with(|| {
		PaymentWeightBudget::set(Weight::zero());
		subnet_with_validator_and_miners();
		run_to_block(9);
		let key = Emission::payout_key(NET);
		let after_one = stakes();
		let issuance = Balances::total_issuance();
		assert_ok!(Subnets::dissolve_network(RuntimeOrigin::signed(ALICE), NET));
		assert_ne!(Emission::payout_key(NET), key, "a new generation");
		run_to_block(12);
		// The two payments left were dropped: no stake grew, nothing was minted.
		assert!(PayoutQueue::<Test>::get().is_empty());
		assert_eq!(Payments::<Test>::iter_prefix(key).count(), 0);
		assert_eq!(Stake::hotkey_stake(&101), after_one[1]);
		assert_eq!(Stake::hotkey_stake(&102), after_one[2]);
		assert_eq!(Balances::total_issuance(), issuance, "nothing minted after dissolution");
		assert!(!emission_events().iter().any(|e| matches!(e, Event::EpochPaid { .. })));
	});
}

/// A payment that fails used to stay pending without a word; it now says so.
#[test]
fn a_failed_payment_stays_pending_and_emits_an_event() {
	new_test_ext().execute_with(|| {
		// The second miner's hotkey loses its owner record (a state no call reaches; stake
		// caps, which once made such payments fail, are gone), so its reward has nowhere to go.
		subnet_with_validator_and_miners();
		pallet_subnets::HotkeyOwner::<Test>::remove(102);
		// The subnets pallet's invariants no longer hold: only emission's are checked.
		while System::block_number() < 9 {
			next_block();
			Emission::do_try_state().expect("the issuance invariant holds after every block");
		}
		let pending = 7 * TAO;
		let cut = OWNER_CUT * pending;
		let miners = (pending - cut) / 2;
		let failed = miners / 4;
		assert_eq!(Stake::position_stake(&101, &2), miners * 3 / 4);
		assert_eq!(Stake::position_stake(&102, &2), 0);
		let events = emission_events();
		assert!(events.contains(&Event::PaymentFailed {
			netuid: NET,
			hotkey: 102,
			amount: failed,
			payee: Payee::Miner
		}));
		assert!(events.contains(&Event::EpochPaid {
			netuid: NET,
			owner_cut: cut,
			paid: pending - cut - failed,
			kept: failed
		}));
		assert_eq!(PendingEmission::<Test>::get(NET), failed);
	});
}

#[test]
fn a_dissolved_subnets_pending_is_never_minted() {
	new_test_ext().execute_with(|| {
		assert_ok!(Subnets::register_network(RuntimeOrigin::signed(ALICE), OWNER_HOT));
		run_to_block(5);
		assert_eq!(TotalEmitted::<Test>::get(), 4 * TAO);
		assert_ok!(Subnets::dissolve_network(RuntimeOrigin::signed(ALICE), NET));
		assert_eq!(TotalPending::<Test>::get(), 0);
		assert_eq!(TotalEmitted::<Test>::get(), 0);
		Emission::do_try_state().expect("the invariant still holds");
	});
}

mod halving {
	use super::*;
	use taonet_primitives::{emission::block_emission, MAX_SUPPLY};

	/// Blocks on a chain whose genesis issuance is `issuance`, with one subnet: the emission of
	/// each of `blocks` blocks, with issuance + pending checked against the cap after each.
	fn emissions_from(issuance: Balance, blocks: u64) -> Vec<Balance> {
		let mut emitted = Vec::new();
		new_test_ext_with_issuance(issuance).execute_with(|| {
			assert_ok!(Subnets::register_network(RuntimeOrigin::signed(ALICE), OWNER_HOT));
			// The lock is held, not burned: issuance is still the genesis one.
			assert_eq!(Balances::total_issuance(), issuance);
			for _ in 0..blocks {
				let before = TotalEmitted::<Test>::get();
				run_to_block(System::block_number() + 1);
				emitted.push(TotalEmitted::<Test>::get() - before);
				let supply = Balances::total_issuance() + TotalPending::<Test>::get();
				assert!(supply <= MAX_SUPPLY, "{supply} above the cap");
			}
		});
		emitted
	}

	#[test]
	fn emission_halves_exactly_at_10_5m_and_15_75m_tao() {
		// 1.5 TAO below 10.5M: two blocks of 1 TAO (the second starts 0.5 TAO below the
		// threshold), then 0.5 TAO a block from exactly 10.5M + 0.5 TAO on.
		assert_eq!(
			emissions_from(10_500_000 * TAO - 3 * TAO / 2, 4),
			vec![TAO, TAO, TAO / 2, TAO / 2]
		);
		// Exactly at the threshold: halved from the first block.
		assert_eq!(emissions_from(10_500_000 * TAO, 2), vec![TAO / 2, TAO / 2]);
		// 0.75 TAO below 15.75M: 0.5, 0.5 (crossing), then 0.25.
		assert_eq!(
			emissions_from(15_750_000 * TAO - 3 * TAO / 4, 4),
			vec![TAO / 2, TAO / 2, TAO / 4, TAO / 4]
		);
	}

	#[test]
	fn emission_follows_every_era_and_stops_below_the_cap() {
		// Two blocks before each of the 30 thresholds, and on past the last: each block emits
		// the schedule's amount for the supply it starts from, which never passes 21M.
		for k in 1..=30u32 {
			let threshold = MAX_SUPPLY - (MAX_SUPPLY >> k);
			let rate = TAO >> (k - 1);
			let start = threshold - rate - rate / 2;
			let emitted = emissions_from(start, 4);
			let mut supply = start;
			for amount in &emitted {
				assert_eq!(*amount, block_emission(supply), "era {k} at {supply}");
				supply += amount;
			}
			assert_eq!(emitted.first(), Some(&rate), "era {k}");
			assert_eq!(emitted.last(), Some(&(TAO >> k)), "era {k}");
		}
		// Past the last halving nothing more is minted, within 1 TAO of the cap.
		let last = MAX_SUPPLY - (MAX_SUPPLY >> 30);
		assert!(MAX_SUPPLY - last < TAO);
		assert_eq!(emissions_from(last, 3), vec![0, 0, 0]);
		assert_eq!(emissions_from(MAX_SUPPLY - 1, 2), vec![0, 0]);
	}

	#[test]
	fn nothing_is_scheduled_while_there_is_no_subnet() {
		new_test_ext().execute_with(|| {
			let schedule = Emission::emission_schedule();
			assert_eq!(schedule.block_emission, 0);
			assert_eq!(schedule.blocks_to_next_halving, None);
			assert_eq!(schedule.next_halving_threshold, Some(10_500_000 * TAO));
		});
	}

	#[test]
	fn the_schedule_is_readable_with_the_next_halving() {
		new_test_ext_with_issuance(10_500_000 * TAO - 10 * TAO).execute_with(|| {
			assert_ok!(Subnets::register_network(RuntimeOrigin::signed(ALICE), OWNER_HOT));
			run_to_block(5);
			let schedule = Emission::emission_schedule();
			// Blocks 2..=5 minted 4 TAO into pending: 6 TAO to go at 1 TAO a block.
			assert_eq!(schedule.total_pending, 4 * TAO);
			assert_eq!(schedule.block_emission, TAO);
			assert_eq!(schedule.next_halving_threshold, Some(10_500_000 * TAO));
			assert_eq!(schedule.blocks_to_next_halving, Some(6));
			assert_eq!(
				Emission::subnet_emission(),
				vec![SubnetEmission { netuid: NET, share: 1, pending: 4 * TAO }]
			);
		});
	}
}

/// Queued payments keep their stored form: a payee is the one byte the `bool` it replaced was
/// (`false` a miner, `true` a validator).
#[test]
fn a_payee_encodes_as_the_flag_it_replaced() {
	use codec::{Decode, Encode};
	assert_eq!(Payee::Miner.encode(), false.encode());
	assert_eq!(Payee::Validator.encode(), true.encode());
	assert_eq!(Payee::decode(&mut &true.encode()[..]).ok(), Some(Payee::Validator));
}
