//! A runtime with the whole referendum machinery (balances, preimages, the scheduler, the
//! council and referenda) on this pallet's tracks, origins and submit origin.

use crate as pallet_governance;
use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU32, ConstU64, EqualPrivilegeOnly},
	weights::Weight,
};
use frame_system::EnsureRoot;
use sp_runtime::BuildStorage;
use taonet_primitives::{Balance, DAYS};

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Preimage: pallet_preimage,
		Scheduler: pallet_scheduler,
		Council: pallet_ranked_collective,
		Referenda: pallet_referenda,
		Governance: pallet_governance,
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
	type ExistentialDeposit = ConstU64<1>;
	type AccountStore = System;
}

impl pallet_preimage::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type Currency = Balances;
	type ManagerOrigin = EnsureRoot<u64>;
	type Consideration = ();
}

parameter_types! {
	pub MaximumSchedulerWeight: Weight = Weight::MAX;
}

impl pallet_scheduler::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeOrigin = RuntimeOrigin;
	type PalletsOrigin = OriginCaller;
	type RuntimeCall = RuntimeCall;
	type MaximumWeight = MaximumSchedulerWeight;
	type ScheduleOrigin = EnsureRoot<u64>;
	type OriginPrivilegeCmp = EqualPrivilegeOnly;
	type MaxScheduledPerBlock = ConstU32<50>;
	type WeightInfo = ();
	type Preimages = Preimage;
	type BlockNumberProvider = System;
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
	type Polls = Referenda;
	type MinRankOfClass = crate::MinRankOfTrack;
	type MemberSwappedHandler = ();
	type VoteWeight = pallet_ranked_collective::Unit;
	#[cfg(not(feature = "runtime-benchmarks"))]
	type MaxMemberCount = crate::CouncilSizeLimit;
	/// As in the runtime's benchmark builds: the benchmark council is larger than a chain's.
	#[cfg(feature = "runtime-benchmarks")]
	type MaxMemberCount = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkSetup = ();
}

impl pallet_referenda::Config for Test {
	type RuntimeCall = RuntimeCall;
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type Scheduler = Scheduler;
	type Currency = Balances;
	type SubmitOrigin = crate::EnsureCouncilMember<Test>;
	type CancelOrigin = EnsureRoot<u64>;
	type KillOrigin = EnsureRoot<u64>;
	type Slash = ();
	type Votes = pallet_ranked_collective::Votes;
	type Tally = pallet_ranked_collective::TallyOf<Test>;
	type SubmissionDeposit = ConstU64<1>;
	/// The runtime's queue length.
	type MaxQueued = ConstU32<20>;
	type UndecidingTimeout = ConstU64<{ 14 * DAYS as u64 }>;
	type AlarmInterval = ConstU64<1>;
	type Tracks = crate::Tracks<Test>;
	type Preimages = Preimage;
	type BlockNumberProvider = System;
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
