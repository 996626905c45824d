//! [`Fixed`]: the unsigned Q32.32 fixed-point number that every fraction in the epoch uses.
//!
//! Why Q32.32 in a `u64`: every quantity of the epoch is a proportion in `[0, 1]` (stake shares,
//! row-normalized weights, consensus, trust, incentive, dividends, bonds) or a sum of at most
//! 65,536 of them, so 32 integer bits are more than enough and 32 fractional bits resolve
//! `2^-32 ≈ 2.3e-10`, four orders of magnitude finer than the `u16` (`1/65535`) in which the
//! chain stores the results. A product of two values fits a `u128` exactly, so sums of products
//! are accumulated at Q64 in `u128` and rounded once. Only integer operations are used, so the
//! result is the same on every target, native or `wasm32`.
//!
//! Every operation saturates or floors; none panics.

use core::fmt;

/// An unsigned fixed-point number with 32 integer and 32 fractional bits: the value is
/// `bits / 2^32`. All conversions round down unless their name says otherwise.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Fixed(u64);

/// Number of fractional bits of [`Fixed`].
pub const FRAC_BITS: u32 = 32;
const ONE_BITS: u64 = 1 << FRAC_BITS;

impl Fixed {
	/// 0.
	pub const ZERO: Self = Self(0);
	/// 1.
	pub const ONE: Self = Self(ONE_BITS);
	/// One half.
	pub const HALF: Self = Self(ONE_BITS >> 1);
	/// The smallest positive value, `2^-32`.
	pub const EPSILON: Self = Self(1);

	/// The number whose raw representation is `bits` (value `bits / 2^32`).
	pub const fn from_bits(bits: u64) -> Self {
		Self(bits)
	}

	/// The raw representation: the value times `2^32`.
	pub const fn to_bits(self) -> u64 {
		self.0
	}

	/// `num / den`, rounded down; 0 when `den` is 0; saturates at the largest value.
	pub fn from_ratio(num: u128, den: u128) -> Self {
		let (mut num, mut den) = (num, den);
		if den == 0 {
			return Self::ZERO;
		}
		// Keep `num << 32` inside a u128; dropping low bits of both keeps the ratio to within
		// 2^-32 relative, far below the precision of the result in every use here.
		while num >= 1 << 96 {
			num >>= 1;
			den >>= 1;
		}
		if den == 0 {
			return Self(u64::MAX);
		}
		let q = (num << FRAC_BITS).checked_div(den).unwrap_or(0);
		Self(u64::try_from(q).unwrap_or(u64::MAX))
	}

	/// A ratio stored on chain as `u16` (`v / 65535`, so `u16::MAX` is exactly 1).
	pub fn from_u16_ratio(v: u16) -> Self {
		Self::from_ratio(u128::from(v), u128::from(u16::MAX))
	}

	/// This value as a `u16` ratio (`round(x * 65535)`), clamped to `[0, u16::MAX]`: the form in
	/// which the chain stores fractions.
	pub fn to_u16_ratio(self) -> u16 {
		let scaled = u128::from(self.0).saturating_mul(u128::from(u16::MAX));
		let rounded = scaled.saturating_add(1 << (FRAC_BITS - 1)) >> FRAC_BITS;
		u16::try_from(rounded).unwrap_or(u16::MAX)
	}

	/// The product, rounded down, saturating.
	pub fn saturating_mul(self, other: Self) -> Self {
		Self::from_wide(u128::from(self.0).saturating_mul(u128::from(other.0)))
	}

	/// A Q64 value (the exact product of two [`Fixed`]) rounded down to Q32, saturating.
	pub fn from_wide(wide: u128) -> Self {
		Self(u64::try_from(wide >> FRAC_BITS).unwrap_or(u64::MAX))
	}

	/// The exact product as a Q64 `u128`, for accumulating sums of products without rounding.
	pub fn wide_mul(self, other: Self) -> u128 {
		u128::from(self.0).saturating_mul(u128::from(other.0))
	}

	/// `self * num / den` for integers, rounded down; 0 when `den` is 0.
	pub fn mul_ratio(self, num: u128, den: u128) -> Self {
		Self::from_ratio(
			u128::from(self.0).saturating_mul(num),
			den.saturating_mul(ONE_BITS.into()),
		)
	}

	/// Saturating sum.
	pub fn saturating_add(self, other: Self) -> Self {
		Self(self.0.saturating_add(other.0))
	}

	/// Difference, 0 if `other` is larger.
	pub fn saturating_sub(self, other: Self) -> Self {
		Self(self.0.saturating_sub(other.0))
	}

	/// The smaller of the two.
	pub fn min(self, other: Self) -> Self {
		if self <= other {
			self
		} else {
			other
		}
	}

	/// Whether this is 0.
	pub fn is_zero(self) -> bool {
		self.0 == 0
	}

	/// `a + (b - a) * t` for `t` in `[0, 1]`, whichever of `a` and `b` is larger: linear
	/// interpolation, rounded down, never outside `[min(a, b), max(a, b)]`.
	pub fn lerp(a: Self, b: Self, t: Self) -> Self {
		let t = t.min(Self::ONE);
		if b >= a {
			a.saturating_add(b.saturating_sub(a).saturating_mul(t))
		} else {
			a.saturating_sub(a.saturating_sub(b).saturating_mul(t))
		}
	}

