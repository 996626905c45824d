//! The Yuma guarantee (crate docs, "Guarantee"), Monte Carlo over thousands of random subnets.
//!
//! Every subnet has honest validators holding more than `max(κ, 1 - κ)` of the active stake
//! (checked on exact integers, as the crate compares: `honest * 65535 >= κ * total` and
//! `honest * 65535 > (65535 - κ) * total`) and a cabal holding the rest, all with previous
//! permits, all active, all registered long ago.
//!
//! * [`consensus_stays_within_honest_weights`]: whatever the cabal sets, every miner's
//!   consensus lies between the lowest and the highest weight that honest validators put on it
//!   (0 for an honest validator that does not weight it). No tolerance: the crate's consensus
//!   is one of its own Q32 weights, so the bounds are taken from the same normalization,
//!   `floor(w * 2^32 / Σ row)`, and compared as integers.
//! * [`self_weighting_cabal_earns_nothing`]: when honest validators weight only honest miners
//!   and the cabal only its own, the cabal's miners and validators receive no emission at all,
//!   epoch after epoch (10 epochs, bonds and permits fed back, from zero bonds), in both bonds
//!   modes with the default bonds penalty 1.0; the honest side receives everything paid.
//!
//! Subnets come from a seeded splitmix64 generator; every assertion prints the subnet's seed,
//! and [`subnet_seed`] regenerates it.

use taonet_yuma::{run_epoch, BondsMode, EpochInput, Fixed, LiquidAlpha, Params, SparseRow};

/// Subnets in the consensus test.
const CONSENSUS_SUBNETS: u64 = 5_000;
/// Subnets per bonds mode in the zero-emission test.
const CABAL_SUBNETS_PER_MODE: u64 = 1_000;
/// Epochs each of those subnets runs.
const EPOCHS: u64 = 10;
const BASE_SEED: u64 = 0x7a0e_7e70_1234_5678;

use taonet_yuma_testkit::SplitMix as Rng;

/// The chain's default epoch parameters: Yuma has none of its own.
fn chain_defaults() -> Params {
	taonet_primitives::SubnetHyperparams::default().epoch_params()
}

/// What these tests draw beyond the shared generator.
trait Draw {
	fn shuffle<T>(&mut self, items: &mut [T]);
	fn split(&mut self, total: u64, parts: usize) -> Vec<u64>;
}

impl Draw for Rng {
	fn shuffle<T>(&mut self, items: &mut [T]) {
		for i in (1..items.len()).rev() {
			let j = self.range(0, i as u64) as usize;
			items.swap(i, j);
		}
	}

	fn split(&mut self, total: u64, parts: usize) -> Vec<u64> {
		let mut cuts: Vec<u64> = (1..parts).map(|_| self.range(0, total)).collect();
		cuts.push(0);
		cuts.push(total);
		cuts.sort_unstable();
		cuts.windows(2).map(|w| w[1] - w[0]).collect()
	}
}

/// The seed of subnet `index` of a test.
fn subnet_seed(test: u64, index: u64) -> u64 {
	BASE_SEED ^ (test << 56) ^ index.wrapping_mul(0x2545_f491_4f6c_dd1d)
}

/// Who is who in a subnet: UIDs shuffled so roles do not follow UID order.
struct Roles {
	n: usize,
	honest: Vec<usize>,
	cabal: Vec<usize>,
	honest_miners: Vec<usize>,
	cabal_miners: Vec<usize>,
}

impl Roles {
	fn draw(rng: &mut Rng, cabal_miners: bool) -> Self {
		let counts = [
			rng.range(1, 8) as usize,
			rng.range(0, 8) as usize,
			rng.range(1, 16) as usize,
			if cabal_miners { rng.range(1, 12) as usize } else { 0 },
		];
		let n = counts.iter().sum();
		let mut uids: Vec<usize> = (0..n).collect();
		rng.shuffle(&mut uids);
		let mut groups = counts.iter().scan(0, |start, &count| {
			let group = uids[*start..*start + count].to_vec();
			*start += count;
			Some(group)
		});
		let mut next = || groups.next().expect("four groups");
		Self { n, honest: next(), cabal: next(), honest_miners: next(), cabal_miners: next() }
	}

	fn validators(&self) -> impl Iterator<Item = usize> + '_ {
		self.honest.iter().chain(&self.cabal).copied()
	}
}

/// `κ` in `1..=65535` (at `κ = 0` no stake can exceed `1 - κ`), often the default.
fn draw_kappa(rng: &mut Rng) -> u16 {
	match rng.range(0, 3) {
		0 => 32_767,
		1 => rng.range(16_384, 49_151) as u16,
		_ => rng.range(1, 65_535) as u16,
	}
}

