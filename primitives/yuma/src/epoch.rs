//! The epoch itself: [`run_epoch`] and its steps, in the order of the crate docs.
//!
//! Matrices are sparse throughout: weights and bonds live in compressed rows ([`Csr`]), columns
//! are gathered only for the consensus median, and per-row merges use one dense scratch row of
//! length `n` that is cleared entry by entry. Cost is `O(n log n + nnz log nnz_col)`; nothing is
//! `n × n`.

use crate::{BondsMode, EpochInput, EpochOutput, Error, Fixed, LiquidAlpha, Params, SparseRow};
use alloc::{vec, vec::Vec};

/// Runs one epoch of Yuma consensus; see the crate docs for every step.
///
/// Fails only when the input's shape is wrong ([`Error`]); every set of values, however odd
/// (no stake, no weights, a single validator, out-of-range or repeated UIDs), gives a result.
pub fn run_epoch(params: &Params, input: &EpochInput<'_>) -> Result<EpochOutput, Error> {
	let n = input.stake.len();
	check_shape(params, input)?;

	// 1. Active.
	let active: Vec<bool> = input
		.last_update
		.iter()
		.map(|&updated| updated.saturating_add(params.activity_cutoff) >= input.current_block)
		.collect();

	// 2. Stake and permits: the previous permits vote, the new ones are for the next epoch.
	let validator_permit = top_stake_permits(input.stake, params.max_validators);
	let voter_stake: Vec<u64> = input
		.stake
		.iter()
		.zip(&active)
		.zip(input.validator_permit)
		.map(|((&stake, &active), &permit)| if active && permit { stake } else { 0 })
		.collect();
	let total_voter_stake: u128 = voter_stake.iter().map(|&s| u128::from(s)).sum();
	let active_stake: Vec<Fixed> =
		voter_stake.iter().map(|&s| Fixed::from_ratio(s.into(), total_voter_stake)).collect();

	// 3. Weights.
	let mut marks = Marks::new(n);
	let weights = weights_matrix(input, &mut marks);

	// 4. Consensus.
	let consensus = consensus(&weights, &voter_stake, total_voter_stake, params.kappa, n);

	// 5. and 6. Clip, validator trust, rank, trust, incentive.
	let mut validator_trust = vec![Fixed::ZERO; n];
	let mut rank_wide = vec![0u128; n];
	let mut pre_rank_wide = vec![0u128; n];
	for (i, cols, vals) in weights.rows() {
		let s_i = at(&active_stake, i);
		let mut trust_i = Fixed::ZERO;
		for (&j, &w_ij) in cols.iter().zip(vals) {
			let j = usize::from(j);
			let clipped = w_ij.min(at(&consensus, j));
			trust_i = trust_i.saturating_add(clipped);
			add_wide(&mut rank_wide, j, s_i.wide_mul(clipped));
			add_wide(&mut pre_rank_wide, j, s_i.wide_mul(w_ij));
		}
		set(&mut validator_trust, i, trust_i);
	}
	let rank: Vec<Fixed> = rank_wide.iter().map(|&r| Fixed::from_wide(r)).collect();
	let trust: Vec<Fixed> =
		rank_wide.iter().zip(&pre_rank_wide).map(|(&r, &p)| Fixed::from_ratio(r, p)).collect();
	let incentive = normalize(&rank_wide);

	// 7. Bonds and dividends.
	let context = BondsContext {
		params,
		input,
		weights: &weights,
		consensus: &consensus,
		active_stake: &active_stake,
		incentive: &incentive,
	};
	let (mut bonds, dividends) = context.bonds_and_dividends(&mut marks);
	for (row, &permit) in bonds.iter_mut().zip(&validator_permit) {
		if !permit {
			row.clear();
		}
	}

	// 8. Emission.
	let (miner_emission, validator_emission, undistributed) =
		split_emission(input.emission, &incentive, &dividends, &voter_stake, input.stake);

	Ok(EpochOutput {
		active,
		validator_permit,
		active_stake,
		validator_trust,
		consensus,
		rank,
		trust,
		incentive,
		dividends,
		bonds,
		miner_emission,
		validator_emission,
		undistributed,
	})
}

