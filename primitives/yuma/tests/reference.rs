//! The crate against a dense `f64` reference of the crate docs, over random subnets.
//!
//! [`reference`] redoes every step of the crate docs with `n × n` matrices and plain loops, in
//! `f64`, written from the docs rather than from `src/`. Random subnets ([`arb_case`]) cover
//! `n` up to 40, zero and whale stakes, random permits and activity, sparse weights with zeros,
//! duplicates, self-weights, out-of-range and outdated UIDs, previous bonds (with fresh UIDs),
//! both bonds modes, any `κ`, bonds penalty and moving average, and liquid alpha on or off.
//!
//! # Tolerance
//! The crate rounds down to `2^-32` (Q32.32) at each step; the reference computes the exact real
//! value (to `f64` precision, ~`1e-16`). How far apart the two may honestly be depends on the
//! input: a ratio `x / y` turns an error `δ` of its operands into about `δ / y`, so a trust
//! `R_j / P_j` whose `P_j` is `1e-9` cannot be known to better than a few tenths. A fixed
//! tolerance would therefore either fail on correct code or be too loose to catch anything.
//!
//! Instead every reference value is an [`Approx`]: the `f64` value together with a bound on
//! the crate's rounding, propagated alongside it by first-order rules: `2^-32` for each
//! rounding, `|a| δb + |b| δa` for a product, `(δx + |x / y| δy) / (y - δy)` for a quotient,
//! `s/4` times the argument's error through a sigmoid of steepness `s`. A quotient whose
//! denominator is within its own error of 0 is unknown (capped to 1 where both sides are
//! proportions). A value with bound 0 is exactly 0 on both sides; these zero decisions are
//! exact, so the emission fallbacks ("nobody has incentive", "nobody has dividends") are
//! compared exactly too when they are certain.
//!
//! The test accepts `|crate - reference| <= 2 * bound + 1e-12`; the factor 2 covers what the
//! first-order rules leave out (`exp`'s own few-ulp error inside the sigmoid, `f64` rounding).
//! On a well-conditioned subnet (denominators of order 0.01 or more) the bound is `1e-8` to
//! `1e-7`; the run prints how many compared values had a tolerance at or below `1e-6` and
//! asserts that most did, so the test cannot silently pass by looseness. Derived from the
//! same bounds: stored `u16` bonds within `floor(65535 * 2 * bound) + 1` (±1 when tight, the
//! `+1` for the rounding to nearest), emission within `amount * (2 * bound + n 2^-32) + 2` rao
//! (a few rao for amounts up to ~1e9 rao when tight).
//!
//! # Consensus, exactly
//! `C_j` is a stake-weighted quantile: a rounding difference of `2^-32` in one weight could
//! flip it from one weight to another, which no tolerance covers. The reference therefore
//! picks `C_j` with exact arithmetic: weights as rationals `w_ij / Σ_k w_ik` compared by
//! cross-multiplication, the threshold on integer stake `Σ stake * 65535 >= κ * Σ active stake`
//! as the docs say. Since rounding down is monotone, the crate's quantile over its Q32 weights
//! is then exactly `floor(r * 2^32)` of the reference's rational quantile `r`, and the test
//! asserts bit equality.
//!
//! The invariants test ([`invariants_hold`]) checks, on the same random subnets: determinism,
//! exact conservation of emission, every `Fixed` output in `[0, 1]`, normalized outputs
//! summing to 1 within `n * 2^-32` (each entry rounds down by less than `2^-32`) or all 0,
//! consensus never above the column's largest weight, no incentive for miners nobody with
//! active voting stake weights, the exact emission split from the crate's own incentive and
//! dividends, and the shape of stored bonds and permits.

// The reference is deliberately written as index loops over dense matrices.
#![allow(clippy::needless_range_loop)]

use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestCaseResult, TestRunner};
use std::cell::RefCell;
use std::ops::{Add, Div, Mul, Sub};
use taonet_yuma::{
	run_epoch, BondsMode, EpochInput, EpochOutput, Error, Fixed, LiquidAlpha, Params, SparseRow,
};

/// The chain's default epoch parameters: Yuma has none of its own.
fn chain_defaults() -> Params {
	taonet_primitives::SubnetHyperparams::default().epoch_params()
}

/// One unit of the crate's rounding: `2^-32`.
const EPS: f64 = 1.0 / 4_294_967_296.0;
/// The factor on the propagated bound (see the module docs).
const SAFETY: f64 = 2.0;
/// Cases per property test; small enough for a debug run to take a few seconds.
const CASES: u32 = 2_000;

// ---------------------------------------------------------------------------------------------
// A value with an error bound
// ---------------------------------------------------------------------------------------------

/// A reference value and a bound on how far the crate's fixed-point result may be from it.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Approx {
	val: f64,
	err: f64,
}

impl Approx {
	/// Exactly 0 on both sides.
	const ZERO: Self = Self { val: 0.0, err: 0.0 };

	/// A value known exactly to both sides.
	fn exact(val: f64) -> Self {
		Self { val, err: 0.0 }
	}

	/// A value the crate gets by rounding an exact ratio down once (0 stays exactly 0).
	fn rounded(val: f64) -> Self {
		Self { val, err: if val == 0.0 { 0.0 } else { EPS } }
	}

	/// `num / den` of integers, rounded down once by the crate; 0 when `den` is 0.
	fn ratio(num: u128, den: u128) -> Self {
		if den == 0 {
			Self::ZERO
		} else {
			Self::rounded(num as f64 / den as f64)
		}
	}

	fn is_exact_zero(self) -> bool {
		self.val == 0.0 && self.err == 0.0
	}

