//! A subnet's hyperparameters, declared once.
//!
//! One table, [`hyperparameters!`]'s invocation below, gives each hyperparameter its field of
//! [`SubnetHyperparams`], its genesis default, its variant of the setter [`SubnetParam`]
//! (`set_hyperparameter`'s argument), the range the setter checks, who may set it and the unit
//! clients show it in. Everything else is generated from it: the struct, `Default`, the enum and
//! its `bounds`, `value`, `apply`, `governance_only`, `name` and `all_of`, and the field list
//! that the node's JSON-RPC answers with ([`SubnetHyperparams::fields`]). The epoch's own
//! parameters come from it too ([`SubnetHyperparams::epoch_params`]): Yuma has no defaults of
//! its own.
//!
//! The subnets pallet's README lists the table for readers, and a unit test of that pallet
//! checks the two agree; the node's tests check `docs/rpc.md` against the field list.

use crate::{Balance, BlockNumber, EXISTENTIAL_DEPOSIT, TAO};
use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

/// A ratio in `u16`: 0 is 0.0 and [`Ratio::ONE`] (65,535) is 1.0, as Bittensor stores them.
/// Encoded as the bare `u16`.
#[derive(
	Clone,
	Copy,
	Debug,
	Default,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct Ratio(pub u16);

impl Ratio {
	/// 1.0.
	pub const ONE: Ratio = Ratio(u16::MAX);
	/// 0.5, rounded down (32,767).
	pub const HALF: Ratio = Ratio(u16::MAX / 2);
}

impl From<Ratio> for u128 {
	fn from(ratio: Ratio) -> Self {
		ratio.0.into()
	}
}

/// How a hyperparameter's raw value reads: what the JSON-RPC shows beside it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
	/// A plain number (a count, a version key).
	Count,
	/// Blocks.
	Blocks,
	/// Epochs of the subnet.
	Epochs,
	/// Rao.
	Rao,
	/// A [`Ratio`]: raw / 65,535.
	Ratio,
	/// Raw / 1,000,000.
	Millionths,
	/// Raw / 100.
	Hundredths,
	/// On (1) or off (0).
	Flag,
}

/// One field of [`SubnetHyperparams`] as clients read it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Field {
	/// The field's name in the struct (snake case).
	pub name: &'static str,
	/// Its value; a flag is 0 or 1.
	pub value: u128,
	/// What the value counts.
	pub unit: Unit,
}

/// Highest value of max UIDs any subnet may have.
pub const MAX_UIDS_LIMIT: u16 = 4_096;

/// Highest value of max validators any subnet may have. Only permit holders' weight rows vote,
/// so an epoch reads at most `max_validators × max_uids` weights; this bound keeps the largest
/// subnet's epoch well within a block.
pub const MAX_VALIDATORS_LIMIT: u16 = 256;

/// A new subnet's tempo: 360 blocks (72 minutes at 12 s).
pub const DEFAULT_TEMPO: u16 = 360;

/// The inclusive range `lo ..= hi` a setter's value must lie in.
fn range(lo: impl Into<u128>, hi: impl Into<u128>) -> Option<(u128, u128)> {
	Some((lo.into(), hi.into()))
}

/// A hyperparameter's type built from a client's number, if it fits.
pub trait FromValue: Sized {
	/// The value `value` stands for, or `None` if it does not fit.
	fn from_value(value: u128) -> Option<Self>;
}

macro_rules! from_value_by_try_from {
	($($ty:ty),*) => {
		$( impl FromValue for $ty {
			fn from_value(value: u128) -> Option<Self> {
				<$ty>::try_from(value).ok()
			}
		} )*
	};
}
from_value_by_try_from!(u16, u32, u64, u128);

impl FromValue for bool {
	fn from_value(value: u128) -> Option<Self> {
		match value {
			0 => Some(false),
			1 => Some(true),
			_ => None,
		}
	}
}

impl FromValue for Ratio {
	fn from_value(value: u128) -> Option<Self> {
		u16::try_from(value).ok().map(Ratio)
	}
}

