//! # Governance pallet
//!
//! Taonet is governed by referenda that a council decides. The machinery is polkadot-sdk's:
//! `pallet-referenda` runs the polls, `pallet-ranked-collective` is the council that votes,
//! `pallet-scheduler` enacts what passes and `pallet-preimage` stores large proposals. This pallet
//! holds what is Taonet's own: the origins that passed referenda dispatch with, the tracks that
//! say how each origin is decided, and the council a network starts with.
//!
//! ## Terminology
//! - **Council**: the members of the ranked collective. Members of rank [`COUNCIL_RANK`] or above
//!   submit referenda and vote, one vote each; rank 0 is an observer who may be promoted. The
//!   first council comes from genesis; after that only the council's own referenda (admin or root
//!   track) add, promote, demote or remove members. At most [`MAX_COUNCIL`] members.
//! - **Track**: a class of referenda with its own decision rules, one per origin a passed
//!   referendum dispatches with ([`Tracks`]):
//!
//! | id | track | dispatches as | decides | at once | decision deposit | prepare | decision | confirm | min. enactment | approval | support |
//! |----|-------|---------------|---------|---------|------------------|---------|----------|---------|----------------|----------|---------|
//! | 0 | `root` | `Root` | runtime upgrades (`System::authorize_upgrade`), anything else that needs root | 1 | 100 TAO | 1 h | 7 d | 1 d | 1 d | 100% falling to 66.7% | 100% falling to 50% |
//! | 1 | `admin` | [`GovernanceOrigin::Admin`] | global parameters, governance-only hyperparameters, dissolving a subnet, council membership | 10 | 10 TAO | 30 min | 3 d | 3 h | 10 min | 100% falling to 60% | 60% falling to 34% |
//! | 2 | `emergency` | [`GovernanceOrigin::Emergency`] | cancelling or killing a referendum, cancelling a scheduled enactment | 5 | 10 TAO | 1 block | 1 d | 10 min | 1 block | 66.7% throughout | 66.7% throughout |
//!
//!   *Approval* is the share of votes cast that are ayes, *support* the share of all voting
//!   members that voted aye; each falls linearly over the decision period to its floor. A
//!   referendum passes once both stay above their curves for the whole confirm period, so a
//!   council that votes at once passes a root referendum in prepare + confirm (1 h + 1 d) and
//!   enacts it a day later. Periods are in 12 s blocks.
//! - **Period divisor** ([`PeriodDivisor`]): every period above is divided by it (never below one
//!   block). Production networks keep 1; development and test chains set it in their genesis so
//!   that a referendum completes in minutes. It is set at genesis only: no call changes it, so
//!   the council cannot hurry its own referenda.
//!
//! ## The emergency path
//! A council supermajority (two thirds of the members voting aye) on the `emergency` track
//! passes within ten minutes and enacts at the next block. Its origin may cancel a referendum
//! (deposits returned) or kill it (deposits slashed) on any track, and cancel an enactment that
//! the scheduler still holds, which stops an approved upgrade during its enactment delay.
//!
//! ## Origins in the runtime
//! Every governance-only call of Taonet's pallets accepts `Root` (the root track) or
//! [`EnsureAdmin`] (the admin track). A production chain has no sudo key, so these referenda are
//! the only way to reach them.

#![cfg_attr(not(feature = "std"), no_std)]
// Chain data never panics or overflows silently; tests may.
#![cfg_attr(
	not(test),
	deny(
		clippy::arithmetic_side_effects,
		clippy::indexing_slicing,
		clippy::unwrap_used,
		clippy::expect_used,
		clippy::float_arithmetic
	)
)]

extern crate alloc;

pub mod migrations;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

use alloc::borrow::Cow;
use core::marker::PhantomData;
use frame_support::traits::{EnsureOrigin, EnsureOriginWithArg, OriginTrait};
use frame_system::pallet_prelude::BlockNumberFor;
use pallet_ranked_collective::{MemberIndex, Rank};
use pallet_referenda::{Curve, Track, TrackInfo, TracksInfo};
use sp_runtime::{
	traits::{Convert, MaybeConvert},
	Perbill,
};
use taonet_primitives::{Balance, BlockNumber, DAYS, HOURS, MINUTES, TAO};

pub use pallet::*;

/// A referendum track's identifier.
pub type TrackId = u16;

/// The track of referenda that dispatch as `Root`.
pub const ROOT_TRACK: TrackId = 0;
/// The track of referenda that dispatch as [`GovernanceOrigin::Admin`].
pub const ADMIN_TRACK: TrackId = 1;
/// The track of referenda that dispatch as [`GovernanceOrigin::Emergency`].
pub const EMERGENCY_TRACK: TrackId = 2;

