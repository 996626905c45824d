//! The block emission schedule (protocol brief, section 2.1): 1 TAO a block, halving each time
//! half of the remaining supply has been issued, never past [`MAX_SUPPLY`]. Integer arithmetic
//! only.
//!
//! With issuance `I` (rao, counting pending undistributed emission), the number of halvings is
//! the largest `k` with `I >= MAX_SUPPLY * (1 - 2^-k)`, compared exactly as
//! `(MAX_SUPPLY - I) * 2^k <= MAX_SUPPLY`; the block emission is
//! `min(TAO >> k, MAX_SUPPLY - I)`. Thresholds fall at 10.5M, 15.75M, 18.375M ... TAO. Once
//! `TAO >> k` is 0 (after 30 halvings) nothing more is emitted, a little below the cap.

use crate::{Balance, NetUid, MAX_SUPPLY, TAO};
use codec::{Decode, Encode};
use scale_info::TypeInfo;

/// The emission figures clients read through `taonet_runtime_api::EmissionApi`, in rao.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub struct EmissionSchedule {
	/// What the next block emits at the current issuance (0 while there is no subnet).
	pub block_emission: Balance,
	/// Total issuance (held stake and locks included).
	pub total_issuance: Balance,
	/// Emitted and not yet paid out, across subnets.
	pub total_pending: Balance,
	/// Issuance plus pending at which emission next halves; `None` once emission has ended.
	pub next_halving_threshold: Option<Balance>,
	/// Blocks until then at the current block emission; `None` once emission has ended, or
	/// while there is no subnet to emit to.
	pub blocks_to_next_halving: Option<u64>,
}

/// One subnet's emission: its share weight (relative to the other subnets') and pending rao.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub struct SubnetEmission {
	/// The subnet.
	pub netuid: NetUid,
	/// Its share of block emission, relative to the sum of all shares.
	pub share: u64,
	/// Emission accrued since its last epoch.
	pub pending: Balance,
}

/// Halvings after which `TAO >> k` is 0.
const LAST_HALVING: u32 = 30;

/// The number of halvings that issuance `issuance` has passed (`u32::MAX` at or above the cap).
pub fn halvings(issuance: Balance) -> u32 {
	if issuance >= MAX_SUPPLY {
		return u32::MAX;
	}
	let remaining = u128::from(MAX_SUPPLY.saturating_sub(issuance));
	let mut k = 0u32;
	// (MAX - I) * 2^(k+1) <= MAX: one more halving passed. `remaining < 2^55`, so the shift
	// stays far inside a u128 for every k tried.
	while k < LAST_HALVING && remaining << (k.saturating_add(1)) <= u128::from(MAX_SUPPLY) {
		k = k.saturating_add(1);
	}
	k
}

/// The TAO minted by the next block at issuance `issuance`, in rao.
pub fn block_emission(issuance: Balance) -> Balance {
	let k = halvings(issuance);
	let rate = TAO.checked_shr(k).unwrap_or(0);
	rate.min(MAX_SUPPLY.saturating_sub(issuance))
}

/// The issuance at which the next halving happens, `None` once emission has stopped.
pub fn next_halving_threshold(issuance: Balance) -> Option<Balance> {
	let k = halvings(issuance);
	if k >= LAST_HALVING {
		return None;
	}
	let next = k.saturating_add(1);
	Some(MAX_SUPPLY.saturating_sub(MAX_SUPPLY.checked_shr(next).unwrap_or(0)))
}

#[cfg(test)]
mod tests {
	use super::*;

	const M: Balance = 1_000_000 * TAO;

	#[test]
	fn emission_halves_exactly_at_each_threshold() {
		let thresholds = [21 * M / 2, 63 * M / 4, 147 * M / 8, 315 * M / 16];
		assert_eq!(
			thresholds,
			[10_500_000 * TAO, 15_750_000 * TAO, 18_375_000 * TAO, 19_687_500 * TAO]
		);
		let mut rate = TAO;
		assert_eq!(block_emission(0), TAO);
		for threshold in thresholds {
			assert_eq!(block_emission(threshold - 1), rate, "just below {threshold}");
			assert_eq!(next_halving_threshold(threshold - 1), Some(threshold));
			rate /= 2;
			assert_eq!(block_emission(threshold), rate, "at {threshold}");
		}
		assert_eq!(halvings(10_500_000 * TAO), 1);
		assert_eq!(halvings(10_500_000 * TAO - 1), 0);
	}

	#[test]
	fn the_cap_is_never_crossed() {
		// From genesis to the end of emission, one era at a time: within an era the rate is
		// constant, so jumping to the block that crosses the next threshold is what block by
		// block production would reach.
		let mut issuance: Balance = 0;
		let mut blocks: u64 = 0;
		let mut eras = 0;
		while let Some(threshold) = next_halving_threshold(issuance) {
			let rate = block_emission(issuance);
			assert!(rate > 0);
			let to_cross = (threshold - issuance).div_ceil(rate);
			issuance += to_cross * rate;
			blocks += to_cross;
			eras += 1;
			assert!(issuance <= MAX_SUPPLY, "era {eras}: {issuance}");
			assert!(issuance >= threshold);
		}
		assert_eq!(eras, 30);
		assert_eq!(block_emission(issuance), 0, "emission has stopped");
		assert!(
			MAX_SUPPLY - issuance < TAO,
			"stops within a TAO of the cap: {}",
			MAX_SUPPLY - issuance
		);
		// About 10.5M blocks per era at the start, each era as long as the one before.
		assert!(blocks > 30 * 10_000_000);
		// Block by block over the last stretch before the cap.
		let mut issuance = MAX_SUPPLY - 20_000_000;
		while block_emission(issuance) > 0 {
			issuance += block_emission(issuance);
			assert!(issuance <= MAX_SUPPLY);
		}
		assert_eq!(block_emission(MAX_SUPPLY), 0);
		assert_eq!(block_emission(MAX_SUPPLY + 5), 0);
		assert_eq!(next_halving_threshold(MAX_SUPPLY), None);
		for issuance in [MAX_SUPPLY - 1, MAX_SUPPLY - TAO, MAX_SUPPLY / 2] {
			assert!(block_emission(issuance) <= MAX_SUPPLY - issuance);
		}
	}

	#[test]
	fn the_first_halving_comes_after_10_5_million_blocks() {
		assert_eq!(next_halving_threshold(0), Some(10_500_000 * TAO));
		assert_eq!(next_halving_threshold(0).unwrap() / block_emission(0), 10_500_000);
	}
}