fn check_shape(params: &Params, input: &EpochInput<'_>) -> Result<(), Error> {
	let n = input.stake.len();
	if n > usize::from(u16::MAX).saturating_add(1) {
		return Err(Error::TooManyUids(n));
	}
	let lengths = [
		("last_update", input.last_update.len()),
		("registered_at", input.registered_at.len()),
		("validator_permit", input.validator_permit.len()),
		("weights", input.weights.len()),
		("bonds", input.bonds.len()),
	];
	for (name, found) in lengths {
		if found != n {
			return Err(Error::LengthMismatch { input: name, expected: n, found });
		}
	}
	if let Some(alpha) = params.liquid_alpha {
		if alpha.low > alpha.high {
			return Err(Error::LiquidAlphaBoundsInverted);
		}
	}
	Ok(())
}

/// The element at `i`, or the default for a position that does not exist (never reached: every
/// index used here comes from a range check, but a wrong index must not panic on chain).
fn at<T: Copy + Default>(values: &[T], i: usize) -> T {
	values.get(i).copied().unwrap_or_default()
}

fn set<T>(values: &mut [T], i: usize, value: T) {
	if let Some(slot) = values.get_mut(i) {
		*slot = value;
	}
}

fn add_wide(values: &mut [u128], i: usize, value: u128) {
	if let Some(slot) = values.get_mut(i) {
		*slot = slot.saturating_add(value);
	}
}

/// `x / Σ x` for every entry; all 0 when the sum is 0. The results sum to at most 1.
fn normalize(values: &[u128]) -> Vec<Fixed> {
	let sum = values.iter().fold(0u128, |acc, &v| acc.saturating_add(v));
	values.iter().map(|&v| Fixed::from_ratio(v, sum)).collect()
}

/// Step 2: the `k` largest non-zero stakes, ties to the lower UID.
fn top_stake_permits(stake: &[u64], k: u16) -> Vec<bool> {
	let mut order: Vec<usize> = (0..stake.len()).filter(|&i| at(stake, i) > 0).collect();
	order.sort_unstable_by(|&a, &b| at(stake, b).cmp(&at(stake, a)).then(a.cmp(&b)));
	let mut permits = vec![false; stake.len()];
	for &i in order.iter().take(usize::from(k)) {
		set(&mut permits, i, true);
	}
	permits
}

/// Compressed sparse rows: row `i` is `col[ptr[i]..ptr[i + 1]]` with values alongside.
struct Csr<V> {
	ptr: Vec<usize>,
	col: Vec<u16>,
	val: Vec<V>,
}

impl<V> Csr<V> {
	fn with_capacity(rows: usize) -> Self {
		let mut ptr = Vec::with_capacity(rows.saturating_add(1));
		ptr.push(0);
		Self { ptr, col: Vec::new(), val: Vec::new() }
	}

	fn push(&mut self, col: u16, val: V) {
		self.col.push(col);
		self.val.push(val);
	}

	fn end_row(&mut self) {
		self.ptr.push(self.col.len());
	}

	fn nnz(&self) -> usize {
		self.col.len()
	}

	fn row(&self, i: usize) -> (&[u16], &[V]) {
		let start = at(&self.ptr, i);
		let end = at(&self.ptr, i.saturating_add(1)).max(start);
		(self.col.get(start..end).unwrap_or(&[]), self.val.get(start..end).unwrap_or(&[]))
	}

	fn rows(&self) -> impl Iterator<Item = (usize, &[u16], &[V])> + '_ {
		(0..self.ptr.len().saturating_sub(1)).map(move |i| {
			let (cols, vals) = self.row(i);
			(i, cols, vals)
		})
	}
}

/// Marks the columns seen in the current row, to drop repeated UIDs in `O(1)` each.
struct Marks {
	stamp: Vec<u32>,
	row: u32,
}

impl Marks {
	fn new(n: usize) -> Self {
		Self { stamp: vec![0; n], row: 0 }
	}

	fn next_row(&mut self) {
		self.row = self.row.wrapping_add(1);
		if self.row == 0 {
			self.stamp.iter_mut().for_each(|s| *s = 0);
			self.row = 1;
		}
	}

	/// True the first time `j` is seen in this row.
	fn first_visit(&mut self, j: usize) -> bool {
		match self.stamp.get_mut(j) {
			Some(stamp) if *stamp != self.row => {
				*stamp = self.row;
				true
			},
			_ => false,
		}
	}
}

