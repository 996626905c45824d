//! The bad-input table of `docs/bad-input.md`, row by row: each call with one bad argument is
//! signed and applied through `Executive`, as in a block, and must fail with the row's error
//! while nothing changes but the signer's nonce and the fee it paid to the block author. Free
//! weight calls with bad input are refused as invalid transactions: nothing at all changes.
//! A test also checks that the document lists exactly these rows.

use crate::{
	genesis_config_presets::test_externalities, AccountId, Balances, Executive, Runtime,
	RuntimeCall, RuntimeEvent, RuntimeOrigin, SignedPayload, Stake, Subnets, System, TxExtension,
	UncheckedExtrinsic, TAO,
};
use codec::Encode;
use frame_support::{assert_ok, traits::fungible::Inspect, BoundedVec};
use pallet_subnets::{NetworkParam, SubnetParam};
use sp_consensus_aura::{Slot, AURA_ENGINE_ID};
use sp_core::{twox_128, H256};
use sp_genesis_builder::DEV_RUNTIME_PRESET;
use sp_keyring::Sr25519Keyring as Key;
use sp_runtime::{
	generic::Era,
	transaction_validity::{InvalidTransaction, TransactionValidityError},
	Digest, DigestItem, MultiAddress, MultiSignature,
};
use std::collections::BTreeMap;
use taonet_primitives::{NetUid, Ratio};

/// A hotkey of these tests: an sr25519 development key derived from `//hotkey/<i>`.
fn hk(i: u8) -> sp_core::sr25519::Pair {
	use sp_core::Pair;
	sp_core::sr25519::Pair::from_string(&format!("//hotkey/{i}"), None).expect("a dev key")
}

fn hk_id(i: u8) -> AccountId {
	use sp_core::Pair;
	hk(i).public().into()
}

/// Who signs a row.
#[derive(Clone, Copy)]
enum Signer {
	Key(Key),
	Hotkey(u8),
}

impl Signer {
	fn account(self) -> AccountId {
		match self {
			Signer::Key(key) => key.to_account_id(),
			Signer::Hotkey(i) => hk_id(i),
		}
	}
	fn sign(self, bytes: &[u8]) -> MultiSignature {
		use sp_core::Pair;
		match self {
			Signer::Key(key) => key.sign(bytes).into(),
			Signer::Hotkey(i) => hk(i).sign(bytes).into(),
		}
	}
}

fn extrinsic(signer: Signer, call: RuntimeCall) -> UncheckedExtrinsic {
	let nonce = System::account_nonce(signer.account());
	crate::test_signing::signed(signer.account(), |bytes| signer.sign(bytes), call, nonce)
}

/// What a row must give.
enum Expect {
	/// The call fails in the block with this error, named as the document names it
	/// (`Pallet.Error`, or `BadOrigin`).
	Fails(sp_runtime::DispatchError, String),
	/// The transaction is invalid: refused in the pool, never in a block.
	Refused(u8),
}

impl Expect {
	/// What the document says the row gives.
	fn documented(&self) -> String {
		match self {
			Expect::Fails(_, name) => format!("`{name}`"),
			Expect::Refused(code) => format!("refused: `Custom({code})`"),
		}
	}
}

/// A failure with a pallet's error.
fn fails<E: Into<sp_runtime::DispatchError> + core::fmt::Debug>(pallet: &str, error: E) -> Expect {
	let name = format!("{pallet}.{error:?}");
	Expect::Fails(error.into(), name)
}

/// A failure for want of the governance origin.
fn bad_origin() -> Expect {
	Expect::Fails(sp_runtime::DispatchError::BadOrigin, "BadOrigin".into())
}

