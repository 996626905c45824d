//! # Yuma consensus
//!
//! The epoch of "Proof of Intelligence": once per tempo, a subnet turns what its validators
//! said about its miners (weights) and what they put at risk (stake) into consensus, incentive,
//! bonds, dividends and the split of the subnet's emission. This crate is the math only: plain
//! vectors in, plain vectors out, no storage and no FRAME, so the runtime, native tests, property
//! tests and benchmarks all run the same code. It is `no_std` (with `alloc`), uses no floats and
//! never panics.
//!
//! ## Symbols (as in the protocol brief, section 7)
//! `n` neurons with UIDs `0..n`. `S_i` stake, `W_ij` the weight validator `i` puts on miner `j`,
//! `B_ij` bonds, `C_j` consensus, `Wc` clipped weights, `VT_i` validator trust, `R_j` rank,
//! `P_j` pre-rank, `T_j` trust, `I_j` incentive, `D_i` dividends, `κ` (kappa) the majority
//! threshold, `β` the bonds penalty, `a` the bonds EMA rate (`1 - bonds_moving_average`).
//!
//! ## The epoch, step by step ([`run_epoch`])
//! 1. **Active.** `active_i = last_update_i + activity_cutoff >= now`.
//! 2. **Stake and permits.** New validator permits go to the `max_validators` neurons with the
//!    most stake (ties: lower UID), never to zero stake. The validators that vote in this epoch
//!    are those holding a permit from the *previous* epoch (as Bittensor does: a permit earned now
//!    counts from the next epoch). Active stake `S_i` = stake of active voting validators,
//!    normalized to sum 1 (all 0 when there is none).
//! 3. **Weights.** Rows of non-voters are dropped, and so are self-weights, entries whose target
//!    registered at or after the validator last set weights (`last_update_i <= registered_j`:
//!    the weight was meant for the UID's previous holder), zero entries, UIDs `>= n` and repeated
//!    UIDs (the first occurrence counts). Each row is normalized to sum 1.
//! 4. **Consensus.** `C_j` = the largest `w` such that validators holding at least `κ` of active
//!    stake set `W_ij >= w` (the stake-weighted κ-quantile of column `j`, counting validators
//!    that do not weight `j` as 0). The threshold is compared on exact integer stake:
//!    `Σ stake * 65535 >= kappa * Σ active stake`. So `C_j` is always one of the weights in
//!    column `j` (or 0), and the cost is that of sorting each column's non-zero entries.
//! 5. **Clip.** `Wc_ij = min(W_ij, C_j)`.
//! 6. **Trust and incentive.** `VT_i = Σ_j Wc_ij`, `R_j = Σ_i S_i Wc_ij`, `P_j = Σ_i S_i W_ij`,
//!    `T_j = R_j / P_j` (0 when `P_j = 0`), `I = R / Σ R` (all 0 when `Σ R = 0`).
//! 7. **Bonds.** `Wb = (1 - β) W + β Wc`. Previous bonds of a row or column whose UID registered
//!    at or after the block the bonds were computed are dropped (a new holder inherits nothing),
//!    as are rows of non-voters.
//!    - [`BondsMode::Classic`]: `ΔB_ij = S_i Wb_ij`, column-normalized;
//!      `B = a ΔB + (1 - a) B_old` (`B_old` column-normalized), then column-normalized again;
//!      `D_i = Σ_j B_ij I_j`, normalized. Stored column-max-upscaled to `u16`.
//!    - [`BondsMode::Yuma3`]: `B_ij = a Wb_ij + (1 - a) B_old_ij` with bonds as weight
//!      proportions; `D_i = S_i Σ_j (B_ij / Σ_k B_kj) I_j`, normalized. Stored as `u16` ratios.
//!    - `a = 1 - bonds_moving_average`, or with [`LiquidAlpha`] per entry
//!      `a_ij = low + (high - low) σ(s (x_ij - 1/2))` with `x_ij = max(W_ij - C_j, 0)` (how far
//!      the weight is above consensus), `σ` the logistic function and `s` the steepness.
//!
//!    Bonds are kept only for rows that hold a permit after this epoch.
//! 8. **Emission.** Of the amount given (the subnet's emission after the owner's cut), half goes
//!    to miners by `I` and half to validators by `D` (the odd rao to validators). If `Σ I = 0`,
//!    validators take all. Validators without dividends are paid by active stake, else by stake;
//!    if nobody has stake, nothing is paid. Each share is rounded down; what is not paid is
//!    returned as [`EpochOutput::undistributed`] so that the caller keeps it pending and no rao
//!    is lost.
//! 9. **Outputs** per UID: everything above, and `emission_i` = miner + validator emission, the
//!    pruning score.
//!
//! ## Numbers
//! Fractions are [`Fixed`] (unsigned Q32.32, see its module for why); stake and emission are
//! integer rao (`u64`); weights and stored bonds are `u16`. Inputs are validated for shape only
//! ([`Error`]); any values are accepted and give a defined result.
//!
//! ## Guarantee
//! If validators holding more than `max(κ, 1 - κ)` of active stake are honest, then for every
//! miner `j`, whatever the others set, `C_j` lies between the lowest and the highest weight that
//! honest validators put on `j`: at `w` = the honest minimum, the honest stake alone reaches `κ`;
//! above the honest maximum only the others remain, with less than `κ`. A cabal that weights
//! only its own miners therefore gets `C_j = 0` for them, no incentive, and (with `β = 1` and a
//! bonds rate `a > 0`) no bonds and no dividends, as long as the honest side reaches consensus
//! on some miner. If it reaches none, nobody has incentive and step 8 pays validators by stake,
//! the cabal included, which is still no more than its share of stake. The crate's tests show
//! all of this over thousands of random subnets.

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

