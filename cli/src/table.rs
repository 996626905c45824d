//! Plain text tables: columns padded to their widest cell.

use std::fmt;

/// A table with a header row.
pub struct Table {
	header: Vec<String>,
	rows: Vec<Vec<String>>,
}

impl Table {
	/// A table with these column names.
	pub fn new(header: &[&str]) -> Self {
		Self { header: header.iter().map(|h| (*h).to_owned()).collect(), rows: Vec::new() }
	}

	/// Adds a row.
	pub fn row(&mut self, cells: Vec<String>) {
		self.rows.push(cells);
	}
}

impl fmt::Display for Table {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		let mut widths: Vec<usize> = self.header.iter().map(|h| h.chars().count()).collect();
		for row in &self.rows {
			for (i, cell) in row.iter().enumerate() {
				if let Some(w) = widths.get_mut(i) {
					*w = (*w).max(cell.chars().count());
				}
			}
		}
		for row in std::iter::once(&self.header).chain(&self.rows) {
			let cells: Vec<String> =
				row.iter().zip(&widths).map(|(cell, &w)| format!("{cell:<w$}")).collect();
			writeln!(f, "{}", cells.join("  ").trim_end())?;
		}
		Ok(())
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn columns_line_up() {
		let mut t = Table::new(&["uid", "hotkey"]);
		t.row(vec!["0".into(), "5Grw".into()]);
		t.row(vec!["10".into(), "5F".into()]);
		assert_eq!(t.to_string(), "uid  hotkey\n0    5Grw\n10   5F\n");
	}
}