/// Stakes: honest validators random, the cabal as much as the guarantee's premise allows (or
/// a random part of it), so subnets sit on the boundary as often as inside it.
fn draw_stake(rng: &mut Rng, roles: &Roles, kappa: u16) -> Vec<u64> {
	let mut stake = vec![0u64; roles.n];
	let scale = rng.range(0, 30);
	for &h in &roles.honest {
		stake[h] = rng.range(1, 1_000_000) << scale;
	}
	let honest: u128 = roles.honest.iter().map(|&h| u128::from(stake[h])).sum();
	let k = u128::from(kappa);
	let rest = 65_535 - k;
	// honest * 65535 >= κ (honest + cabal)  <=>  cabal <= honest (65535 - κ) / κ
	let by_kappa = honest * rest / k;
	// honest * 65535 > (65535 - κ)(honest + cabal)  <=>  cabal < honest κ / (65535 - κ)
	let by_rest = (honest * k - 1).checked_div(rest).unwrap_or(u128::MAX);
	let cabal_max = u64::try_from(by_kappa.min(by_rest)).unwrap_or(u64::MAX);
	let cabal_total = if rng.chance(50) { cabal_max } else { rng.range(0, cabal_max) };
	for (&c, part) in roles.cabal.iter().zip(rng.split(cabal_total, roles.cabal.len())) {
		stake[c] = part;
	}
	let total: u128 = stake.iter().map(|&s| u128::from(s)).sum();
	assert!(honest * 65_535 >= k * total && honest * 65_535 > rest * total, "premise");
	stake
}

/// A weight row over `targets`: each included with probability `percent`, random values
/// (zeros included).
fn random_row(rng: &mut Rng, targets: &[usize], percent: u64) -> SparseRow {
	let mut row = SparseRow::new();
	for &j in targets {
		if rng.chance(percent) {
			let w = match rng.range(0, 9) {
				0 => 0,
				1 => u16::MAX,
				_ => rng.range(1, 65_535) as u16,
			};
			row.push((j as u16, w));
		}
	}
	row
}

/// Row-normalized weights exactly as the crate's Q32 does: `floor(w * 2^32 / Σ row)`, dense.
fn q32_row(row: &SparseRow, n: usize) -> Vec<u64> {
	let sum: u128 = row.iter().map(|&(_, w)| u128::from(w)).sum();
	let mut dense = vec![0u64; n];
	for &(j, w) in row {
		// An all-zero row normalizes to all 0.
		dense[usize::from(j)] = (u128::from(w) << 32).checked_div(sum).unwrap_or(0) as u64;
	}
	dense
}

/// The state of one subnet that persists from epoch to epoch.
struct Subnet {
	params: Params,
	current_block: u64,
	bonds_updated_at: u64,
	stake: Vec<u64>,
	permit: Vec<bool>,
	weights: Vec<SparseRow>,
	bonds: Vec<SparseRow>,
	emission: u64,
}

impl Subnet {
	fn new(params: Params, roles: &Roles, stake: Vec<u64>, emission: u64) -> Self {
		let mut permit = vec![false; roles.n];
		for v in roles.validators() {
			permit[v] = true;
		}
		Self {
			params,
			current_block: 100_000,
			bonds_updated_at: 99_640,
			stake,
			permit,
			weights: vec![SparseRow::new(); roles.n],
			bonds: vec![SparseRow::new(); roles.n],
			emission,
		}
	}

	fn run(&self) -> taonet_yuma::EpochOutput {
		let n = self.stake.len();
		// Everyone set weights this block and registered at genesis.
		let last_update = vec![self.current_block; n];
		let registered_at = vec![0; n];
		let input = EpochInput {
			current_block: self.current_block,
			bonds_updated_at: self.bonds_updated_at,
			stake: &self.stake,
			last_update: &last_update,
			registered_at: &registered_at,
			validator_permit: &self.permit,
			weights: &self.weights,
			bonds: &self.bonds,
			emission: self.emission,
		};
		run_epoch(&self.params, &input).expect("a well-formed subnet")
	}
}

/// Honest validators above `max(κ, 1 - κ)` of active stake bound every miner's consensus by
/// their own lowest and highest weight on it, whatever the cabal does.
#[test]
fn consensus_stays_within_honest_weights() {
	for index in 0..CONSENSUS_SUBNETS {
		let seed = subnet_seed(1, index);
		let mut rng = Rng(seed);
		let roles = Roles::draw(&mut rng, false);
		let kappa = draw_kappa(&mut rng);
		let params = Params { kappa, ..chain_defaults() };
		let stake = draw_stake(&mut rng, &roles, kappa);
		let mut subnet = Subnet::new(params, &roles, stake, 1_000_000_000);
		let miners = &roles.honest_miners;

		// Honest validators: random weights over random miners, sometimes all the same row.
		let coverage = rng.range(30, 100);
		let shared = rng.chance(20).then(|| random_row(&mut rng, miners, coverage));
		for &h in &roles.honest {
			subnet.weights[h] =
				shared.clone().unwrap_or_else(|| random_row(&mut rng, miners, coverage));
		}
		// The cabal: random, all on one miner, or everything at the maximum.
		let target = miners[rng.range(0, miners.len() as u64 - 1) as usize];
		for &c in &roles.cabal {
			subnet.weights[c] = match rng.range(0, 2) {
				0 => {
					let coverage = rng.range(10, 100);
					random_row(&mut rng, miners, coverage)
				},
				1 => vec![(target as u16, u16::MAX)],
				_ => miners.iter().map(|&j| (j as u16, u16::MAX)).collect(),
			};
		}

		let out = subnet.run();
		let honest_q32: Vec<Vec<u64>> =
			roles.honest.iter().map(|&h| q32_row(&subnet.weights[h], roles.n)).collect();
		for &j in miners {
			let lowest = honest_q32.iter().map(|row| row[j]).min().expect("honest validators");
			let highest = honest_q32.iter().map(|row| row[j]).max().expect("honest validators");
			let c = out.consensus[j].to_bits();
			assert!(
				lowest <= c && c <= highest,
				"seed {seed:#018x} (subnet {index}), κ {kappa}: consensus of miner {j} is \
				 {c} / 2^32, honest weights span [{lowest}, {highest}] / 2^32",
			);
		}
	}
}