	/// Both sides keep this quantity in `[0, 1]`, so they are never more than 1 apart.
	fn unit(self) -> Self {
		Self { val: self.val, err: self.err.min(1.0) }
	}

	fn min(self, other: Self) -> Self {
		if self.is_exact_zero() || other.is_exact_zero() {
			return Self::ZERO;
		}
		Self { val: self.val.min(other.val), err: self.err.max(other.err) }
	}

	fn max(self, other: Self) -> Self {
		Self { val: self.val.max(other.val), err: self.err.max(other.err) }
	}

	/// `max(self - other, 0)`.
	fn saturating_sub(self, other: Self) -> Self {
		Self { val: (self.val - other.val).max(0.0), err: self.err + other.err }
	}

	/// The tolerance this test grants the crate's value.
	fn tolerance(self) -> f64 {
		SAFETY * self.err + 1e-12
	}
}

impl Add for Approx {
	type Output = Self;
	fn add(self, other: Self) -> Self {
		Self { val: self.val + other.val, err: self.err + other.err }
	}
}

impl Sub for Approx {
	type Output = Self;
	fn sub(self, other: Self) -> Self {
		Self { val: self.val - other.val, err: self.err + other.err }
	}
}

impl Mul for Approx {
	type Output = Self;
	/// A product, rounded down once by the crate.
	fn mul(self, other: Self) -> Self {
		if self.is_exact_zero() || other.is_exact_zero() {
			return Self::ZERO;
		}
		Self {
			val: self.val * other.val,
			err: self.val.abs() * other.err
				+ other.val.abs() * self.err
				+ self.err * other.err
				+ EPS,
		}
	}
}

impl Div for Approx {
	type Output = Self;
	/// A quotient, rounded down once by the crate; 0 over anything and anything over 0 are 0.
	fn div(self, den: Self) -> Self {
		if self.is_exact_zero() || den.is_exact_zero() {
			return Self::ZERO;
		}
		if den.val <= den.err {
			// The crate's denominator may be 0 or anything near it: the quotient is unknown.
			let val = if den.val > 0.0 { self.val / den.val } else { 0.0 };
			return Self { val, err: f64::INFINITY };
		}
		let val = self.val / den.val;
		Self { val, err: (self.err + val.abs() * den.err) / (den.val - den.err) + EPS }
	}
}

fn sum(values: impl IntoIterator<Item = Approx>) -> Approx {
	values.into_iter().fold(Approx::ZERO, |acc, x| acc + x)
}

// ---------------------------------------------------------------------------------------------
// Random subnets
// ---------------------------------------------------------------------------------------------

/// Everything `run_epoch` reads, owned.
#[derive(Clone, Debug)]
struct Case {
	params: Params,
	current_block: u64,
	bonds_updated_at: u64,
	stake: Vec<u64>,
	last_update: Vec<u64>,
	registered_at: Vec<u64>,
	validator_permit: Vec<bool>,
	weights: Vec<SparseRow>,
	bonds: Vec<SparseRow>,
	emission: u64,
}

impl Case {
	fn input(&self) -> EpochInput<'_> {
		EpochInput {
			current_block: self.current_block,
			bonds_updated_at: self.bonds_updated_at,
			stake: &self.stake,
			last_update: &self.last_update,
			registered_at: &self.registered_at,
			validator_permit: &self.validator_permit,
			weights: &self.weights,
			bonds: &self.bonds,
			emission: self.emission,
		}
	}
}

fn arb_params() -> impl Strategy<Value = Params> {
	let liquid_alpha = (any::<u16>(), any::<u16>(), prop_oneof![Just(1_000u16), any::<u16>()])
		.prop_map(|(a, b, steepness)| LiquidAlpha { low: a.min(b), high: a.max(b), steepness });
	(
		prop_oneof![Just(32_767u16), any::<u16>(), Just(0), Just(u16::MAX)],
		prop_oneof![4 => 0u16..=48, 1 => Just(64)],
		prop_oneof![Just(5_000u64), 0u64..=6_000],
		prop_oneof![Just(900_000u64), 0u64..=1_000_000, 1_000_000u64..=2_000_000],
		prop_oneof![Just(u16::MAX), any::<u16>(), Just(0)],
		prop_oneof![Just(BondsMode::Yuma3), Just(BondsMode::Classic)],
		prop::option::of(liquid_alpha),
	)
		.prop_map(
			|(
				kappa,
				max_validators,
				activity_cutoff,
				bonds_moving_average,
				bonds_penalty,
				bonds_mode,
				liquid_alpha,
			)| Params {
				kappa,
				max_validators,
				activity_cutoff,
				bonds_moving_average,
				bonds_penalty,
				bonds_mode,
				liquid_alpha,
			},
		)
}

/// A sparse row over `n` UIDs: mostly in range, some out of range, some zero values; repeats
/// and the row's own UID come up by chance.
fn arb_row(n: usize) -> impl Strategy<Value = SparseRow> {
	let n16 = u16::try_from(n).expect("n fits a u16");
	let uid = prop_oneof![8 => 0..=n16, 1 => n16..=n16 + 4];
	let value = prop_oneof![1 => Just(0u16), 6 => 1u16..=u16::MAX, 1 => Just(u16::MAX)];
	prop::collection::vec((uid, value), 0..=n + 2)
}

