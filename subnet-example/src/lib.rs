//! Taonet's reference subnet: arithmetic whose answers the validator knows.
//!
//! A validator sends each miner [`TASKS_PER_ROUND`] tasks a round (`POST /solve`, a [`Task`]
//! as JSON, signed with `btauth/1`); a miner answers a [`Solution`]. The validator scores a
//! miner by its correct answers, discounted by its mean latency ([`score`]), and sets its
//! weights in proportion to the scores. Yuma consensus then turns the weights of every
//! validator into the miners' incentive, so the most accurate, fastest miners earn the most.

use serde::{Deserialize, Serialize};

/// What both neurons take: where the node is, which wallet and hotkey sign, which subnet.
#[derive(clap::Args, Clone, Debug)]
pub struct NeuronArgs {
	/// The node's JSON-RPC websocket.
	#[arg(long, env = "TAONET_URL", default_value = "ws://127.0.0.1:9944")]
	pub url: String,
	/// The folder of wallets.
	#[arg(long, env = "TAONET_WALLET_PATH")]
	pub wallet_path: Option<std::path::PathBuf>,
	/// The wallet.
	#[arg(long, default_value = "default")]
	pub wallet: String,
	/// The hotkey registered on the subnet (a validator's needs stake for a permit).
	#[arg(long, default_value = "default")]
	pub hotkey: String,
	/// The subnet.
	#[arg(long)]
	pub netuid: u16,
}

impl NeuronArgs {
	/// The hotkey's key pair.
	pub fn key(&self) -> Result<taonet_sdk::Keypair, taonet_sdk::Error> {
		let wallets =
			self.wallet_path.clone().map(taonet_sdk::wallet::Wallets::at).unwrap_or_default();
		wallets.hotkey(&self.wallet, &self.hotkey)
	}
}

/// Tasks each miner gets per round.
pub const TASKS_PER_ROUND: u32 = 5;

/// The path tasks are sent to.
pub const SOLVE_PATH: &str = "/solve";

/// An operation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Op {
	/// a + b.
	Add,
	/// a - b.
	Sub,
	/// a * b.
	Mul,
}

/// A task: compute `a op b`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Task {
	/// The left operand.
	pub a: i64,
	/// The right operand.
	pub b: i64,
	/// The operation.
	pub op: Op,
}

/// A miner's answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Solution {
	/// `a op b`.
	pub answer: i128,
}

impl Task {
	/// A random task, operands below a million.
	pub fn random() -> Self {
		let mut bytes = [0u8; 9];
		// A task that cannot be drawn is the fixed one: the round still scores.
		let _ = getrandom::getrandom(&mut bytes);
		let operand =
			|b: &[u8]| i64::from(u32::from_le_bytes([b[0], b[1], b[2], b[3]]) % 1_000_000);
		let op = match bytes[8] % 3 {
			0 => Op::Add,
			1 => Op::Sub,
			_ => Op::Mul,
		};
		Self { a: operand(&bytes[0..4]), b: operand(&bytes[4..8]), op }
	}

	/// The right answer.
	pub fn answer(&self) -> i128 {
		let (a, b) = (i128::from(self.a), i128::from(self.b));
		match self.op {
			Op::Add => a + b,
			Op::Sub => a - b,
			Op::Mul => a * b,
		}
	}
}

/// A miner's score for a round: correct answers, each worth 1,000,000 at no latency and less
/// as the mean latency grows (halved at one second).
pub fn score(correct: u32, mean_latency_ms: u64) -> u64 {
	u64::from(correct).saturating_mul(1_000_000_000) / mean_latency_ms.saturating_add(1_000)
}

/// Which answers a miner of `accuracy_pct` gets right: exactly that share of every hundred
/// tasks, spread evenly (task `n` is right if `n * accuracy / 100` steps up at `n + 1`).
pub fn answers_right(n: u64, accuracy_pct: u8) -> bool {
	let pct = u64::from(accuracy_pct.min(100));
	(n + 1) * pct / 100 > n * pct / 100
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn tasks_have_their_answers() {
		assert_eq!(Task { a: 7, b: 6, op: Op::Mul }.answer(), 42);
		assert_eq!(Task { a: 7, b: 9, op: Op::Sub }.answer(), -2);
		for _ in 0..100 {
			let task = Task::random();
			assert!(task.a < 1_000_000 && task.b < 1_000_000);
			let wire: Task =
				serde_json::from_str(&serde_json::to_string(&task).unwrap_or_default())
					.unwrap_or(Task { a: -1, b: -1, op: Op::Add });
			assert_eq!(wire, task);
		}
	}

	#[test]
	fn accuracy_is_exact_per_hundred_tasks() {
		for pct in [0u8, 20, 60, 99, 100] {
			let right = (0..100).filter(|&n| answers_right(n, pct)).count();
			assert_eq!(right, usize::from(pct));
		}
	}

	#[test]
	fn scores_order_by_accuracy_then_latency() {
		assert!(score(5, 10) > score(4, 0));
		assert!(score(5, 10) > score(5, 500));
		assert_eq!(score(5, 1_000), score(5, 0) / 2);
		assert_eq!(score(0, 0), 0);
	}
}