/// Per mode: a cabal that weights only its own miners is never paid, and the honest side is
/// paid everything that is paid, over `EPOCHS` epochs with bonds and permits fed back.
fn cabal_earns_nothing(mode: BondsMode, test: u64) {
	for index in 0..CABAL_SUBNETS_PER_MODE {
		let seed = subnet_seed(test, index);
		let mut rng = Rng(seed);
		let roles = Roles::draw(&mut rng, true);
		let kappa = draw_kappa(&mut rng);
		// A bonds rate that never rounds to 0: with no bonds at all nobody earns dividends and
		// validators are paid by stake, which is the documented fallback, not the guarantee.
		let liquid_alpha = rng.chance(30).then(|| {
			let low = rng.range(1_000, 65_535) as u16;
			let high = rng.range(u64::from(low), 65_535) as u16;
			LiquidAlpha { low, high, steepness: rng.range(0, 2_000) as u16 }
		});
		let params = Params {
			kappa,
			bonds_moving_average: rng.range(0, 990_000),
			bonds_mode: mode,
			liquid_alpha,
			..chain_defaults()
		};
		assert_eq!(params.bonds_penalty, u16::MAX, "the default bonds penalty is 1.0");
		let stake = draw_stake(&mut rng, &roles, kappa);
		let emission = match rng.range(0, 2) {
			0 => rng.range(0, 1_000),
			1 => rng.range(0, 1_000_000_000_000),
			_ => rng.next_u64(),
		};
		let mut subnet = Subnet::new(params, &roles, stake, emission);
		// Honest validators agree at least on one miner, so that there is incentive to share.
		let core = roles.honest_miners[rng.range(0, roles.honest_miners.len() as u64 - 1) as usize];

		for epoch in 0..EPOCHS {
			for &h in &roles.honest {
				let coverage = rng.range(0, 100);
				let mut row = random_row(&mut rng, &roles.honest_miners, coverage);
				row.retain(|&(j, _)| usize::from(j) != core);
				row.push((core as u16, rng.range(1, 65_535) as u16));
				rng.shuffle(&mut row);
				subnet.weights[h] = row;
			}
			for &c in &roles.cabal {
				let coverage = rng.range(20, 100);
				subnet.weights[c] = random_row(&mut rng, &roles.cabal_miners, coverage);
			}

			let out = subnet.run();
			let context = format!("seed {seed:#018x} (subnet {index}, {mode:?}), epoch {epoch}");
			for &j in &roles.cabal_miners {
				assert_eq!(
					out.consensus[j],
					Fixed::ZERO,
					"{context}: consensus of cabal miner {j}"
				);
				assert_eq!(
					out.incentive[j],
					Fixed::ZERO,
					"{context}: incentive of cabal miner {j}"
				);
				assert_eq!(out.emission(j), 0, "{context}: cabal miner {j} paid");
			}
			for &c in &roles.cabal {
				assert_eq!(
					out.dividends[c],
					Fixed::ZERO,
					"{context}: dividends of cabal validator {c}"
				);
				assert_eq!(out.emission(c), 0, "{context}: cabal validator {c} paid");
				assert!(out.bonds[c].is_empty(), "{context}: cabal validator {c} holds bonds");
			}
			let honest_paid: u128 = roles
				.honest
				.iter()
				.chain(&roles.honest_miners)
				.map(|&u| u128::from(out.emission(u)))
				.sum();
			assert_eq!(
				honest_paid + u128::from(out.undistributed),
				u128::from(emission),
				"{context}: honest side not paid everything that was paid"
			);
			// Only rounding is left over: less than one rao per UID in each half.
			assert!(
				out.undistributed <= 2 * roles.n as u64,
				"{context}: {} rao unpaid",
				out.undistributed
			);

			subnet.bonds = out.bonds;
			subnet.permit = out.validator_permit;
			subnet.bonds_updated_at = subnet.current_block;
			subnet.current_block += 360;
		}
	}
}

#[test]
fn self_weighting_cabal_earns_nothing() {
	cabal_earns_nothing(BondsMode::Yuma3, 2);
	cabal_earns_nothing(BondsMode::Classic, 3);
}
