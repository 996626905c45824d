//! A digest of Yuma epoch outputs over seeded random subnets, for comparing targets.
//!
//! [`digest`] builds `cases` random subnets from `seed` (sizes, stakes, permits, sparse weights
//! with repeated, self and out-of-range UIDs, previous bonds, registrations, every parameter and
//! both bond modes, liquid alpha on and off), runs each epoch and folds every output bit into a
//! 64-bit FNV-1a hash. The crate is also built as a `wasm32-unknown-unknown` module exporting
//! `yuma_digest`; the test in `tests/` runs that module in an interpreter and checks that it
//! returns the same digest as native code.

use taonet_yuma::{run_epoch, BondsMode, EpochInput, EpochOutput, LiquidAlpha, Params, SparseRow};

/// The wasm export: [`digest`].
#[allow(unsafe_code)]
#[no_mangle]
pub extern "C" fn yuma_digest(seed: u64, cases: u32) -> u64 {
	digest(seed, cases)
}

/// Folds the outputs of `cases` random epochs generated from `seed` into one hash.
pub fn digest(seed: u64, cases: u32) -> u64 {
	let mut rng = SplitMix(seed);
	let mut hash = Fnv::new();
	for _ in 0..cases {
		let case = Case::random(&mut rng);
		match run_epoch(&case.params, &case.input()) {
			Ok(output) => hash.output(&output),
			Err(_) => hash.write(u64::MAX),
		}
	}
	hash.0
}

use taonet_yuma_testkit::SplitMix;

/// The top 16 of the next random bits.
fn random_u16(rng: &mut SplitMix) -> u16 {
	(rng.next_u64() >> 48) as u16
}

struct Fnv(u64);

impl Fnv {
	fn new() -> Self {
		Self(0xcbf2_9ce4_8422_2325)
	}

	fn write(&mut self, value: u64) {
		for byte in value.to_le_bytes() {
			self.0 = (self.0 ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
		}
	}

	fn output(&mut self, out: &EpochOutput) {
		for flags in [&out.active, &out.validator_permit] {
			flags.iter().for_each(|&f| self.write(f.into()));
		}
		for values in [
			&out.active_stake,
			&out.validator_trust,
			&out.consensus,
			&out.rank,
			&out.trust,
			&out.incentive,
			&out.dividends,
		] {
			values.iter().for_each(|v| self.write(v.to_bits()));
		}
		for row in &out.bonds {
			self.write(row.len() as u64);
			row.iter().for_each(|&(j, b)| self.write(u64::from(j) << 16 | u64::from(b)));
		}
		for amounts in [&out.miner_emission, &out.validator_emission] {
			amounts.iter().for_each(|&a| self.write(a));
		}
		self.write(out.undistributed);
	}
}

struct Case {
	params: Params,
	current_block: u64,
	stake: Vec<u64>,
	last_update: Vec<u64>,
	registered_at: Vec<u64>,
	permit: Vec<bool>,
	weights: Vec<SparseRow>,
	bonds: Vec<SparseRow>,
	emission: u64,
}

impl Case {
	fn random(rng: &mut SplitMix) -> Self {
		let n = rng.below(48) as usize;
		let current_block = 10_000 + rng.below(1_000);
		let uid = |rng: &mut SplitMix| rng.below(n as u64 + 3) as u16;
		let row = |rng: &mut SplitMix, percent: u64| -> SparseRow {
			if !rng.chance(percent) {
				return Vec::new();
			}
			let len = rng.below(12) as usize;
			(0..len).map(|_| (uid(rng), if rng.chance(10) { 0 } else { random_u16(rng) })).collect()
		};
		let params = Params {
			kappa: if rng.chance(70) { 32_767 } else { random_u16(rng) },
			max_validators: 1 + rng.below(n as u64 + 1) as u16,
			activity_cutoff: 5_000,
			bonds_moving_average: rng.below(1_100_000),
			bonds_penalty: if rng.chance(50) { u16::MAX } else { random_u16(rng) },
			bonds_mode: if rng.chance(50) { BondsMode::Yuma3 } else { BondsMode::Classic },
			liquid_alpha: rng.chance(30).then(|| {
				let (a, b) = (random_u16(rng), random_u16(rng));
				LiquidAlpha { low: a.min(b), high: a.max(b), steepness: random_u16(rng) }
			}),
		};
		let mut stake = vec![0; n];
		let mut last_update = vec![0; n];
		let mut registered_at = vec![0; n];
		let mut permit = vec![false; n];
		let mut weights = vec![Vec::new(); n];
		let mut bonds = vec![Vec::new(); n];
		for i in 0..n {
			stake[i] = if rng.chance(40) { rng.next_u64() >> rng.below(64) } else { 0 };
			last_update[i] = current_block - rng.below(8_000);
			registered_at[i] = if rng.chance(20) { current_block - rng.below(400) } else { 0 };
			permit[i] = rng.chance(60);
			weights[i] = row(rng, 70);
			bonds[i] = row(rng, 40);
		}
		Self {
			params,
			current_block,
			stake,
			last_update,
			registered_at,
			permit,
			weights,
			bonds,
			emission: rng.next_u64() >> rng.below(64),
		}
	}

	fn input(&self) -> EpochInput<'_> {
		EpochInput {
			current_block: self.current_block,
			bonds_updated_at: self.current_block - 360,
			stake: &self.stake,
			last_update: &self.last_update,
			registered_at: &self.registered_at,
			validator_permit: &self.permit,
			weights: &self.weights,
			bonds: &self.bonds,
			emission: self.emission,
		}
	}
}
