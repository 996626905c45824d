//! A randomized call-sequence harness against the whole runtime: random signed origins
//! (coldkeys, hotkeys, subnet owners, strangers without a rao) and root, random calls of every
//! pallet with arguments drawn from valid, boundary and hostile classes (zero, maximum, unknown
//! ids, the longest vectors, duplicates, other people's keys), and blocks advanced at random so
//! that epochs and payouts run. After every call:
//! - a call that fails changes nothing (the state root is unchanged);
//! - for the free weight calls, `CheckWeights` refuses exactly the calls that fail;
//!
//! and after every block every pallet's invariants hold (`do_try_state` of subnets, stake,
//! consensus and emission, the issuance invariant among them). Nothing may panic.
//!
//! Sequences come from `proptest`, which shrinks a failing one to a minimal sequence and keeps
//! its seed in `proptest-regressions/harness.txt`, replayed first on every run. CI runs a short
//! fixed-seed run; `scripts/harness.sh` a long one (`TAONET_HARNESS_CASES`, `TAONET_HARNESS_SEED`).

use crate::{
	genesis_config_presets::test_externalities, AccountId, AllPalletsWithSystem, Balance,
	Consensus, Emission, Root, Runtime, RuntimeCall, RuntimeOrigin, Stake, Subnets, System, TAO,
};
use frame_support::{
	dispatch::GetDispatchInfo,
	pallet_prelude::TransactionSource,
	traits::{OnIdle, OnInitialize},
	BoundedVec,
};
use pallet_subnets::{NetworkParam, SubnetParam};
use proptest::{
	prelude::*,
	test_runner::{Config, FileFailurePersistence, RngAlgorithm, TestRng, TestRunner},
};
use sp_core::H256;
use sp_genesis_builder::DEV_RUNTIME_PRESET;
use sp_runtime::traits::{Dispatchable, TransactionExtension, TxBaseImplication};
use std::sync::atomic::{AtomicU64, Ordering};
use taonet_primitives::{NetUid, Ratio};

/// The accounts calls come from and name: the six endowed development coldkeys, six hotkeys
/// (two of them holding a little TAO), and a stranger with nothing.
fn account(i: u8) -> AccountId {
	crate::genesis_config_presets::endowed_dev_accounts()
		.get(usize::from(i))
		.cloned()
		.unwrap_or_else(|| AccountId::from([100u8.saturating_add(i); 32]))
}

const ACCOUNTS: u8 = 13;

/// Who signs: an account, or root.
#[derive(Clone, Debug)]
enum Who {
	Signed(u8),
	Root,
}

/// One step of a sequence.
#[derive(Clone, Debug)]
enum Action {
	/// `call` dispatched from `who`.
	Call(Who, RuntimeCall),
	/// This many blocks pass (hooks, then every invariant).
	Blocks(u8),
}

fn who() -> impl Strategy<Value = Who> {
	prop_oneof![9 => (0..ACCOUNTS).prop_map(Who::Signed), 1 => Just(Who::Root)]
}

fn acct() -> impl Strategy<Value = AccountId> {
	(0..ACCOUNTS).prop_map(account)
}

/// Netuids: live ones mostly, the root network, unknown and extreme ones.
fn netuid() -> impl Strategy<Value = NetUid> {
	prop_oneof![6 => 1u16..=3, 1 => Just(0u16), 1 => Just(9u16), 1 => Just(u16::MAX)]
		.prop_map(NetUid)
}

/// Amounts: zero, dust, around the minimums, ordinary, more than anyone has, the maximum.
fn amount() -> impl Strategy<Value = Balance> {
	prop_oneof![
		Just(0),
		Just(1),
		Just(499),
		Just(500),
		Just(1_999_999),
		Just(2_000_000),
		Just(TAO),
		Just(10 * TAO),
		Just(1_000 * TAO),
		Just(100_000 * TAO),
		Just(Balance::MAX),
		1..=2_000 * TAO,
	]
}

/// Small values with the boundaries of every type the parameters use.
fn value() -> impl Strategy<Value = u64> {
	prop_oneof![
		Just(0u64),
		Just(1),
		Just(2),
		Just(10),
		Just(360),
		Just(4_096),
		Just(65_535),
		Just(100_800),
		Just(u64::from(u32::MAX)),
		Just(u64::MAX),
		0..1_000u64,
	]
}

