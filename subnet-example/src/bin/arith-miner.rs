//! The reference subnet's miner: serves its axon on the chain, then answers arithmetic tasks
//! from permitted validators, right `--accuracy` percent of the time, after `--delay-ms`.

use std::{
	net::{IpAddr, SocketAddr},
	sync::{
		atomic::{AtomicU64, Ordering},
		Arc,
	},
	time::Duration,
};

use clap::Parser;
use taonet_arith_subnet::{answers_right, NeuronArgs, Solution, Task, SOLVE_PATH};
use taonet_sdk::{
	axon::{self, AxonConfig, Handler, Request, Response},
	calls::AxonSpec,
	Client, Error, Wait,
};

#[derive(Parser)]
#[command(name = "arith-miner", about = "The reference subnet's miner.")]
struct Args {
	#[command(flatten)]
	neuron: NeuronArgs,
	/// Where to listen.
	#[arg(long, default_value = "0.0.0.0")]
	bind: IpAddr,
	/// The port.
	#[arg(long, default_value_t = 8091)]
	port: u16,
	/// The address validators reach the axon at (announced on chain).
	#[arg(long, default_value = "127.0.0.1")]
	external_ip: IpAddr,
	/// The share of tasks answered right, in percent: the quality knob.
	#[arg(long, default_value_t = 100, value_parser = clap::value_parser!(u8).range(0..=100))]
	accuracy: u8,
	/// Milliseconds to wait before each answer.
	#[arg(long, default_value_t = 0)]
	delay_ms: u64,
}

fn solve(request: Request, answered: &AtomicU64, accuracy: u8) -> Response {
	if request.path != SOLVE_PATH {
		return Response { status: 404, body: br#"{"error":"POST /solve"}"#.to_vec() };
	}
	let Ok(task) = serde_json::from_slice::<Task>(&request.body) else {
		return Response { status: 400, body: br#"{"error":"not a task"}"#.to_vec() };
	};
	let n = answered.fetch_add(1, Ordering::Relaxed);
	let answer = if answers_right(n, accuracy) { task.answer() } else { task.answer() + 1 };
	let body = serde_json::to_vec(&Solution { answer }).unwrap_or_default();
	Response { status: 200, body }
}

async fn run(args: Args) -> Result<(), Error> {
	let hotkey = args.neuron.key()?;
	let client = Client::connect(&args.neuron.url).await?;
	let me = taonet_sdk::account_of(&hotkey);
	let neuron = client.neuron_by_hotkey(args.neuron.netuid, &me).await.map_err(|e| {
		Error::Invalid(format!(
			"{e}\n  register the hotkey first: taonet neuron register {} --wallet {} --hotkey {}",
			args.neuron.netuid, args.neuron.wallet, args.neuron.hotkey
		))
	})?;
	let answered = Arc::new(AtomicU64::new(0));
	let (accuracy, delay) = (args.accuracy, Duration::from_millis(args.delay_ms));
	let handler: Handler = Arc::new(move |request| {
		let answered = answered.clone();
		Box::pin(async move {
			tokio::time::sleep(delay).await;
			solve(request, &answered, accuracy)
		})
	});
	let config = AxonConfig::new(args.neuron.netuid, SocketAddr::new(args.bind, args.port));
	let server = axon::serve(client.clone(), hotkey.clone(), config, handler).await?;
	let spec = AxonSpec {
		ip: args.external_ip,
		port: server.local_addr().port(),
		protocol: 0,
		version: 1,
	};
	client.serve_axon(&hotkey, args.neuron.netuid, spec, Wait::InBlock).await?;
	println!(
		"{}",
		serde_json::json!({
			"event": "serving", "uid": neuron.uid, "hotkey": me.to_string(),
			"addr": server.local_addr().to_string(), "accuracy": accuracy,
		})
	);
	tokio::signal::ctrl_c().await.map_err(|e| Error::io("waiting for Ctrl-C", e))?;
	Ok(())
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
