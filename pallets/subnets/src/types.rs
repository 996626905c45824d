//! The pallet's data types and its two typed parameter calls' arguments, with their bounds.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use taonet_primitives::{Balance, BlockNumber, SubnetHyperparams, TAO};

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

/// One subnet hyperparameter and its new value: the argument of `set_hyperparameter`.
///
/// Bounds and who may set each are in [`SubnetParam::bounds`] and
/// [`SubnetParam::governance_only`]; the pallet's README has them as a table.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub enum SubnetParam {
	/// Blocks between epochs.
	Tempo(u16),
	/// Most UIDs; not below the current number of neurons nor the min allowed weights.
	MaxUids(u16),
	/// Most validator permits.
	MaxValidators(u16),
	/// Blocks a new neuron cannot be replaced.
	ImmunityPeriod(BlockNumber),
	/// Fewest weights a validator must set; not above max UIDs.
	MinAllowedWeights(u16),
	/// Largest single weight after normalization (u16 ratio).
	MaxWeightLimit(u16),
	/// Blocks between weight updates of one hotkey.
	WeightsRateLimit(BlockNumber),
	/// Lowest weights version key accepted.
	WeightsVersionKey(u64),
	/// Blocks a neuron stays active after its last update.
	ActivityCutoff(BlockNumber),
	/// κ (u16 ratio).
	Kappa(u16),
	/// Bonds moving average, in millionths.
	BondsMovingAverage(u64),
	/// Bonds penalty β (u16 ratio).
	BondsPenalty(u16),
	/// Yuma 3 bonds on (otherwise classic).
	Yuma3Enabled(bool),
	/// Liquid alpha on.
	LiquidAlphaEnabled(bool),
	/// Liquid alpha's bounds (u16 ratios), low first.
	AlphaBounds {
		/// Low bound.
		low: u16,
		/// High bound.
		high: u16,
	},
	/// Liquid alpha's steepness, in hundredths.
	AlphaSigmoidSteepness(u16),
	/// Commit-reveal weights on.
	CommitRevealEnabled(bool),
	/// Epochs between commit and reveal.
	RevealPeriod(u16),
	/// Blocks between two serve calls of one hotkey.
	ServingRateLimit(BlockNumber),
	/// `burned_register` open.
	RegistrationAllowed(bool),
	/// Lowest burn, in rao; not above the max burn.
	MinBurn(Balance),
	/// Highest burn, in rao; not below the min burn.
	MaxBurn(Balance),
	/// Blocks over which an idle burn halves.
	BurnHalfLife(BlockNumber),
	/// Factor a registration applies to the burn, in millionths.
	BurnIncreaseFactor(u32),
	/// Most registrations in one block.
	MaxRegistrationsPerBlock(u16),
}

/// Highest value of max UIDs any subnet may have.
pub const MAX_UIDS_LIMIT: u16 = 4_096;

/// Highest value of max validators any subnet may have. Only permit holders' weight rows
/// vote, so an epoch reads at most `max_validators × max_uids` weights; this bound keeps the
/// largest subnet's epoch well within a block.
pub const MAX_VALIDATORS_LIMIT: u16 = 256;

impl SubnetParam {
	/// Whether only governance may set it (otherwise the subnet owner may too).
	///
	/// Governance keeps what shapes the chain's load and the consensus guarantee (tempo, sizes,
	/// κ, the weights rate limit), the registration price (burn, its bounds and dynamics),
	/// whether registration is open, and the immunity period: what a registrant pays and how
	/// long it is safe is not the owner's to change under a registration it sees in the pool
	/// (Bittensor keeps `registration_allowed` root-only too). The owner tunes how its market
	/// scores.
	pub fn governance_only(&self) -> bool {
		matches!(
			self,
			SubnetParam::Tempo(_)
				| SubnetParam::MaxUids(_)
				| SubnetParam::MaxValidators(_)
				| SubnetParam::WeightsRateLimit(_)
				| SubnetParam::Kappa(_)
				| SubnetParam::BurnHalfLife(_)
				| SubnetParam::BurnIncreaseFactor(_)
				| SubnetParam::MaxRegistrationsPerBlock(_)
				| SubnetParam::RegistrationAllowed(_)
				| SubnetParam::MinBurn(_)
				| SubnetParam::MaxBurn(_)
				| SubnetParam::ImmunityPeriod(_)
		)
	}

