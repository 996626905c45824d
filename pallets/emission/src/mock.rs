//! A test runtime with every Taonet pallet the emission flow touches: Balances, Subnets, Stake,
//! Consensus, Root (the shares) and Emission.

use crate as pallet_emission;
use frame_support::parameter_types;
use taonet_primitives::Balance;

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

taonet_test_runtime::system_and_balances!(Test);
taonet_test_runtime::subnets_config!(Test {
	hooks: (Consensus, (Emission, Root)),
	shares: Root,
	scores: Consensus,
});
taonet_test_runtime::stake_config!(Test);
taonet_test_runtime::consensus_config!(Test);
taonet_test_runtime::root_config!(Test { activity: Consensus });
taonet_test_runtime::test_ext!(
	Test,
	try_state: [Subnets, Stake, Consensus, Root, Emission],
	with root
);

parameter_types! {
	/// One epoch a block by default.
	pub static MaxEpochsPerBlock: u32 = 1;
	/// No budget by default: tests set one to see epochs deferred by weight.
	pub static EpochWeightBudget: frame_support::weights::Weight =
		frame_support::weights::Weight::MAX;
	/// No payment budget by default: tests set one to see payouts spread over blocks.
	pub static PaymentWeightBudget: frame_support::weights::Weight =
		frame_support::weights::Weight::MAX;
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

/// Coldkeys 1..=5 hold 100,000 TAO each; hotkeys 100..=110 hold 1 TAO for fees. Shares every
/// block (root tempo 0), as when they were computed with each accrual.
pub fn new_test_ext() -> sp_io::TestExternalities {
	new_test_ext_with_issuance(0)
}

/// As [`new_test_ext`], with account 99 holding whatever brings total issuance at genesis to
/// `issuance` (when above the others' 500,011 TAO).
pub fn new_test_ext_with_issuance(issuance: Balance) -> sp_io::TestExternalities {
	ExtBuilder::default().root_tempo(0).issuance(issuance).build()
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
