use crate::{mock::*, *};
use frame_support::traits::EnsureOrigin;
use frame_support::traits::RankedMembers;
use pallet_ranked_collective::MemberCount;

type RankedCouncil = pallet_ranked_collective::Pallet<Test>;

fn ids_and_names(divisor: u32) -> Vec<(TrackId, String)> {
	track_table::<u32>(divisor)
		.map(|track| {
			let name = String::from_utf8(track.info.name.to_vec()).unwrap();
			(track.id, name.trim_end_matches('\0').to_string())
		})
		.collect()
}

#[test]
fn tracks_are_root_admin_emergency_sorted_by_id() {
	assert_eq!(
		ids_and_names(1),
		vec![(0, "root".into()), (1, "admin".into()), (2, "emergency".into())]
	);
	new_test_ext(vec![], 1).execute_with(|| {
		assert_eq!(<Tracks<Test> as TracksInfo<_, _>>::check_integrity(), Ok(()));
	});
}

#[test]
fn production_pace_matches_the_documented_table() {
	let tracks: Vec<_> = track_table::<u32>(1).collect();
	let periods = |id: usize| {
		let info = &tracks[id].info;
		(
			info.prepare_period,
			info.decision_period,
			info.confirm_period,
			info.min_enactment_period,
			info.max_deciding,
			info.decision_deposit,
		)
	};
	assert_eq!(periods(0), (HOURS, 7 * DAYS, DAYS, DAYS, 1, 100 * TAO));
	assert_eq!(periods(1), (30 * MINUTES, 3 * DAYS, 3 * HOURS, 10 * MINUTES, 10, 10 * TAO));
	assert_eq!(periods(2), (1, DAYS, 10 * MINUTES, 1, 5, 10 * TAO));
	// A full council passes at once: 100% approval and support meet every curve at its start.
	for track in &tracks {
		assert!(track.info.min_approval.passing(Perbill::zero(), Perbill::one()));
		assert!(track.info.min_support.passing(Perbill::zero(), Perbill::one()));
	}
	// The root track asks more than two thirds at the start and never less than that.
	let root = &tracks[0].info;
	assert!(!root.min_approval.passing(Perbill::zero(), Perbill::from_percent(66)));
	assert!(!root.min_approval.passing(Perbill::one(), Perbill::from_percent(66)));
	assert!(root.min_approval.passing(Perbill::one(), Perbill::from_percent(67)));
	// The emergency track needs a two-thirds supermajority throughout.
	let emergency = &tracks[2].info;
	assert!(!emergency.min_approval.passing(Perbill::one(), Perbill::from_percent(66)));
	assert!(!emergency.min_support.passing(Perbill::zero(), Perbill::from_percent(66)));
}

#[test]
fn the_divisor_shortens_every_period_but_never_below_one_block() {
	let fast: Vec<_> = track_table::<u32>(600).collect();
	assert_eq!(fast[0].info.prepare_period, 1, "an hour / 600 is under a block: one block");
	assert_eq!(fast[0].info.confirm_period, DAYS / 600);
	assert_eq!(fast[1].info.min_enactment_period, 1, "10 minutes / 600 rounds up to one block");
	assert_eq!(fast[2].info.prepare_period, 1);
	// Deposits and curves do not change with the pace.
	let slow: Vec<_> = track_table::<u32>(1).collect();
	for (fast, slow) in fast.iter().zip(&slow) {
		assert_eq!(fast.info.decision_deposit, slow.info.decision_deposit);
		assert_eq!(fast.info.min_approval, slow.info.min_approval);
	}
	// A divisor of 0 cannot divide by zero: it counts as 1.
	let zero: Vec<_> = track_table::<u32>(0).collect();
	assert_eq!(zero[0].info.decision_period, 7 * DAYS);
}

#[test]
fn genesis_seats_the_council_with_ranks_and_sets_the_pace() {
	new_test_ext(vec![(1, 1), (2, 2), (3, 0)], 600).execute_with(|| {
		assert_eq!(RankedCouncil::rank_of(&1), Some(1));
		assert_eq!(RankedCouncil::rank_of(&2), Some(2));
		assert_eq!(RankedCouncil::rank_of(&3), Some(0));
		// Voters on every track: members of rank 1 and above.
		assert_eq!(MemberCount::<Test>::get(COUNCIL_RANK), 2);
		assert_eq!(Pallet::<Test>::period_divisor(), 600);
		let root = <Tracks<Test> as TracksInfo<_, _>>::info(ROOT_TRACK).unwrap();
		assert_eq!(root.confirm_period, DAYS as u64 / 600);
	});
}