/// Step 3: the voters' weight rows, filtered and normalized.
fn weights_matrix(input: &EpochInput<'_>, marks: &mut Marks) -> Csr<Fixed> {
	let n = input.stake.len();
	let mut matrix = Csr::with_capacity(n);
	let mut kept: Vec<(u16, u16)> = Vec::new();
	for (i, row) in input.weights.iter().enumerate() {
		if at(input.validator_permit, i) {
			marks.next_row();
			kept.clear();
			let updated = at(input.last_update, i);
			let mut sum: u64 = 0;
			for &(j, w) in row {
				let ju = usize::from(j);
				if ju >= n || !marks.first_visit(ju) {
					continue;
				}
				if ju == i || w == 0 || updated <= at(input.registered_at, ju) {
					continue;
				}
				sum = sum.saturating_add(w.into());
				kept.push((j, w));
			}
			for &(j, w) in &kept {
				matrix.push(j, Fixed::from_ratio(w.into(), sum.into()));
			}
		}
		matrix.end_row();
	}
	matrix
}

/// Step 4: the stake-weighted κ-quantile of each column over the validators with stake.
fn consensus(
	weights: &Csr<Fixed>,
	voter_stake: &[u64],
	total_stake: u128,
	kappa: u16,
	n: usize,
) -> Vec<Fixed> {
	let mut consensus = vec![Fixed::ZERO; n];
	if total_stake == 0 {
		return consensus;
	}
	// Gather each column's (weight, stake) pairs: count, prefix-sum, fill.
	let mut start = vec![0usize; n.saturating_add(1)];
	for (i, cols, _) in weights.rows() {
		if at(voter_stake, i) > 0 {
			for &j in cols {
				if let Some(count) = start.get_mut(usize::from(j).saturating_add(1)) {
					*count = count.saturating_add(1);
				}
			}
		}
	}
	let mut running = 0usize;
	for slot in start.iter_mut() {
		running = running.saturating_add(*slot);
		*slot = running;
	}
	let mut column_entries = vec![(Fixed::ZERO, 0u64); running];
	let mut fill = start.clone();
	for (i, cols, vals) in weights.rows() {
		let stake = at(voter_stake, i);
		if stake == 0 {
			continue;
		}
		for (&j, &w) in cols.iter().zip(vals) {
			if let Some(next) = fill.get_mut(usize::from(j)) {
				if let Some(entry) = column_entries.get_mut(*next) {
					*entry = (w, stake);
				}
				*next = next.saturating_add(1);
			}
		}
	}
	let threshold = u128::from(kappa).saturating_mul(total_stake);
	for (j, c_j) in consensus.iter_mut().enumerate() {
		let (lo, hi) = (at(&start, j), at(&start, j.saturating_add(1)));
		let Some(column) = column_entries.get_mut(lo..hi) else { continue };
		column.sort_unstable_by_key(|entry| core::cmp::Reverse(entry.0));
		let mut cumulative: u128 = 0;
		for &(w, stake) in column.iter() {
			cumulative = cumulative.saturating_add(stake.into());
			if cumulative.saturating_mul(u16::MAX.into()) >= threshold {
				*c_j = w;
				break;
			}
		}
	}
	consensus
}

/// Everything step 7 reads.
struct BondsContext<'a> {
	params: &'a Params,
	input: &'a EpochInput<'a>,
	weights: &'a Csr<Fixed>,
	consensus: &'a [Fixed],
	active_stake: &'a [Fixed],
	incentive: &'a [Fixed],
}