fn arb_case() -> impl Strategy<Value = Case> {
	(0usize..=40, arb_params(), 2_000u64..=20_000, 0u32..=44).prop_flat_map(
		|(n, params, now, shift)| {
			// Stakes up to 1e6 scaled by a common 2^shift (so sums exceed u64), zeros, ties
			// (for the permit order), whales.
			let stake = prop_oneof![
				2 => Just(0u64),
				10 => (1u64..=1_000_000).prop_map(move |s| s << shift),
				2 => prop::sample::select(vec![1_000u64, 5_000]).prop_map(move |s| s << shift),
				1 => any::<u64>(),
			];
			let last_update = prop_oneof![4 => now.saturating_sub(3_000)..=now, 1 => 0..=now];
			let registered_at = prop_oneof![4 => 0..=now / 4, 1 => 0..=now];
			let emission = prop_oneof![0u64..=1_000, 0u64..=1_000_000_000, any::<u64>()];
			(
				prop::collection::vec(stake, n),
				prop::collection::vec(last_update, n),
				prop::collection::vec(registered_at, n),
				prop::collection::vec(prop::bool::weighted(0.7), n),
				prop::collection::vec(arb_row(n), n),
				prop::collection::vec(arb_row(n), n),
				now.saturating_sub(4_000)..=now,
				emission,
			)
				.prop_map(
					move |(
						stake,
						last_update,
						registered_at,
						validator_permit,
						weights,
						bonds,
						bonds_updated_at,
						emission,
					)| Case {
						params,
						current_block: now,
						bonds_updated_at,
						stake,
						last_update,
						registered_at,
						validator_permit,
						weights,
						bonds,
						emission,
					},
				)
		},
	)
}

// ---------------------------------------------------------------------------------------------
// The dense reference
// ---------------------------------------------------------------------------------------------

/// Expected emission to one UID: rao and the tolerance in rao.
#[derive(Clone, Copy, Debug)]
struct Rao {
	val: f64,
	tol: f64,
}

/// The reference's results, one entry (or row) per UID.
struct Reference {
	active: Vec<bool>,
	validator_permit: Vec<bool>,
	/// Stake of active validators holding a previous permit, else 0.
	voter_stake: Vec<u64>,
	active_stake: Vec<Approx>,
	consensus: Vec<Approx>,
	/// `floor(C_j * 2^32)` of the exact rational `C_j`.
	consensus_bits: Vec<u64>,
	validator_trust: Vec<Approx>,
	rank: Vec<Approx>,
	trust: Vec<Approx>,
	incentive: Vec<Approx>,
	dividends: Vec<Approx>,
	/// Bonds as stored, before rounding to a `u16` ratio (0 for rows without a new permit).
	bonds: Vec<Vec<Approx>>,
	miner_emission: Vec<Rao>,
	validator_emission: Vec<Rao>,
}

/// Step 3 filtering: the integer weights that survive, dense; row `i` empty without a
/// previous permit.
fn filter_weights(input: &EpochInput<'_>) -> Vec<Vec<u16>> {
	let n = input.stake.len();
	let mut kept = vec![vec![0u16; n]; n];
	for i in 0..n {
		if !input.validator_permit[i] {
			continue;
		}
		let mut seen = vec![false; n];
		for &(j, w) in &input.weights[i] {
			let j = usize::from(j);
			if j >= n || seen[j] {
				continue; // out of range, or a repeat: only the first occurrence counts
			}
			seen[j] = true;
			let outdated = input.last_update[i] <= input.registered_at[j];
			if j == i || w == 0 || outdated {
				continue;
			}
			kept[i][j] = w;
		}
	}
	kept
}

/// `a / b >= c / d` for positive denominators, exactly.
fn ratio_ge((a, b): (u64, u64), (c, d): (u64, u64)) -> bool {
	u128::from(a) * u128::from(d) >= u128::from(c) * u128::from(b)
}

/// `sigma(s (x - 1/2))` mapped onto `[low, high]`, with its error bound.
fn liquid_rate(alpha: LiquidAlpha, w: Approx, c: Approx) -> Approx {
	let x = w.saturating_sub(c).min(Approx::exact(1.0));
	let steepness = f64::from(alpha.steepness) / 100.0;
	let sigma = 1.0 / (1.0 + (-steepness * (x.val - 0.5)).exp());
	let (low, high) = (f64::from(alpha.low) / 65_535.0, f64::from(alpha.high) / 65_535.0);
	// The sigmoid is 1/4-Lipschitz; 16 ulps for the crate's own exp and quotient.
	let sigma_err = 0.25 * (steepness * x.err + EPS) + 16.0 * EPS;
	Approx { val: low + (high - low) * sigma, err: (high - low) * sigma_err + 3.0 * EPS }
}

