//! Hand-worked epochs. Each test writes out every intermediate vector of the crate docs' steps
//! as exact fractions, so a reader can check the arithmetic with pencil and paper, then asserts
//! the crate's output against them.
//!
//! Tolerances: fractions within `1e-8` (Q32.32 keeps about 2^-32 per operation; a handful of
//! operations stand between input and output); stored `u16` bonds within 1 (rounding of a value
//! computed to 2^-32); emission in rao within 1 per UID (each share is rounded down from a Q32
//! proportion), with the sum plus `undistributed` always exactly the input.

use taonet_yuma::{run_epoch, BondsMode, EpochInput, EpochOutput, Fixed, Params, SparseRow};

/// The chain's default epoch parameters: Yuma has none of its own.
fn chain_defaults() -> Params {
	taonet_primitives::SubnetHyperparams::default().epoch_params()
}

/// A subnet at block 100 whose neurons all registered at block 0 and set weights at block 100;
/// previous bonds were computed at block 90.
struct Subnet {
	stake: Vec<u64>,
	last_update: Vec<u64>,
	registered_at: Vec<u64>,
	permit: Vec<bool>,
	weights: Vec<SparseRow>,
	bonds: Vec<SparseRow>,
	emission: u64,
}

impl Subnet {
	/// Neurons with these stakes; the ones with stake hold a permit from the previous epoch.
	fn new(stake: &[u64]) -> Self {
		let n = stake.len();
		Self {
			stake: stake.to_vec(),
			last_update: vec![100; n],
			registered_at: vec![0; n],
			permit: stake.iter().map(|&s| s > 0).collect(),
			weights: vec![Vec::new(); n],
			bonds: vec![Vec::new(); n],
			emission: 1_000_000,
		}
	}

	fn run(&self, params: &Params) -> EpochOutput {
		let input = EpochInput {
			current_block: 100,
			bonds_updated_at: 90,
			stake: &self.stake,
			last_update: &self.last_update,
			registered_at: &self.registered_at,
			validator_permit: &self.permit,
			weights: &self.weights,
			bonds: &self.bonds,
			emission: self.emission,
		};
		let output = run_epoch(params, &input).expect("input has one entry per UID");
		let paid: u64 = output.miner_emission.iter().chain(&output.validator_emission).sum::<u64>();
		assert_eq!(paid + output.undistributed, self.emission, "emission is conserved");
		assert_eq!(run_epoch(params, &input).as_ref(), Ok(&output), "deterministic");
		output
	}
}

fn value(x: Fixed) -> f64 {
	x.to_bits() as f64 / 4_294_967_296.0
}

#[track_caller]
fn assert_fractions(name: &str, got: &[Fixed], want: &[f64]) {
	assert_eq!(got.len(), want.len(), "{name}: length");
	for (uid, (&g, &w)) in got.iter().zip(want).enumerate() {
		assert!((value(g) - w).abs() < 1e-8, "{name}[{uid}] = {g}, expected {w}");
	}
}

#[track_caller]
fn assert_rao(name: &str, got: &[u64], want: &[u64]) {
	assert_eq!(got.len(), want.len(), "{name}: length");
	for (uid, (&g, &w)) in got.iter().zip(want).enumerate() {
		assert!(g.abs_diff(w) <= 1, "{name}[{uid}] = {g} rao, expected {w}");
	}
}

#[track_caller]
fn assert_bonds(got: &[SparseRow], want: &[&[(u16, u16)]]) {
	assert_eq!(got.len(), want.len(), "bonds: rows");
	for (uid, (g, w)) in got.iter().zip(want).enumerate() {
		assert_eq!(g.len(), w.len(), "bonds[{uid}] = {g:?}, expected {w:?}");
		for (&(gj, gb), &(wj, wb)) in g.iter().zip(w.iter()) {
			assert!(gj == wj && gb.abs_diff(wb) <= 1, "bonds[{uid}] = {g:?}, expected {w:?}");
		}
	}
}