impl BondsContext<'_> {
	/// Step 7: new bonds in storage form and normalized dividends.
	fn bonds_and_dividends(&self, marks: &mut Marks) -> (Vec<SparseRow>, Vec<Fixed>) {
		let n = self.input.stake.len();
		let old = self.previous_bonds(marks);
		let mut old_column_sum = vec![0u128; n];
		for (_, cols, vals) in old.rows() {
			for (&j, &b) in cols.iter().zip(vals) {
				add_wide(&mut old_column_sum, usize::from(j), b.into());
			}
		}
		let beta = Fixed::from_u16_ratio(self.params.bonds_penalty);
		let penalized =
			|w_ij: Fixed, j: usize| Fixed::lerp(w_ij, w_ij.min(at(self.consensus, j)), beta);

		let new = match self.params.bonds_mode {
			BondsMode::Classic => {
				// ΔB = S ∘ Wb, column-normalized; old bonds column-normalized.
				let mut delta_column_sum = vec![0u128; n];
				for (i, cols, vals) in self.weights.rows() {
					let s_i = at(self.active_stake, i);
					for (&j, &w_ij) in cols.iter().zip(vals) {
						let j = usize::from(j);
						add_wide(
							&mut delta_column_sum,
							j,
							s_i.saturating_mul(penalized(w_ij, j)).to_bits().into(),
						);
					}
				}
				self.ema(
					&old,
					marks,
					|i, j, w_ij| {
						let delta = at(self.active_stake, i).saturating_mul(penalized(w_ij, j));
						Fixed::from_ratio(delta.to_bits().into(), at(&delta_column_sum, j))
					},
					|j, b| Fixed::from_ratio(b.into(), at(&old_column_sum, j)),
				)
			},
			BondsMode::Yuma3 => self.ema(
				&old,
				marks,
				|_, j, w_ij| penalized(w_ij, j),
				|_, b| Fixed::from_u16_ratio(b),
			),
		};

		let mut column_sum = vec![0u128; n];
		let mut column_max = vec![Fixed::ZERO; n];
		for (_, cols, vals) in new.rows() {
			for (&j, &b) in cols.iter().zip(vals) {
				let j = usize::from(j);
				add_wide(&mut column_sum, j, b.to_bits().into());
				if b > at(&column_max, j) {
					set(&mut column_max, j, b);
				}
			}
		}
		// Dividends from column-normalized bonds; the modes differ in whether stake weighs in
		// here (Yuma 3) or already did in ΔB (classic).
		let mut dividends_wide = vec![0u128; n];
		let mut stored: Vec<SparseRow> = Vec::with_capacity(n);
		for (i, cols, vals) in new.rows() {
			let mut share_of_incentive: u128 = 0;
			let mut row = SparseRow::with_capacity(cols.len());
			for (&j, &b) in cols.iter().zip(vals) {
				let ju = usize::from(j);
				let normalized = Fixed::from_ratio(b.to_bits().into(), at(&column_sum, ju));
				share_of_incentive =
					share_of_incentive.saturating_add(normalized.wide_mul(at(self.incentive, ju)));
				let value = match self.params.bonds_mode {
					BondsMode::Classic => {
						Fixed::from_ratio(b.to_bits().into(), at(&column_max, ju).to_bits().into())
							.to_u16_ratio()
					},
					BondsMode::Yuma3 => b.to_u16_ratio(),
				};
				if value > 0 {
					row.push((j, value));
				}
			}
			let dividend = match self.params.bonds_mode {
				BondsMode::Classic => share_of_incentive,
				BondsMode::Yuma3 => {
					at(self.active_stake, i).wide_mul(Fixed::from_wide(share_of_incentive))
				},
			};
			set(&mut dividends_wide, i, dividend);
			stored.push(row);
		}
		stored.resize(n, SparseRow::new());
		(stored, normalize(&dividends_wide))
	}

	/// Previous bonds of the voters, minus rows and columns whose UID changed holder since.
	fn previous_bonds(&self, marks: &mut Marks) -> Csr<u16> {
		let input = self.input;
		let n = input.stake.len();
		let fresh = |uid: usize| at(input.registered_at, uid) >= input.bonds_updated_at;
		let mut old = Csr::with_capacity(n);
		for (i, row) in input.bonds.iter().enumerate() {
			if at(input.validator_permit, i) && !fresh(i) {
				marks.next_row();
				for &(j, b) in row {
					let ju = usize::from(j);
					if ju < n && marks.first_visit(ju) && b > 0 && !fresh(ju) {
						old.push(j, b);
					}
				}
			}
			old.end_row();
		}
		old
	}

	/// The bonds EMA, `B = a * new + (1 - a) * old` per entry, over the union of each row's
	/// weights and previous bonds. Rows come out sorted by UID.
	fn ema(
		&self,
		old: &Csr<u16>,
		marks: &mut Marks,
		new_of: impl Fn(usize, usize, Fixed) -> Fixed,
		old_of: impl Fn(usize, u16) -> Fixed,
	) -> Csr<Fixed> {
		let n = self.input.stake.len();
		let constant_rate = Fixed::from_ratio(
			1_000_000u64.saturating_sub(self.params.bonds_moving_average.min(1_000_000)).into(),
			1_000_000,
		);
		// Dense scratch rows (weight, new value, old value), reset entry by entry.
		let mut scratch = vec![(Fixed::ZERO, Fixed::ZERO, Fixed::ZERO); n];
		let mut touched: Vec<u16> = Vec::new();
		let mut bonds = Csr::with_capacity(n);
		bonds.col.reserve(self.weights.nnz().max(old.nnz()));
		bonds.val.reserve(self.weights.nnz().max(old.nnz()));
		for i in 0..n {
			marks.next_row();
			touched.clear();
			let (cols, vals) = self.weights.row(i);
			for (&j, &w_ij) in cols.iter().zip(vals) {
				let ju = usize::from(j);
				if marks.first_visit(ju) {
					touched.push(j);
					set(&mut scratch, ju, (w_ij, new_of(i, ju, w_ij), Fixed::ZERO));
				}
			}
			let (cols, vals) = old.row(i);
			for (&j, &b) in cols.iter().zip(vals) {
				let ju = usize::from(j);
				if marks.first_visit(ju) {
					touched.push(j);
					set(&mut scratch, ju, (Fixed::ZERO, Fixed::ZERO, Fixed::ZERO));
				}
				if let Some(entry) = scratch.get_mut(ju) {
					entry.2 = old_of(ju, b);
				}
			}
			touched.sort_unstable();
			for &j in &touched {
				let ju = usize::from(j);
				let (w_ij, new, old) = at(&scratch, ju);
				let rate = match self.params.liquid_alpha {
					None => constant_rate,
					Some(alpha) => liquid_rate(alpha, w_ij, at(self.consensus, ju)),
				};
				let bond = Fixed::lerp(old, new, rate);
				if !bond.is_zero() {
					bonds.push(j, bond);
				}
			}
			bonds.end_row();
		}
		bonds
	}
}

