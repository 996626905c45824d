//! A test runtime: System, Balances and this pallet, with root as governance and a plain map as
//! the hotkey owner registry.

use crate as pallet_stake;
use core::cell::RefCell;
use frame_support::parameter_types;
use frame_system::EnsureRoot;
use sp_runtime::BuildStorage;
use std::collections::BTreeMap;
use taonet_primitives::{Balance, HotkeyOwnership, TAO};

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Stake: pallet_stake,
	}
);

taonet_test_runtime::system_and_balances!(Test);

thread_local! {
	static OWNERS: RefCell<BTreeMap<AccountId, (AccountId, u32)>> = const { RefCell::new(BTreeMap::new()) };
}

/// The hotkeys registered (bound) at genesis, with their coldkeys: 100 Alice's, 101 Bob's, 102
/// Charlie's, 103 Dave's, 200..=209 account 9's.
pub const REGISTERED: [(AccountId, AccountId); 4] = [(100, 1), (101, 2), (102, 3), (103, 4)];

/// Hotkey owners kept in a map, binding the first coldkey that asks.
pub struct Owners;
impl HotkeyOwnership<AccountId> for Owners {
	fn hotkey_owner(hotkey: &AccountId) -> Option<AccountId> {
		OWNERS.with(|owners| owners.borrow().get(hotkey).map(|(owner, _)| *owner))
	}
	fn bind_hotkey(hotkey: &AccountId, coldkey: &AccountId) -> Result<bool, AccountId> {
		let now = System::block_number() as u32;
		OWNERS.with(|owners| match owners.borrow_mut().entry(*hotkey) {
			std::collections::btree_map::Entry::Occupied(owner) if owner.get().0 == *coldkey => {
				Ok(false)
			},
			std::collections::btree_map::Entry::Occupied(owner) => Err(owner.get().0),
			std::collections::btree_map::Entry::Vacant(slot) => {
				slot.insert((*coldkey, now));
				Ok(true)
			},
		})
	}
	fn hotkey_bound_at(hotkey: &AccountId) -> Option<u32> {
		OWNERS.with(|owners| owners.borrow().get(hotkey).map(|(_, at)| *at))
	}
}

parameter_types! {
	pub const StakePalletId: frame_support::PalletId = frame_support::PalletId(*b"tao/stak");
}

impl pallet_stake::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Hotkeys = Owners;
	type GovernanceOrigin = EnsureRoot<AccountId>;
	type PalletId = StakePalletId;
	type WeightInfo = ();
}

/// Coldkeys 1..=9 hold 1,000 TAO each; hotkeys are 100 and up.
pub const START: Balance = 1_000 * TAO;

pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: (1..=9).map(|who| (who, START)).collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_stake::GenesisConfig::<Test>::default().assimilate_storage(&mut storage).unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		System::set_block_number(1);
		OWNERS.with(|owners| owners.borrow_mut().clear());
		// Registered at genesis (block 0), as the subnets pallet binds hotkeys.
		System::set_block_number(0);
		for (hotkey, coldkey) in REGISTERED.into_iter().chain((200..=209).map(|h| (h, 9))) {
			let _ = Owners::bind_hotkey(&hotkey, &coldkey);
		}
		System::set_block_number(1);
	});
	ext
}

/// Runs `test` and checks the pallet's invariants at the end.
pub fn build_and_execute(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Stake::do_try_state().expect("invariants hold at the end");
	});
}

/// The events this pallet deposited, oldest first.
pub fn stake_events() -> Vec<pallet_stake::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Stake(event) => Some(event),
			_ => None,
		})
		.collect()
}