/// Three honest validators disagree mildly on two miners; the stake-weighted median settles it.
#[test]
fn honest_majority() {
	// UIDs 0, 1, 2: validators with 500, 300, 200 rao; UIDs 3, 4: miners.
	let mut subnet = Subnet::new(&[500, 300, 200, 0, 0]);
	subnet.weights[0] = vec![(3, 3), (4, 1)];
	subnet.weights[1] = vec![(3, 3), (4, 1)];
	subnet.weights[2] = vec![(3, 1), (4, 3)];
	let out = subnet.run(&chain_defaults());

	// 1. All active. 2. Permits to the three with stake; S = stake / 1000.
	assert_eq!(out.active, vec![true; 5]);
	assert_eq!(out.validator_permit, vec![true, true, true, false, false]);
	assert_fractions("S", &out.active_stake, &[0.5, 0.3, 0.2, 0.0, 0.0]);
	// 3. Rows normalized: W_0 = W_1 = (3/4, 1/4), W_2 = (1/4, 3/4) on miners (3, 4).
	// 4. Column 3: 3/4 is set by 0.5 + 0.3 of stake >= κ, so C_3 = 3/4.
	//    Column 4: 3/4 only by 0.2 < κ; 1/4 by everyone, so C_4 = 1/4.
	assert_fractions("C", &out.consensus, &[0.0, 0.0, 0.0, 0.75, 0.25]);
	// 5. Wc_2 = (1/4, 1/4): validator 2's 3/4 on miner 4 is clipped to 1/4.
	// 6. VT = (1, 1, 1/2).
	//    R_3 = 0.5*3/4 + 0.3*3/4 + 0.2*1/4 = 0.65, R_4 = 1/4; I = (0.65, 0.25) / 0.9.
	//    P_3 = 0.65, P_4 = 0.5*1/4 + 0.3*1/4 + 0.2*3/4 = 0.35; T = (1, 0.25/0.35 = 5/7).
	assert_fractions("VT", &out.validator_trust, &[1.0, 1.0, 0.5, 0.0, 0.0]);
	assert_fractions("R", &out.rank, &[0.0, 0.0, 0.0, 0.65, 0.25]);
	assert_fractions("I", &out.incentive, &[0.0, 0.0, 0.0, 13.0 / 18.0, 5.0 / 18.0]);
	assert_fractions("T", &out.trust, &[0.0, 0.0, 0.0, 1.0, 5.0 / 7.0]);
	// 7. Yuma 3, β = 1 so Wb = Wc; a = 0.1 and no previous bonds: B = 0.1 Wc,
	//    B_0 = B_1 = (0.075, 0.025), B_2 = (0.025, 0.025); column sums (0.175, 0.075).
	//    D_0 = 0.5 * (0.075/0.175 * 13/18 + 0.025/0.075 * 5/18) = 0.5 * 76/189
	//    D_1 = 0.3 * 76/189, D_2 = 0.2 * (1/7 * 13/18 + 1/3 * 5/18) = 0.2 * 37/189
	//    normalized: (38, 22.8, 7.4) / 68.2 = (190, 114, 37) / 341.
	assert_fractions("D", &out.dividends, &[190.0 / 341.0, 114.0 / 341.0, 37.0 / 341.0, 0.0, 0.0]);
	//    Stored as u16 ratios: 0.075 * 65535 = 4915.1, 0.025 * 65535 = 1638.4.
	let b01: &[(u16, u16)] = &[(3, 4915), (4, 1638)];
	assert_bonds(&out.bonds, &[b01, b01, &[(3, 1638), (4, 1638)], &[], &[]]);
	// 8. 500,000 rao to miners by I, 500,000 to validators by D.
	//    13/18 * 500,000 = 361,111.1; 5/18 * 500,000 = 138,888.9;
	//    190/341 * 500,000 = 278,592.4; 114/341 * 500,000 = 167,155.4; 37/341 * 500,000 = 54,252.2.
	assert_rao("miner", &out.miner_emission, &[0, 0, 0, 361_111, 138_888]);
	assert_rao("validator", &out.validator_emission, &[278_592, 167_155, 54_252, 0, 0]);
	assert!(out.undistributed <= 5);
	assert_eq!(out.emission(3), out.miner_emission[3]);
}

