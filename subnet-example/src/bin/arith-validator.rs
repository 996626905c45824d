//! The reference subnet's validator: every round it sends each miner with an axon
//! [`TASKS_PER_ROUND`] tasks, scores accuracy and latency, and sets weights in proportion.
//! Each round is one JSON line on stdout.

use std::time::Duration;

use clap::Parser;
use taonet_arith_subnet::{score, NeuronArgs, Solution, Task, SOLVE_PATH, TASKS_PER_ROUND};
use taonet_sdk::{dendrite, parse_account, weights, Client, Error, Keypair, Wait};

#[derive(Parser)]
#[command(name = "arith-validator", about = "The reference subnet's validator.")]
struct Args {
	#[command(flatten)]
	neuron: NeuronArgs,
	/// Seconds between rounds.
	#[arg(long, default_value_t = 12)]
	round_secs: u64,
	/// How long a miner may take per task, in milliseconds.
	#[arg(long, default_value_t = 2_000)]
	timeout_ms: u64,
	/// Stop after this many rounds (default: run until stopped).
	#[arg(long)]
	rounds: Option<u64>,
}

/// One miner's round: its correct answers and its mean latency.
async fn query(key: &Keypair, neuron: &taonet_sdk::reads::Neuron, timeout: Duration) -> (u32, u64) {
	let (Some(axon), Ok(miner)) = (&neuron.axon, parse_account(&neuron.hotkey)) else {
		return (0, 0);
	};
	let (mut correct, mut latency_ms) = (0u32, 0u64);
	for _ in 0..TASKS_PER_ROUND {
		let task = Task::random();
		let body = serde_json::to_vec(&task).unwrap_or_default();
		let answer = dendrite::call(key, axon, &miner, SOLVE_PATH, &body, timeout, 4096).await;
		let elapsed = match &answer {
			Ok(a) => a.latency,
			Err(_) => timeout,
		};
		latency_ms =
			latency_ms.saturating_add(u64::try_from(elapsed.as_millis()).unwrap_or(u64::MAX));
		let right = answer
			.ok()
			.filter(|a| a.status == 200)
			.and_then(|a| serde_json::from_slice::<Solution>(&a.body).ok())
			.is_some_and(|s| s.answer == task.answer());
		correct += u32::from(right);
	}
	(correct, latency_ms / u64::from(TASKS_PER_ROUND))
}

async fn round(client: &Client, key: &Keypair, args: &Args, n: u64) -> Result<(), Error> {
	let me = taonet_sdk::account_of(key).to_string();
	let graph = client.metagraph(args.neuron.netuid, false).await?;
	let mut scores = Vec::new();
	let mut report = Vec::new();
	for neuron in graph.neurons.iter().filter(|n| n.hotkey != me && n.axon.is_some()) {
		let (correct, latency) = query(key, neuron, Duration::from_millis(args.timeout_ms)).await;
		let s = score(correct, latency);
		scores.push((neuron.uid, s));
		report.push(
			serde_json::json!({ "uid": neuron.uid, "correct": correct, "latencyMs": latency, "score": s }),
		);
	}
	let (uids, values) = weights::normalize(&scores);
	let set = if uids.is_empty() {
		"no miner answered".to_owned()
	} else {
		let version = client
			.hyperparams(args.neuron.netuid)
			.await?
			.get("weightsVersionKey")
			.and_then(serde_json::Value::as_u64)
			.unwrap_or(0);
		match client
			.set_weights(key, args.neuron.netuid, &uids, &values, version, Wait::InBlock)
			.await
		{
			Ok(_) => "set".to_owned(),
			Err(e) => format!("not set: {e}"),
		}
	};
	println!(
		"{}",
		serde_json::json!({ "event": "round", "round": n, "block": graph.block, "miners": report, "weights": set })
	);
	Ok(())
}

async fn run(args: Args) -> Result<(), Error> {
	let key = args.neuron.key()?;
	let client = Client::connect(&args.neuron.url).await?;
	let mut n = 0;
	loop {
		if let Err(e) = round(&client, &key, &args, n).await {
			eprintln!("round {n}: {e}");
		}
		n += 1;
		if args.rounds.is_some_and(|rounds| n >= rounds) {
			return Ok(());
		}
		tokio::select! {
			_ = tokio::time::sleep(Duration::from_secs(args.round_secs)) => {},
			_ = tokio::signal::ctrl_c() => return Ok(()),
		}
	}
}

#[tokio::main]
async fn main() -> std::process::ExitCode {
	match run(Args::parse()).await {
		Ok(()) => std::process::ExitCode::SUCCESS,
		Err(e) => {
			eprintln!("error: {e}");
			std::process::ExitCode::FAILURE
		},
	}
}
