//! Governance on the whole runtime: council referenda on each track, from submission to
//! enactment, on the development preset's council (Alice, Bob, Charlie) and pace.

use crate::{
	AccountId, AllPalletsWithSystem, Balance, Council, Emission, OriginCaller, Preimage, Referenda,
	Runtime, RuntimeCall, RuntimeEvent, RuntimeOrigin, Stake, Subnets, System, TAO,
};
use frame_support::{
	assert_noop, assert_ok,
	dispatch::GetDispatchInfo,
	traits::{schedule::DispatchTime, OnInitialize, StorePreimage},
};
use pallet_governance::{GovernanceOrigin, ADMIN_TRACK, EMERGENCY_TRACK, ROOT_TRACK};
use pallet_referenda::{ReferendumInfo, ReferendumInfoFor};
use pallet_subnets::NetworkParam;
use sp_keyring::Sr25519Keyring;
use sp_runtime::{traits::Dispatchable, DispatchError};

fn alice() -> AccountId {
	Sr25519Keyring::Alice.to_account_id()
}
fn bob() -> AccountId {
	Sr25519Keyring::Bob.to_account_id()
}
fn charlie() -> AccountId {
	Sr25519Keyring::Charlie.to_account_id()
}
fn dave() -> AccountId {
	Sr25519Keyring::Dave.to_account_id()
}