/// A cabal with 40% of the stake weights itself and its own miner; the honest 60% weight the
/// honest miner. The cabal gets nothing.
#[test]
fn cabal_self_weighting() {
	// UIDs 0, 1: honest validators (400, 200); UID 2: cabal validator (400);
	// UID 3: honest miner; UID 4: the cabal's miner.
	let mut subnet = Subnet::new(&[400, 200, 400, 0, 0]);
	subnet.weights[0] = vec![(3, 65_535)];
	subnet.weights[1] = vec![(3, 65_535)];
	subnet.weights[2] = vec![(2, 65_535), (4, 65_535)];
	subnet.emission = 900;
	let out = subnet.run(&chain_defaults());

	// 2. S = (0.4, 0.2, 0.4). 3. The cabal's self-weight is dropped: W_2 = (miner 4: 1).
	assert_fractions("S", &out.active_stake, &[0.4, 0.2, 0.4, 0.0, 0.0]);
	// 4. C_3: weight 1 held by 0.6 >= κ, so 1. C_4: weight 1 held by 0.4 < κ only, so 0.
	assert_fractions("C", &out.consensus, &[0.0, 0.0, 0.0, 1.0, 0.0]);
	// 5. Wc_2 = (miner 4: 0). 6. VT = (1, 1, 0); R = (0.6, 0); I = (1, 0);
	//    P_4 = 0.4 so T_4 = 0; T_3 = 0.6 / 0.6 = 1.
	assert_fractions("VT", &out.validator_trust, &[1.0, 1.0, 0.0, 0.0, 0.0]);
	assert_fractions("R", &out.rank, &[0.0, 0.0, 0.0, 0.6, 0.0]);
	assert_fractions("I", &out.incentive, &[0.0, 0.0, 0.0, 1.0, 0.0]);
	assert_fractions("T", &out.trust, &[0.0, 0.0, 0.0, 1.0, 0.0]);
	// 7. Wb = Wc: B_0 = B_1 = (miner 3: 0.1), the cabal's bond is 0.1 * 0 = 0.
	//    D = (0.4 * 0.1/0.2, 0.2 * 0.1/0.2, 0) = (0.2, 0.1, 0), normalized (2/3, 1/3, 0).
	assert_fractions("D", &out.dividends, &[2.0 / 3.0, 1.0 / 3.0, 0.0, 0.0, 0.0]);
	assert_bonds(&out.bonds, &[&[(3, 6554)], &[(3, 6554)], &[], &[], &[]]);
	// 8. 450 rao to miner 3; 450 to validators by D: 300 and 150. Cabal: 0.
	assert_rao("miner", &out.miner_emission, &[0, 0, 0, 450, 0]);
	assert_rao("validator", &out.validator_emission, &[300, 150, 0, 0, 0]);
	assert_eq!(out.emission(2) + out.emission(4), 0, "the cabal earns nothing");
}

/// UID 3 was just taken over by a new miner. Weights set before its registration and bonds
/// formed before it do not carry over to the new holder.
#[test]
fn new_miner() {
	// UIDs 0, 1: validators (600, 400); UID 2: an established miner; UID 3 re-registered at
	// block 95, after the bonds (block 90) and after validator 0 last set weights (block 80).
	let mut subnet = Subnet::new(&[600, 400, 0, 0]);
	subnet.registered_at[3] = 95;
	subnet.last_update[0] = 80;
	subnet.last_update[1] = 98;
	subnet.weights[0] = vec![(2, 65_535), (3, 65_535)];
	subnet.weights[1] = vec![(2, 65_535), (3, 65_535)];
	// Previous bonds, u16 ratios: 13,107 / 65,535 = 0.2 exactly.
	subnet.bonds[0] = vec![(2, 13_107), (3, 13_107)];
	subnet.bonds[1] = vec![(2, 13_107), (3, 13_107)];
	subnet.emission = 1_000;
	let out = subnet.run(&chain_defaults());

	// 3. W_03 predates UID 3's registration (80 <= 95) and is dropped: W_0 = (miner 2: 1);
	//    W_1 = (1/2, 1/2), set at block 98, counts.
	// 4. C_2 = 1 (0.6 of stake). C_3: only validator 1 (0.4 < κ) weights it, so C_3 = 0.
	assert_fractions("C", &out.consensus, &[0.0, 0.0, 1.0, 0.0]);
	// 5. Wc_1 = (1/2, 0). 6. VT = (1, 1/2); R_2 = 0.6 + 0.4 * 1/2 = 0.8, R_3 = 0; I = (1, 0).
	//    T_2 = 0.8 / 0.8 = 1; P_3 = 0.2, T_3 = 0.
	assert_fractions("VT", &out.validator_trust, &[1.0, 0.5, 0.0, 0.0]);
	assert_fractions("R", &out.rank, &[0.0, 0.0, 0.8, 0.0]);
	assert_fractions("I", &out.incentive, &[0.0, 0.0, 1.0, 0.0]);
	assert_fractions("T", &out.trust, &[0.0, 0.0, 1.0, 0.0]);
	// 7. Old bonds on UID 3 are dropped (registered at 95 >= 90). With a = 0.1:
	//    B_02 = 0.1 * 1 + 0.9 * 0.2 = 0.28, B_12 = 0.1 * 1/2 + 0.9 * 0.2 = 0.23, B_*3 = 0.
	//    D = (0.6 * 0.28 / 0.51, 0.4 * 0.23 / 0.51), normalized (0.168, 0.092) / 0.26
	//      = (42/65, 23/65). Stored: 0.28 * 65535 = 18,349.8; 0.23 * 65535 = 15,073.05.
	assert_fractions("D", &out.dividends, &[42.0 / 65.0, 23.0 / 65.0, 0.0, 0.0]);
	assert_bonds(&out.bonds, &[&[(2, 18_350)], &[(2, 15_073)], &[], &[]]);
	// 8. 500 rao to miner 2; validators 500 * 42/65 = 323.1 and 500 * 23/65 = 176.9.
	assert_rao("miner", &out.miner_emission, &[0, 0, 500, 0]);
	assert_rao("validator", &out.validator_emission, &[323, 176, 0, 0]);
	assert_eq!(out.emission(3), 0, "the new miner is not paid for its predecessor's weights");
}

