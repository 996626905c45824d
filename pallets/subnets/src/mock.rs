//! A test runtime: System, Balances and this pallet, with root as governance and hooks that
//! record what they are told.

use crate as pallet_subnets;
use core::cell::RefCell;
use frame_support::{parameter_types, traits::Hooks, weights::Weight};
use frame_system::EnsureRoot;
use sp_runtime::BuildStorage;
use taonet_primitives::{Balance, EmissionShares, NetUid, NeuronHooks, Uid, TAO};

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Subnets: pallet_subnets,
	}
);

taonet_test_runtime::system_and_balances!(Test);

parameter_types! {
	pub const MaxSubnets: u16 = 8;
}

thread_local! {
	/// Every hook call, in order: `(netuid, Some(uid))` for a replaced UID, `(netuid, None)` for a
	/// removed subnet.
	pub static HOOK_CALLS: RefCell<Vec<(NetUid, Option<Uid>)>> = const { RefCell::new(Vec::new()) };
	/// The generation each removed subnet had when the hooks heard of its removal.
	pub static REMOVED_AT: RefCell<Vec<(NetUid, u32)>> = const { RefCell::new(Vec::new()) };
	/// Every subnet the hooks were told was added, in order.
	pub static ADDED: RefCell<Vec<NetUid>> = const { RefCell::new(Vec::new()) };
	/// Each subnet's pruning scores, as the tests set them.
	pub static SCORES: RefCell<Vec<(NetUid, Vec<u64>)>> = const { RefCell::new(Vec::new()) };
	/// Each subnet's emission share, as the tests set it.
	pub static SHARES: RefCell<Vec<(NetUid, u64)>> = const { RefCell::new(Vec::new()) };
}

/// Emission shares the tests set with [`set_share`]; 0 for any other subnet.
pub struct TestShares;
impl EmissionShares for TestShares {
	fn share_of(netuid: NetUid) -> u64 {
		SHARES.with(|shares| {
			shares.borrow().iter().rev().find(|(n, _)| *n == netuid).map_or(0, |&(_, s)| s)
		})
	}
}

/// Pruning scores the tests set with [`set_scores`]; none for any other subnet.
pub struct TestScores;
impl taonet_primitives::NeuronScores for TestScores {
	fn pruning_scores(netuid: NetUid) -> Vec<u64> {
		SCORES
			.with(|scores| {
				scores.borrow().iter().rev().find(|(n, _)| *n == netuid).map(|(_, s)| s.clone())
			})
			.unwrap_or_default()
	}
}

/// Sets `netuid`'s pruning scores by UID, as an epoch would.
pub fn set_scores(netuid: NetUid, scores: Vec<u64>) {
	SCORES.with(|stored| stored.borrow_mut().push((netuid, scores)));
}

/// Sets `netuid`'s emission share, as the root network would.
pub fn set_share(netuid: NetUid, share: u64) {
	SHARES.with(|shares| shares.borrow_mut().push((netuid, share)));
}

pub struct RecordingHooks;
impl NeuronHooks for RecordingHooks {
	fn on_neuron_replaced(netuid: NetUid, uid: Uid) -> Weight {
		HOOK_CALLS.with(|calls| calls.borrow_mut().push((netuid, Some(uid))));
		HOOK_WEIGHT
	}
	fn on_subnet_added(netuid: NetUid) -> Weight {
		ADDED.with(|added| added.borrow_mut().push(netuid));
		HOOK_WEIGHT
	}
	fn on_subnet_removed(netuid: NetUid) -> Weight {
		HOOK_CALLS.with(|calls| calls.borrow_mut().push((netuid, None)));
		let generation = pallet_subnets::Generation::<Test>::get(netuid);
		REMOVED_AT.with(|removed| removed.borrow_mut().push((netuid, generation)));
		HOOK_WEIGHT
	}
	fn weight_bound() -> Weight {
		HOOK_WEIGHT
	}
}

/// What each recorded hook call reports having used.
pub const HOOK_WEIGHT: Weight = Weight::from_parts(7_000, 0);

pub fn hook_calls() -> Vec<(NetUid, Option<Uid>)> {
	HOOK_CALLS.with(|calls| calls.borrow().clone())
}

/// Each removed subnet with the generation the hooks saw it at, in order.
pub fn removed_at() -> Vec<(NetUid, u32)> {
	REMOVED_AT.with(|removed| removed.borrow().clone())
}

/// The subnets the hooks were told were added, in order.
pub fn added_subnets() -> Vec<NetUid> {
	ADDED.with(|added| added.borrow().clone())
}

impl pallet_subnets::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type GovernanceOrigin = EnsureRoot<AccountId>;
	type NeuronHooks = RecordingHooks;
	type Shares = TestShares;
	type Scores = TestScores;
	type MaxSubnets = MaxSubnets;
	type WeightInfo = ();
}

/// Coldkeys 1..=5 hold 100,000 TAO each; 6 holds 10 TAO; hotkeys are 100 and up.
pub const RICH: Balance = 100_000 * TAO;
pub const POOR: AccountId = 6;

pub struct ExtBuilder {
	network_rate_limit: u32,
	subnet_limit: u16,
}

impl Default for ExtBuilder {
	fn default() -> Self {
		Self { network_rate_limit: 0, subnet_limit: 8 }
	}
}

impl ExtBuilder {
	pub fn network_rate_limit(mut self, blocks: u32) -> Self {
		self.network_rate_limit = blocks;
		self
	}

	pub fn subnet_limit(mut self, limit: u16) -> Self {
		self.subnet_limit = limit;
		self
	}

	pub fn build(self) -> sp_io::TestExternalities {
		let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		pallet_balances::GenesisConfig::<Test> {
			balances: (1..=5).map(|who| (who, RICH)).chain([(POOR, 10 * TAO)]).collect(),
			..Default::default()
		}
		.assimilate_storage(&mut storage)
		.unwrap();
		pallet_subnets::GenesisConfig::<Test> {
			network_rate_limit: Some(self.network_rate_limit),
			min_lock_cost: None,
			subnet_limit: Some(self.subnet_limit),
			_config: Default::default(),
		}
		.assimilate_storage(&mut storage)
		.unwrap();
		let mut ext = sp_io::TestExternalities::new(storage);
		ext.execute_with(|| {
			System::set_block_number(1);
			HOOK_CALLS.with(|calls| calls.borrow_mut().clear());
		});
		ext
	}

	/// Builds, runs `test`, and checks the pallet's invariants at the end.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		self.build().execute_with(|| {
			test();
			Subnets::do_try_state().expect("invariants hold at the end");
		});
	}
}

/// Moves to block `n`, checking the invariants after every block on the way.
pub fn run_to_block(n: u64) {
	while System::block_number() < n {
		Subnets::do_try_state().expect("invariants hold after every block");
		Subnets::on_finalize(System::block_number());
		System::set_block_number(System::block_number() + 1);
		Subnets::on_initialize(System::block_number());
	}
	Subnets::do_try_state().expect("invariants hold after every block");
}

/// The events this pallet deposited, oldest first.
pub fn subnet_events() -> Vec<pallet_subnets::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Subnets(event) => Some(event),
			_ => None,
		})
		.collect()
}