fn new_chain() -> sp_io::TestExternalities {
	let mut ext =
		crate::genesis_config_presets::test_externalities(sp_genesis_builder::DEV_RUNTIME_PRESET);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// The hooks of one block, then every pallet's invariants.
fn next_block() {
	let n = System::block_number() + 1;
	System::set_block_number(n);
	AllPalletsWithSystem::on_initialize(n);
	Subnets::do_try_state().expect("subnets invariants");
	Stake::do_try_state().expect("stake invariants");
	Emission::do_try_state().expect("issuance invariant");
}

fn run_blocks(blocks: u32) {
	for _ in 0..blocks {
		next_block();
	}
}

/// Alice submits `call` to be dispatched as `origin`; Bob places the decision deposit.
fn submit(origin: OriginCaller, call: RuntimeCall) -> u32 {
	let index = pallet_referenda::ReferendumCount::<Runtime>::get();
	let proposal = Preimage::bound(call).expect("the call fits inline");
	assert_ok!(Referenda::submit(
		RuntimeOrigin::signed(alice()),
		Box::new(origin),
		proposal,
		DispatchTime::After(0),
	));
	assert_ok!(Referenda::place_decision_deposit(RuntimeOrigin::signed(bob()), index));
	index
}

fn vote(index: u32, ayes: &[AccountId], nays: &[AccountId]) {
	for (who, aye) in ayes.iter().map(|who| (who, true)).chain(nays.iter().map(|who| (who, false)))
	{
		assert_ok!(Council::vote(RuntimeOrigin::signed(who.clone()), index, aye));
	}
}

fn track_of(index: u32) -> u16 {
	match ReferendumInfoFor::<Runtime>::get(index) {
		Some(ReferendumInfo::Ongoing(status)) => status.track,
		other => panic!("referendum {index} is not ongoing: {other:?}"),
	}
}

fn admin() -> OriginCaller {
	OriginCaller::Governance(GovernanceOrigin::Admin)
}

fn emergency() -> OriginCaller {
	OriginCaller::Governance(GovernanceOrigin::Emergency)
}

fn root() -> OriginCaller {
	OriginCaller::system(frame_system::RawOrigin::Root)
}

fn subnet_limit(limit: u16) -> RuntimeCall {
	RuntimeCall::Subnets(pallet_subnets::Call::set_network_parameter {
		param: NetworkParam::SubnetLimit(limit),
	})
}

fn everyone() -> Vec<AccountId> {
	vec![alice(), bob(), charlie()]
}

#[test]
fn the_admin_track_changes_a_global_parameter_once_the_council_agrees() {
	new_chain().execute_with(|| {
		let before = pallet_subnets::SubnetLimit::<Runtime>::get();
		let index = submit(admin(), subnet_limit(before - 1));
		assert_eq!(track_of(index), ADMIN_TRACK);
		vote(index, &everyone(), &[]);
		// Nothing changes before the track's confirm period and enactment delay have passed.
		next_block();
		assert_eq!(pallet_subnets::SubnetLimit::<Runtime>::get(), before);
		run_blocks(20);
		assert!(matches!(
			ReferendumInfoFor::<Runtime>::get(index),
			Some(ReferendumInfo::Approved(..))
		));
		assert_eq!(pallet_subnets::SubnetLimit::<Runtime>::get(), before - 1);
		assert!(System::events().iter().any(|record| matches!(
			&record.event,
			RuntimeEvent::Subnets(pallet_subnets::Event::NetworkParameterSet { .. })
		)));
	});
}

#[test]
fn the_root_track_authorizes_a_runtime_upgrade() {
	new_chain().execute_with(|| {
		let code_hash = sp_core::H256::repeat_byte(7);
		let call = RuntimeCall::System(frame_system::Call::authorize_upgrade { code_hash });
		let index = submit(root(), call);
		assert_eq!(track_of(index), ROOT_TRACK);
		vote(index, &everyone(), &[]);
		// Prepare (1) + confirm (12) + enactment (12) blocks at the development pace.
		run_blocks(10);
		assert!(System::authorized_upgrade().is_none(), "enacted too early");
		run_blocks(30);
		let authorized = System::authorized_upgrade().expect("authorized");
		assert_eq!(authorized.code_hash(), &code_hash);
	});
}

#[test]
fn a_referendum_without_enough_approval_is_rejected_and_enacts_nothing() {
	new_chain().execute_with(|| {
		let before = pallet_subnets::SubnetLimit::<Runtime>::get();
		let index = submit(admin(), subnet_limit(before - 1));
		vote(index, &[alice()], &[bob(), charlie()]);
		// The admin track decides within 36 blocks at this pace.
		run_blocks(60);
		assert!(matches!(
			ReferendumInfoFor::<Runtime>::get(index),
			Some(ReferendumInfo::Rejected(..))
		));
		assert_eq!(pallet_subnets::SubnetLimit::<Runtime>::get(), before);
	});
}

#[test]
fn only_council_members_submit_and_vote() {
	new_chain().execute_with(|| {
		let proposal = Preimage::bound(subnet_limit(10)).expect("inline");
		assert_noop!(
			Referenda::submit(
				RuntimeOrigin::signed(dave()),
				Box::new(admin()),
				proposal,
				DispatchTime::After(0),
			),
			DispatchError::BadOrigin
		);
		let index = submit(admin(), subnet_limit(10));
		assert_noop!(
			Council::vote(RuntimeOrigin::signed(dave()), index, true),
			pallet_ranked_collective::Error::<Runtime>::NotMember
		);
		// Promoting oneself is governance's business, not a member's.
		assert_noop!(
			Council::add_member(RuntimeOrigin::signed(alice()), dave().into()),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn governance_only_calls_take_root_or_admin_and_nothing_else() {
	new_chain().execute_with(|| {
		let call = subnet_limit(16);
		let refused = [RuntimeOrigin::signed(alice()), RuntimeOrigin::from(emergency())];
		for origin in refused {
			let result = call.clone().dispatch(origin);
			assert_eq!(result.map_err(|e| e.error), Err(DispatchError::BadOrigin));
		}
		assert_ok!(call.clone().dispatch(RuntimeOrigin::from(admin())));
		assert_eq!(pallet_subnets::SubnetLimit::<Runtime>::get(), 16);
		let stake_call = RuntimeCall::Stake(pallet_stake::Call::set_stake_parameter {
			param: pallet_stake::StakeParam::MinStake(TAO / 100),
		});
		assert_ok!(stake_call.clone().dispatch(RuntimeOrigin::from(admin())));
		assert!(stake_call.dispatch(RuntimeOrigin::signed(alice())).is_err());
	});
}

#[test]
fn the_emergency_track_kills_a_referendum_and_its_slashed_deposits_are_recorded_as_burned() {
	new_chain().execute_with(|| {
		let before = pallet_subnets::SubnetLimit::<Runtime>::get();
		let doomed = submit(admin(), subnet_limit(before - 1));
		let kill = RuntimeCall::Referenda(pallet_referenda::Call::kill { index: doomed });
		let index = submit(emergency(), kill);
		assert_eq!(track_of(index), EMERGENCY_TRACK);
		let burned_before = pallet_emission::TotalBurned::<Runtime>::get();
		vote(index, &everyone(), &[]);
		run_blocks(10);
		assert!(matches!(
			ReferendumInfoFor::<Runtime>::get(doomed),
			Some(ReferendumInfo::Killed(..))
		));
		// The killed referendum's submission (1 TAO) and decision (10 TAO) deposits are gone.
		let slashed: Balance = TAO + 10 * TAO;
		assert_eq!(pallet_emission::TotalBurned::<Runtime>::get(), burned_before + slashed);
		run_blocks(40);
		assert_eq!(pallet_subnets::SubnetLimit::<Runtime>::get(), before);
	});
}

#[test]
fn a_two_member_minority_cannot_use_the_emergency_track() {
	new_chain().execute_with(|| {
		let doomed = submit(admin(), subnet_limit(10));
		let cancel = RuntimeCall::Referenda(pallet_referenda::Call::cancel { index: doomed });
		let index = submit(emergency(), cancel);
		// One aye of three: a third of the council, short of two thirds.
		vote(index, &[alice()], &[]);
		run_blocks(12);
		assert!(matches!(
			ReferendumInfoFor::<Runtime>::get(doomed),
			Some(ReferendumInfo::Ongoing(..))
		));
		assert!(matches!(
			ReferendumInfoFor::<Runtime>::get(index),
			Some(ReferendumInfo::Ongoing(..))
		));
	});
}

#[test]
fn a_first_vote_is_free_and_votes_are_cheap_to_weigh() {
	new_chain().execute_with(|| {
		let index = submit(admin(), subnet_limit(10));
		let call =
			RuntimeCall::Council(pallet_ranked_collective::Call::vote { poll: index, aye: true });
		let info = call.get_dispatch_info();
		let post = call.dispatch(RuntimeOrigin::signed(alice())).expect("a member votes");
		assert_eq!(post.pays_fee, frame_support::dispatch::Pays::No);
		assert!(info.call_weight.ref_time() > 0, "the vote has a benchmarked weight");
	});
}