fn subnet_param(index: u8, v: u64) -> SubnetParam {
	let v16 = u16::try_from(v).unwrap_or(u16::MAX);
	let v32 = u32::try_from(v).unwrap_or(u32::MAX);
	let flag = v % 2 == 1;
	match index % 25 {
		0 => SubnetParam::Tempo(v16),
		1 => SubnetParam::MaxUids(v16),
		2 => SubnetParam::MaxValidators(v16),
		3 => SubnetParam::ImmunityPeriod(v32),
		4 => SubnetParam::MinAllowedWeights(v16),
		5 => SubnetParam::MaxWeightLimit(Ratio(v16)),
		6 => SubnetParam::WeightsRateLimit(v32),
		7 => SubnetParam::WeightsVersionKey(v),
		8 => SubnetParam::ActivityCutoff(v32),
		9 => SubnetParam::Kappa(Ratio(v16)),
		10 => SubnetParam::BondsMovingAverage(v),
		11 => SubnetParam::BondsPenalty(Ratio(v16)),
		12 => SubnetParam::Yuma3Enabled(flag),
		13 => SubnetParam::LiquidAlphaEnabled(flag),
		14 => SubnetParam::AlphaBounds { low: Ratio(v16), high: Ratio(v16.saturating_mul(2)) },
		15 => SubnetParam::AlphaSigmoidSteepness(v16),
		16 => SubnetParam::CommitRevealEnabled(flag),
		17 => SubnetParam::RevealPeriod(v16),
		18 => SubnetParam::ServingRateLimit(v32),
		19 => SubnetParam::RegistrationAllowed(flag),
		20 => SubnetParam::MinBurn(v),
		21 => SubnetParam::MaxBurn(v),
		22 => SubnetParam::BurnHalfLife(v32),
		23 => SubnetParam::BurnIncreaseFactor(v32),
		_ => SubnetParam::MaxRegistrationsPerBlock(v16),
	}
}

fn network_param(index: u8, v: u64) -> NetworkParam {
	let v16 = u16::try_from(v).unwrap_or(u16::MAX);
	let v32 = u32::try_from(v).unwrap_or(u32::MAX);
	match index % 5 {
		0 => NetworkParam::SubnetLimit(v16),
		1 => NetworkParam::MinLockCost(v.saturating_mul(TAO)),
		2 => NetworkParam::LockReductionInterval(v32),
		3 => NetworkParam::NetworkRateLimit(v32),
		_ => NetworkParam::NetworkImmunityPeriod(v32),
	}
}

fn stake_param(index: u8, v: u64) -> pallet_stake::StakeParam {
	use pallet_stake::StakeParam::*;
	let v16 = u16::try_from(v).unwrap_or(u16::MAX);
	match index % 4 {
		0 => MinStake(v),
		1 => MinTake(v16),
		2 => MaxTake(v16),
		_ => TakeRateLimit(u32::try_from(v).unwrap_or(u32::MAX)),
	}
}

/// Rows: empty, short with duplicates and unknown UIDs, or the longest allowed.
fn row() -> impl Strategy<Value = (Vec<u16>, Vec<u16>)> {
	prop_oneof![
		8 => (prop::collection::vec(0u16..8, 0..6), prop::collection::vec(prop_oneof![Just(0u16), Just(1), Just(7), Just(u16::MAX)], 0..6)),
		1 => Just(((0..4_096u16).collect(), vec![1u16; 4_096])),
	]
}

fn bounded<S: frame_support::traits::Get<u32>>(v: Vec<u16>) -> BoundedVec<u16, S> {
	BoundedVec::truncate_from(v)
}

