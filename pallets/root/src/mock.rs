//! A test runtime with what the root network reads: Balances, Subnets and Stake, and subnets'
//! activity as the tests set it.

use crate as pallet_root;
use core::cell::RefCell;
use frame_support::{derive_impl, parameter_types, traits::Hooks};
use frame_system::EnsureRoot;
use sp_runtime::BuildStorage;
use taonet_primitives::{Balance, NetUid, SubnetActivity, TAO};

type Block = frame_system::mocking::MockBlock<Test>;
pub type AccountId = u64;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Subnets: pallet_subnets,
		Stake: pallet_stake,
		Root: pallet_root,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<Balance>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type Balance = Balance;
	type ExistentialDeposit = frame_support::traits::ConstU64<500>;
	type AccountStore = System;
	type RuntimeHoldReason = RuntimeHoldReason;
}

parameter_types! {
	pub const MaxSubnets: u16 = 8;
	pub const MaxSubnetsU32: u32 = 8;
	pub const StakePalletId: frame_support::PalletId = frame_support::PalletId(*b"tao/stak");
	pub const MaxRootValidators: u32 = 2;
}

thread_local! {
	/// The subnets the tests made active.
	pub static ACTIVE: RefCell<Vec<NetUid>> = const { RefCell::new(Vec::new()) };
}

/// Subnets are active when a test says so ([`set_active`]).
pub struct TestActivity;
impl SubnetActivity for TestActivity {
	fn is_active(netuid: NetUid) -> bool {
		ACTIVE.with(|active| active.borrow().contains(&netuid))
	}
}

/// Makes `netuid` active, as a consensus reached in its epoch would.
pub fn set_active(netuid: NetUid) {
	ACTIVE.with(|active| active.borrow_mut().push(netuid));
}

impl pallet_subnets::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type GovernanceOrigin = EnsureRoot<AccountId>;
	type NeuronHooks = Root;
	type Shares = Root;
	type Scores = ();
	type MaxSubnets = MaxSubnets;
	type WeightInfo = ();
}

impl pallet_stake::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Hotkeys = Subnets;
	type GovernanceOrigin = EnsureRoot<AccountId>;
	type PalletId = StakePalletId;
	type WeightInfo = ();
}

impl pallet_root::Config for Test {
	type Subnets = Subnets;
	type Hotkeys = Subnets;
	type Stake = Stake;
	type Activity = TestActivity;
	type MaxSubnets = MaxSubnetsU32;
	type MaxRootValidators = MaxRootValidators;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = Subnets;
}

/// Coldkeys 1..=5 hold 100,000 TAO each, hotkeys 100..=110 1 TAO; root tempo 10.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	let balances: Vec<(AccountId, Balance)> =
		(1..=5).map(|who| (who, 100_000 * TAO)).chain((100..=110).map(|h| (h, TAO))).collect();
	pallet_balances::GenesisConfig::<Test> { balances, ..Default::default() }
		.assimilate_storage(&mut storage)
		.unwrap();
	pallet_subnets::GenesisConfig::<Test> {
		network_rate_limit: Some(0),
		min_lock_cost: None,
		subnet_limit: Some(8),
		_config: Default::default(),
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_stake::GenesisConfig::<Test>::default().assimilate_storage(&mut storage).unwrap();
	pallet_root::GenesisConfig::<Test> { tempo: Some(10), _config: Default::default() }
		.assimilate_storage(&mut storage)
		.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Runs blocks up to `n`, with the root pallet's hook and its invariants after every block.
pub fn run_to_block(n: u64) {
	while System::block_number() < n {
		System::set_block_number(System::block_number() + 1);
		Root::on_initialize(System::block_number());
		Root::do_try_state().expect("the root network's invariants hold after every block");
	}
}

/// The events this pallet deposited, oldest first.
pub fn root_events() -> Vec<pallet_root::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Root(event) => Some(event),
			_ => None,
		})
		.collect()
}
