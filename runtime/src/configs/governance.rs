//! Governance: council referenda, their enactment, and root access on development chains.
//!
//! A council member submits a referendum (`Referenda::submit`) on a track; any account places its
//! decision deposit; council members vote (`Council::vote`); once it passes, the scheduler
//! dispatches its call with the track's origin after the enactment delay. The tracks and origins
//! are `pallet_governance`'s (its crate docs hold the table). Every governance-only call of the
//! chain accepts [`GovernanceOrigin`]: `Root` (root track) or the admin track.
//!
//! Sudo is in the runtime for development and local chains only: their presets set a sudo key;
//! a production chain's spec has none, so `Root` is reached only through the root track.

use frame_support::{
	parameter_types,
	traits::{
		fungible::HoldConsideration, ConstU16, ConstU32, Currency, EitherOf, EitherOfDiverse,
		EqualPrivilegeOnly, Imbalance, LinearStoragePrice, MapSuccess, OnUnbalanced,
	},
	weights::Weight,
};
use frame_system::{EnsureRoot, EnsureRootWithSuccess};
pub use pallet_governance::COUNCIL_RANK;
use pallet_governance::{EnsureAdmin, EnsureEmergency};
use pallet_ranked_collective::Rank;
use sp_runtime::{traits::Replace, Perbill};

use crate::{
	configs::system::RuntimeBlockWeights, AccountId, Balance, Balances, BlockNumber, OriginCaller,
	Preimage, Referenda, Runtime, RuntimeCall, RuntimeEvent, RuntimeHoldReason, RuntimeOrigin,
	Scheduler, System, TAO,
};
use taonet_primitives::DAYS;

/// Who may make a governance-only call: a referendum passed on the root or the admin track.
pub type GovernanceOrigin = EitherOfDiverse<EnsureRoot<AccountId>, EnsureAdmin>;

/// Who may cancel or kill a referendum, or cancel a scheduled enactment: the root track or the
/// emergency track.
pub type EmergencyOrigin = EitherOfDiverse<EnsureRoot<AccountId>, EnsureEmergency>;

/// Who may change the council's membership (root or admin track), up to any rank.
type CouncilRankOrigin = EitherOf<
	EnsureRootWithSuccess<AccountId, ConstU16<{ Rank::MAX }>>,
	MapSuccess<EnsureAdmin, Replace<ConstU16<{ Rank::MAX }>>>,
>;

impl pallet_sudo::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type WeightInfo = pallet_sudo::weights::SubstrateWeight<Runtime>;
}

impl pallet_governance::Config for Runtime {}

parameter_types! {
	/// Noting a preimage holds 1 TAO plus 0.00001 TAO per byte until it is unnoted.
	pub const PreimageBaseDeposit: Balance = TAO;
	pub const PreimageByteDeposit: Balance = TAO / 100_000;
	pub const PreimageHoldReason: RuntimeHoldReason =
		RuntimeHoldReason::Preimage(pallet_preimage::HoldReason::Preimage);
}

impl pallet_preimage::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = crate::weights::pallet_preimage::WeightInfo<Runtime>;
	type Currency = Balances;
	type ManagerOrigin = EnsureRoot<AccountId>;
	type Consideration = HoldConsideration<
		AccountId,
		Balances,
		PreimageHoldReason,
		LinearStoragePrice<PreimageBaseDeposit, PreimageByteDeposit, Balance>,
	>;
}

parameter_types! {
	/// Enactments may use up to 80% of a block.
	pub MaximumSchedulerWeight: Weight = {
		let max = RuntimeBlockWeights::get().max_block;
		let share = Perbill::from_percent(80);
		Weight::from_parts(share.mul_floor(max.ref_time()), share.mul_floor(max.proof_size()))
	};
}

impl pallet_scheduler::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeOrigin = RuntimeOrigin;
	type PalletsOrigin = OriginCaller;
	type RuntimeCall = RuntimeCall;
	type MaximumWeight = MaximumSchedulerWeight;
	/// Referenda schedule their enactments directly; by call, only root or the emergency track
	/// schedules or cancels.
	type ScheduleOrigin = EmergencyOrigin;
	type OriginPrivilegeCmp = EqualPrivilegeOnly;
	type MaxScheduledPerBlock = ConstU32<50>;
	type WeightInfo = crate::weights::pallet_scheduler::WeightInfo<Runtime>;
	type Preimages = Preimage;
	type BlockNumberProvider = System;
}

impl pallet_ranked_collective::Config for Runtime {
	type WeightInfo = crate::weights::pallet_ranked_collective::WeightInfo<Runtime>;
	type RuntimeEvent = RuntimeEvent;
	type AddOrigin = GovernanceOrigin;
	type RemoveOrigin = CouncilRankOrigin;
	type PromoteOrigin = CouncilRankOrigin;
	type DemoteOrigin = CouncilRankOrigin;
	type ExchangeOrigin = GovernanceOrigin;
	type Polls = Referenda;
	type MinRankOfClass = pallet_governance::MinRankOfTrack;
	type MemberSwappedHandler = ();
	/// One member, one vote.
	type VoteWeight = pallet_ranked_collective::Unit;
	#[cfg(not(feature = "runtime-benchmarks"))]
	type MaxMemberCount = pallet_governance::CouncilSizeLimit;
	/// `cleanup_poll`'s benchmark seats 100 voters, more than the council's cap, so benchmark
	/// builds (never a chain's runtime) leave the cap out; it is one comparison per admission,
	/// which the measured weights do not miss.
	#[cfg(feature = "runtime-benchmarks")]
	type MaxMemberCount = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkSetup = ();
}

parameter_types! {
	/// Held from the submitter until the referendum ends (then refundable).
	pub const SubmissionDeposit: Balance = TAO;
	/// A referendum that never gets its decision deposit times out after two weeks.
	pub const UndecidingTimeout: BlockNumber = 14 * DAYS;
}

/// Deposits of killed referenda leave total issuance, recorded as burned so that the issuance
/// invariant stays exact.
pub struct BurnSlashedDeposits;

type NegativeImbalance = <Balances as Currency<AccountId>>::NegativeImbalance;

impl OnUnbalanced<NegativeImbalance> for BurnSlashedDeposits {
	fn on_nonzero_unbalanced(amount: NegativeImbalance) {
		pallet_emission::Pallet::<Runtime>::note_burned(amount.peek());
		// Dropping the imbalance takes it out of total issuance.
		drop(amount);
	}
}

impl pallet_referenda::Config for Runtime {
	type RuntimeCall = RuntimeCall;
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = crate::weights::pallet_referenda::WeightInfo<Runtime>;
	type Scheduler = Scheduler;
	type Currency = Balances;
	/// Council members of rank 1 or more submit.
	type SubmitOrigin = pallet_governance::EnsureCouncilMember<Runtime>;
	type CancelOrigin = EmergencyOrigin;
	type KillOrigin = EmergencyOrigin;
	type Slash = BurnSlashedDeposits;
	type Votes = pallet_ranked_collective::Votes;
	type Tally = pallet_ranked_collective::TallyOf<Runtime>;
	type SubmissionDeposit = SubmissionDeposit;
	type MaxQueued = ConstU32<20>;
	type UndecidingTimeout = UndecidingTimeout;
	type AlarmInterval = ConstU32<1>;
	type Tracks = pallet_governance::Tracks<Runtime>;
	type Preimages = Preimage;
	type BlockNumberProvider = System;
}