/// The crate docs, step by step, dense and in `f64`.
fn reference(params: &Params, input: &EpochInput<'_>) -> Reference {
	let n = input.stake.len();
	let kappa = u128::from(params.kappa);

	// 1. Active.
	let active: Vec<bool> = (0..n)
		.map(|i| {
			u128::from(input.last_update[i]) + u128::from(params.activity_cutoff)
				>= u128::from(input.current_block)
		})
		.collect();

	// 2. Permits for the next epoch: the top `max_validators` non-zero stakes, ties to the
	// lower UID. Voters: active holders of a previous permit.
	let validator_permit: Vec<bool> = (0..n)
		.map(|i| {
			let ahead = (0..n)
				.filter(|&k| {
					input.stake[k] > input.stake[i] || (input.stake[k] == input.stake[i] && k < i)
				})
				.count();
			input.stake[i] > 0 && ahead < usize::from(params.max_validators)
		})
		.collect();
	let voter_stake: Vec<u64> = (0..n)
		.map(|i| if active[i] && input.validator_permit[i] { input.stake[i] } else { 0 })
		.collect();
	let total_stake: u128 = voter_stake.iter().map(|&s| u128::from(s)).sum();
	let s: Vec<Approx> =
		voter_stake.iter().map(|&v| Approx::ratio(u128::from(v), total_stake)).collect();

	// 3. Weights, row-normalized.
	let kept = filter_weights(input);
	let row_sum: Vec<u64> =
		kept.iter().map(|row| row.iter().map(|&w| u64::from(w)).sum()).collect();
	let w: Vec<Vec<Approx>> = (0..n)
		.map(|i| {
			(0..n).map(|j| Approx::ratio(u128::from(kept[i][j]), u128::from(row_sum[i]))).collect()
		})
		.collect();

	// 4. Consensus: the largest weight `c` in column j (as an exact rational) such that the
	// voters with `W_ij >= c` hold at least κ of the active stake; 0 if there is none.
	let mut consensus = vec![Approx::ZERO; n];
	let mut consensus_bits = vec![0u64; n];
	for j in 0..n {
		let mut best: Option<(u64, u64)> = None;
		for c in 0..n {
			if voter_stake[c] == 0 || kept[c][j] == 0 {
				continue;
			}
			let candidate = (u64::from(kept[c][j]), row_sum[c]);
			let support: u128 = (0..n)
				.filter(|&i| {
					voter_stake[i] > 0
						&& kept[i][j] > 0 && ratio_ge((u64::from(kept[i][j]), row_sum[i]), candidate)
				})
				.map(|i| u128::from(voter_stake[i]))
				.sum();
			let reaches_kappa = support * 65_535 >= kappa * total_stake;
			if reaches_kappa && best.is_none_or(|b| !ratio_ge(b, candidate)) {
				best = Some(candidate);
			}
		}
		if let Some((num, den)) = best {
			consensus[j] = Approx::ratio(num.into(), den.into());
			consensus_bits[j] = u64::try_from((u128::from(num) << 32) / u128::from(den))
				.expect("a weight is at most 1");
		}
	}

	// 5. and 6. Clip, validator trust, rank, pre-rank, trust, incentive.
	let wc: Vec<Vec<Approx>> =
		(0..n).map(|i| (0..n).map(|j| w[i][j].min(consensus[j])).collect()).collect();
	let validator_trust: Vec<Approx> = (0..n).map(|i| sum(wc[i].iter().copied())).collect();
	let rank: Vec<Approx> = (0..n).map(|j| sum((0..n).map(|i| s[i] * wc[i][j]))).collect();
	let pre_rank: Vec<Approx> = (0..n).map(|j| sum((0..n).map(|i| s[i] * w[i][j]))).collect();
	let trust: Vec<Approx> = (0..n).map(|j| (rank[j] / pre_rank[j]).unit()).collect();
	let rank_sum = sum(rank.iter().copied());
	let incentive: Vec<Approx> = (0..n).map(|j| (rank[j] / rank_sum).unit()).collect();

	// 7. Bonds. Penalized weights first.
	let beta = Approx::ratio(params.bonds_penalty.into(), 65_535);
	let one = Approx::exact(1.0);
	let wb: Vec<Vec<Approx>> = (0..n)
		.map(|i| (0..n).map(|j| w[i][j] * (one - beta) + wc[i][j] * beta).collect())
		.collect();

	// Previous bonds: dropped for rows without a previous permit, and for rows and columns
	// whose UID registered at or after the block the bonds were computed.
	let fresh = |uid: usize| input.registered_at[uid] >= input.bonds_updated_at;
	let mut old = vec![vec![0u16; n]; n];
	for i in 0..n {
		if !input.validator_permit[i] || fresh(i) {
			continue;
		}
		let mut seen = vec![false; n];
		for &(j, b) in &input.bonds[i] {
			let j = usize::from(j);
			if j >= n || seen[j] {
				continue;
			}
			seen[j] = true;
			if b > 0 && !fresh(j) {
				old[i][j] = b;
			}
		}
	}

	let rate = |i: usize, j: usize| match params.liquid_alpha {
		None => Approx::ratio(
			1_000_000 - u128::from(params.bonds_moving_average.min(1_000_000)),
			1_000_000,
		),
		Some(alpha) => liquid_rate(alpha, w[i][j], consensus[j]),
	};
	let ema = |old: Approx, new: Approx, a: Approx| old * (one - a) + new * a;

	let bonds: Vec<Vec<Approx>> = match params.bonds_mode {
		BondsMode::Classic => {
			let delta: Vec<Vec<Approx>> =
				(0..n).map(|i| (0..n).map(|j| s[i] * wb[i][j]).collect()).collect();
			let delta_sum: Vec<Approx> = (0..n).map(|j| sum((0..n).map(|i| delta[i][j]))).collect();
			let old_sum: Vec<u128> =
				(0..n).map(|j| (0..n).map(|i| u128::from(old[i][j])).sum()).collect();
			(0..n)
				.map(|i| {
					(0..n)
						.map(|j| {
							let new = (delta[i][j] / delta_sum[j]).unit();
							let old = Approx::ratio(old[i][j].into(), old_sum[j]);
							ema(old, new, rate(i, j))
						})
						.collect()
				})
				.collect()
		},
		BondsMode::Yuma3 => (0..n)
			.map(|i| {
				(0..n)
					.map(|j| {
						let old = Approx::ratio(old[i][j].into(), 65_535);
						ema(old, wb[i][j], rate(i, j))
					})
					.collect()
			})
			.collect(),
	};

	// Dividends from column-normalized bonds.
	let bonds_sum: Vec<Approx> = (0..n).map(|j| sum((0..n).map(|i| bonds[i][j]))).collect();
	let raw_dividends: Vec<Approx> = (0..n)
		.map(|i| {
			let share = sum((0..n).map(|j| (bonds[i][j] / bonds_sum[j]).unit() * incentive[j]));
			match params.bonds_mode {
				BondsMode::Classic => share,
				BondsMode::Yuma3 => s[i] * share,
			}
		})
		.collect();
	let dividend_sum = sum(raw_dividends.iter().copied());
	let dividends: Vec<Approx> = raw_dividends.iter().map(|&d| (d / dividend_sum).unit()).collect();

	// Stored bonds, kept only for rows with a new permit.
	let column_max: Vec<Approx> =
		(0..n).map(|j| (0..n).fold(Approx::ZERO, |m, i| m.max(bonds[i][j]))).collect();
	let stored: Vec<Vec<Approx>> = (0..n)
		.map(|i| {
			(0..n)
				.map(|j| match (validator_permit[i], params.bonds_mode) {
					(false, _) => Approx::ZERO,
					(true, BondsMode::Classic) => (bonds[i][j] / column_max[j]).unit(),
					(true, BondsMode::Yuma3) => bonds[i][j].unit(),
				})
				.collect()
		})
		.collect();

	// 8. Emission.
	let (miner_emission, validator_emission) =
		reference_emission(input, &incentive, rank_sum, &dividends, dividend_sum, &voter_stake);

	Reference {
		active,
		validator_permit,
		voter_stake,
		active_stake: s,
		consensus,
		consensus_bits,
		validator_trust,
		rank,
		trust,
		incentive,
		dividends,
		bonds: stored,
		miner_emission,
		validator_emission,
	}
}

