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

/// Registers `hk` on `netuid`, paid by `coldkey`, at whatever the burn is.
fn register_neuron(coldkey: AccountId, netuid: NetUid, hk: AccountId) {
	assert_ok!(Subnets::burned_register(RuntimeOrigin::signed(coldkey), netuid, hk, Balance::MAX));
}

fn set_param(netuid: NetUid, param: SubnetParam) {
	assert_ok!(Subnets::set_hyperparameter(RuntimeOrigin::root(), netuid, param));
}

/// Sets the subnet's current burn, as registrations and decay move it.
fn set_burn(netuid: NetUid, burn: Balance) {
	Subnets::store_burn(netuid, burn);
}

/// A subnet of Alice's with `extra` neurons besides the owner's, registered one per block.
fn subnet_with(extra: u64) -> NetUid {
	let netuid = register(ALICE, hotkey(0));
	set_param(netuid, SubnetParam::MaxRegistrationsPerBlock(64));
	for i in 1..=extra {
		register_neuron(BOB, netuid, hotkey(i));
	}
	netuid
}

mod burned_register;
mod dissolve_network;
mod hardening;
mod hyperparameters;
mod interface;
mod register_network;
mod serving;
