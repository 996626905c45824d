//! A test runtime with every Taonet pallet the emission flow touches: Balances, Subnets, Stake,
//! Consensus, Root (the shares) and Emission.

use crate as pallet_emission;
use frame_support::{derive_impl, parameter_types, traits::Hooks};
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
		Root: pallet_root,
		Emission: pallet_emission,
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
	pub const MaxUids: u32 = 4_096;
	pub const StakePalletId: frame_support::PalletId = frame_support::PalletId(*b"tao/stak");
	pub const MaxRootValidators: u32 = 2;
	/// One epoch a block by default.
	pub static MaxEpochsPerBlock: u32 = 1;
	/// No budget by default: tests set one to see epochs deferred by weight.
	pub static EpochWeightBudget: frame_support::weights::Weight =
		frame_support::weights::Weight::MAX;
	/// No payment budget by default: tests set one to see payouts spread over blocks.
	pub static PaymentWeightBudget: frame_support::weights::Weight =
		frame_support::weights::Weight::MAX;
}

impl pallet_subnets::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type GovernanceOrigin = EnsureRoot<AccountId>;
	type NeuronHooks = (Consensus, (Emission, Root));
	type Shares = Root;
	type Scores = Consensus;
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

impl pallet_consensus::Config for Test {
	type Subnets = Subnets;
	type Stake = Stake;
	type MaxUids = MaxUids;
	type MaxValidators = frame_support::traits::ConstU32<256>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = Subnets;
}

impl pallet_root::Config for Test {
	type Subnets = Subnets;
	type Hotkeys = Subnets;
	type Stake = Stake;
	type Activity = Consensus;
	type MaxSubnets = MaxSubnetsU32;
	type MaxRootValidators = MaxRootValidators;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = Subnets;
}

impl pallet_emission::Config for Test {
	type Currency = Balances;
	type Subnets = Subnets;
	type Hotkeys = Subnets;
	type Stake = Stake;
	type Epochs = Consensus;
	type Shares = Root;
	type MaxEpochsPerBlock = MaxEpochsPerBlock;
	type MaxSubnets = MaxSubnetsU32;
	type EpochWeightBudget = EpochWeightBudget;
	type PaymentWeightBudget = PaymentWeightBudget;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = Subnets;
}

/// Coldkeys 1..=5 hold 100,000 TAO each; hotkeys 100..=110 hold 1 TAO for fees.
pub fn new_test_ext() -> sp_io::TestExternalities {
	new_test_ext_with_issuance(0)
}

/// As [`new_test_ext`], with account 99 holding whatever brings total issuance at genesis to
/// `issuance` (when above the others' 500,011 TAO).
pub fn new_test_ext_with_issuance(issuance: Balance) -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	let mut balances: Vec<(AccountId, Balance)> =
		(1..=5).map(|who| (who, 100_000 * TAO)).chain((100..=110).map(|h| (h, TAO))).collect();
	// The stake pallet's genesis seeds its reward account with the existential deposit.
	let seed: Balance =
		<<Test as pallet_balances::Config>::ExistentialDeposit as frame_support::traits::Get<
			Balance,
		>>::get();
	let others: Balance = balances.iter().map(|(_, b)| b).sum::<Balance>() + seed;
	if issuance > others {
		balances.push((99, issuance - others));
	}
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
	// Shares every block, as when they were computed with each accrual.
	pallet_root::GenesisConfig::<Test> { tempo: Some(0), _config: Default::default() }
		.assimilate_storage(&mut storage)
		.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Runs blocks up to `n`, with the root and emission pallets' hooks (in the runtime's order)
/// and the issuance invariant after every block.
pub fn run_to_block(n: u64) {
	while System::block_number() < n {
		System::set_block_number(System::block_number() + 1);
		Root::on_initialize(System::block_number());
		Emission::on_initialize(System::block_number());
		Emission::do_try_state().expect("the issuance invariant holds after every block");
	}
}

/// The events this pallet deposited, oldest first.
pub fn emission_events() -> Vec<pallet_emission::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Emission(event) => Some(event),
			_ => None,
		})
		.collect()
}
