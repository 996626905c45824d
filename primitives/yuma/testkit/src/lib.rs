//! splitmix64: a small, fast, seeded generator for drawing test and benchmark subnets, shared
//! by the crate's tests, benches, examples and the wasm probe (included with `#[path]`), so that
//! a seed means the same subnet everywhere.

/// The generator's state.
pub struct SplitMix(pub u64);

#[allow(dead_code)]
impl SplitMix {
	/// The next 64 random bits.
	pub fn next(&mut self) -> u64 {
		self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
		let mut z = self.0;
		z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
		z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
		z ^ (z >> 31)
	}

	/// Uniform in `0..bound` (0 when `bound` is 0).
	pub fn below(&mut self, bound: u64) -> u64 {
		self.next().checked_rem(bound).unwrap_or(0)
	}

	/// Uniform in `lo..=hi`.
	pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
		let span = u128::from(hi - lo) + 1;
		lo + ((u128::from(self.next()) * span) >> 64) as u64
	}

	/// True with probability `percent / 100`.
	pub fn chance(&mut self, percent: u64) -> bool {
		self.below(100) < percent
	}
}