/// The rows: an id (as in `docs/bad-input.md`), the signer, the call, what it gives.
fn rows() -> Vec<(&'static str, Signer, RuntimeCall, Expect)> {
	use pallet_consensus::Call as C;
	use pallet_root::Call as R;
	use pallet_stake::Call as St;
	use pallet_subnets::Call as S;
	use Expect::Refused;
	use Signer::*;
	let b = |v: Vec<u16>| BoundedVec::truncate_from(v);
	let net = NetUid(1);
	vec![
		("register_network/hotkey-of-another-coldkey", Key(Key::Dave), RuntimeCall::Subnets(S::register_network { hotkey: hk_id(1) }), fails("Subnets", pallet_subnets::Error::<Runtime>::HotkeyOwnedByAnotherColdkey)),
		("dissolve_network/unknown-netuid", Key(Key::Alice), RuntimeCall::Subnets(S::dissolve_network { netuid: NetUid(9) }), fails("Subnets", pallet_subnets::Error::<Runtime>::SubnetNotFound)),
		("dissolve_network/max-netuid", Key(Key::Alice), RuntimeCall::Subnets(S::dissolve_network { netuid: NetUid(u16::MAX) }), fails("Subnets", pallet_subnets::Error::<Runtime>::SubnetNotFound)),
		("dissolve_network/someone-elses-subnet", Key(Key::Bob), RuntimeCall::Subnets(S::dissolve_network { netuid: net }), fails("Subnets", pallet_subnets::Error::<Runtime>::NotSubnetOwner)),
		("set_hyperparameter/out-of-bounds", Key(Key::Alice), RuntimeCall::Subnets(S::set_hyperparameter { netuid: net, param: SubnetParam::MaxWeightLimit(Ratio(0)) }), fails("Subnets", pallet_subnets::Error::<Runtime>::ParameterOutOfBounds)),
		("set_hyperparameter/governance-only-by-owner", Key(Key::Alice), RuntimeCall::Subnets(S::set_hyperparameter { netuid: net, param: SubnetParam::MinBurn(TAO) }), fails("Subnets", pallet_subnets::Error::<Runtime>::GovernanceOnly)),
		("set_hyperparameter/by-a-stranger", Key(Key::Dave), RuntimeCall::Subnets(S::set_hyperparameter { netuid: net, param: SubnetParam::ServingRateLimit(1) }), fails("Subnets", pallet_subnets::Error::<Runtime>::NotSubnetOwner)),
		("burned_register/unknown-netuid", Key(Key::Dave), RuntimeCall::Subnets(S::burned_register { netuid: NetUid(9), hotkey: hk_id(3), max_burn: TAO }), fails("Subnets", pallet_subnets::Error::<Runtime>::SubnetNotFound)),
		("burned_register/ceiling-below-the-burn", Key(Key::Dave), RuntimeCall::Subnets(S::burned_register { netuid: net, hotkey: hk_id(3), max_burn: 0 }), fails("Subnets", pallet_subnets::Error::<Runtime>::BurnAboveLimit)),
		("burned_register/hotkey-already-registered", Key(Key::Dave), RuntimeCall::Subnets(S::burned_register { netuid: net, hotkey: hk_id(2), max_burn: TAO }), fails("Subnets", pallet_subnets::Error::<Runtime>::HotkeyAlreadyRegistered)),
		("serve_axon/unknown-ip-type", Hotkey(2), RuntimeCall::Subnets(S::serve_axon { netuid: net, version: 1, ip: 0x7f00_0001, port: 8091, ip_type: 5, protocol: 0 }), fails("Subnets", pallet_subnets::Error::<Runtime>::InvalidIpType)),
		("serve_axon/unspecified-ip", Hotkey(2), RuntimeCall::Subnets(S::serve_axon { netuid: net, version: 1, ip: 0, port: 8091, ip_type: 4, protocol: 0 }), fails("Subnets", pallet_subnets::Error::<Runtime>::InvalidIpAddress)),
		("serve_axon/ipv4-too-large", Hotkey(2), RuntimeCall::Subnets(S::serve_axon { netuid: net, version: 1, ip: u128::MAX, port: 8091, ip_type: 4, protocol: 0 }), fails("Subnets", pallet_subnets::Error::<Runtime>::InvalidIpAddress)),
		("serve_axon/port-zero", Hotkey(2), RuntimeCall::Subnets(S::serve_axon { netuid: net, version: 1, ip: 0x7f00_0001, port: 0, ip_type: 4, protocol: 0 }), fails("Subnets", pallet_subnets::Error::<Runtime>::InvalidPort)),
		("serve_axon/unregistered-hotkey", Key(Key::Dave), RuntimeCall::Subnets(S::serve_axon { netuid: net, version: 1, ip: 0x7f00_0001, port: 8091, ip_type: 4, protocol: 0 }), fails("Subnets", pallet_subnets::Error::<Runtime>::HotkeyNotRegistered)),
		("set_network_parameter/signed", Key(Key::Bob), RuntimeCall::Subnets(S::set_network_parameter { param: NetworkParam::SubnetLimit(64) }), bad_origin()),
		("add_stake/zero", Key(Key::Dave), RuntimeCall::Stake(St::add_stake { hotkey: hk_id(2), amount: 0 }), fails("Stake", pallet_stake::Error::<Runtime>::ZeroAmount)),
		("add_stake/dust", Key(Key::Dave), RuntimeCall::Stake(St::add_stake { hotkey: hk_id(2), amount: 1 }), fails("Stake", pallet_stake::Error::<Runtime>::BelowMinStake)),
		("add_stake/more-than-the-balance", Key(Key::Dave), RuntimeCall::Stake(St::add_stake { hotkey: hk_id(2), amount: u64::MAX }), fails("Stake", pallet_stake::Error::<Runtime>::InsufficientBalance)),
		("add_stake/unregistered-hotkey", Key(Key::Dave), RuntimeCall::Stake(St::add_stake { hotkey: hk_id(9), amount: TAO }), fails("Stake", pallet_stake::Error::<Runtime>::UnknownHotkey)),
		("remove_stake/no-position", Key(Key::Dave), RuntimeCall::Stake(St::remove_stake { hotkey: hk_id(2), amount: TAO }), fails("Stake", pallet_stake::Error::<Runtime>::NoPosition)),
		("remove_stake/more-than-staked", Key(Key::Bob), RuntimeCall::Stake(St::remove_stake { hotkey: hk_id(2), amount: u64::MAX }), fails("Stake", pallet_stake::Error::<Runtime>::InsufficientStake)),
		("move_stake/same-hotkey", Key(Key::Bob), RuntimeCall::Stake(St::move_stake { from_hotkey: hk_id(2), to_hotkey: hk_id(2), amount: TAO }), fails("Stake", pallet_stake::Error::<Runtime>::SameHotkey)),
		("transfer_stake/to-oneself", Key(Key::Bob), RuntimeCall::Stake(St::transfer_stake { to_coldkey: Key::Bob.to_account_id(), hotkey: hk_id(2), amount: TAO }), fails("Stake", pallet_stake::Error::<Runtime>::SameColdkey)),
		("increase_take/someone-elses-hotkey", Key(Key::Dave), RuntimeCall::Stake(St::increase_take { hotkey: hk_id(2), take: 100 }), fails("Stake", pallet_stake::Error::<Runtime>::NotHotkeyOwner)),
		("decrease_take/above-the-current-take", Key(Key::Bob), RuntimeCall::Stake(St::decrease_take { hotkey: hk_id(2), take: u16::MAX }), fails("Stake", pallet_stake::Error::<Runtime>::InvalidTake)),
		("set_stake_parameter/signed", Key(Key::Bob), RuntimeCall::Stake(St::set_stake_parameter { param: pallet_stake::StakeParam::MinTake(1) }), bad_origin()),
		("root_register/someone-elses-hotkey", Key(Key::Dave), RuntimeCall::Root(R::root_register { hotkey: hk_id(2) }), fails("Root", pallet_root::Error::<Runtime>::NotHotkeyOwner)),
		("set_root_weights/not-a-root-validator", Key(Key::Bob), RuntimeCall::Root(R::set_root_weights { netuids: b(vec![1]), weights: b(vec![1]), version_key: 0 }), fails("Root", pallet_root::Error::<Runtime>::NotRootValidator)),
		("set_weights/unknown-netuid", Hotkey(2), RuntimeCall::Consensus(C::set_weights { netuid: NetUid(9), uids: b(vec![1]), weights: b(vec![1]), version_key: 0 }), Refused(1)),
		("set_weights/unregistered-hotkey", Key(Key::Dave), RuntimeCall::Consensus(C::set_weights { netuid: net, uids: b(vec![1]), weights: b(vec![1]), version_key: 0 }), Refused(2)),
		("set_weights/no-permit", Hotkey(2), RuntimeCall::Consensus(C::set_weights { netuid: net, uids: b(vec![0]), weights: b(vec![1]), version_key: 0 }), Refused(3)),
		("set_weights/length-mismatch", Hotkey(2), RuntimeCall::Consensus(C::set_weights { netuid: net, uids: b(vec![1, 0]), weights: b(vec![1]), version_key: 0 }), Refused(5)),
		("set_weights/unknown-uid", Hotkey(2), RuntimeCall::Consensus(C::set_weights { netuid: net, uids: b(vec![4_000]), weights: b(vec![1]), version_key: 0 }), Refused(3)),
		("set_weights/self-weight-zero", Hotkey(2), RuntimeCall::Consensus(C::set_weights { netuid: net, uids: b(vec![1]), weights: b(vec![0]), version_key: 0 }), Refused(11)),
		("commit_weights/commit-reveal-off", Hotkey(2), RuntimeCall::Consensus(C::commit_weights { netuid: net, hash: H256::zero() }), Refused(14)),
		("reveal_weights/commit-reveal-off", Hotkey(2), RuntimeCall::Consensus(C::reveal_weights { netuid: net, uids: b(vec![1]), weights: b(vec![1]), salt: b(vec![0; 32]), version_key: 0 }), Refused(14)),
	]
}