/// Whether the crate's version of a non-negative quantity is certainly 0, certainly not, or
/// either (`None`).
fn certainly_positive(x: Approx) -> Option<bool> {
	if x.is_exact_zero() {
		Some(false)
	} else if x.val > x.err {
		Some(true)
	} else {
		None
	}
}

/// `total * basis_i / Σ basis`, rounded down, for an exact integer basis.
fn exact_shares(total: u64, basis: &[u64]) -> Vec<Rao> {
	let sum: u128 = basis.iter().map(|&b| u128::from(b)).sum();
	basis
		.iter()
		.map(|&b| {
			let part = (u128::from(total) * u128::from(b)).checked_div(sum).unwrap_or(0);
			Rao { val: part as f64, tol: 0.0 }
		})
		.collect()
}

/// `total * x_i` for proportions known up to their bounds.
fn approx_shares(total: u64, shares: &[Approx]) -> Vec<Rao> {
	let n = shares.len() as f64;
	let total = total as f64;
	shares
		.iter()
		.map(|x| Rao { val: total * x.val, tol: total * (x.tolerance() + n * EPS) + 2.0 })
		.collect()
}

/// Step 8: half to miners by incentive (none if nobody has incentive), the rest to
/// validators by dividends, else active stake, else stake, else nobody.
fn reference_emission(
	input: &EpochInput<'_>,
	incentive: &[Approx],
	rank_sum: Approx,
	dividends: &[Approx],
	dividend_sum: Approx,
	voter_stake: &[u64],
) -> (Vec<Rao>, Vec<Rao>) {
	let n = input.stake.len();
	let amount = input.emission;
	let unknown = || vec![Rao { val: 0.0, tol: amount as f64 }; n];
	let Some(miners_paid) = certainly_positive(rank_sum) else {
		return (unknown(), unknown());
	};
	let miners_total = if miners_paid { amount / 2 } else { 0 };
	let validators_total = amount - miners_total;
	let miners = if miners_paid {
		approx_shares(miners_total, incentive)
	} else {
		exact_shares(0, &vec![0; n])
	};
	let validators = match certainly_positive(dividend_sum) {
		None => unknown(),
		Some(true) => approx_shares(validators_total, dividends),
		Some(false) => {
			if voter_stake.iter().any(|&s| s > 0) {
				exact_shares(validators_total, voter_stake)
			} else {
				exact_shares(validators_total, input.stake)
			}
		},
	};
	(miners, validators)
}

// ---------------------------------------------------------------------------------------------
// Comparison
// ---------------------------------------------------------------------------------------------

fn to_f64(x: Fixed) -> f64 {
	x.to_bits() as f64 / 4_294_967_296.0
}