/// `a = low + (high - low) σ(s (x - 1/2))` with `x = max(W_ij - C_j, 0)`.
fn liquid_rate(alpha: LiquidAlpha, w_ij: Fixed, c_j: Fixed) -> Fixed {
	let above = w_ij.saturating_sub(c_j).min(Fixed::ONE);
	let (distance, negative) = if above >= Fixed::HALF {
		(above.saturating_sub(Fixed::HALF), false)
	} else {
		(Fixed::HALF.saturating_sub(above), true)
	};
	let argument = distance.mul_ratio(alpha.steepness.into(), 100);
	let sigma = Fixed::sigmoid(argument, negative);
	Fixed::lerp(Fixed::from_u16_ratio(alpha.low), Fixed::from_u16_ratio(alpha.high), sigma)
}

/// Step 8: miners by incentive, validators by dividends (else active stake, else stake).
fn split_emission(
	amount: u64,
	incentive: &[Fixed],
	dividends: &[Fixed],
	voter_stake: &[u64],
	stake: &[u64],
) -> (Vec<u64>, Vec<u64>, u64) {
	let bits = |v: &[Fixed]| v.iter().map(|x| u128::from(x.to_bits())).collect::<Vec<_>>();
	let wide = |v: &[u64]| v.iter().map(|&x| u128::from(x)).collect::<Vec<_>>();
	let has_any = |v: &[u128]| v.iter().any(|&x| x > 0);

	let incentive = bits(incentive);
	let miners_total = if has_any(&incentive) { amount.checked_div(2).unwrap_or(0) } else { 0 };
	let validators_total = amount.saturating_sub(miners_total);

	let validator_basis = [bits(dividends), wide(voter_stake), wide(stake)]
		.into_iter()
		.find(|basis| has_any(basis))
		.unwrap_or_else(|| vec![0; stake.len()]);

	let miner = pro_rata(miners_total, &incentive);
	let validator = pro_rata(validators_total, &validator_basis);
	let paid = miner.iter().chain(&validator).fold(0u64, |acc, &x| acc.saturating_add(x));
	(miner, validator, amount.saturating_sub(paid))
}

/// `total * w_i / Σ w`, rounded down, so the parts never exceed the total.
fn pro_rata(total: u64, weights: &[u128]) -> Vec<u64> {
	let sum = weights.iter().fold(0u128, |acc, &w| acc.saturating_add(w));
	weights
		.iter()
		.map(|&w| {
			let part = u128::from(total).saturating_mul(w).checked_div(sum).unwrap_or(0);
			u64::try_from(part).unwrap_or(0)
		})
		.collect()
}