	/// `e^-x`, accurate to a few units of `2^-32`.
	///
	/// `x = k + r` with integer `k` and `r` in `[0, 1)`: `e^-x = (e^-1)^k / e^r`, where `e^r` is
	/// its Taylor series to the 14th term (error below `2^-35`). For `k >= 23`, `e^-x < 2^-32`
	/// and the result is 0.
	pub fn exp_neg(x: Self) -> Self {
		/// `e^-1` in Q32.32, rounded to nearest.
		const E_INV: Fixed = Fixed(1_580_030_169);
		let k = x.0 >> FRAC_BITS;
		if k >= 23 {
			return Self::ZERO;
		}
		let r = Self(x.0 & (ONE_BITS - 1));
		// e^r = sum r^n / n!, every term positive.
		let mut term = Self::ONE;
		let mut e_r = Self::ONE;
		for n in 1u128..=14 {
			term = term.mul_ratio(u128::from(r.0), u128::from(ONE_BITS).saturating_mul(n));
			e_r = e_r.saturating_add(term);
		}
		let mut result = Self::from_ratio(u128::from(ONE_BITS), u128::from(e_r.0));
		for _ in 0..k {
			result = result.saturating_mul(E_INV);
		}
		result
	}

	/// The logistic function `σ(y) = 1 / (1 + e^-y)` of a signed argument given as its magnitude
	/// and sign, in `[0, 1]`.
	pub fn sigmoid(magnitude: Self, negative: bool) -> Self {
		let e = Self::exp_neg(magnitude);
		let one_plus_e = u128::from(ONE_BITS).saturating_add(e.0.into());
		if negative {
			// σ(-m) = e^-m / (1 + e^-m)
			Self::from_ratio(e.0.into(), one_plus_e)
		} else {
			Self::from_ratio(ONE_BITS.into(), one_plus_e)
		}
	}
}

impl fmt::Debug for Fixed {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		fmt::Display::fmt(self, f)
	}
}

impl fmt::Display for Fixed {
	/// Shows the value with nine decimals, exactly rounded down (no floats involved).
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		let int = self.0 >> FRAC_BITS;
		let frac = u128::from(self.0 & (ONE_BITS - 1)).saturating_mul(1_000_000_000) >> FRAC_BITS;
		write!(f, "{int}.{frac:09}")
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	fn to_f64(x: Fixed) -> f64 {
		x.to_bits() as f64 / ONE_BITS as f64
	}

	#[test]
	fn ratios_round_down_and_never_divide_by_zero() {
		assert_eq!(Fixed::from_ratio(1, 3).to_bits(), 1_431_655_765);
		assert_eq!(Fixed::from_ratio(5, 0), Fixed::ZERO);
		assert_eq!(Fixed::from_ratio(u128::MAX, 1).to_bits(), u64::MAX);
		assert_eq!(Fixed::from_ratio(u128::MAX, u128::MAX), Fixed::ONE);
		assert_eq!(Fixed::from_u16_ratio(u16::MAX), Fixed::ONE);
		assert_eq!(Fixed::ONE.to_u16_ratio(), u16::MAX);
		assert_eq!(Fixed::HALF.to_u16_ratio(), 32_768);
		assert_eq!(Fixed::from_bits(u64::MAX).to_u16_ratio(), u16::MAX);
		for v in [0u16, 1, 2, 32_767, 45_875, 65_534] {
			assert_eq!(Fixed::from_u16_ratio(v).to_u16_ratio(), v);
		}
	}

	#[test]
	fn products_and_interpolation() {
		let third = Fixed::from_ratio(1, 3);
		assert_eq!(Fixed::ONE.saturating_mul(third), third);
		assert_eq!(
			Fixed::from_bits(u64::MAX).saturating_mul(Fixed::from_bits(u64::MAX)).to_bits(),
			u64::MAX
		);
		let (a, b) = (Fixed::from_ratio(1, 4), Fixed::from_ratio(3, 4));
		assert_eq!(Fixed::lerp(a, b, Fixed::HALF), Fixed::HALF);
		assert_eq!(Fixed::lerp(b, a, Fixed::HALF), Fixed::HALF);
		assert_eq!(Fixed::lerp(a, b, Fixed::ONE), b);
		assert_eq!(Fixed::lerp(a, b, Fixed::from_bits(u64::MAX)), b);
		assert_eq!(Fixed::lerp(a, b, Fixed::ZERO), a);
	}

	#[test]
	fn exp_and_sigmoid_match_the_reals() {
		for i in 0..=400u64 {
			let x = Fixed::from_ratio(i.into(), 16);
			let want = (-(i as f64) / 16.0).exp();
			let got = to_f64(Fixed::exp_neg(x));
			assert!((got - want).abs() < 1e-8, "e^-{x}: {got} vs {want}");
		}
		assert_eq!(Fixed::sigmoid(Fixed::ZERO, false), Fixed::HALF);
		for i in 0..=200u64 {
			let m = Fixed::from_ratio(i.into(), 8);
			let want = 1.0 / (1.0 + (-(i as f64) / 8.0).exp());
			assert!((to_f64(Fixed::sigmoid(m, false)) - want).abs() < 1e-8);
			assert!((to_f64(Fixed::sigmoid(m, true)) - (1.0 - want)).abs() < 1e-8);
		}
	}

	#[test]
	fn displays_nine_decimals() {
		assert_eq!(format!("{}", Fixed::from_ratio(1, 3)), "0.333333333");
		assert_eq!(format!("{:?}", Fixed::ONE), "1.000000000");
	}
}