#[test]
#[should_panic(expected = "council member 1 at rank 1")]
fn genesis_refuses_a_member_listed_twice() {
	new_test_ext(vec![(1, 1), (1, 1)], 1);
}

#[test]
#[should_panic(expected = "the period divisor must be at least 1")]
fn genesis_refuses_a_zero_divisor() {
	new_test_ext(vec![], 0);
}

#[test]
#[should_panic(expected = "a council has at most 64 members")]
fn genesis_refuses_an_oversized_council() {
	new_test_ext((0..65).map(|who| (who, 1)).collect(), 1);
}

// Benchmark builds leave the cap out, as the runtime's do (see the mock).
#[cfg(not(feature = "runtime-benchmarks"))]
#[test]
fn the_council_never_grows_past_its_cap() {
	new_test_ext((0..MAX_COUNCIL as u64).map(|who| (who, 1)).collect(), 1).execute_with(|| {
		frame_support::assert_noop!(
			RankedCouncil::add_member(RuntimeOrigin::root(), 1_000),
			pallet_ranked_collective::Error::<Test>::TooManyMembers
		);
	});
}

#[test]
fn each_origin_maps_to_its_track_and_nothing_else_has_one() {
	let track = |origin: RuntimeOrigin| {
		<Tracks<Test> as TracksInfo<_, _>>::track_for(&origin.caller().clone())
	};
	new_test_ext(vec![], 1).execute_with(|| {
		assert_eq!(track(RuntimeOrigin::root()), Ok(ROOT_TRACK));
		assert_eq!(track(GovernanceOrigin::Admin.into()), Ok(ADMIN_TRACK));
		assert_eq!(track(GovernanceOrigin::Emergency.into()), Ok(EMERGENCY_TRACK));
		assert_eq!(track(RuntimeOrigin::signed(1)), Err(()));
		assert_eq!(track(RuntimeOrigin::none()), Err(()));
	});
}

#[test]
fn ensure_admin_and_ensure_emergency_pass_only_their_own_origin() {
	let admin = || RuntimeOrigin::from(GovernanceOrigin::Admin);
	let emergency = || RuntimeOrigin::from(GovernanceOrigin::Emergency);
	assert!(EnsureAdmin::try_origin(admin()).is_ok());
	assert!(EnsureAdmin::try_origin(emergency()).is_err());
	assert!(EnsureAdmin::try_origin(RuntimeOrigin::root()).is_err());
	assert!(EnsureAdmin::try_origin(RuntimeOrigin::signed(1)).is_err());
	assert!(EnsureEmergency::try_origin(emergency()).is_ok());
	assert!(EnsureEmergency::try_origin(admin()).is_err());
	assert!(EnsureEmergency::try_origin(RuntimeOrigin::root()).is_err());
	// A refused origin comes back unchanged, so `EitherOf` can try the next check.
	let back = EnsureEmergency::try_origin(admin()).unwrap_err();
	assert!(EnsureAdmin::try_origin(back).is_ok());
}

#[test]
fn every_track_needs_the_council_rank() {
	for id in [ROOT_TRACK, ADMIN_TRACK, EMERGENCY_TRACK] {
		assert_eq!(MinRankOfTrack::convert(id), COUNCIL_RANK);
	}
}

#[cfg(feature = "next-release")]
mod next_release {
	use super::*;
	use crate::migrations::v1::{MigrateV0ToV1, PeriodDivisor as OldPeriodDivisor};
	use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};

	#[test]
	fn the_v1_migration_moves_the_divisor_once() {
		new_test_ext(vec![], 1).execute_with(|| {
			// A chain on version 0: the divisor under its old name.
			StorageVersion::new(0).put::<Pallet<Test>>();
			TrackPeriodDivisor::<Test>::kill();
			OldPeriodDivisor::<Test>::put(600);

			MigrateV0ToV1::<Test>::on_runtime_upgrade();
			assert_eq!(TrackPeriodDivisor::<Test>::get(), 600);
			assert!(!OldPeriodDivisor::<Test>::exists());
			assert_eq!(Pallet::<Test>::on_chain_storage_version(), 1);

			// Run again: the version guard makes it a no-op.
			OldPeriodDivisor::<Test>::put(7);
			MigrateV0ToV1::<Test>::on_runtime_upgrade();
			assert_eq!(TrackPeriodDivisor::<Test>::get(), 600);
		});
	}
}