mod epoch;
mod fixed;

pub use epoch::run_epoch;
pub use fixed::{Fixed, FRAC_BITS};

use alloc::vec::Vec;

/// A sparse row: `(uid, value)` pairs, the layout in which the chain stores weights and bonds.
pub type SparseRow = Vec<(u16, u16)>;

/// Whether `ids` names some id twice.
pub fn has_duplicates(ids: &[u16]) -> bool {
	let mut sorted = ids.to_vec();
	sorted.sort_unstable();
	sorted.windows(2).any(|pair| pair.first() == pair.get(1))
}

/// A row as the chain stores it: zero entries dropped, the rest scaled so that the largest is
/// `u16::MAX`. `max` is the largest of `weights` (0 gives an empty row).
pub fn max_upscaled(ids: &[u16], weights: &[u16], max: u16) -> SparseRow {
	ids.iter()
		.zip(weights)
		.filter(|(_, &w)| w > 0)
		.map(|(&id, &w)| {
			let scaled = u32::from(w)
				.saturating_mul(u32::from(u16::MAX))
				.checked_div(u32::from(max))
				.unwrap_or(0);
			(id, u16::try_from(scaled).unwrap_or(u16::MAX))
		})
		.collect()
}

/// How bonds evolve (protocol section 7, step 7).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BondsMode {
	/// Bonds as stake-weighted, column-normalized shares of each miner (Bittensor's original
	/// Yuma).
	Classic,
	/// Bonds as each validator's own exponential moving average of its (penalized) weights
	/// (Bittensor's Yuma 3; the default).
	Yuma3,
}

/// Per-entry bonds EMA rate between two bounds (protocol section 7, step 7).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LiquidAlpha {
	/// Lowest rate, as a `u16` ratio.
	pub low: u16,
	/// Highest rate, as a `u16` ratio.
	pub high: u16,
	/// Steepness `s` of the sigmoid in hundredths (Bittensor's is 1,000 = 10.0).
	pub steepness: u16,
}

/// The subnet's hyperparameters that the epoch reads. Yuma has no defaults: the chain's are
/// `taonet_primitives::SubnetHyperparams::default()`, and its `epoch_params` gives them in this form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Params {
	/// `κ` as a `u16` ratio.
	pub kappa: u16,
	/// Most validator permits.
	pub max_validators: u16,
	/// Blocks after its last update during which a neuron counts as active.
	pub activity_cutoff: u64,
	/// Bonds moving average in millionths (900,000 = 0.9, so `a` = 0.1); values above
	/// 1,000,000 count as 1,000,000.
	pub bonds_moving_average: u64,
	/// `β` as a `u16` ratio.
	pub bonds_penalty: u16,
	/// Bonds mode.
	pub bonds_mode: BondsMode,
	/// Liquid alpha, when on.
	pub liquid_alpha: Option<LiquidAlpha>,
}