fn call() -> impl Strategy<Value = RuntimeCall> {
	use pallet_consensus::Call as C;
	use pallet_root::Call as R;
	use pallet_stake::Call as St;
	use pallet_subnets::Call as S;
	let subnets = prop_oneof![
		2 => acct().prop_map(|hotkey| RuntimeCall::Subnets(S::register_network { hotkey })),
		1 => netuid().prop_map(|netuid| RuntimeCall::Subnets(S::dissolve_network { netuid })),
		3 => (netuid(), any::<u8>(), value()).prop_map(|(netuid, i, v)| RuntimeCall::Subnets(S::set_hyperparameter { netuid, param: subnet_param(i, v) })),
		6 => (netuid(), acct(), amount()).prop_map(|(netuid, hotkey, max_burn)| RuntimeCall::Subnets(S::burned_register { netuid, hotkey, max_burn })),
		1 => (netuid(), any::<u32>(), any::<u128>(), any::<u16>(), prop_oneof![Just(4u8), Just(6), any::<u8>()], any::<u8>()).prop_map(|(netuid, version, ip, port, ip_type, protocol)| RuntimeCall::Subnets(S::serve_axon { netuid, version, ip: if ip_type == 4 { ip % (1 << 32) } else { ip }, port, ip_type, protocol })),
		1 => (netuid(), any::<u32>(), any::<u128>(), any::<u16>(), prop_oneof![Just(4u8), Just(6), any::<u8>()]).prop_map(|(netuid, version, ip, port, ip_type)| RuntimeCall::Subnets(S::serve_prometheus { netuid, version, ip, port, ip_type })),
		1 => (any::<u8>(), value()).prop_map(|(i, v)| RuntimeCall::Subnets(S::set_network_parameter { param: network_param(i, v) })),
	];
	let stake = prop_oneof![
		4 => (acct(), amount()).prop_map(|(hotkey, amount)| RuntimeCall::Stake(St::add_stake { hotkey, amount })),
		2 => (acct(), amount()).prop_map(|(hotkey, amount)| RuntimeCall::Stake(St::remove_stake { hotkey, amount })),
		1 => (acct(), acct(), amount()).prop_map(|(from_hotkey, to_hotkey, amount)| RuntimeCall::Stake(St::move_stake { from_hotkey, to_hotkey, amount })),
		1 => (acct(), acct(), amount()).prop_map(|(to_coldkey, hotkey, amount)| RuntimeCall::Stake(St::transfer_stake { to_coldkey, hotkey, amount })),
		1 => (acct(), any::<u16>()).prop_map(|(hotkey, take)| RuntimeCall::Stake(St::increase_take { hotkey, take })),
		1 => (acct(), any::<u16>()).prop_map(|(hotkey, take)| RuntimeCall::Stake(St::decrease_take { hotkey, take })),
		1 => (any::<u8>(), value()).prop_map(|(i, v)| RuntimeCall::Stake(St::set_stake_parameter { param: stake_param(i, v) })),
	];
	let weights = prop_oneof![
		4 => (netuid(), row(), value()).prop_map(|(netuid, (uids, weights), version_key)| RuntimeCall::Consensus(C::set_weights { netuid, uids: bounded(uids), weights: bounded(weights), version_key })),
		2 => (netuid(), any::<[u8; 32]>()).prop_map(|(netuid, hash)| RuntimeCall::Consensus(C::commit_weights { netuid, hash: H256(hash) })),
		2 => (netuid(), row(), prop::collection::vec(any::<u16>(), 0..=32), value()).prop_map(|(netuid, (uids, weights), salt, version_key)| RuntimeCall::Consensus(C::reveal_weights { netuid, uids: bounded(uids), weights: bounded(weights), salt: bounded(salt), version_key })),
		1 => acct().prop_map(|hotkey| RuntimeCall::Root(R::root_register { hotkey })),
		1 => (prop::collection::vec(0u16..6, 0..5), prop::collection::vec(0u16..4, 0..5)).prop_map(|(netuids, weights)| RuntimeCall::Root(R::set_root_weights { netuids: bounded(netuids), weights: bounded(weights), version_key: 0 })),
	];
	let balances = (acct(), amount()).prop_map(|(dest, value)| {
		RuntimeCall::Balances(pallet_balances::Call::transfer_allow_death {
			dest: dest.into(),
			value,
		})
	});
	prop_oneof![4 => subnets, 3 => stake, 3 => weights, 1 => balances]
}

fn action() -> impl Strategy<Value = Action> {
	prop_oneof![
		8 => (who(), call()).prop_map(|(who, call)| Action::Call(who, call)),
		2 => prop_oneof![1u8..=3, Just(12u8), Just(40u8)].prop_map(Action::Blocks),
	]
}

/// Hooks of one block, then every invariant.
fn next_block() {
	let n = System::block_number().saturating_add(1);
	System::reset_events();
	System::set_block_number(n);
	let used = AllPalletsWithSystem::on_initialize(n);
	let max = <Runtime as frame_system::Config>::BlockWeights::get().max_block;
	AllPalletsWithSystem::on_idle(n, max.saturating_sub(used));
	check_invariants();
}

