//! A test runtime: System, Balances, the subnets pallet (which tells this pallet of replaced
//! neurons) and this pallet.

use crate as pallet_consensus;
use frame_support::{derive_impl, parameter_types};
use frame_system::EnsureRoot;
use sp_runtime::BuildStorage;
use taonet_primitives::{Balance, TAO};

type Block = frame_system::mocking::MockBlock<Test>;
pub type AccountId = u64;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Subnets: pallet_subnets,
		Stake: pallet_stake,
		Consensus: pallet_consensus,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type DbWeight = frame_support::weights::constants::RocksDbWeight;
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
	pub const MaxUids: u32 = 4_096;
}

impl pallet_subnets::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type GovernanceOrigin = EnsureRoot<AccountId>;
	type NeuronHooks = Consensus;
	type Shares = ();
	type Scores = Consensus;
	type MaxSubnets = MaxSubnets;
	type WeightInfo = ();
}

parameter_types! {
	pub const StakePalletId: frame_support::PalletId = frame_support::PalletId(*b"tao/stak");
}

impl pallet_stake::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Hotkeys = Subnets;
	type GovernanceOrigin = EnsureRoot<AccountId>;
	type PalletId = StakePalletId;
	type WeightInfo = ();
}

impl pallet_consensus::Config for Test {
	type Subnets = Subnets;
	type Stake = Stake;
	type MaxUids = MaxUids;
	type MaxValidators = frame_support::traits::ConstU32<256>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = Subnets;
}

/// Coldkeys 1..=5 hold 100,000 TAO each; hotkeys are 100 and up.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: (1..=5)
			.map(|who| (who, 100_000 * TAO))
			.chain((100..=110).map(|h| (h, TAO)))
			.collect(),
		..Default::default()
	}
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
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// The events this pallet deposited, oldest first.
pub fn consensus_events() -> Vec<pallet_consensus::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Consensus(event) => Some(event),
			_ => None,
		})
		.collect()
}