/// The lowest rank that submits referenda and votes on every track.
pub const COUNCIL_RANK: Rank = 1;

/// The largest council: members of every rank together.
pub const MAX_COUNCIL: MemberIndex = 64;

/// Two thirds, rounded up.
const TWO_THIRDS: Perbill = Perbill::from_parts(666_666_667);

/// A track's rules at production pace (periods in 12 s blocks).
struct TrackSpec {
	id: TrackId,
	name: &'static str,
	max_deciding: u32,
	decision_deposit: Balance,
	prepare: BlockNumber,
	decision: BlockNumber,
	confirm: BlockNumber,
	min_enactment: BlockNumber,
	/// Approval: (start, floor), falling linearly over the decision period.
	approval: (Perbill, Perbill),
	/// Support: (start, floor), falling linearly over the decision period.
	support: (Perbill, Perbill),
}

/// The tracks, sorted by id as `pallet-referenda` requires (the table in the crate docs).
const TRACKS: [TrackSpec; 3] = [
	TrackSpec {
		id: ROOT_TRACK,
		name: "root",
		max_deciding: 1,
		decision_deposit: 100 * TAO,
		prepare: HOURS,
		decision: 7 * DAYS,
		confirm: DAYS,
		min_enactment: DAYS,
		approval: (Perbill::from_percent(100), TWO_THIRDS),
		support: (Perbill::from_percent(100), Perbill::from_percent(50)),
	},
	TrackSpec {
		id: ADMIN_TRACK,
		name: "admin",
		max_deciding: 10,
		decision_deposit: 10 * TAO,
		prepare: 30 * MINUTES,
		decision: 3 * DAYS,
		confirm: 3 * HOURS,
		min_enactment: 10 * MINUTES,
		approval: (Perbill::from_percent(100), Perbill::from_percent(60)),
		support: (Perbill::from_percent(60), Perbill::from_percent(34)),
	},
	TrackSpec {
		id: EMERGENCY_TRACK,
		name: "emergency",
		max_deciding: 5,
		decision_deposit: 10 * TAO,
		prepare: 1,
		decision: DAYS,
		confirm: 10 * MINUTES,
		min_enactment: 1,
		approval: (TWO_THIRDS, TWO_THIRDS),
		support: (TWO_THIRDS, TWO_THIRDS),
	},
];

/// `period / divisor`, never below one block; a divisor of 0 counts as 1.
fn scaled(period: BlockNumber, divisor: u32) -> BlockNumber {
	period.checked_div(divisor).unwrap_or(period).max(1)
}

/// A curve that falls linearly from `ceil` to `floor` over the whole decision period.
fn falling(ceil: Perbill, floor: Perbill) -> Curve {
	Curve::LinearDecreasing { length: Perbill::one(), floor, ceil }
}

impl TrackSpec {
	fn track<Moment: From<BlockNumber>>(&self, divisor: u32) -> Track<TrackId, Balance, Moment> {
		Track {
			id: self.id,
			info: TrackInfo {
				name: sp_runtime::str_array(self.name),
				max_deciding: self.max_deciding,
				decision_deposit: self.decision_deposit,
				prepare_period: scaled(self.prepare, divisor).into(),
				decision_period: scaled(self.decision, divisor).into(),
				confirm_period: scaled(self.confirm, divisor).into(),
				min_enactment_period: scaled(self.min_enactment, divisor).into(),
				min_approval: falling(self.approval.0, self.approval.1),
				min_support: falling(self.support.0, self.support.1),
			},
		}
	}
}

/// The tracks with their periods divided by `divisor`, sorted by id.
pub fn track_table<Moment: From<BlockNumber>>(
	divisor: u32,
) -> impl Iterator<Item = Track<TrackId, Balance, Moment>> {
	TRACKS.iter().map(move |spec| spec.track(divisor))
}

