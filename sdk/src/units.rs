//! TAO amounts: 1 TAO is 10^9 rao, the chain's unit.

use crate::error::{Error, Result};

/// Rao in one TAO.
pub const RAO_PER_TAO: u64 = 1_000_000_000;

/// Parses a TAO amount with up to nine decimals ("1", "0.5", "12.000000001") into rao.
pub fn parse_tao(text: &str) -> Result<u64> {
	let invalid = || Error::Invalid(format!("{text:?} is not an amount of TAO (e.g. 1.5)"));
	let (whole, fraction) = text.trim().split_once('.').unwrap_or((text.trim(), ""));
	if whole.is_empty() && fraction.is_empty() {
		return Err(invalid());
	}
	if fraction.len() > 9 {
		return Err(Error::Invalid(format!("{text}: TAO has at most 9 decimals (1 rao)")));
	}
	let digits = |s: &str| s.is_empty() || s.bytes().all(|b| b.is_ascii_digit());
	if !digits(whole) || !digits(fraction) {
		return Err(invalid());
	}
	let whole: u64 = if whole.is_empty() { 0 } else { whole.parse().map_err(|_| invalid())? };
	let padded = format!("{fraction:0<9}");
	let fraction: u64 = padded.parse().map_err(|_| invalid())?;
	whole
		.checked_mul(RAO_PER_TAO)
		.and_then(|rao| rao.checked_add(fraction))
		.ok_or_else(|| Error::Invalid(format!("{text} TAO is more than the chain can hold")))
}

/// Formats rao as TAO with nine decimals and the unit, e.g. `1.500000000 TAO`.
pub fn format_tao(rao: u64) -> String {
	format!("{}.{:09} TAO", rao / RAO_PER_TAO, rao % RAO_PER_TAO)
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn amounts_parse_to_the_rao() {
		assert_eq!(parse_tao("1").ok(), Some(RAO_PER_TAO));
		assert_eq!(parse_tao("0.5").ok(), Some(RAO_PER_TAO / 2));
		assert_eq!(parse_tao(".000000001").ok(), Some(1));
		assert_eq!(parse_tao("12.34").ok(), Some(12_340_000_000));
		assert!(parse_tao("1.0000000001").is_err());
		assert!(parse_tao("-1").is_err());
		assert!(parse_tao("1e9").is_err());
		assert!(parse_tao(".").is_err());
		assert!(parse_tao("").is_err());
		assert!(parse_tao("99999999999999999999").is_err());
	}

	#[test]
	fn amounts_format_with_nine_decimals() {
		assert_eq!(format_tao(1_500_000_000), "1.500000000 TAO");
		assert_eq!(format_tao(1), "0.000000001 TAO");
		for rao in [0, 1, 999_999_999, 123_456_789_012] {
			let text = format_tao(rao);
			assert_eq!(parse_tao(text.trim_end_matches(" TAO")).ok(), Some(rao));
		}
	}
}