#[test]
fn only_council_members_of_voting_rank_submit() {
	new_test_ext(vec![(1, COUNCIL_RANK), (2, 0)], 1).execute_with(|| {
		type Submit = EnsureCouncilMember<Test>;
		assert_eq!(<Submit as EnsureOrigin<_>>::try_origin(RuntimeOrigin::signed(1)).ok(), Some(1));
		assert!(
			<Submit as EnsureOrigin<_>>::try_origin(RuntimeOrigin::signed(2)).is_err(),
			"an observer"
		);
		assert!(
			<Submit as EnsureOrigin<_>>::try_origin(RuntimeOrigin::signed(3)).is_err(),
			"a stranger"
		);
		assert!(
			<Submit as EnsureOrigin<_>>::try_origin(RuntimeOrigin::root()).is_err(),
			"root is no member"
		);
	});
}

/// The council that `pallet-referenda`'s benchmarks vote with.
#[cfg(feature = "runtime-benchmarks")]
mod referenda_benchmarks {
	use crate::mock::*;
	use frame_support::traits::EnsureOrigin;

	#[test]
	fn the_benchmark_origin_seats_a_council_of_a_thousand_voters() {
		new_test_ext(vec![], 1).execute_with(|| {
			let origin =
				<crate::EnsureCouncilMember<Test> as EnsureOrigin<_>>::try_successful_origin()
					.unwrap();
			assert!(
				<crate::EnsureCouncilMember<Test> as EnsureOrigin<_>>::try_origin(origin).is_ok()
			);
			let voters = pallet_ranked_collective::MemberCount::<Test>::get(crate::COUNCIL_RANK);
			assert_eq!(voters, crate::BENCHMARK_COUNCIL);
			// Asked again, it seats nobody more.
			<crate::EnsureCouncilMember<Test> as EnsureOrigin<_>>::try_successful_origin().unwrap();
			let again = pallet_ranked_collective::MemberCount::<Test>::get(crate::COUNCIL_RANK);
			assert_eq!(again, crate::BENCHMARK_COUNCIL);
		});
	}
}

/// What `pallet-referenda`'s benchmarks build on the root track: a tally that meets the curves
/// only late in the decision period, as shares of the council's voters. With the submitter as the
/// only voter (the collective's own benchmark origin) the share rounds up to unanimity and the
/// referendum confirms at once; the council the benchmark origin seats makes it mean what it says.
#[cfg(feature = "runtime-benchmarks")]
mod benchmark_tallies {
	use crate::mock::*;
	use frame_support::{
		assert_ok,
		traits::{EnsureOrigin, Polling, StorePreimage, VoteTally},
	};
	use pallet_referenda::{DecidingStatus, ReferendumStatus};
	use sp_runtime::{
		traits::{Dispatchable, Saturating},
		Perbill,
	};

	type Tally = pallet_ranked_collective::TallyOf<Test>;

	#[test]
	fn a_tally_that_passes_late_does_not_confirm_when_it_starts_deciding() {
		new_test_ext(vec![], 1).execute_with(|| {
			let origin =
				<crate::EnsureCouncilMember<Test> as EnsureOrigin<_>>::try_successful_origin()
					.unwrap();
			let who = frame_system::ensure_signed(origin.clone()).unwrap();
			pallet_balances::Pallet::<Test>::force_set_balance(RuntimeOrigin::root(), who, 1 << 40)
				.unwrap();
			let remark = RuntimeCall::System(frame_system::Call::remark { remark: vec![] });
			let proposal = Preimage::bound(remark).unwrap();
			assert_ok!(RuntimeCall::Referenda(pallet_referenda::Call::submit {
				proposal_origin: Box::new(frame_system::RawOrigin::Root.into()),
				proposal,
				enactment_moment: frame_support::traits::schedule::DispatchTime::After(0),
			})
			.dispatch(origin.clone()));
			assert_ok!(Referenda::place_decision_deposit(origin, 0));

			let track = crate::track_table::<u64>(1).next().unwrap().info;
			let late = Perbill::from_percent(90);
			let one = Perbill::from_percent(1);
			let support = track.min_support.threshold(late).saturating_add(one);
			let approval = track.min_approval.threshold(late).saturating_add(one);
			Referenda::access_poll(0, |status| {
				if let frame_support::traits::PollStatus::Ongoing(tally, class) = status {
					Tally::setup(class, Perbill::from_rational(1u32, 1000u32));
					*tally = Tally::from_requirements(support, approval, class);
				}
			});
			System::set_block_number(1 + track.prepare_period);
			assert_ok!(Referenda::nudge_referendum(RuntimeOrigin::root(), 0));
			let status = Referenda::ensure_ongoing(0).unwrap();
			assert!(
				matches!(
					status,
					ReferendumStatus {
						deciding: Some(DecidingStatus { confirming: None, .. }),
						..
					}
				),
				"deciding, not confirming: {:?}",
				status.tally
			);
		});
	}
}
