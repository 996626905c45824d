//! # Taonet primitives
//!
//! The types and constants that every part of Taonet agrees on: the runtime, the pallets, the node
//! and (through the metadata) the clients. Nothing here touches storage; it is plain data.
//!
//! ## Units
//! Balances are counted in **rao**, the smallest unit: 1 TAO = 10^9 rao ([`TAO`]). A `u64` holds the
//! whole [`MAX_SUPPLY`] of 21,000,000 TAO (2.1 * 10^16 rao) with room to spare.
//!
//! ## Identifiers
//! - [`NetUid`]: a subnet's id; [`NetUid::ROOT`] (0) is the root network.
//! - [`Uid`]: a neuron's slot within one subnet, dense from 0.
//!
//! Both are newtypes so that a subnet id can never be passed where a UID is expected.

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

pub mod emission;
mod hyperparams;
mod root;
mod stake;
mod subnets;
pub mod views;
pub use hyperparams::{
	Field, FromValue, Ratio, SubnetHyperparams, SubnetParam, Unit, DEFAULT_TEMPO, MAX_UIDS_LIMIT,
	MAX_VALIDATORS_LIMIT,
};
pub use root::{EmissionShares, SubnetActivity};
pub use stake::StakeInterface;
pub use subnets::{
	blocks_to_next_epoch, epoch_index, AxonInfo, EpochPayout, EpochRunner, HotkeyOwnership,
	NeuronHooks, NeuronScores, SubnetsBenchmarkHelper, SubnetsInterface,
};

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_runtime::{
	traits::{IdentifyAccount, Verify},
	MultiSignature,
};

/// A block number. At one block every 12 s a `u32` lasts about 1,600 years.
pub type BlockNumber = u32;

/// A balance in rao (10^-9 TAO).
pub type Balance = u64;

/// The signature scheme accounts use: sr25519, ed25519 or ecdsa, as polkadot.js signs.
pub type Signature = MultiSignature;

/// The public key behind an account: what a signature is checked against.
pub type AccountPublic = <Signature as Verify>::Signer;

/// An account id: a 32-byte public key (or the hash of an ecdsa key).
pub type AccountId = <AccountPublic as IdentifyAccount>::AccountId;

/// An account's transaction counter.
pub type Nonce = u32;

/// The hash of a block or of an extrinsic.
pub type Hash = sp_core::H256;

/// Rao in one TAO.
pub const TAO: Balance = 1_000_000_000;

/// Rao in one milli-TAO.
pub const MILLI_TAO: Balance = TAO / 1_000;

/// The largest total issuance there will ever be: 21,000,000 TAO, in rao.
pub const MAX_SUPPLY: Balance = 21_000_000 * TAO;

// The whole supply, and sums of a few supplies, fit in a `Balance`.
const _: () = assert!(MAX_SUPPLY <= Balance::MAX / 100);

/// The number of decimals of TAO, as chain properties announce it.
pub const TOKEN_DECIMALS: u8 = 9;

/// The token symbol, as chain properties announce it.
pub const TOKEN_SYMBOL: &str = "TAO";

/// The SS58 address format (the generic Substrate prefix).
pub const SS58_PREFIX: u16 = 42;

/// Target block time in milliseconds. Aura uses it as its slot duration.
pub const MILLISECS_PER_BLOCK: u64 = 12_000;

/// The slot duration, equal to the block time.
pub const SLOT_DURATION: u64 = MILLISECS_PER_BLOCK;

/// Compute time a block may use, in picoseconds of reference time: a third of the 12 s slot,
/// leaving the rest to propagate and import it.
pub const BLOCK_REF_TIME_LIMIT: u64 = 4 * sp_weights::constants::WEIGHT_REF_TIME_PER_SECOND;

/// Largest block, in bytes.
pub const BLOCK_LENGTH_LIMIT: u32 = 5 * 1024 * 1024;

/// Share of a block's weight and length open to normal transactions; the rest is kept for
/// operational ones (such as governance) so that they always fit.
pub const NORMAL_DISPATCH_RATIO: sp_runtime::Perbill = sp_runtime::Perbill::from_percent(75);

/// Rao charged per byte of a transaction.
pub const FEE_PER_BYTE: Balance = 1_000;