/// With two permits, a new large staker takes the permit of the smallest validators: they still
/// vote in this epoch (their permit is from the previous one), lose their bonds, and stop
/// counting in the next epoch, when the newcomer starts.
#[test]
fn validator_losing_permit() {
	// UIDs 0, 1, 2: validators (500, 300, 200) with permits; UID 3: newly staked (400), no
	// permit yet; UID 4: miner. Everyone weights the miner.
	let mut subnet = Subnet::new(&[500, 300, 200, 400, 0]);
	subnet.permit[3] = false;
	for uid in 0..4 {
		subnet.weights[uid] = vec![(4, 65_535)];
	}
	let params = Params { max_validators: 2, bonds_moving_average: 800_000, ..chain_defaults() };
	let out = subnet.run(&params);

	// 2. New permits: the two largest stakes, UIDs 0 (500) and 3 (400).
	//    Voters (previous permits): 0, 1, 2; S = (0.5, 0.3, 0.2, 0, 0).
	assert_eq!(out.validator_permit, vec![true, false, false, true, false]);
	assert_fractions("S", &out.active_stake, &[0.5, 0.3, 0.2, 0.0, 0.0]);
	// 3. UID 3's row is dropped (no previous permit). 4. C_4 = 1. 6. I_4 = 1, VT = (1, 1, 1, 0).
	assert_fractions("C", &out.consensus, &[0.0, 0.0, 0.0, 0.0, 1.0]);
	assert_fractions("VT", &out.validator_trust, &[1.0, 1.0, 1.0, 0.0, 0.0]);
	// 7. a = 1 - 0.8 = 0.2: B_i4 = 0.2 for each voter, so D ∝ S = (0.5, 0.3, 0.2).
	//    Bonds are kept only where a permit remains: UID 0 (0.2 * 65535 = 13,107).
	assert_fractions("D", &out.dividends, &[0.5, 0.3, 0.2, 0.0, 0.0]);
	assert_bonds(&out.bonds, &[&[(4, 13_107)], &[], &[], &[], &[]]);
	// 8. Miner 500,000; validators 250,000 / 150,000 / 100,000.
	assert_rao("validator", &out.validator_emission, &[250_000, 150_000, 100_000, 0, 0]);

	// Next epoch: the new permits vote. UIDs 1 and 2 no longer count; UID 3 (S = 400/900)
	// bonds from zero, UID 0 (S = 500/900) from 0.2:
	//    B_04 = 0.2 + 0.8 * 0.2 = 0.36, B_34 = 0.2; D ∝ (500 * 0.36, 400 * 0.2) / 0.56
	//    = (180, 80) / 260 = (9/13, 4/13).
	subnet.permit = out.validator_permit.clone();
	subnet.bonds = out.bonds.clone();
	let next = subnet.run(&params);
	assert_fractions("S", &next.active_stake, &[5.0 / 9.0, 0.0, 0.0, 4.0 / 9.0, 0.0]);
	assert_fractions("D", &next.dividends, &[9.0 / 13.0, 0.0, 0.0, 4.0 / 13.0, 0.0]);
	assert_bonds(&next.bonds, &[&[(4, 23_593)], &[], &[], &[(4, 13_107)], &[]]);
	assert_eq!(next.validator_emission[1] + next.validator_emission[2], 0);
}