/// Per kind of output: values compared, how many with a tight tolerance, and the largest
/// observed `|difference| / tolerance`.
#[derive(Default)]
struct Stats {
	rows: Vec<(&'static str, u64, u64, f64)>,
}

impl Stats {
	fn record(&mut self, what: &'static str, tight: bool, ratio: f64) {
		let index = match self.rows.iter().position(|r| r.0 == what) {
			Some(index) => index,
			None => {
				self.rows.push((what, 0, 0, 0.0));
				self.rows.len() - 1
			},
		};
		let row = &mut self.rows[index];
		row.1 += 1;
		row.2 += u64::from(tight);
		row.3 = row.3.max(ratio);
	}
}

fn check_fixed(
	stats: &mut Stats,
	what: &'static str,
	got: &[Fixed],
	want: &[Approx],
) -> TestCaseResult {
	prop_assert_eq!(got.len(), want.len(), "{} length", what);
	for (uid, (&g, &w)) in got.iter().zip(want).enumerate() {
		let (g, tol) = (to_f64(g), w.tolerance());
		let diff = (g - w.val).abs();
		stats.record(what, tol <= 1e-6, if diff == 0.0 { 0.0 } else { diff / tol });
		prop_assert!(
			diff <= tol,
			"{what}[{uid}]: crate {g:.12}, reference {:.12} (bound {:e}, difference {diff:e})",
			w.val,
			w.err
		);
	}
	Ok(())
}

fn check_rao(
	stats: &mut Stats,
	what: &'static str,
	amount: u64,
	got: &[u64],
	want: &[Rao],
) -> TestCaseResult {
	prop_assert_eq!(got.len(), want.len(), "{} length", what);
	for (uid, (&g, w)) in got.iter().zip(want).enumerate() {
		let diff = (g as f64 - w.val).abs();
		let tight = w.tol <= 2.0 + amount as f64 * 1e-6;
		stats.record(what, tight, if diff == 0.0 { 0.0 } else { diff / w.tol });
		prop_assert!(
			diff <= w.tol,
			"{what}[{uid}]: crate {g} rao, reference {:.1} (tolerance {:.1})",
			w.val,
			w.tol
		);
	}
	Ok(())
}

fn compare(stats: &mut Stats, case: &Case, out: &EpochOutput, want: &Reference) -> TestCaseResult {
	let n = case.stake.len();
	prop_assert_eq!(&out.active, &want.active);
	prop_assert_eq!(&out.validator_permit, &want.validator_permit);
	let bits: Vec<u64> = out.consensus.iter().map(|c| c.to_bits()).collect();
	prop_assert_eq!(&bits, &want.consensus_bits, "consensus is not the exact quantile");
	check_fixed(stats, "active_stake", &out.active_stake, &want.active_stake)?;
	check_fixed(stats, "consensus", &out.consensus, &want.consensus)?;
	check_fixed(stats, "validator_trust", &out.validator_trust, &want.validator_trust)?;
	check_fixed(stats, "rank", &out.rank, &want.rank)?;
	check_fixed(stats, "trust", &out.trust, &want.trust)?;
	check_fixed(stats, "incentive", &out.incentive, &want.incentive)?;
	check_fixed(stats, "dividends", &out.dividends, &want.dividends)?;

	prop_assert_eq!(out.bonds.len(), n);
	for (i, row) in out.bonds.iter().enumerate() {
		let mut dense = vec![0u16; n];
		for &(j, b) in row {
			dense[usize::from(j)] = b;
		}
		for j in 0..n {
			let w = want.bonds[i][j];
			let expected = (w.val * 65_535.0).round();
			let tol = if w.err == 0.0 { 0.0 } else { (65_535.0 * SAFETY * w.err + 1.0).floor() };
			let diff = (f64::from(dense[j]) - expected).abs();
			stats.record("bonds (u16)", tol <= 2.0, if diff == 0.0 { 0.0 } else { diff / tol });
			prop_assert!(
				diff <= tol,
				"bonds[{i}][{j}]: crate {}, reference {expected} (value {:.9}, tolerance {tol})",
				dense[j],
				w.val
			);
		}
	}

	let amount = case.emission;
	check_rao(stats, "miner_emission", amount, &out.miner_emission, &want.miner_emission)?;
	let (got, want) = (&out.validator_emission, &want.validator_emission);
	check_rao(stats, "validator_emission", amount, got, want)?;
	Ok(())
}

fn config() -> Config {
	Config { cases: CASES, failure_persistence: None, ..Config::default() }
}

/// The crate's outputs equal the dense reference's within the bounds of the module docs.
#[test]
fn matches_dense_reference() {
	let stats = RefCell::new(Stats::default());
	let mut runner = TestRunner::new(config());
	let result = runner.run(&arb_case(), |case| {
		let out = run_epoch(&case.params, &case.input())
			.map_err(|e| TestCaseError::fail(format!("refused: {e}")))?;
		let want = reference(&case.params, &case.input());
		compare(&mut stats.borrow_mut(), &case, &out, &want)
	});
	if let Err(e) = result {
		panic!("{e}");
	}
	let stats = stats.into_inner();
	let (mut compared, mut tight) = (0, 0);
	eprintln!("{:<20} {:>9} {:>9} {:>12}", "output", "compared", "tight", "max err/tol");
	for (what, count, tight_count, worst) in &stats.rows {
		eprintln!("{what:<20} {count:>9} {tight_count:>9} {worst:>12.4}");
		compared += count;
		tight += tight_count;
	}
	// The bounds are loose only where the math is ill-conditioned; most values must be
	// compared tightly (within 1e-6; u16 bonds within 2; emission within 2 rao plus 1e-6 of
	// the amount), or the test would prove little.
	assert!(tight * 10 >= compared * 9, "only {tight} of {compared} comparisons were tight");
}

// ---------------------------------------------------------------------------------------------
// Invariants
// ---------------------------------------------------------------------------------------------

/// Step 8 from the crate's own outputs, in exact integers: it must match to the rao.
fn split_from_outputs(case: &Case, out: &EpochOutput, voter_stake: &[u64]) -> (Vec<u64>, Vec<u64>) {
	let amount = case.emission;
	let share = |total: u64, basis: &[u128]| -> Vec<u64> {
		let sum: u128 = basis.iter().sum();
		basis
			.iter()
			.map(|&b| (u128::from(total) * b).checked_div(sum).unwrap_or(0) as u64)
			.collect()
	};
	let bits = |v: &[Fixed]| v.iter().map(|x| u128::from(x.to_bits())).collect::<Vec<_>>();
	let wide = |v: &[u64]| v.iter().map(|&x| u128::from(x)).collect::<Vec<_>>();
	let incentive = bits(&out.incentive);
	let miners_total = if incentive.iter().any(|&x| x > 0) { amount / 2 } else { 0 };
	let validators_total = amount - miners_total;
	let basis = [bits(&out.dividends), wide(voter_stake), wide(&case.stake)]
		.into_iter()
		.find(|b| b.iter().any(|&x| x > 0))
		.unwrap_or_else(|| vec![0; case.stake.len()]);
	(share(miners_total, &incentive), share(validators_total, &basis))
}

fn check_invariants(case: &Case) -> TestCaseResult {
	let n = case.stake.len();
	let out = run_epoch(&case.params, &case.input())
		.map_err(|e| TestCaseError::fail(format!("refused: {e}")))?;
	let again = run_epoch(&case.params, &case.input()).expect("accepted once");
	prop_assert_eq!(&out, &again, "two runs differ");

	// Conservation, exactly.
	let paid: u128 =
		out.miner_emission.iter().chain(&out.validator_emission).map(|&x| u128::from(x)).sum();
	prop_assert_eq!(paid + u128::from(out.undistributed), u128::from(case.emission));

	// Every fraction in [0, 1]; normalized vectors sum to 1 (less at most n ulps) or are 0.
	let fractions = [
		("active_stake", &out.active_stake),
		("validator_trust", &out.validator_trust),
		("consensus", &out.consensus),
		("rank", &out.rank),
		("trust", &out.trust),
		("incentive", &out.incentive),
		("dividends", &out.dividends),
	];
	for (what, values) in fractions {
		prop_assert_eq!(values.len(), n, "{} length", what);
		prop_assert!(values.iter().all(|&x| x <= Fixed::ONE), "{} above 1: {:?}", what, values);
	}
	for (what, values) in [
		("active_stake", &out.active_stake),
		("incentive", &out.incentive),
		("dividends", &out.dividends),
	] {
		let total: u64 = values.iter().map(|x| x.to_bits()).sum();
		let one = Fixed::ONE.to_bits();
		prop_assert!(
			total == 0 || (total <= one && total + n as u64 >= one),
			"{} sums to {} ulps, not 2^32 (less at most {})",
			what,
			total,
			n
		);
	}

	// Consensus is at most the column's largest (Q32) weight; nobody with active voting stake
	// weighting a miner means no consensus, rank, incentive or miner emission for it.
	let kept = filter_weights(&case.input());
	let want = reference(&case.params, &case.input());
	for j in 0..n {
		let column_max = (0..n)
			.filter(|&i| kept[i][j] > 0)
			.map(|i| {
				let row_sum: u128 = kept[i].iter().map(|&w| u128::from(w)).sum();
				((u128::from(kept[i][j]) << 32) / row_sum) as u64
			})
			.max()
			.unwrap_or(0);
		prop_assert!(out.consensus[j].to_bits() <= column_max, "consensus[{}] above its column", j);
		let weighted = (0..n).any(|i| want.voter_stake[i] > 0 && kept[i][j] > 0);
		if !weighted {
			prop_assert!(
				out.consensus[j].is_zero()
					&& out.rank[j].is_zero()
					&& out.incentive[j].is_zero()
					&& out.miner_emission[j] == 0,
				"unweighted miner {} has consensus, rank, incentive or emission",
				j
			);
		}
	}

	// Emission split to the rao from the crate's own incentive and dividends.
	let (miners, validators) = split_from_outputs(case, &out, &want.voter_stake);
	prop_assert_eq!(&out.miner_emission, &miners);
	prop_assert_eq!(&out.validator_emission, &validators);

	// Permits: at most max_validators, never to zero stake. Stored bonds: only for permit
	// holders, in range, sorted, unique, non-zero.
	let permits = out.validator_permit.iter().filter(|&&p| p).count();
	prop_assert!(permits <= usize::from(case.params.max_validators));
	prop_assert_eq!(out.bonds.len(), n);
	for (i, row) in out.bonds.iter().enumerate() {
		if out.validator_permit[i] {
			prop_assert!(case.stake[i] > 0);
		} else {
			prop_assert!(row.is_empty(), "bonds kept for {} without a permit", i);
		}
		prop_assert!(row.windows(2).all(|p| p[0].0 < p[1].0), "bonds row {} not sorted", i);
		prop_assert!(row.iter().all(|&(j, b)| usize::from(j) < n && b > 0));
	}
	Ok(())
}

/// Determinism, conservation, ranges, sums, consensus and incentive bounds, exact split.
#[test]
fn invariants_hold() {
	let mut runner = TestRunner::new(config());
	if let Err(e) = runner.run(&arb_case(), |case| check_invariants(&case)) {
		panic!("{e}");
	}
}

// ---------------------------------------------------------------------------------------------
// Odd inputs
// ---------------------------------------------------------------------------------------------

/// `n` neurons at block 1,000, registered at 0, all set weights at 1,000, bonds from block 640.
fn plain_case(stake: &[u64], permit: &[bool], weights: Vec<SparseRow>) -> Case {
	let n = stake.len();
	Case {
		params: chain_defaults(),
		current_block: 1_000,
		bonds_updated_at: 640,
		stake: stake.to_vec(),
		last_update: vec![1_000; n],
		registered_at: vec![0; n],
		validator_permit: permit.to_vec(),
		weights,
		bonds: vec![Vec::new(); n],
		emission: 1_000_000_001,
	}
}

#[test]
fn empty_subnet() {
	let case = plain_case(&[], &[], Vec::new());
	let out = run_epoch(&case.params, &case.input()).expect("an empty subnet is valid");
	assert_eq!(out, EpochOutput { undistributed: case.emission, ..EpochOutput::default() });
}

#[test]
fn all_stake_zero_pays_nobody() {
	let weights = vec![vec![(1, 100), (2, 200)], vec![(2, 5)], vec![(0, 7)]];
	let case = plain_case(&[0, 0, 0], &[true, true, true], weights);
	let out = run_epoch(&case.params, &case.input()).expect("valid");
	assert_eq!(out.validator_permit, vec![false; 3]);
	for values in [&out.active_stake, &out.consensus, &out.rank, &out.incentive, &out.dividends] {
		assert!(values.iter().all(|x| x.is_zero()));
	}
	assert_eq!(out.miner_emission, vec![0; 3]);
	assert_eq!(out.validator_emission, vec![0; 3]);
	assert_eq!(out.undistributed, case.emission);
	// No stake, no consensus: every weight is clipped to 0.
	assert_eq!(out.validator_trust, vec![Fixed::ZERO; 3]);
}

#[test]
fn all_weights_zero_pay_validators_by_active_stake_then_stake() {
	let weights = vec![vec![(1, 0), (2, 0)], vec![], vec![(0, 0)], vec![]];
	let stake = [300, 100, 0, 600];
	// UID 3 holds no previous permit: not a voter, so only 0 and 1 share by active stake.
	let case = plain_case(&stake, &[true, true, true, false], weights.clone());
	let out = run_epoch(&case.params, &case.input()).expect("valid");
	assert!(out.incentive.iter().chain(&out.dividends).all(|x| x.is_zero()));
	assert_eq!(out.miner_emission, vec![0; 4]);
	assert_eq!(out.validator_emission, vec![750_000_000, 250_000_000, 0, 0]);
	assert_eq!(out.undistributed, 1);
	// Without any previous permit nobody votes: validators are paid by stake.
	let case = plain_case(&stake, &[false; 4], weights);
	let out = run_epoch(&case.params, &case.input()).expect("valid");
	assert_eq!(out.validator_emission, vec![300_000_000, 100_000_000, 0, 600_000_000]);
	assert_eq!(out.undistributed, 1);
	assert_eq!(out.validator_permit, vec![true, true, false, true]);
}

#[test]
fn single_validator_is_the_consensus() {
	let weights = vec![vec![(1, 1), (2, 1), (3, 2), (0, 9)], vec![], vec![], vec![]];
	let case = plain_case(&[1_000, 0, 0, 0], &[true, false, false, false], weights);
	let out = run_epoch(&case.params, &case.input()).expect("valid");
	let quarter = Fixed::from_ratio(1, 4);
	let half = Fixed::HALF;
	assert_eq!(out.active_stake, vec![Fixed::ONE, Fixed::ZERO, Fixed::ZERO, Fixed::ZERO]);
	assert_eq!(out.consensus, vec![Fixed::ZERO, quarter, quarter, half]);
	assert_eq!(out.validator_trust[0], Fixed::ONE);
	assert_eq!(out.incentive, vec![Fixed::ZERO, quarter, quarter, half]);
	assert_eq!(out.trust, vec![Fixed::ZERO, Fixed::ONE, Fixed::ONE, Fixed::ONE]);
	assert_eq!(out.dividends, vec![Fixed::ONE, Fixed::ZERO, Fixed::ZERO, Fixed::ZERO]);
	// Yuma 3, a = 0.1: bonds 0.1 of the weights.
	assert_eq!(out.bonds[0], vec![(1, 1_638), (2, 1_638), (3, 3_277)]);
	assert_eq!(out.miner_emission, vec![0, 125_000_000, 125_000_000, 250_000_000]);
	assert_eq!(out.validator_emission, vec![500_000_001, 0, 0, 0]);
	assert_eq!(out.undistributed, 0);
}

#[test]
fn length_mismatch_is_refused() {
	let case = plain_case(&[1, 2, 3], &[true; 3], vec![Vec::new(); 3]);
	let short = [0u64; 2];
	let inputs = [
		("last_update", EpochInput { last_update: &short, ..case.input() }),
		("registered_at", EpochInput { registered_at: &short, ..case.input() }),
		("validator_permit", EpochInput { validator_permit: &[true; 4], ..case.input() }),
		("weights", EpochInput { weights: &[], ..case.input() }),
		("bonds", EpochInput { bonds: &case.weights[..1], ..case.input() }),
	];
	for (name, input) in inputs {
		let found = match name {
			"validator_permit" => 4,
			"weights" => 0,
			"bonds" => 1,
			_ => 2,
		};
		assert_eq!(
			run_epoch(&case.params, &input),
			Err(Error::LengthMismatch { input: name, expected: 3, found })
		);
	}
	let too_many = vec![0u64; 65_537];
	let input = EpochInput { stake: &too_many, ..case.input() };
	assert_eq!(run_epoch(&case.params, &input), Err(Error::TooManyUids(65_537)));
}

#[test]
fn inverted_liquid_alpha_bounds_are_refused() {
	let case = plain_case(&[1, 2], &[true; 2], vec![Vec::new(); 2]);
	let inverted = LiquidAlpha { low: 40_000, high: 39_999, steepness: 1_000 };
	let params = Params { liquid_alpha: Some(inverted), ..chain_defaults() };
	assert_eq!(run_epoch(&params, &case.input()), Err(Error::LiquidAlphaBoundsInverted));
	let equal = LiquidAlpha { low: 40_000, high: 40_000, steepness: 1_000 };
	let params = Params { liquid_alpha: Some(equal), ..chain_defaults() };
	assert!(run_epoch(&params, &case.input()).is_ok());
}