/// Starts block `n` authored by Alice (the development chain's only authority).
fn start_block(n: u32) {
	let digest = Digest {
		logs: vec![DigestItem::PreRuntime(AURA_ENGINE_ID, Slot::from(u64::from(n)).encode())],
	};
	System::initialize(&n, &Default::default(), &digest);
}

/// Subnet 1 (Alice's, owner hotkey 1) with Bob's hotkey 2 registered, staked and funded.
fn setup() {
	start_block(1);
	let (alice, bob) = (Key::Alice.to_account_id(), Key::Bob.to_account_id());
	assert_ok!(Subnets::register_network(RuntimeOrigin::signed(alice), hk_id(1)));
	assert_ok!(Subnets::burned_register(RuntimeOrigin::signed(bob.clone()), NetUid(1), hk_id(2), TAO));
	assert_ok!(Stake::add_stake(RuntimeOrigin::signed(bob.clone()), hk_id(2), 10 * TAO));
	assert_ok!(Balances::transfer_keep_alive(RuntimeOrigin::signed(bob), hk_id(2).into(), TAO));
	start_block(2);
}

/// Every storage entry of Taonet's pallets, balances and accounts, by key.
fn snapshot() -> BTreeMap<Vec<u8>, Vec<u8>> {
	let mut entries = BTreeMap::new();
	let prefixes: Vec<Vec<u8>> = ["Subnets", "Stake", "Consensus", "Emission", "Balances"]
		.iter()
		.map(|pallet| twox_128(pallet.as_bytes()).to_vec())
		.chain([[twox_128(b"System"), twox_128(b"Account")].concat()])
		.collect();
	for prefix in prefixes {
		let mut key = prefix.clone();
		while let Some(next) = sp_io::storage::next_key(&key) {
			if !next.starts_with(&prefix) {
				break;
			}
			let value = sp_io::storage::get(&next).expect("a key has a value").to_vec();
			entries.insert(next.clone(), value);
			key = next;
		}
	}
	entries
}