	/// The inclusive range the value must lie in, given the subnet's current parameters and
	/// neuron count; `None` for flags and keys, which take any value.
	pub fn bounds(&self, current: &SubnetHyperparams, neurons: u16) -> Option<(u128, u128)> {
		use SubnetParam::*;
		let range = |lo: u128, hi: u128| Some((lo, hi));
		match self {
			Tempo(_) => range(1, 50_400),
			MaxUids(_) => {
				let floor = neurons.max(current.min_allowed_weights).max(1);
				range(floor.into(), MAX_UIDS_LIMIT.into())
			},
			MaxValidators(_) => range(1, MAX_VALIDATORS_LIMIT.into()),
			ImmunityPeriod(_) => range(0, 100_800),
			MinAllowedWeights(_) => range(0, current.max_uids.into()),
			MaxWeightLimit(_) => range(1, u16::MAX.into()),
			WeightsRateLimit(_) => range(0, 50_400),
			ActivityCutoff(_) => range(1, 100_800),
			Kappa(_) => range(32_767, u16::MAX.into()),
			BondsMovingAverage(_) => range(0, 999_000),
			BondsPenalty(_) => range(0, u16::MAX.into()),
			// `high` in `low..=MAX` with `low >= 1`; a zero `low` gets an empty range.
			AlphaBounds { low: 0, .. } => range(1, 0),
			AlphaBounds { low, .. } => range((*low).into(), u16::MAX.into()),
			AlphaSigmoidSteepness(_) => range(0, 10_000),
			RevealPeriod(_) => range(1, 100),
			ServingRateLimit(_) => range(0, 7_200),
			MinBurn(_) => {
				range(taonet_primitives::EXISTENTIAL_DEPOSIT.into(), current.max_burn.into())
			},
			MaxBurn(_) => range(current.min_burn.into(), u128::from(100_000 * TAO)),
			BurnHalfLife(_) => range(1, 100_800),
			BurnIncreaseFactor(_) => range(1_000_000, 4_000_000),
			MaxRegistrationsPerBlock(_) => range(1, 64),
			WeightsVersionKey(_)
			| Yuma3Enabled(_)
			| LiquidAlphaEnabled(_)
			| CommitRevealEnabled(_)
			| RegistrationAllowed(_) => None,
		}
	}

	/// Every hyperparameter, as the setter value that would write what `params` holds: one
	/// entry per variant, in declaration order.
	pub fn all_of(params: &SubnetHyperparams) -> [SubnetParam; 25] {
		use SubnetParam::*;
		[
			Tempo(params.tempo),
			MaxUids(params.max_uids),
			MaxValidators(params.max_validators),
			ImmunityPeriod(params.immunity_period),
			MinAllowedWeights(params.min_allowed_weights),
			MaxWeightLimit(params.max_weight_limit),
			WeightsRateLimit(params.weights_rate_limit),
			WeightsVersionKey(params.weights_version_key),
			ActivityCutoff(params.activity_cutoff),
			Kappa(params.kappa),
			BondsMovingAverage(params.bonds_moving_average),
			BondsPenalty(params.bonds_penalty),
			Yuma3Enabled(params.yuma3_enabled),
			LiquidAlphaEnabled(params.liquid_alpha_enabled),
			AlphaBounds { low: params.alpha_low, high: params.alpha_high },
			AlphaSigmoidSteepness(params.alpha_sigmoid_steepness),
			CommitRevealEnabled(params.commit_reveal_enabled),
			RevealPeriod(params.reveal_period),
			ServingRateLimit(params.serving_rate_limit),
			RegistrationAllowed(params.registration_allowed),
			MinBurn(params.min_burn),
			MaxBurn(params.max_burn),
			BurnHalfLife(params.burn_half_life),
			BurnIncreaseFactor(params.burn_increase_factor),
			MaxRegistrationsPerBlock(params.max_registrations_per_block),
		]
	}