/// One subnet's state at its epoch. Every slice has one entry per UID (`n` entries).
#[derive(Clone, Copy, Debug)]
pub struct EpochInput<'a> {
	/// The block the epoch runs in.
	pub current_block: u64,
	/// The block in which `bonds` were computed (the previous epoch).
	pub bonds_updated_at: u64,
	/// Each UID's hotkey stake, in rao.
	pub stake: &'a [u64],
	/// The block each UID last set weights (or registered).
	pub last_update: &'a [u64],
	/// The block each UID's current holder registered.
	pub registered_at: &'a [u64],
	/// Validator permits from the previous epoch.
	pub validator_permit: &'a [bool],
	/// Each UID's weights as set on chain: `(target uid, weight)`.
	pub weights: &'a [SparseRow],
	/// Each UID's bonds from the previous epoch, as stored (see [`BondsMode`]).
	pub bonds: &'a [SparseRow],
	/// The emission to split, in rao (the subnet's epoch emission after the owner's cut).
	pub emission: u64,
}

/// The result of an epoch, one entry per UID in every vector.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EpochOutput {
	/// Step 1.
	pub active: Vec<bool>,
	/// Step 2: permits for the next epoch.
	pub validator_permit: Vec<bool>,
	/// Step 2: `S`, normalized active stake of the voting validators.
	pub active_stake: Vec<Fixed>,
	/// Step 6: `VT`.
	pub validator_trust: Vec<Fixed>,
	/// Step 4: `C`.
	pub consensus: Vec<Fixed>,
	/// Step 6: `R` (not normalized).
	pub rank: Vec<Fixed>,
	/// Step 6: `T`.
	pub trust: Vec<Fixed>,
	/// Step 6: `I`.
	pub incentive: Vec<Fixed>,
	/// Step 7: `D`.
	pub dividends: Vec<Fixed>,
	/// Step 7: new bonds, in storage form (see [`BondsMode`]); empty rows for UIDs without a
	/// permit.
	pub bonds: Vec<SparseRow>,
	/// Step 8: rao for each UID as a miner.
	pub miner_emission: Vec<u64>,
	/// Step 8: rao for each UID as a validator.
	pub validator_emission: Vec<u64>,
	/// Step 8: rao of [`EpochInput::emission`] paid to nobody (rounding, or nobody qualified).
	pub undistributed: u64,
}

impl EpochOutput {
	/// Miner plus validator emission of `uid`: its pruning score. 0 for unknown UIDs.
	pub fn emission(&self, uid: usize) -> u64 {
		let miner = self.miner_emission.get(uid).copied().unwrap_or(0);
		let validator = self.validator_emission.get(uid).copied().unwrap_or(0);
		miner.saturating_add(validator)
	}
}

/// Why an epoch input was refused. Only the shape of the input is checked; values never fail.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Error {
	/// A per-UID input does not have one entry per UID.
	LengthMismatch {
		/// Which input.
		input: &'static str,
		/// `stake.len()`, the number of UIDs.
		expected: usize,
		/// Its length.
		found: usize,
	},
	/// More UIDs than a `u16` can name.
	TooManyUids(usize),
	/// Liquid alpha's low bound is above its high bound.
	LiquidAlphaBoundsInverted,
}

impl core::fmt::Display for Error {
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		match self {
			Error::LengthMismatch { input, expected, found } => {
				write!(f, "`{input}` has {found} entries but there are {expected} UIDs")
			},
			Error::TooManyUids(n) => write!(f, "{n} UIDs: at most 65,536 fit in a u16"),
			Error::LiquidAlphaBoundsInverted => {
				write!(f, "liquid alpha low bound above high bound")
			},
		}
	}
}