fn account_key(who: &AccountId) -> Vec<u8> {
	frame_system::Account::<Runtime>::hashed_key_for(who)
}

#[test]
fn every_row_fails_with_its_error_and_changes_only_nonce_and_fee() {
	for (id, signer, call, expect) in rows() {
		test_externalities(DEV_RUNTIME_PRESET).execute_with(|| {
			setup();
			let who = signer.account();
			let author = Key::Alice.to_account_id();
			let (nonce, free) = (System::account_nonce(&who), Balances::balance(&who));
			let author_free = Balances::balance(&author);
			let before = snapshot();
			System::reset_events();
			let applied = Executive::apply_extrinsic(extrinsic(signer, call));
			match expect {
				Expect::Refused(code) => {
					assert_eq!(
						applied,
						Err(TransactionValidityError::Invalid(InvalidTransaction::Custom(code))),
						"{id}"
					);
					assert_eq!(snapshot(), before, "{id}: a refused transaction changes nothing");
				},
				Expect::Fails(error, _) => {
					let outcome = applied.unwrap_or_else(|e| panic!("{id}: invalid: {e:?}"));
					assert_eq!(outcome, Err(error), "{id}");
					let fee: u64 = System::events()
						.iter()
						.find_map(|r| match &r.event {
							RuntimeEvent::TransactionPayment(
								pallet_transaction_payment::Event::TransactionFeePaid {
									actual_fee,
									..
								},
							) => Some(*actual_fee),
							_ => None,
						})
						.expect("a fee was paid");
					assert!(fee > 0, "{id}");
					assert_eq!(System::account_nonce(&who), nonce + 1, "{id}");
					assert_eq!(Balances::balance(&who), free - fee, "{id}");
					assert_eq!(Balances::balance(&author), author_free + fee, "{id}");
					let mut after = snapshot();
					let mut before = before;
					for key in [account_key(&who), account_key(&author)] {
						before.remove(&key);
						after.remove(&key);
					}
					assert_eq!(after, before, "{id}: nothing else changed");
				},
			}
		});
	}
}

#[test]
fn the_document_lists_exactly_these_rows() {
	let doc = include_str!("../../docs/bad-input.md");
	// Rows: | `id` | bad argument | outcome |
	let documented: BTreeMap<String, String> = doc
		.lines()
		.filter_map(|line| {
			let cells: Vec<&str> = line.split('|').map(str::trim).collect();
			let id = cells.get(1)?.strip_prefix('`')?.strip_suffix('`')?;
			id.contains('/').then(|| (id.to_string(), cells.get(3)?.to_string()))
		})
		.collect();
	let tested: BTreeMap<String, String> =
		rows().into_iter().map(|(id, _, _, expect)| (id.to_string(), expect.documented())).collect();
	assert_eq!(documented, tested);
}
