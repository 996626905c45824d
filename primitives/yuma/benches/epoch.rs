//! Epoch cost as a function of UIDs, validators and weights per validator, in both bond modes.
//!
//! `cargo bench -p taonet-yuma --bench epoch` (add `-- 4096/256/1024` to run one case). Each case
//! is a full subnet: `v` validators (UIDs `0..v`) with random stakes, all with permits, each
//! weighting `k` distinct random UIDs (capped at `n - 1`), and the bonds of a previous epoch over
//! the same weights, so the bonds merge does real work.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::time::Duration;
use taonet_yuma::{run_epoch, BondsMode, EpochInput, Params, SparseRow};

use taonet_yuma_testkit::SplitMix;

/// The chain's default epoch parameters: Yuma has none of its own.
fn chain_defaults() -> Params {
	taonet_primitives::SubnetHyperparams::default().epoch_params()
}

struct Subnet {
	stake: Vec<u64>,
	last_update: Vec<u64>,
	registered_at: Vec<u64>,
	permit: Vec<bool>,
	weights: Vec<SparseRow>,
	bonds: Vec<SparseRow>,
}

impl Subnet {
	fn random(n: usize, validators: usize, per_validator: usize, mode: BondsMode) -> Self {
		let mut rng = SplitMix(((n * 31 + validators) * 31 + per_validator) as u64);
		let mut weights = vec![Vec::new(); n];
		let mut chosen = vec![false; n];
		for (i, row) in weights.iter_mut().enumerate().take(validators) {
			let k = per_validator.min(n - 1);
			chosen.iter_mut().for_each(|c| *c = false);
			chosen[i] = true;
			while row.len() < k {
				let j = rng.below(n as u64) as usize;
				if !chosen[j] {
					chosen[j] = true;
					row.push((j as u16, 1 + rng.below(u64::from(u16::MAX)) as u16));
				}
			}
		}
		let mut subnet = Self {
			stake: (0..n)
				.map(|i| if i < validators { 1_000_000_000 + rng.below(1 << 40) } else { 0 })
				.collect(),
			last_update: vec![1_000; n],
			registered_at: vec![0; n],
			permit: (0..n).map(|i| i < validators).collect(),
			weights,
			bonds: vec![Vec::new(); n],
		};
		subnet.bonds = run_epoch(&subnet.params(validators, mode), &subnet.input())
			.expect("well-formed subnet")
			.bonds;
		subnet
	}

	fn params(&self, validators: usize, mode: BondsMode) -> Params {
		Params { max_validators: validators as u16, bonds_mode: mode, ..chain_defaults() }
	}

	fn input(&self) -> EpochInput<'_> {
		EpochInput {
			current_block: 1_000,
			bonds_updated_at: 640,
			stake: &self.stake,
			last_update: &self.last_update,
			registered_at: &self.registered_at,
			validator_permit: &self.permit,
			weights: &self.weights,
			bonds: &self.bonds,
			emission: 410_000_000_000,
		}
	}
}

fn epoch(c: &mut Criterion) {
	let mut group = c.benchmark_group("epoch");
	group.sample_size(10).warm_up_time(Duration::from_millis(500));
	group.measurement_time(Duration::from_secs(2));
	for mode in [BondsMode::Yuma3, BondsMode::Classic] {
		for n in [256usize, 1_024, 4_096] {
			for validators in [64usize, 256] {
				for per_validator in [64usize, 1_024] {
					if validators > n || per_validator > n {
						continue;
					}
					let subnet = Subnet::random(n, validators, per_validator, mode);
					let params = subnet.params(validators, mode);
					let nnz: usize = subnet.weights.iter().map(Vec::len).sum();
					group.throughput(Throughput::Elements(nnz as u64));
					let id = BenchmarkId::new(
						format!("{mode:?}"),
						format!("{n}/{validators}/{per_validator}"),
					);
					group.bench_with_input(id, &subnet, |b, subnet| {
						b.iter(|| run_epoch(&params, &subnet.input()).expect("well-formed subnet"))
					});
				}
			}
		}
	}
	group.finish();
}

criterion_group!(benches, epoch);
criterion_main!(benches);
