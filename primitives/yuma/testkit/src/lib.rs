//! # Yuma test kit
//!
//! splitmix64: a small, fast, seeded generator for drawing test and benchmark subnets, shared by
//! `taonet-yuma`'s tests and benches and the wasm probe, so that a seed means the same subnet
//! everywhere. `no_std`, so that the probe's wasm build draws the same subnets as its native one.

#![cfg_attr(not(test), no_std)]

/// The generator's state.
pub struct SplitMix(pub u64);

impl SplitMix {
	/// The next 64 random bits.
	pub fn next_u64(&mut self) -> u64 {
		self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
		let mut z = self.0;
		z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
		z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
		z ^ (z >> 31)
	}

	/// Uniform in `0..bound` (0 when `bound` is 0).
	pub fn below(&mut self, bound: u64) -> u64 {
		self.next_u64().checked_rem(bound).unwrap_or(0)
	}

	/// Uniform in `lo..=hi`.
	pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
		let span = u128::from(hi - lo) + 1;
		lo + ((u128::from(self.next_u64()) * span) >> 64) as u64
	}

	/// True with probability `percent / 100`.
	pub fn chance(&mut self, percent: u64) -> bool {
		self.below(100) < percent
	}
}
