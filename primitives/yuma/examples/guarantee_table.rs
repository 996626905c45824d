//! Prints how much of a subnet's emission the honest side earns, against its share of stake and
//! how much of its weight it keeps on honest miners ("self-weight"), for both bond modes: the
//! consensus-guarantee study of Bittensor's Yuma, run on this crate.
//!
//! `cargo run -p taonet-yuma --release --example guarantee_table`
//!
//! Setup: 4 honest and 4 cabal validators (stake split evenly inside each side), 8 honest and 8
//! cabal miners. Honest validators put `h` of their weight on the honest miners and `1 - h` on the
//! cabal's; the cabal puts all of its weight on its own miners. Default parameters (κ = 0.5,
//! bonds penalty 1, a = 0.1). Starting from no bonds, the epoch runs `EPOCHS` times with bonds
//! and permits carried over; a cell is the honest side's share (validators and miners) of all
//! emission paid over those epochs.

use taonet_yuma::{run_epoch, BondsMode, EpochInput, Params, SparseRow};

/// The chain's default epoch parameters: Yuma has none of its own.
fn chain_defaults() -> Params {
	taonet_primitives::SubnetHyperparams::default().epoch_params()
}

const EPOCHS: usize = 10;
const SIDE_VALIDATORS: usize = 4;
const SIDE_MINERS: usize = 8;
const STAKE_TOTAL: u64 = 1_000_000_000_000;
const EMISSION: u64 = 1_000_000_000;

/// UIDs: honest validators, cabal validators, honest miners, cabal miners.
fn honest(uid: usize) -> bool {
	uid < SIDE_VALIDATORS || (2 * SIDE_VALIDATORS..2 * SIDE_VALIDATORS + SIDE_MINERS).contains(&uid)
}

fn honest_share(mode: BondsMode, honest_stake_permille: u64, self_weight_percent: u64) -> f64 {
	let validators = 2 * SIDE_VALIDATORS;
	let n = validators + 2 * SIDE_MINERS;
	let honest_miners = validators..validators + SIDE_MINERS;
	let cabal_miners = validators + SIDE_MINERS..n;
	let honest_each = STAKE_TOTAL * honest_stake_permille / 1_000 / SIDE_VALIDATORS as u64;
	let cabal_each = STAKE_TOTAL * (1_000 - honest_stake_permille) / 1_000 / SIDE_VALIDATORS as u64;
	let stake: Vec<u64> = (0..n)
		.map(|uid| match uid {
			u if u < SIDE_VALIDATORS => honest_each,
			u if u < validators => cabal_each,
			_ => 0,
		})
		.collect();
	// Weights as u16, scaled so that the largest entry of a row is u16::MAX.
	let on_honest = self_weight_percent.max(1);
	let on_cabal = 100 - self_weight_percent;
	let scale = |w: u64| (w * u64::from(u16::MAX) / on_honest.max(on_cabal)) as u16;
	let mut weights: Vec<SparseRow> = vec![Vec::new(); n];
	for (uid, row) in weights.iter_mut().enumerate().take(validators) {
		if uid < SIDE_VALIDATORS {
			row.extend(honest_miners.clone().map(|j| (j as u16, scale(on_honest))));
			if on_cabal > 0 {
				row.extend(cabal_miners.clone().map(|j| (j as u16, scale(on_cabal))));
			}
		} else {
			row.extend(cabal_miners.clone().map(|j| (j as u16, u16::MAX)));
		}
	}
	let params = Params { bonds_mode: mode, ..chain_defaults() };
	let mut permit: Vec<bool> = stake.iter().map(|&s| s > 0).collect();
	let mut bonds: Vec<SparseRow> = vec![Vec::new(); n];
	let (mut honest_paid, mut paid) = (0u128, 0u128);
	for epoch in 0..EPOCHS as u64 {
		let now = 1_000 + 360 * epoch;
		let last_update = vec![now; n];
		let registered_at = vec![0; n];
		let input = EpochInput {
			current_block: now,
			bonds_updated_at: now - 360,
			stake: &stake,
			last_update: &last_update,
			registered_at: &registered_at,
			validator_permit: &permit,
			weights: &weights,
			bonds: &bonds,
			emission: EMISSION,
		};
		let out = run_epoch(&params, &input).expect("well-formed subnet");
		for uid in 0..n {
			let e = u128::from(out.emission(uid));
			paid += e;
			if honest(uid) {
				honest_paid += e;
			}
		}
		permit = out.validator_permit;
		bonds = out.bonds;
	}
	honest_paid as f64 / paid as f64
}

fn main() {
	let self_weights = [50u64, 60, 70, 80, 90, 100];
	println!("Honest share of emission over {EPOCHS} epochs (rows: honest stake; columns: honest self-weight)");
	for mode in [BondsMode::Yuma3, BondsMode::Classic] {
		println!();
		println!("{mode:?} bonds");
		print!("| honest stake |");
		for h in self_weights {
			print!(" h = {:.1} |", h as f64 / 100.0);
		}
		println!();
		println!("|---|{}", "---|".repeat(self_weights.len()));
		for stake in [550u64, 600, 700, 800] {
			print!("| {:.2} |", stake as f64 / 1_000.0);
			for h in self_weights {
				print!(" {:.3} |", honest_share(mode, stake, h));
			}
			println!();
		}
	}
}