fn check_invariants() {
	Subnets::do_try_state().expect("subnets invariants");
	Stake::do_try_state().expect("stake invariants");
	Consensus::do_try_state().expect("consensus invariants");
	Emission::do_try_state().expect("issuance invariant and emission state");
	Root::do_try_state().expect("root network invariants");
}

/// What `CheckWeights` says of a signed weight call (`None` for any other call).
fn extension_verdict(who: &AccountId, call: &RuntimeCall) -> Option<bool> {
	let RuntimeCall::Consensus(_) = call else { return None };
	let valid = pallet_consensus::CheckWeights::<Runtime>::default()
		.validate(
			RuntimeOrigin::signed(who.clone()),
			call,
			&call.get_dispatch_info(),
			0,
			(),
			&TxBaseImplication(()),
			TransactionSource::External,
		)
		.is_ok();
	Some(valid)
}

/// Runs one sequence; returns the number of calls it made.
fn run(actions: Vec<Action>) -> Result<u64, TestCaseError> {
	let mut calls = 0u64;
	test_externalities(DEV_RUNTIME_PRESET).execute_with(|| -> Result<(), TestCaseError> {
		System::set_block_number(1);
		// Two hotkeys hold a little TAO, to pay fees and to be reaped.
		for i in [6u8, 7] {
			let _ = pallet_balances::Pallet::<Runtime>::force_set_balance(
				RuntimeOrigin::root(),
				account(i).into(),
				TAO,
			);
		}
		Emission::on_initialize(1);
		check_invariants();
		for action in actions {
			match action {
				Action::Blocks(n) => (0..n).for_each(|_| next_block()),
				Action::Call(who, call) => {
					calls += 1;
					let origin = match &who {
						Who::Signed(i) => RuntimeOrigin::signed(account(*i)),
						Who::Root => RuntimeOrigin::root(),
					};
					let verdict = match &who {
						Who::Signed(i) => extension_verdict(&account(*i), &call),
						Who::Root => None,
					};
					let root_before = sp_io::storage::root(sp_runtime::StateVersion::V1);
					let result = call.clone().dispatch(origin);
					if let Err(error) = &result {
						let root_after = sp_io::storage::root(sp_runtime::StateVersion::V1);
						prop_assert_eq!(
							root_before,
							root_after,
							"{:?} by {:?} failed with {:?} but changed state",
							call,
							who,
							error.error
						);
					}
					if let Some(valid) = verdict {
						prop_assert_eq!(
							valid,
							result.is_ok(),
							"CheckWeights and the call disagree on {:?}: {:?}",
							call,
							result
						);
					}
				},
			}
		}
		next_block();
		Ok(())
	})?;
	Ok(calls)
}

/// Runs `cases` random sequences from `seed`; returns the calls made.
fn harness(cases: u32, seed: u64) -> u64 {
	let config = Config {
		cases,
		source_file: Some(file!()),
		failure_persistence: Some(Box::new(FileFailurePersistence::WithSource("regressions"))),
		..Config::default()
	};
	let mut bytes = [0u8; 32];
	bytes[..8].copy_from_slice(&seed.to_le_bytes());
	let mut runner =
		TestRunner::new_with_rng(config, TestRng::from_seed(RngAlgorithm::ChaCha, &bytes));
	let calls = AtomicU64::new(0);
	let sequences = prop::collection::vec(action(), 1..80);
	let result = runner.run(&sequences, |actions| {
		let made = run(actions)?;
		calls.fetch_add(made, Ordering::Relaxed);
		Ok(())
	});
	let calls = calls.load(Ordering::Relaxed);
	eprintln!("harness: seed {seed}, {cases} sequences, {calls} calls");
	if let Err(failure) = result {
		panic!("harness failure (seed {seed}): {failure}");
	}
	calls
}

/// The short fixed-seed run CI makes; `scripts/harness.sh` runs the long one.
#[test]
fn random_call_sequences_keep_every_invariant() {
	let env = |name: &str| std::env::var(name).ok().and_then(|v| v.parse::<u64>().ok());
	let cases = env("TAONET_HARNESS_CASES").unwrap_or(40);
	let seed = env("TAONET_HARNESS_SEED").unwrap_or(0x7a0e_7000);
	let calls = harness(u32::try_from(cases).unwrap_or(u32::MAX), seed);
	assert!(calls > 0);
}
