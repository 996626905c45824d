//! Commit-reveal of weights: the commit hash as the chain computes it, and a store that keeps
//! each commit's weights and salt on disk until the SDK reveals them in their epoch.
//!
//! The hash is BLAKE2-256 of the SCALE encoding of `(hotkey, netuid, uids, weights, salt,
//! version_key)`, as `pallet-consensus` checks it. A commit made in epoch `e` is revealed in
//! epoch `e + reveal_period` ([`epoch_of`]); [`crate::calls`]' `reveal_due` reveals every
//! stored commit whose epoch has come and forgets the ones whose epoch has passed.

use std::{fs, path::PathBuf};

use codec::Encode;
use serde::{Deserialize, Serialize};

use crate::{
	error::{Error, Result},
	AccountId32,
};

/// The longest salt the chain accepts, in `u16`s.
pub const MAX_SALT_LEN: usize = 32;

/// The commit hash of a reveal.
pub fn commit_hash(
	hotkey: &AccountId32,
	netuid: u16,
	uids: &[u16],
	weights: &[u16],
	salt: &[u16],
	version_key: u64,
) -> [u8; 32] {
	sp_crypto_hashing::blake2_256(&(hotkey.0, netuid, uids, weights, salt, version_key).encode())
}

/// The epoch `block` is in on a subnet: the chain's own count.
pub fn epoch_of(block: u32, netuid: u16, tempo: u16) -> u64 {
	taonet_primitives::epoch_index(taonet_primitives::NetUid(netuid), tempo, block)
}

/// A commit the SDK made and has not revealed yet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PendingCommit {
	/// The hotkey that committed.
	pub hotkey: String,
	/// The subnet.
	pub netuid: u16,
	/// The weights' targets.
	pub uids: Vec<u16>,
	/// The weights.
	pub weights: Vec<u16>,
	/// The random salt.
	pub salt: Vec<u16>,
	/// The subnet's weights version key at the commit.
	pub version_key: u64,
	/// The block of the commit.
	pub committed_at: u64,
	/// The epoch to reveal in.
	pub reveal_epoch: u64,
}

/// The file of pending commits (`~/.taonet/commits.json` unless given another), kept so that
/// a validator that restarts between commit and reveal still reveals.
#[derive(Clone, Debug)]
pub struct CommitStore {
	path: PathBuf,
}

impl Default for CommitStore {
	fn default() -> Self {
		let home = std::env::var_os("HOME").map(PathBuf::from).unwrap_or_default();
		Self::at(home.join(".taonet").join("commits.json"))
	}
}

impl CommitStore {
	/// The store in file `path`.
	pub fn at(path: impl Into<PathBuf>) -> Self {
		Self { path: path.into() }
	}

	/// Every pending commit.
	pub fn load(&self) -> Result<Vec<PendingCommit>> {
		match fs::read_to_string(&self.path) {
			Ok(text) => serde_json::from_str(&text).map_err(|e| {
				Error::Invalid(format!("{} is not a commit store: {e}", self.path.display()))
			}),
			Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Vec::new()),
			Err(e) => Err(Error::io(format!("reading {}", self.path.display()), e)),
		}
	}

	/// Replaces the pending commits with `commits`.
	pub fn save(&self, commits: &[PendingCommit]) -> Result<()> {
		if let Some(dir) = self.path.parent() {
			fs::create_dir_all(dir)
				.map_err(|e| Error::io(format!("creating {}", dir.display()), e))?;
		}
		let json = serde_json::to_vec_pretty(commits)
			.map_err(|e| Error::Invalid(format!("encoding the commit store: {e}")))?;
		let partial = self.path.with_extension("json.new");
		fs::write(&partial, json)
			.map_err(|e| Error::io(format!("writing {}", partial.display()), e))?;
		fs::rename(&partial, &self.path)
			.map_err(|e| Error::io(format!("writing {}", self.path.display()), e))
	}
}

/// A random salt of [`MAX_SALT_LEN`] `u16`s.
pub fn random_salt() -> Result<Vec<u16>> {
	let mut bytes = [0u8; 2 * MAX_SALT_LEN];
	getrandom::getrandom(&mut bytes)
		.map_err(|e| Error::Wallet(format!("no randomness from the system: {e}")))?;
	Ok(bytes.chunks_exact(2).map(|pair| u16::from_le_bytes([pair[0], pair[1]])).collect())
}

/// Normalizes float-free scores into the chain's weight row: the largest becomes 65,535
/// (the chain scales rows so anyway), zeros are left out, and the row is sorted by UID.
pub fn normalize(scores: &[(u16, u64)]) -> (Vec<u16>, Vec<u16>) {
	let max = scores.iter().map(|&(_, s)| s).max().unwrap_or(0);
	let mut row: Vec<(u16, u16)> = scores
		.iter()
		.filter(|&&(_, s)| s > 0 && max > 0)
		.map(|&(uid, s)| {
			let scaled = u128::from(s) * u128::from(u16::MAX) / u128::from(max);
			(uid, u16::try_from(scaled).unwrap_or(u16::MAX).max(1))
		})
		.collect();
	row.sort_unstable();
	row.dedup_by_key(|(uid, _)| *uid);
	row.into_iter().unzip()
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn epochs_turn_as_the_chain_counts_them() {
		// Tempo 4 on subnet 1: blocks 3..=7 are epoch 1, block 8 starts epoch 2.
		assert_eq!(epoch_of(2, 1, 4), 0);
		assert_eq!(epoch_of(u32::MAX, 1, 4), (u64::from(u32::MAX) + 2) / 5);
		assert_eq!(epoch_of(3, 1, 4), 1);
		assert_eq!(epoch_of(7, 1, 4), 1);
		assert_eq!(epoch_of(8, 1, 4), 2);
	}

	#[test]
	fn scores_become_a_sorted_row_with_its_largest_at_the_top() {
		let (uids, weights) = normalize(&[(3, 10), (1, 40), (2, 0), (0, 20)]);
		assert_eq!(uids, vec![0, 1, 3]);
		assert_eq!(weights, vec![32_767, 65_535, 16_383]);
		assert_eq!(normalize(&[(1, 0)]), (vec![], vec![]));
		assert_eq!(normalize(&[(1, 1), (2, u64::MAX)]).1, vec![1, 65_535]);
	}

	#[test]
	fn the_store_keeps_commits_across_restarts() {
		let path = std::env::temp_dir().join(format!("taonet-commits-{}.json", std::process::id()));
		let _ = fs::remove_file(&path);
		let store = CommitStore::at(&path);
		assert_eq!(store.load().ok(), Some(vec![]));
		let commit = PendingCommit {
			hotkey: "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY".into(),
			netuid: 1,
			uids: vec![0, 2],
			weights: vec![1, 65_535],
			salt: random_salt().unwrap_or_default(),
			version_key: 0,
			committed_at: 12,
			reveal_epoch: 4,
		};
		assert!(store.save(std::slice::from_ref(&commit)).is_ok());
		assert_eq!(CommitStore::at(&path).load().ok(), Some(vec![commit]));
	}
}