// The pallet macros expand to code that uses `expect` and plain arithmetic on values they
// control; what is written inside the module does neither.
#[allow(
	clippy::expect_used,
	clippy::unwrap_used,
	clippy::arithmetic_side_effects,
	clippy::indexing_slicing
)]
#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use codec::{DecodeWithMemTracking, MaxEncodedLen};
	use frame_support::pallet_prelude::*;

	/// On-chain layout version; the next release renames the period divisor
	/// ([`crate::migrations`]).
	pub const STORAGE_VERSION: StorageVersion =
		StorageVersion::new(if cfg!(feature = "next-release") { 1 } else { 0 });

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// The council is a ranked collective; this pallet fills it at genesis.
	#[pallet::config]
	pub trait Config: frame_system::Config + pallet_ranked_collective::Config {}

	/// Origins that passed referenda dispatch with, besides `Root`.
	#[derive(
		PartialEq,
		Eq,
		Clone,
		Copy,
		Debug,
		Encode,
		Decode,
		DecodeWithMemTracking,
		TypeInfo,
		MaxEncodedLen,
	)]
	pub enum GovernanceOrigin {
		/// A referendum passed on the `admin` track.
		Admin,
		/// A referendum passed on the `emergency` track.
		Emergency,
	}

	/// The origins of this pallet.
	#[pallet::origin]
	pub type Origin = GovernanceOrigin;

	#[pallet::type_value]
	pub fn DefaultDivisor() -> u32 {
		1
	}

	/// Divides every track's periods (never below one block): 1 on production networks; set at
	/// genesis only.
	#[cfg(not(feature = "next-release"))]
	#[pallet::storage]
	pub type PeriodDivisor<T> = StorageValue<_, u32, ValueQuery, DefaultDivisor>;

	/// Divides every track's periods (never below one block): 1 on production networks; set at
	/// genesis only. Named `PeriodDivisor` up to storage version 0.
	#[cfg(feature = "next-release")]
	#[pallet::storage]
	pub type TrackPeriodDivisor<T> = StorageValue<_, u32, ValueQuery, DefaultDivisor>;

	/// The council a network starts with and how fast its tracks run.
	#[pallet::genesis_config]
	pub struct GenesisConfig<T: Config> {
		/// Council members and their ranks (at least [`COUNCIL_RANK`] to vote).
		pub council: Vec<(T::AccountId, Rank)>,
		/// See [`PeriodDivisor`]: 1 for production networks.
		pub period_divisor: u32,
	}

	impl<T: Config> Default for GenesisConfig<T> {
		fn default() -> Self {
			Self { council: Vec::new(), period_divisor: 1 }
		}
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			assert!(self.period_divisor >= 1, "governance: the period divisor must be at least 1");
			assert!(
				self.council.len() <= MAX_COUNCIL as usize,
				"governance: a council has at most {MAX_COUNCIL} members"
			);
			Pallet::<T>::set_period_divisor(self.period_divisor);
			for (member, rank) in &self.council {
				if let Err(error) = pallet_ranked_collective::Pallet::<T>::do_add_member_to_rank(
					member.clone(),
					*rank,
					false,
				) {
					panic!("governance: council member {member:?} at rank {rank}: {error:?}");
				}
			}
		}
	}

	// No hooks: `pallet-referenda`'s `integrity_test` already checks that [`Tracks`] is sorted.

	impl<T: Config> Pallet<T> {
		/// The divisor of every track's periods, at least 1.
		pub fn period_divisor() -> u32 {
			#[cfg(not(feature = "next-release"))]
			let divisor = PeriodDivisor::<T>::get();
			#[cfg(feature = "next-release")]
			let divisor = TrackPeriodDivisor::<T>::get();
			divisor.max(1)
		}

		fn set_period_divisor(divisor: u32) {
			#[cfg(not(feature = "next-release"))]
			PeriodDivisor::<T>::put(divisor);
			#[cfg(feature = "next-release")]
			TrackPeriodDivisor::<T>::put(divisor);
		}
	}
}

/// The referendum tracks of the crate docs' table, at the pace [`PeriodDivisor`] sets.
pub struct Tracks<T>(PhantomData<T>);

impl<T: Config> TracksInfo<Balance, BlockNumberFor<T>> for Tracks<T>
where
	BlockNumberFor<T>: From<BlockNumber>,
	<T::RuntimeOrigin as OriginTrait>::PalletsOrigin:
		Clone + TryInto<frame_system::RawOrigin<T::AccountId>> + TryInto<GovernanceOrigin>,
{
	type Id = TrackId;
	type RuntimeOrigin = <T::RuntimeOrigin as OriginTrait>::PalletsOrigin;

	fn tracks() -> impl Iterator<Item = Cow<'static, Track<TrackId, Balance, BlockNumberFor<T>>>> {
		track_table(Pallet::<T>::period_divisor()).map(Cow::Owned)
	}

	fn track_for(origin: &Self::RuntimeOrigin) -> Result<TrackId, ()> {
		if let Ok(frame_system::RawOrigin::Root) =
			TryInto::<frame_system::RawOrigin<T::AccountId>>::try_into(origin.clone())
		{
			return Ok(ROOT_TRACK);
		}
		match TryInto::<GovernanceOrigin>::try_into(origin.clone()) {
			Ok(GovernanceOrigin::Admin) => Ok(ADMIN_TRACK),
			Ok(GovernanceOrigin::Emergency) => Ok(EMERGENCY_TRACK),
			Err(_) => Err(()),
		}
	}
}