/// Nobody set weights: no consensus, no incentive, no dividends; validators are paid by active
/// stake. Without permits (a subnet's first epoch) by stake; without stake, nothing is paid.
#[test]
fn no_weights() {
	let mut subnet = Subnet::new(&[500, 300, 200, 0]);
	subnet.emission = 1_001;
	for mode in [BondsMode::Yuma3, BondsMode::Classic] {
		let out = subnet.run(&Params { bonds_mode: mode, ..chain_defaults() });
		// C = R = T = I = D = 0, no bonds.
		for (name, v) in [
			("C", &out.consensus),
			("R", &out.rank),
			("T", &out.trust),
			("I", &out.incentive),
			("D", &out.dividends),
		] {
			assert_fractions(name, v, &[0.0; 4]);
		}
		assert!(out.bonds.iter().all(Vec::is_empty));
		// 8. No incentive: validators take all 1,001 rao, by S = (0.5, 0.3, 0.2).
		assert_rao("miner", &out.miner_emission, &[0; 4]);
		assert_rao("validator", &out.validator_emission, &[500, 300, 200, 0]);
	}

	// A first epoch: nobody holds a permit yet, so there is no active stake; paid by stake,
	// including a staked neuron that would not qualify as a validator.
	let mut first = Subnet::new(&[500, 300, 200, 1_000]);
	first.permit = vec![false; 4];
	let out = first.run(&chain_defaults());
	assert_fractions("S", &out.active_stake, &[0.0; 4]);
	assert_rao("validator", &out.validator_emission, &[250_000, 150_000, 100_000, 500_000]);
	assert_eq!(out.validator_permit, vec![true; 4]);

	// No stake anywhere: nothing is paid, the emission stays with the caller.
	let empty = Subnet::new(&[0, 0, 0]);
	let out = empty.run(&chain_defaults());
	assert_eq!(out.undistributed, empty.emission);
	assert_eq!(out.validator_permit, vec![false; 3]);
}

/// The classic bonds of the honest-majority subnet, for the other mode's arithmetic.
#[test]
fn honest_majority_classic_bonds() {
	let mut subnet = Subnet::new(&[500, 300, 200, 0, 0]);
	subnet.weights[0] = vec![(3, 3), (4, 1)];
	subnet.weights[1] = vec![(3, 3), (4, 1)];
	subnet.weights[2] = vec![(3, 1), (4, 3)];
	let out = subnet.run(&Params { bonds_mode: BondsMode::Classic, ..chain_defaults() });
	// Steps 1 to 6 as in `honest_majority`: Wc_0 = Wc_1 = (3/4, 1/4), Wc_2 = (1/4, 1/4).
	// 7. ΔB = S ∘ Wc: rows (0.375, 0.125), (0.225, 0.075), (0.05, 0.05); column sums
	//    (0.65, 0.25), so ΔB normalized = (15/26, 1/2), (9/26, 3/10), (1/13, 1/5).
	//    No previous bonds: B = 0.1 ΔB, column-normalized again: B = ΔB normalized.
	//    D_i = Σ_j B_ij I_j with I = (13/18, 5/18):
	//    D_0 = 15/26 * 13/18 + 1/2 * 5/18 = 5/12 + 5/36 = 20/36
	//    D_1 = 9/26 * 13/18 + 3/10 * 5/18 = 1/4 + 1/12 = 12/36
	//    D_2 = 1/13 * 13/18 + 1/5 * 5/18 = 1/18 + 1/18 = 4/36; they sum to 1.
	assert_fractions("D", &out.dividends, &[20.0 / 36.0, 12.0 / 36.0, 4.0 / 36.0, 0.0, 0.0]);
	// Stored column-max-upscaled: column 3 (15, 9, 2)/15 -> 65535, 39321, 8738;
	// column 4 (1/2, 3/10, 1/5) / (1/2) -> 65535, 39321, 26214.
	assert_bonds(
		&out.bonds,
		&[
			&[(3, 65_535), (4, 65_535)],
			&[(3, 39_321), (4, 39_321)],
			&[(3, 8_738), (4, 26_214)],
			&[],
			&[],
		],
	);
}
