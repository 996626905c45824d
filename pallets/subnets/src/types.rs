//! The pallet's data types and the network parameter call's argument, with its bounds. The
//! hyperparameter setter, `SubnetParam`, is declared with the hyperparameters in
//! `taonet-primitives`.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use taonet_primitives::{Balance, BlockNumber, TAO};

/// A registered subnet.
#[derive(
	Clone, Debug, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct SubnetInfo<AccountId> {
	/// The coldkey that registered it: receives the owner's cut and the lock back.
	pub owner: AccountId,
	/// The owner's hotkey, UID 0 at registration, never pruned.
	pub owner_hotkey: AccountId,
	/// The TAO held from the owner for as long as the subnet exists, in rao.
	pub lock: Balance,
	/// The block it was registered.
	pub registered_at: BlockNumber,
	/// The lock cost's memory ([`crate::LastLock`]) before this registration, given back if
	/// the subnet is dissolved before another registers.
	pub prior_lock: (Balance, BlockNumber),
	/// The last subnet registration before this one ([`crate::LastNetworkRegistration`]).
	pub prior_registration: Option<BlockNumber>,
}

/// IPv4, one of the two IP versions an endpoint may use.
pub const IPV4: u8 = 4;
/// IPv6, the other IP version an endpoint may use.
pub const IPV6: u8 = 6;

pub use taonet_primitives::AxonInfo;

/// A neuron's published metrics endpoint (`serve_prometheus`).
#[derive(
	Clone, Debug, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct PrometheusInfo {
	/// The block it was published.
	pub block: BlockNumber,
	/// The exporter's version.
	pub version: u32,
	/// The address, as in [`AxonInfo::ip`].
	pub ip: u128,
	/// The port, never 0.
	pub port: u16,
	/// 4 or 6.
	pub ip_type: u8,
}

/// Whether `(ip, ip_type)` is a usable endpoint address: a known version, an address that fits
/// it, not the unspecified address, and for IPv4 not the broadcast address.
pub fn is_valid_ip(ip: u128, ip_type: u8) -> Result<(), IpError> {
	match ip_type {
		IPV4 if ip > u128::from(u32::MAX) => Err(IpError::Address),
		IPV4 if ip == 0 || ip == u128::from(u32::MAX) => Err(IpError::Address),
		IPV6 if ip == 0 => Err(IpError::Address),
		IPV4 | IPV6 => Ok(()),
		_ => Err(IpError::Type),
	}
}

/// Why an endpoint address was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IpError {
	/// Neither 4 nor 6.
	Type,
	/// Unspecified, broadcast, or too large for IPv4.
	Address,
}

/// The registration burn, decaying lazily: its value at block `b` is `price * 2^(-(b -
/// updated_at) / half_life)`, clamped to the subnet's bounds. Stored only when a registration
/// or a parameter change sets it.
#[derive(
	Clone, Debug, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct BurnInfo {
	/// The burn at `updated_at`, in rao.
	pub price: Balance,
	/// The block it was set.
	pub updated_at: BlockNumber,
}

pub use taonet_primitives::{SubnetParam, MAX_UIDS_LIMIT, MAX_VALIDATORS_LIMIT};

/// One global network parameter and its new value: the argument of `set_network_parameter`
/// (governance only).
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub enum NetworkParam {
	/// Most subnets (not counting the root network); not below the current count.
	SubnetLimit(u16),
	/// Lowest lock cost of a subnet registration, in rao.
	MinLockCost(Balance),
	/// Blocks over which the lock cost decays from double the last lock to the minimum.
	LockReductionInterval(BlockNumber),
	/// Blocks between two subnet registrations.
	NetworkRateLimit(BlockNumber),
	/// Blocks during which a new subnet cannot be pruned.
	NetworkImmunityPeriod(BlockNumber),
}

impl NetworkParam {
	/// The inclusive range the value must lie in, given the current number of subnets and the
	/// hard cap on subnets.
	pub fn bounds(&self, subnets: u16, max_subnets: u16) -> (u128, u128) {
		match self {
			NetworkParam::SubnetLimit(_) => (subnets.max(1).into(), max_subnets.into()),
			NetworkParam::MinLockCost(_) => (TAO.into(), u128::from(1_000_000 * TAO)),
			NetworkParam::LockReductionInterval(_) => (1, 1_000_000),
			NetworkParam::NetworkRateLimit(_) => (0, 100_800),
			NetworkParam::NetworkImmunityPeriod(_) => (0, 1_000_000),
		}
	}

	/// The value compared with [`Self::bounds`].
	pub fn value(&self) -> u128 {
		match *self {
			NetworkParam::SubnetLimit(v) => v.into(),
			NetworkParam::MinLockCost(v) => v.into(),
			NetworkParam::LockReductionInterval(v)
			| NetworkParam::NetworkRateLimit(v)
			| NetworkParam::NetworkImmunityPeriod(v) => v.into(),
		}
	}
}
