//! A runtime with the council (a ranked collective without polls) and this pallet.

use crate as pallet_governance;
use frame_support::{derive_impl, traits::NoOpPoll};
use frame_system::EnsureRoot;
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Council: pallet_ranked_collective,
		Governance: pallet_governance,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

impl pallet_ranked_collective::Config for Test {
	type WeightInfo = ();
	type RuntimeEvent = RuntimeEvent;
	type AddOrigin = EnsureRoot<u64>;
	type RemoveOrigin =
		frame_system::EnsureRootWithSuccess<u64, frame_support::traits::ConstU16<65535>>;
	type PromoteOrigin =
		frame_system::EnsureRootWithSuccess<u64, frame_support::traits::ConstU16<65535>>;
	type DemoteOrigin =
		frame_system::EnsureRootWithSuccess<u64, frame_support::traits::ConstU16<65535>>;
	type ExchangeOrigin = EnsureRoot<u64>;
	type Polls = NoOpPoll<u64>;
	type MinRankOfClass = crate::MinRankOfTrack;
	type MemberSwappedHandler = ();
	type VoteWeight = pallet_ranked_collective::Unit;
	type MaxMemberCount = crate::CouncilSizeLimit;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkSetup = ();
}

impl pallet_governance::Config for Test {}

/// Genesis with `council` and `period_divisor`.
pub fn new_test_ext(council: Vec<(u64, u16)>, period_divisor: u32) -> sp_io::TestExternalities {
	let storage = RuntimeGenesisConfig {
		governance: pallet_governance::GenesisConfig { council, period_divisor },
		..Default::default()
	}
	.build_storage()
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}