/// Passes a [`GovernanceOrigin`] of one kind.
pub struct EnsureGovernance<const KIND: u8>;

/// Passes a referendum decided on the `admin` track.
pub type EnsureAdmin = EnsureGovernance<0>;
/// Passes a referendum decided on the `emergency` track.
pub type EnsureEmergency = EnsureGovernance<1>;

impl<const KIND: u8> EnsureGovernance<KIND> {
	fn kind() -> GovernanceOrigin {
		if KIND == 0 {
			GovernanceOrigin::Admin
		} else {
			GovernanceOrigin::Emergency
		}
	}
}

impl<O, const KIND: u8> EnsureOrigin<O> for EnsureGovernance<KIND>
where
	O: Into<Result<GovernanceOrigin, O>> + From<GovernanceOrigin>,
{
	type Success = ();

	fn try_origin(origin: O) -> Result<(), O> {
		origin.into().and_then(|kind| match kind == Self::kind() {
			true => Ok(()),
			false => Err(O::from(kind)),
		})
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin() -> Result<O, ()> {
		Ok(O::from(Self::kind()))
	}
}

/// Who may submit a referendum: a council member of rank [`COUNCIL_RANK`] or above, the same
/// rule as `pallet_ranked_collective::EnsureMember`.
///
/// Its benchmark origin differs: it seats [`BENCHMARK_COUNCIL`] voting members before returning
/// one of them. `pallet-referenda`'s benchmarks build their tallies as shares of the voters there
/// are (one vote in a thousand) and seat that many only where nobody votes yet. With the
/// submitter alone on the council, a share rounds to the whole vote or to none: a referendum meant
/// to pass late in its decision period passes at once, and three of those benchmarks fail their
/// checks. Chains never run this path.
pub struct EnsureCouncilMember<T>(PhantomData<T>);

/// The council that [`EnsureCouncilMember`]'s benchmark origin seats: the thousand voters
/// `pallet-referenda`'s benchmarks tally with.
#[cfg(feature = "runtime-benchmarks")]
pub const BENCHMARK_COUNCIL: MemberIndex = 1_000;

impl<T: Config> EnsureOrigin<T::RuntimeOrigin> for EnsureCouncilMember<T> {
	type Success = T::AccountId;

	fn try_origin(origin: T::RuntimeOrigin) -> Result<T::AccountId, T::RuntimeOrigin> {
		<pallet_ranked_collective::EnsureMember<T, (), COUNCIL_RANK> as EnsureOrigin<_>>::try_origin(
			origin,
		)
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin() -> Result<T::RuntimeOrigin, ()> {
		use pallet_ranked_collective::{MemberCount, Members};
		let member = |i: u32| frame_benchmarking::account::<T::AccountId>("council", i, 0);
		let mut i = 0u32;
		while i == 0 || MemberCount::<T>::get(COUNCIL_RANK) < BENCHMARK_COUNCIL {
			let who = member(i);
			if !Members::<T>::contains_key(&who) {
				pallet_ranked_collective::Pallet::<T>::do_add_member_to_rank(
					who,
					COUNCIL_RANK,
					false,
				)
				.map_err(|_| ())?;
			}
			i = i.checked_add(1).ok_or(())?;
		}
		Ok(frame_system::RawOrigin::Signed(member(0)).into())
	}
}

frame_support::impl_ensure_origin_with_arg_ignoring_arg! {
	impl<{ T: Config, A }> EnsureOriginWithArg<T::RuntimeOrigin, A> for EnsureCouncilMember<T>
	{}
}

/// Every track needs [`COUNCIL_RANK`] to vote on it.
pub struct MinRankOfTrack;

impl Convert<TrackId, Rank> for MinRankOfTrack {
	fn convert(_: TrackId) -> Rank {
		COUNCIL_RANK
	}
}

/// Caps the council at [`MAX_COUNCIL`] members, whatever their rank.
pub struct CouncilSizeLimit;

impl MaybeConvert<Rank, MemberIndex> for CouncilSizeLimit {
	fn maybe_convert(_: Rank) -> Option<MemberIndex> {
		Some(MAX_COUNCIL)
	}
}