	/// The variant's name, as metadata and the docs spell it.
	pub fn name(&self) -> &'static str {
		use SubnetParam::*;
		match self {
			Tempo(_) => "Tempo",
			MaxUids(_) => "MaxUids",
			MaxValidators(_) => "MaxValidators",
			ImmunityPeriod(_) => "ImmunityPeriod",
			MinAllowedWeights(_) => "MinAllowedWeights",
			MaxWeightLimit(_) => "MaxWeightLimit",
			WeightsRateLimit(_) => "WeightsRateLimit",
			WeightsVersionKey(_) => "WeightsVersionKey",
			ActivityCutoff(_) => "ActivityCutoff",
			Kappa(_) => "Kappa",
			BondsMovingAverage(_) => "BondsMovingAverage",
			BondsPenalty(_) => "BondsPenalty",
			Yuma3Enabled(_) => "Yuma3Enabled",
			LiquidAlphaEnabled(_) => "LiquidAlphaEnabled",
			AlphaBounds { .. } => "AlphaBounds",
			AlphaSigmoidSteepness(_) => "AlphaSigmoidSteepness",
			CommitRevealEnabled(_) => "CommitRevealEnabled",
			RevealPeriod(_) => "RevealPeriod",
			ServingRateLimit(_) => "ServingRateLimit",
			RegistrationAllowed(_) => "RegistrationAllowed",
			MinBurn(_) => "MinBurn",
			MaxBurn(_) => "MaxBurn",
			BurnHalfLife(_) => "BurnHalfLife",
			BurnIncreaseFactor(_) => "BurnIncreaseFactor",
			MaxRegistrationsPerBlock(_) => "MaxRegistrationsPerBlock",
		}
	}

	/// The value compared with [`Self::bounds`] (for alpha bounds, the high one, whose range
	/// starts at the low one: so `1 <= low <= high`).
	pub fn value(&self) -> u128 {
		use SubnetParam::*;
		match *self {
			Tempo(v)
			| MaxUids(v)
			| MaxValidators(v)
			| MinAllowedWeights(v)
			| MaxWeightLimit(v)
			| Kappa(v)
			| BondsPenalty(v)
			| AlphaSigmoidSteepness(v)
			| RevealPeriod(v)
			| MaxRegistrationsPerBlock(v) => v.into(),
			AlphaBounds { high, .. } => high.into(),
			ImmunityPeriod(v)
			| WeightsRateLimit(v)
			| ActivityCutoff(v)
			| ServingRateLimit(v)
			| BurnHalfLife(v)
			| BurnIncreaseFactor(v) => v.into(),
			WeightsVersionKey(v) | BondsMovingAverage(v) | MinBurn(v) | MaxBurn(v) => v.into(),
			Yuma3Enabled(v)
			| LiquidAlphaEnabled(v)
			| CommitRevealEnabled(v)
			| RegistrationAllowed(v) => v.into(),
		}
	}

	/// Writes the value into `params`.
	pub fn apply(&self, params: &mut SubnetHyperparams) {
		use SubnetParam::*;
		match *self {
			Tempo(v) => params.tempo = v,
			MaxUids(v) => params.max_uids = v,
			MaxValidators(v) => params.max_validators = v,
			ImmunityPeriod(v) => params.immunity_period = v,
			MinAllowedWeights(v) => params.min_allowed_weights = v,
			MaxWeightLimit(v) => params.max_weight_limit = v,
			WeightsRateLimit(v) => params.weights_rate_limit = v,
			WeightsVersionKey(v) => params.weights_version_key = v,
			ActivityCutoff(v) => params.activity_cutoff = v,
			Kappa(v) => params.kappa = v,
			BondsMovingAverage(v) => params.bonds_moving_average = v,
			BondsPenalty(v) => params.bonds_penalty = v,
			Yuma3Enabled(v) => params.yuma3_enabled = v,
			LiquidAlphaEnabled(v) => params.liquid_alpha_enabled = v,
			AlphaBounds { low, high } => {
				params.alpha_low = low;
				params.alpha_high = high;
			},
			AlphaSigmoidSteepness(v) => params.alpha_sigmoid_steepness = v,
			CommitRevealEnabled(v) => params.commit_reveal_enabled = v,
			RevealPeriod(v) => params.reveal_period = v,
			ServingRateLimit(v) => params.serving_rate_limit = v,
			RegistrationAllowed(v) => params.registration_allowed = v,
			MinBurn(v) => params.min_burn = v,
			MaxBurn(v) => params.max_burn = v,
			BurnHalfLife(v) => params.burn_half_life = v,
			BurnIncreaseFactor(v) => params.burn_increase_factor = v,
			MaxRegistrationsPerBlock(v) => params.max_registrations_per_block = v,
		}
	}
}

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