/// Rao charged per unit of weight: one rao per nanosecond of reference compute time, so that a
/// balance transfer costs on the order of 0.0001 TAO.
pub struct WeightToFee;

impl sp_weights::WeightToFeePolynomial for WeightToFee {
	type Balance = Balance;

	fn polynomial() -> sp_weights::WeightToFeeCoefficients<Balance> {
		// Weight's ref time counts picoseconds: 1 rao per 1,000 of them.
		alloc::vec![sp_weights::WeightToFeeCoefficient {
			coeff_integer: 0,
			coeff_frac: sp_runtime::Perbill::from_rational(1u32, 1_000u32),
			negative: false,
			degree: 1,
		}]
		.into()
	}
}

/// Blocks in a minute at the target block time.
pub const MINUTES: BlockNumber = 60_000 / (MILLISECS_PER_BLOCK as BlockNumber);

/// Blocks in an hour at the target block time.
pub const HOURS: BlockNumber = MINUTES * 60;

/// Blocks in a day at the target block time (7,200).
pub const DAYS: BlockNumber = HOURS * 24;

/// The existential deposit: an account with less than this is reaped.
pub const EXISTENTIAL_DEPOSIT: Balance = 500;

/// Declares a `u16` identifier newtype with its SCALE, metadata and conversion impls.
macro_rules! u16_id {
	($(#[$doc:meta])* $name:ident) => {
		$(#[$doc])*
		#[derive(
			Clone,
			Copy,
			Debug,
			Default,
			PartialEq,
			Eq,
			PartialOrd,
			Ord,
			Hash,
			Encode,
			Decode,
			DecodeWithMemTracking,
			MaxEncodedLen,
			TypeInfo,
		)]
		pub struct $name(pub u16);

		impl From<u16> for $name {
			fn from(value: u16) -> Self {
				$name(value)
			}
		}

		impl From<$name> for u16 {
			fn from(value: $name) -> Self {
				value.0
			}
		}
	};
}

u16_id! {
	/// A subnet's id. Netuid 0 is the root network.
	NetUid
}

u16_id! {
	/// A neuron's slot in one subnet, dense from 0 up to the subnet's max UIDs.
	Uid
}

impl NetUid {
	/// The root network, whose validators weight subnets rather than miners.
	pub const ROOT: NetUid = NetUid(0);

	/// Whether this is the root network.
	pub const fn is_root(self) -> bool {
		self.0 == 0
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn max_supply_fits_in_balance_and_counts_21_million_tao() {
		assert_eq!(MAX_SUPPLY / TAO, 21_000_000);
		assert_eq!(MAX_SUPPLY, 21_000_000_000_000_000);
	}

	#[test]
	fn block_time_gives_7200_blocks_a_day() {
		assert_eq!(MINUTES, 5);
		assert_eq!(DAYS, 7_200);
	}

	/// The blocks to a subnet's next epoch land exactly on its next epoch boundary.
	#[test]
	fn blocks_to_next_epoch_reach_the_next_epoch_exactly() {
		for netuid in [NetUid(1), NetUid(7)] {
			for tempo in [1u16, 10, 360] {
				for now in 0..800u32 {
					let blocks = blocks_to_next_epoch(netuid, tempo, now);
					let epoch = |b: u32| epoch_index(netuid, tempo, b);
					assert!((1..=u32::from(tempo) + 1).contains(&blocks));
					assert_eq!(epoch(now + blocks - 1), epoch(now), "{netuid:?} {tempo} {now}");
					assert_eq!(epoch(now + blocks), epoch(now) + 1, "{netuid:?} {tempo} {now}");
				}
			}
		}
	}

	#[test]
	fn ids_round_trip_through_scale_and_u16() {
		let net = NetUid::from(7u16);
		assert_eq!(u16::from(net), 7);
		assert_eq!(NetUid::decode(&mut &net.encode()[..]).ok(), Some(net));
		assert_eq!(net.encode(), 7u16.encode());
		assert!(NetUid::ROOT.is_root() && !net.is_root());
		let uid = Uid::from(300u16);
		assert_eq!(Uid::decode(&mut &uid.encode()[..]).ok(), Some(uid));
	}
}