/// Generates the struct, the setter and their impls from the table (see the module docs).
///
/// A row is `Variant(field: Type = default)` for a setter of one field, or
/// `Variant { docs fields: arg => field: Type = default, ...; value arg }` for a setter of
/// several, which the bounds check by `arg`; then the unit, `governance` or `owner` (the owner
/// or governance), and the bounds: an `Option<(u128, u128)>` expression that may read the
/// setter's own values by their names, the subnet's current parameters and its neuron count
/// (named in the table's first line). Rows are in the order of the struct's fields and the
/// enum's variants, which their SCALE encodings follow.
macro_rules! hyperparameters {
	(@governance governance) => { true };
	(@governance owner) => { false };
	(
		bounds($current:ident, $neurons:ident);
		$(
			$variant:ident
			$( ( $(#[doc = $doc:literal])* $field:ident : $ty:ty = $default:expr ) )?
			$( {
				$(#[doc = $pdoc:literal])*
				fields: $( $arg:ident => $(#[doc = $fdoc:literal])* $pfield:ident : $pty:ty = $pdefault:expr ),+ ;
				value $checked:ident
			} )?
			[$unit:ident] $who:ident, $bounds:expr;
		)*
	) => {
		/// One subnet's hyperparameters (protocol brief, section 3). Defaults are the genesis
		/// values; the subnets pallet's README lists each one's bounds and who may change it.
		#[derive(
			Clone, Debug, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen,
			TypeInfo,
		)]
		pub struct SubnetHyperparams {
			$(
				$( $(#[doc = $doc])* pub $field: $ty, )?
				$( $( $(#[doc = $fdoc])* pub $pfield: $pty, )+ )?
			)*
		}

		impl Default for SubnetHyperparams {
			fn default() -> Self {
				Self {
					$(
						$( $field: $default, )?
						$( $( $pfield: $pdefault, )+ )?
					)*
				}
			}
		}

		impl SubnetHyperparams {
			/// Every field in declaration order, with its value and unit.
			pub fn fields(&self) -> Vec<Field> {
				alloc::vec![
					$(
						$( Field {
							name: stringify!($field),
							value: self.$field.into(),
							unit: Unit::$unit,
						}, )?
						$( $( Field {
							name: stringify!($pfield),
							value: self.$pfield.into(),
							unit: Unit::$unit,
						}, )+ )?
					)*
				]
			}
		}

		/// One subnet hyperparameter and its new value: the argument of `set_hyperparameter`.
		///
		/// Each variant sets the [`SubnetHyperparams`] field(s) of its name, within
		/// [`SubnetParam::bounds`]; [`SubnetParam::governance_only`] says who may set it.
		#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
		pub enum SubnetParam {
			$(
				$( $(#[doc = $doc])* $variant($ty), )?
				$( $(#[doc = $pdoc])* $variant { $( $(#[doc = $fdoc])* $arg: $pty ),+ }, )?
			)*
		}

		impl SubnetParam {
			/// How many hyperparameter setters there are.
			pub const COUNT: usize = 0 $( + { let _ = stringify!($variant); 1 } )*;

			/// Whether only governance may set it (otherwise the subnet owner may too).
			///
			/// Governance keeps what shapes the chain's load and the consensus guarantee
			/// (tempo, sizes, κ, the weights rate limit), the registration price (burn bounds
			/// and dynamics), whether registration is open, and the immunity period: what a
			/// registrant pays and how long it is safe is not the owner's to change under a
			/// registration it sees in the pool (Bittensor keeps `registration_allowed`
			/// root-only too). The owner tunes how its market scores.
			pub fn governance_only(&self) -> bool {
				match self {
					$( SubnetParam::$variant { .. } => hyperparameters!(@governance $who), )*
				}
			}

			/// The inclusive range [`Self::value`] must lie in, given the subnet's current
			/// parameters and neuron count; `None` for flags and keys, which take any value.
			#[allow(unused_variables)]
			pub fn bounds(
				&self,
				$current: &SubnetHyperparams,
				$neurons: u16,
			) -> Option<(u128, u128)> {
				match *self {
					$(
						$( SubnetParam::$variant($field) => $bounds, )?
						$( SubnetParam::$variant { $($arg),+ } => $bounds, )?
					)*
				}
			}

			/// The value compared with [`Self::bounds`]: a setter of several fields names the
			/// one its bounds check (for alpha bounds the high one, whose range starts at the
			/// low one, so that `1 <= low <= high`).
			#[allow(unused_variables)]
			pub fn value(&self) -> u128 {
				match *self {
					$(
						$( SubnetParam::$variant($field) => $field.into(), )?
						$( SubnetParam::$variant { $($arg),+ } => $checked.into(), )?
					)*
				}
			}

			/// Writes the value into `params`.
			pub fn apply(&self, params: &mut SubnetHyperparams) {
				match *self {
					$(
						$( SubnetParam::$variant($field) => params.$field = $field, )?
						$( SubnetParam::$variant { $($arg),+ } => {
							$( params.$pfield = $arg; )+
						}, )?
					)*
				}
			}

			/// Every hyperparameter, as the setter value that would write what `params` holds:
			/// one entry per variant, in declaration order.
			pub fn all_of(params: &SubnetHyperparams) -> [SubnetParam; SubnetParam::COUNT] {
				[
					$(
						$( SubnetParam::$variant(params.$field), )?
						$( SubnetParam::$variant { $( $arg: params.$pfield ),+ }, )?
					)*
				]
			}

			/// The setter of the variant named `name` (as [`Self::name`] spells it) with
			/// `values` in its fields' order: what clients build from a name and numbers (flags
			/// are 0 or 1). `None` if no variant has the name, the count of values is not its
			/// count of fields, or a value does not fit its field's type.
			pub fn parse(name: &str, values: &[u128]) -> Option<SubnetParam> {
				$(
					if name == stringify!($variant) {
						$(
							let [$field] = values else { return None };
							return Some(SubnetParam::$variant(<$ty as FromValue>::from_value(*$field)?));
						)?
						$(
							let [$($arg),+] = values else { return None };
							return Some(SubnetParam::$variant {
								$( $arg: <$pty as FromValue>::from_value(*$arg)? ),+
							});
						)?
					}
				)*
				None
			}

			/// The variant's name, as metadata and the docs spell it.
			pub fn name(&self) -> &'static str {
				match self {
					$( SubnetParam::$variant { .. } => stringify!($variant), )*
				}
			}
		}
	};
}

hyperparameters! {
	bounds(current, neurons);

	Tempo(
		/// Blocks between two epochs of the subnet.
		tempo: u16 = DEFAULT_TEMPO
	) [Blocks] governance, range(1u16, 50_400u16);

	MaxUids(
		/// Most neurons (UIDs) the subnet holds; not below its neurons nor its min allowed
		/// weights.
		max_uids: u16 = 256
	) [Count] governance,
		range(neurons.max(current.min_allowed_weights).max(1), MAX_UIDS_LIMIT);

	MaxValidators(
		/// Most validator permits.
		max_validators: u16 = 64
	) [Count] governance, range(1u16, MAX_VALIDATORS_LIMIT);

	ImmunityPeriod(
		/// Blocks after registration during which a neuron cannot be replaced.
		immunity_period: BlockNumber = 5_000
	) [Blocks] governance, range(0u32, 100_800u32);

	MinAllowedWeights(
		/// Fewest non-zero weights a validator must set; not above max UIDs.
		min_allowed_weights: u16 = 1
	) [Count] owner, range(0u16, current.max_uids);

	MaxWeightLimit(
		/// Largest single weight after normalization.
		max_weight_limit: Ratio = Ratio::ONE
	) [Ratio] owner, range(1u16, Ratio::ONE);

	WeightsRateLimit(
		/// Blocks a hotkey must wait between two weight updates.
		weights_rate_limit: BlockNumber = 100
	) [Blocks] governance, range(0u32, 50_400u32);

	WeightsVersionKey(
		/// Lowest weights version key accepted.
		weights_version_key: u64 = 0
	) [Count] owner, None;

	ActivityCutoff(
		/// Blocks after its last update during which a neuron counts as active.
		activity_cutoff: BlockNumber = 5_000
	) [Blocks] owner, range(1u32, 100_800u32);

	Kappa(
		/// Consensus majority threshold κ.
		kappa: Ratio = Ratio::HALF
	) [Ratio] governance, range(Ratio::HALF, Ratio::ONE);

	BondsMovingAverage(
		/// Bonds moving average, in millionths.
		bonds_moving_average: u64 = 900_000
	) [Millionths] owner, range(0u32, 999_000u32);

	BondsPenalty(
		/// Bonds penalty β.
		bonds_penalty: Ratio = Ratio::ONE
	) [Ratio] owner, range(0u16, Ratio::ONE);

	Yuma3Enabled(
		/// Yuma 3 bonds (otherwise classic).
		yuma3_enabled: bool = true
	) [Flag] owner, None;

	LiquidAlphaEnabled(
		/// Liquid alpha on.
		liquid_alpha_enabled: bool = false
	) [Flag] owner, None;

	AlphaBounds {
		/// Liquid alpha's bounds, low first: `1 <= low <= high`.
		fields:
			low => /// Liquid alpha's low bound.
			alpha_low: Ratio = Ratio(45_875),
			high => /// Liquid alpha's high bound.
			alpha_high: Ratio = Ratio(58_982);
		value high
	} [Ratio] owner, if low.0 == 0 { range(1u16, 0u16) } else { range(low, Ratio::ONE) };

	AlphaSigmoidSteepness(
		/// Liquid alpha's sigmoid steepness, in hundredths.
		alpha_sigmoid_steepness: u16 = 1_000
	) [Hundredths] owner, range(0u16, 10_000u16);

	CommitRevealEnabled(
		/// Weights must be committed and revealed.
		commit_reveal_enabled: bool = false
	) [Flag] owner, None;

	RevealPeriod(
		/// Epochs between a commit and its reveal.
		reveal_period: u16 = 1
	) [Epochs] owner, range(1u16, 100u16);

	ServingRateLimit(
		/// Blocks a hotkey must wait between two `serve_axon` or `serve_prometheus` calls.
		serving_rate_limit: BlockNumber = 50
	) [Blocks] owner, range(0u32, 7_200u32);

	RegistrationAllowed(
		/// Whether `burned_register` is open.
		registration_allowed: bool = true
	) [Flag] governance, None;

	MinBurn(
		/// Lowest registration burn, in rao; not above the max burn.
		min_burn: Balance = 500_000
	) [Rao] governance, range(EXISTENTIAL_DEPOSIT, current.max_burn);

	MaxBurn(
		/// Highest registration burn, in rao; not below the min burn.
		max_burn: Balance = 100 * TAO
	) [Rao] governance, range(current.min_burn, 100_000 * TAO);

	BurnHalfLife(
		/// Blocks over which the burn halves when nobody registers.
		burn_half_life: BlockNumber = 360
	) [Blocks] governance, range(1u32, 100_800u32);

	BurnIncreaseFactor(
		/// Factor applied to the burn by each registration, in millionths.
		burn_increase_factor: u32 = 1_260_000
	) [Millionths] governance, range(1_000_000u32, 4_000_000u32);

	MaxRegistrationsPerBlock(
		/// Most registrations in one block.
		max_registrations_per_block: u16 = 1
	) [Count] governance, range(1u16, 64u16);
}

impl SubnetHyperparams {
	/// The parameters the epoch reads, as Yuma takes them. Max validators is as stored: the
	/// consensus pallet lowers it to the bound its epoch weight is charged for.
	pub fn epoch_params(&self) -> taonet_yuma::Params {
		taonet_yuma::Params {
			kappa: self.kappa.0,
			max_validators: self.max_validators,
			activity_cutoff: self.activity_cutoff.into(),
			bonds_moving_average: self.bonds_moving_average,
			bonds_penalty: self.bonds_penalty.0,
			bonds_mode: if self.yuma3_enabled {
				taonet_yuma::BondsMode::Yuma3
			} else {
				taonet_yuma::BondsMode::Classic
			},
			liquid_alpha: self.liquid_alpha_enabled.then_some(taonet_yuma::LiquidAlpha {
				low: self.alpha_low.0,
				high: self.alpha_high.0,
				steepness: self.alpha_sigmoid_steepness,
			}),
		}
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	/// The table's rows agree with one another: every field appears once in `fields`, every
	/// setter of the defaults is within its own bounds, and applying all of them to any
	/// parameters gives the defaults back.
	#[test]
	fn the_defaults_are_within_their_bounds_and_every_field_has_a_setter() {
		let defaults = SubnetHyperparams::default();
		let fields = defaults.fields();
		assert_eq!(fields.len(), SubnetParam::COUNT + 1, "alpha bounds set two fields");
		assert_eq!(fields.first().map(|f| f.name), Some("tempo"));
		assert_eq!(fields.iter().find(|f| f.name == "kappa").map(|f| f.unit), Some(Unit::Ratio));
		let mut rebuilt = SubnetHyperparams {
			tempo: 1,
			kappa: Ratio::ONE,
			alpha_low: Ratio(1),
			alpha_high: Ratio(2),
			registration_allowed: false,
			min_burn: 1,
			..defaults.clone()
		};
		for param in SubnetParam::all_of(&defaults) {
			if let Some((lo, hi)) = param.bounds(&defaults, 0) {
				assert!(
					(lo..=hi).contains(&param.value()),
					"{}: default out of bounds",
					param.name()
				);
			}
			param.apply(&mut rebuilt);
		}
		assert_eq!(rebuilt, defaults);
	}

	/// The setter's SCALE form is the one clients have signed: variant index by row, the
	/// ratio as a bare `u16`.
	#[test]
	fn setters_encode_by_row_with_ratios_as_u16() {
		assert_eq!(SubnetParam::Tempo(10).encode(), [0u8, 10, 0]);
		assert_eq!(SubnetParam::Kappa(Ratio(40_000)).encode(), [9u8, 0x40, 0x9c]);
		let alpha = SubnetParam::AlphaBounds { low: Ratio(1), high: Ratio(2) };
		assert_eq!(alpha.encode(), [14u8, 1, 0, 2, 0]);
		assert_eq!(SubnetParam::MaxRegistrationsPerBlock(3).encode(), [24u8, 3, 0]);
	}

	/// Every setter parses back from its name and its values; wrong counts, unknown names
	/// and values too large for the field are refused.
	#[test]
	fn setters_parse_from_their_names_and_values() {
		for param in SubnetParam::all_of(&SubnetHyperparams::default()) {
			let values: Vec<u128> = match param {
				SubnetParam::AlphaBounds { low, high } => vec![low.0.into(), high.0.into()],
				ref p => vec![p.value()],
			};
			assert_eq!(SubnetParam::parse(param.name(), &values), Some(param.clone()));
		}
		assert_eq!(SubnetParam::parse("Tempo", &[70_000]), None);
		assert_eq!(SubnetParam::parse("Tempo", &[1, 2]), None);
		assert_eq!(SubnetParam::parse("tempo", &[10]), None);
		assert_eq!(SubnetParam::parse("Yuma3Enabled", &[2]), None);
		assert_eq!(
			SubnetParam::parse("AlphaBounds", &[1, 2]),
			Some(SubnetParam::AlphaBounds { low: Ratio(1), high: Ratio(2) })
		);
	}

	/// Alpha bounds need `1 <= low <= high`; a zero low gets an empty range.
	#[test]
	fn alpha_bounds_start_at_the_low_bound() {
		let p = SubnetHyperparams::default();
		let check = |low, high| {
			let param = SubnetParam::AlphaBounds { low: Ratio(low), high: Ratio(high) };
			param.bounds(&p, 0).is_some_and(|(lo, hi)| (lo..=hi).contains(&param.value()))
		};
		assert!(check(1, 1) && check(100, 65_535));
		assert!(!check(0, 10) && !check(200, 100));
	}

	/// The epoch reads the table's values.
	#[test]
	fn epoch_params_carry_the_stored_values() {
		let mut p =
			SubnetHyperparams { kappa: Ratio(40_000), yuma3_enabled: false, ..Default::default() };
		let yuma = p.epoch_params();
		assert_eq!((yuma.kappa, yuma.bonds_mode), (40_000, taonet_yuma::BondsMode::Classic));
		assert_eq!(yuma.liquid_alpha, None);
		p.liquid_alpha_enabled = true;
		let alpha = p.epoch_params().liquid_alpha;
		assert_eq!(alpha.map(|a| (a.low, a.high, a.steepness)), Some((45_875, 58_982, 1_000)));
	}
}
