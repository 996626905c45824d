//! `taonet`: wallets, subnets, neurons, stake and weights from the command line, in the
//! habits of Bittensor's `btcli`. Every command is one SDK call (`taonet-sdk`); `--json`
//! prints the answer for scripts.

use std::{io::Write, net::IpAddr, process::ExitCode};

use clap::{Args, Parser, Subcommand, ValueEnum};
use serde_json::{json, Value};
use taonet_sdk::{
	auth,
	calls::{self, AxonSpec},
	parse_account,
	units::{format_tao, parse_tao},
	wallet::Wallets,
	weights::CommitStore,
	AccountId32, Client, Error, Keypair, Progress, Receipt, Wait,
};

mod table;

/// `println!` that ends quietly when stdout is closed (`taonet ... | head`).
macro_rules! out {
	($($arg:tt)*) => {{
		let _ = writeln!(std::io::stdout(), $($arg)*);
	}};
}

/// `print!`, as [`out!`].
macro_rules! outp {
	($($arg:tt)*) => {{
		let _ = write!(std::io::stdout(), $($arg)*);
	}};
}

#[derive(Parser)]
#[command(name = "taonet", version, about = "The command line for Taonet.")]
struct Cli {
	/// The node's JSON-RPC websocket.
	#[arg(long, global = true, env = "TAONET_URL", default_value = "ws://127.0.0.1:9944")]
	url: String,
	/// The folder of wallets.
	#[arg(long, global = true, env = "TAONET_WALLET_PATH")]
	wallet_path: Option<std::path::PathBuf>,
	/// The wallet (its coldkey signs for TAO and stake).
	#[arg(long, short = 'w', global = true, default_value = "default")]
	wallet: String,
	/// The wallet's hotkey (it signs for the neuron).
	#[arg(long, short = 'k', global = true, default_value = "default")]
	hotkey: String,
	/// Wait for the transaction's block to be finalized, or only to be included.
	#[arg(long, global = true, value_enum, default_value = "finalized")]
	wait: WaitFor,
	/// Print answers as JSON.
	#[arg(long, global = true)]
	json: bool,
	#[command(subcommand)]
	command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum WaitFor {
	Included,
	Finalized,
}

#[derive(Subcommand)]
enum Command {
	/// Create, import and list wallets; balances and transfers.
	#[command(subcommand)]
	Wallet(WalletCmd),
	/// Create, inspect and tune subnets.
	#[command(subcommand)]
	Subnet(SubnetCmd),
	/// Register and serve neurons.
	#[command(subcommand)]
	Neuron(NeuronCmd),
	/// Stake to hotkeys.
	#[command(subcommand)]
	Stake(StakeCmd),
	/// Delegates and their take.
	#[command(subcommand)]
	Delegate(DelegateCmd),
	/// Validators' weights.
	#[command(subcommand)]
	Weights(WeightsCmd),
	/// The root network.
	#[command(subcommand)]
	Root(RootCmd),
	/// A subnet's neurons as a table.
	Metagraph {
		/// The subnet.
		netuid: u16,
	},
	/// Sign or verify a request between neurons (btauth/1), for testing a neuron's server.
	#[command(subcommand)]
	Request(RequestCmd),
}

#[derive(Subcommand)]
enum WalletCmd {
	/// A new wallet: a coldkey (encrypted with a password you choose) and a hotkey.
	New,
	/// A new hotkey in the wallet.
	NewHotkey,
	/// A wallet's coldkey, or with --as-hotkey a hotkey, from a mnemonic, seed or dev URI.
	Import {
		/// The mnemonic (in quotes), a 0x seed, or a URI such as //Alice.
		#[arg(long, env = "TAONET_SECRET", hide_env_values = true)]
		secret: String,
		/// Import it as the wallet's hotkey --hotkey instead of its coldkey.
		#[arg(long)]
		as_hotkey: bool,
	},
	/// Every wallet and its keys.
	List,
	/// The wallet's coldkey balance (or an address's).
	Balance {
		/// Any account instead of the wallet's coldkey.
		#[arg(long)]
		address: Option<String>,
	},
	/// Send TAO from the wallet's coldkey.
	Transfer {
		/// The receiver.
		#[arg(long, required_unless_present = "to_own_hotkey")]
		to: Option<String>,
		/// Send to the wallet's own hotkey (--hotkey) instead: a hotkey's account must exist
		/// before it signs weights or an axon.
		#[arg(long, conflicts_with = "to")]
		to_own_hotkey: bool,
		/// TAO, with decimals.
		#[arg(long)]
		amount: String,
	},
}

#[derive(Subcommand)]
enum SubnetCmd {
	/// Register a subnet owned by the wallet's coldkey, its hotkey as UID 0. Locks the
	/// lock cost (see `subnet lock-cost`).
	Create,
	/// What creating a subnet locks now.
	LockCost,
	/// Every subnet.
	List,
	/// One subnet.
	Show {
		/// The subnet.
		netuid: u16,
	},
	/// A subnet's hyperparameters.
	Hyperparams {
		/// The subnet.
		netuid: u16,
	},
	/// Set a hyperparameter of a subnet the wallet owns: e.g. `set 1 weights_rate_limit 0`,
	/// `set 1 alpha_bounds 45000 58000`.
	Set {
		/// The subnet.
		netuid: u16,
		/// The setter, in snake case (`kappa`) or as the metadata names it (`Kappa`).
		param: String,
		/// Its value(s); flags are true/false.
		#[arg(required = true)]
		values: Vec<String>,
		/// Sign with the chain's sudo key (the wallet's coldkey), for what only governance
		/// may set; development chains and devnets only.
		#[arg(long)]
		sudo: bool,
	},
	/// Dissolve a subnet the wallet owns; its lock returns.
	Dissolve {
		/// The subnet.
		netuid: u16,
	},
}

#[derive(Subcommand)]
enum NeuronCmd {
	/// Register the wallet's hotkey on a subnet, paying the current burn.
	Register {
		/// The subnet.
		netuid: u16,
		/// Refuse to pay more than this many TAO (default: the price now).
		#[arg(long)]
		max_burn: Option<String>,
	},
	/// Announce the hotkey's axon (where validators reach the miner).
	Serve {
		/// The subnet.
		netuid: u16,
		/// Its IP address.
		#[arg(long)]
		ip: IpAddr,
		/// Its port.
		#[arg(long)]
		port: u16,
		/// The protocol number (0: HTTP).
		#[arg(long, default_value_t = 0)]
		protocol: u8,
		/// The miner's version.
		#[arg(long, default_value_t = 1)]
		version: u32,
	},
	/// One neuron, by the wallet's hotkey (or --uid).
	Show {
		/// The subnet.
		netuid: u16,
		/// A UID instead of the wallet's hotkey.
		#[arg(long)]
		uid: Option<u16>,
	},
}

#[derive(Args)]
struct Amount {
	/// The hotkey staked to: an address (default: the wallet's hotkey).
	#[arg(long = "to-hotkey", alias = "hotkey-address")]
	hotkey_address: Option<String>,
	/// TAO, with decimals.
	#[arg(long)]
	amount: String,
}

#[derive(Subcommand)]
enum StakeCmd {
	/// Stake TAO from the coldkey to a hotkey.
	Add(Amount),
	/// Unstake TAO back to the coldkey.
	Remove(Amount),
	/// Move the coldkey's stake from one hotkey to another.
	Move {
		/// The hotkey to move from.
		#[arg(long)]
		from: String,
		/// The hotkey to move to.
		#[arg(long)]
		to: String,
		/// TAO, with decimals.
		#[arg(long)]
		amount: String,
	},
	/// Give the coldkey's stake on a hotkey to another coldkey.
	Transfer {
		/// The new owner.
		#[arg(long)]
		to_coldkey: String,
		/// The hotkey (default: the wallet's hotkey).
		#[arg(long = "on-hotkey")]
		hotkey_address: Option<String>,
		/// TAO, with decimals.
		#[arg(long)]
		amount: String,
	},
	/// The coldkey's stake positions (or another coldkey's).
	List {
		/// Any coldkey instead of the wallet's.
		#[arg(long)]
		coldkey: Option<String>,
	},
}

#[derive(Subcommand)]
enum DelegateCmd {
	/// Set the take of the wallet's hotkey, e.g. 0.18 (18 %).
	Take {
		/// A fraction from 0 to the chain's maximum.
		take: String,
	},
	/// Every hotkey with stake, most first.
	List,
}

#[derive(Args)]
struct Row {
	/// The subnet.
	netuid: u16,
	/// Target UIDs, comma-separated.
	#[arg(long, value_delimiter = ',', required = true)]
	uids: Vec<u16>,
	/// One weight per UID (any scale), comma-separated.
	#[arg(long, value_delimiter = ',', required = true)]
	weights: Vec<u16>,
	/// The subnet's weights version key (default: the subnet's).
	#[arg(long)]
	version_key: Option<u64>,
}

#[derive(Subcommand)]
enum WeightsCmd {
	/// Set the hotkey's weights (commit-reveal off).
	Set(Row),
	/// Commit to weights (commit-reveal on); the salt is kept in the commit store.
	Commit {
		#[command(flatten)]
		row: Row,
		/// The commit store.
		#[arg(long, env = "TAONET_COMMITS")]
		store: Option<std::path::PathBuf>,
	},
	/// Reveal the hotkey's stored commits that are due; with --wait, wait for their epoch.
	Reveal {
		/// The commit store.
		#[arg(long, env = "TAONET_COMMITS")]
		store: Option<std::path::PathBuf>,
		/// Wait (up to this many seconds) until every stored commit is revealed.
		#[arg(long)]
		wait_secs: Option<u64>,
	},
}

#[derive(Subcommand)]
enum RootCmd {
	/// Register the wallet's hotkey in the root network.
	Register,
	/// Set the hotkey's root weights over subnets.
	Weights {
		/// Subnets, comma-separated.
		#[arg(long, value_delimiter = ',', required = true)]
		netuids: Vec<u16>,
		/// One weight per subnet, comma-separated.
		#[arg(long, value_delimiter = ',', required = true)]
		weights: Vec<u16>,
	},
}

/// The request a signature is over.
#[derive(Args)]
struct Target {
	/// The HTTP method.
	#[arg(long, default_value = "POST")]
	method: String,
	/// The path with its query.
	#[arg(long)]
	path: String,
	/// The body.
	#[arg(long, default_value = "")]
	body: String,
}

#[derive(Subcommand)]
enum RequestCmd {
	/// Print the btauth/1 headers of a request from the wallet's hotkey, as JSON.
	Sign {
		#[command(flatten)]
		target: Target,
		/// The receiver's hotkey address.
		#[arg(long)]
		receiver: String,
		/// The nonce (nanoseconds since the Unix epoch; default: now), to test a server's
		/// freshness window.
		#[arg(long)]
		nonce: Option<u128>,
	},
	/// Verify a request's headers (a JSON object on stdin) as the wallet's hotkey would.
	Verify {
		#[command(flatten)]
		target: Target,
	},
}

struct Ctx {
	cli_url: String,
	wallets: Wallets,
	wallet: String,
	hotkey: String,
	wait: Wait,
	json: bool,
}

impl Ctx {
	async fn client(&self) -> Result<Client, Error> {
		let json = self.json;
		let client = Client::connect(&self.cli_url).await.map_err(|e| {
			Error::Invalid(format!(
				"{e}\n  is a node running at {}? Start one with `scripts/dev-node.sh`, or pass \
				 --url",
				self.cli_url
			))
		})?;
		Ok(client.on_progress(move |step| {
			if !json {
				let line = match step {
					Progress::Submitted(tx) => format!("submitted {tx:?}, waiting for a block"),
					Progress::InBlock(block) => format!("included in block {block:?}"),
					Progress::Finalized(block) => format!("finalized in block {block:?}"),
				};
				eprintln!("  {line}");
			}
		}))
	}

	fn coldkey(&self) -> Result<Keypair, Error> {
		let password = match std::env::var("TAONET_PASSWORD") {
			Ok(password) => password,
			Err(_) => prompt(&format!("password for wallet {}'s coldkey: ", self.wallet))?,
		};
		self.wallets.unlock_coldkey(&self.wallet, &password)
	}

	fn hotkey(&self) -> Result<Keypair, Error> {
		self.wallets.hotkey(&self.wallet, &self.hotkey)
	}

	fn hotkey_or(&self, address: &Option<String>) -> Result<AccountId32, Error> {
		match address {
			Some(address) => parse_account(address),
			None => Ok(taonet_sdk::account_of(&self.hotkey()?)),
		}
	}
}

fn prompt(question: &str) -> Result<String, Error> {
	rpassword::prompt_password(question)
		.map_err(|e| Error::Wallet(format!("could not read a password ({e}); set TAONET_PASSWORD")))
}

fn new_password(wallet: &str) -> Result<String, Error> {
	if let Ok(password) = std::env::var("TAONET_PASSWORD") {
		return Ok(password);
	}
	let first = prompt(&format!("a password for wallet {wallet}'s coldkey: "))?;
	let again = prompt("the same password again: ")?;
	if first != again {
		return Err(Error::Invalid("the passwords differ".into()));
	}
	Ok(first)
}

fn tao(text: &str) -> Result<u64, Error> {
	parse_tao(text)
}

fn snake_to_camel(name: &str) -> String {
	name.split('_')
		.map(|part| {
			let mut chars = part.chars();
			match chars.next() {
				Some(first) => first.to_uppercase().chain(chars).collect(),
				None => String::new(),
			}
		})
		.collect()
}

fn param_value(text: &str) -> Result<u128, Error> {
	match text {
		"true" => Ok(1),
		"false" => Ok(0),
		_ => text
			.parse()
			.map_err(|_| Error::Invalid(format!("{text:?} is not a number, true or false"))),
	}
}

/// Prints what a transaction did.
fn done(ctx: &Ctx, what: &str, receipt: &Receipt, extra: Value) {
	if ctx.json {
		let mut out = json!({ "ok": true, "tx": format!("{:?}", receipt.tx), "block": format!("{:?}", receipt.block) });
		if let (Some(out), Value::Object(extra)) = (out.as_object_mut(), extra) {
			out.extend(extra);
		}
		out!("{out}");
	} else {
		out!("{what}");
	}
}

fn print_json(value: &impl serde::Serialize) -> Result<(), Error> {
	let text = serde_json::to_string_pretty(value)
		.map_err(|e| Error::Invalid(format!("encoding the answer: {e}")))?;
	out!("{text}");
	Ok(())
}

fn ratio(raw: u16) -> String {
	format!("{:.4}", f64::from(raw) / 65_535.0)
}

async fn run(cli: Cli) -> Result<(), Error> {
	let ctx = Ctx {
		cli_url: cli.url,
		wallets: cli.wallet_path.map(Wallets::at).unwrap_or_default(),
		wallet: cli.wallet,
		hotkey: cli.hotkey,
		wait: match cli.wait {
			WaitFor::Included => Wait::InBlock,
			WaitFor::Finalized => Wait::Finalized,
		},
		json: cli.json,
	};
	match cli.command {
		Command::Wallet(cmd) => wallet(&ctx, cmd).await,
		Command::Subnet(cmd) => subnet(&ctx, cmd).await,
		Command::Neuron(cmd) => neuron(&ctx, cmd).await,
		Command::Stake(cmd) => stake(&ctx, cmd).await,
		Command::Delegate(cmd) => delegate(&ctx, cmd).await,
		Command::Weights(cmd) => weights(&ctx, cmd).await,
		Command::Root(cmd) => root(&ctx, cmd).await,
		Command::Metagraph { netuid } => metagraph(&ctx, netuid).await,
		Command::Request(cmd) => request(&ctx, cmd),
	}
}

async fn wallet(ctx: &Ctx, cmd: WalletCmd) -> Result<(), Error> {
	match cmd {
		WalletCmd::New => {
			let password = new_password(&ctx.wallet)?;
			let cold = ctx.wallets.create(&ctx.wallet, &password)?;
			let hot = ctx.wallets.create_hotkey(&ctx.wallet, &ctx.hotkey)?;
			let (cold_address, hot_address) =
				(taonet_sdk::account_of(&cold.key), taonet_sdk::account_of(&hot.key));
			if ctx.json {
				return print_json(&json!({
					"wallet": ctx.wallet, "coldkey": cold_address.to_string(),
					"coldkeyMnemonic": cold.mnemonic, "hotkey": hot_address.to_string(),
					"hotkeyMnemonic": hot.mnemonic,
				}));
			}
			out!("wallet {} in {}", ctx.wallet, ctx.wallets.root().display());
			out!("coldkey {cold_address}");
			out!("  its phrase (write it down; it is shown once): {}", cold.mnemonic);
			out!("hotkey {} {hot_address}", ctx.hotkey);
			out!("  its phrase: {}", hot.mnemonic);
			Ok(())
		},
		WalletCmd::NewHotkey => {
			let hot = ctx.wallets.create_hotkey(&ctx.wallet, &ctx.hotkey)?;
			let address = taonet_sdk::account_of(&hot.key);
			if ctx.json {
				return print_json(
					&json!({ "hotkey": address.to_string(), "mnemonic": hot.mnemonic }),
				);
			}
			out!("hotkey {} {address}\n  its phrase: {}", ctx.hotkey, hot.mnemonic);
			Ok(())
		},
		WalletCmd::Import { secret, as_hotkey } => {
			let (kind, key) = if as_hotkey {
				("hotkey", ctx.wallets.import_hotkey(&ctx.wallet, &ctx.hotkey, &secret)?)
			} else {
				let password = new_password(&ctx.wallet)?;
				("coldkey", ctx.wallets.import_coldkey(&ctx.wallet, &secret, &password)?)
			};
			let address = taonet_sdk::account_of(&key).to_string();
			if ctx.json {
				return print_json(&json!({ "wallet": ctx.wallet, kind: address }));
			}
			out!("{kind} of wallet {}: {address}", ctx.wallet);
			Ok(())
		},
		WalletCmd::List => {
			let wallets = ctx.wallets.list()?;
			if ctx.json {
				return print_json(&wallets);
			}
			if wallets.is_empty() {
				out!(
					"no wallets in {}; create one with `taonet wallet new`",
					ctx.wallets.root().display()
				);
			}
			for w in wallets {
				out!("{}  coldkey {}", w.name, w.coldkey);
				for (name, address) in w.hotkeys {
					out!("  hotkey {name}  {address}");
				}
			}
			Ok(())
		},
		WalletCmd::Balance { address } => {
			let account = match address {
				Some(address) => parse_account(&address)?,
				None => ctx.wallets.coldkey_address(&ctx.wallet)?,
			};
			let client = ctx.client().await?;
			let free = client.free_balance(&account).await?;
			let staked: u64 =
				client.stake_of(&account).await?.positions.iter().map(|p| p.stake).sum();
			if ctx.json {
				return print_json(
					&json!({ "account": account.to_string(), "free": free, "staked": staked }),
				);
			}
			out!("{account}\n  free   {}\n  staked {}", format_tao(free), format_tao(staked));
			Ok(())
		},
		WalletCmd::Transfer { to, to_own_hotkey, amount } => {
			let to = match to {
				Some(address) if !to_own_hotkey => parse_account(&address)?,
				_ => taonet_sdk::account_of(&ctx.hotkey()?),
			};
			let amount = tao(&amount)?;
			let coldkey = ctx.coldkey()?;
			let receipt = ctx.client().await?.transfer(&coldkey, &to, amount, ctx.wait).await?;
			done(ctx, &format!("sent {} to {to}", format_tao(amount)), &receipt, json!({}));
			Ok(())
		},
	}
}

async fn subnet(ctx: &Ctx, cmd: SubnetCmd) -> Result<(), Error> {
	let client = ctx.client().await?;
	match cmd {
		SubnetCmd::Create => {
			let hotkey = taonet_sdk::account_of(&ctx.hotkey()?);
			let coldkey = ctx.coldkey()?;
			let lock = client.lock_cost().await?;
			if !ctx.json {
				eprintln!("  creating a subnet locks {} now", format_tao(lock));
			}
			let receipt = client.register_network(&coldkey, &hotkey, ctx.wait).await?;
			let event = receipt.event::<taonet_sdk::chain::subnets::events::NetworkRegistered>();
			let netuid = event.map(|e| e.netuid.0);
			let what = match netuid {
				Some(netuid) => format!("subnet {netuid} created, owner hotkey {hotkey}"),
				None => "subnet created".to_owned(),
			};
			done(ctx, &what, &receipt, json!({ "netuid": netuid }));
			Ok(())
		},
		SubnetCmd::LockCost => {
			let lock = client.lock_cost().await?;
			if ctx.json {
				return print_json(&json!({ "lockCost": lock }));
			}
			out!("{}", format_tao(lock));
			Ok(())
		},
		SubnetCmd::List => {
			let subnets = client.subnets().await?;
			if ctx.json {
				return print_json(&subnets);
			}
			let mut t =
				table::Table::new(&["netuid", "neurons", "tempo", "burn", "emission", "owner"]);
			for s in subnets {
				t.row(vec![
					s.netuid.to_string(),
					format!("{}/{}", s.neurons, s.max_uids),
					s.tempo.to_string(),
					format_tao(s.burn),
					format!("{:.2} %", f64::from(s.emission_share.ppb) / 1e7),
					s.owner,
				]);
			}
			outp!("{t}");
			Ok(())
		},
		SubnetCmd::Show { netuid } => {
			let s = client.subnet(netuid).await?;
			if ctx.json {
				return print_json(&s);
			}
			out!("subnet {netuid}");
			out!("  owner            {} (hotkey {})", s.owner, s.owner_hotkey);
			out!("  neurons          {} of {}", s.neurons, s.max_uids);
			out!(
				"  tempo            {} (next epoch in {} blocks)",
				s.tempo,
				s.blocks_to_next_epoch
			);
			out!("  registration     {}", format_tao(s.burn));
			out!("  lock             {}", format_tao(s.lock));
			out!("  emission share   {:.2} %", f64::from(s.emission_share.ppb) / 1e7);
			out!("  pending emission {}", format_tao(s.pending_emission));
			Ok(())
		},
		SubnetCmd::Hyperparams { netuid } => {
			let params = client.hyperparams(netuid).await?;
			if ctx.json {
				return print_json(&params);
			}
			for (name, value) in params {
				let shown = value.get("value").unwrap_or(&value);
				out!("{name:<24} {shown}");
			}
			Ok(())
		},
		SubnetCmd::Set { netuid, param, values, sudo } => {
			let name = if param.contains('_') || param.starts_with(char::is_lowercase) {
				snake_to_camel(&param)
			} else {
				param.clone()
			};
			let values = values.iter().map(|v| param_value(v)).collect::<Result<Vec<_>, _>>()?;
			let setter = calls::subnet_param(&name, &values)?;
			let coldkey = ctx.coldkey()?;
			let receipt = if sudo {
				client.sudo_set_hyperparameter(&coldkey, netuid, setter, ctx.wait).await?
			} else {
				client.set_hyperparameter(&coldkey, netuid, setter, ctx.wait).await?
			};
			done(ctx, &format!("subnet {netuid}: {name} set"), &receipt, json!({}));
			Ok(())
		},
		SubnetCmd::Dissolve { netuid } => {
			let coldkey = ctx.coldkey()?;
			let receipt = client.dissolve_network(&coldkey, netuid, ctx.wait).await?;
			done(ctx, &format!("subnet {netuid} dissolved"), &receipt, json!({}));
			Ok(())
		},
	}
}

async fn neuron(ctx: &Ctx, cmd: NeuronCmd) -> Result<(), Error> {
	let client = ctx.client().await?;
	match cmd {
		NeuronCmd::Register { netuid, max_burn } => {
			let hotkey = taonet_sdk::account_of(&ctx.hotkey()?);
			let max_burn = match max_burn {
				Some(text) => tao(&text)?,
				None => client.subnet(netuid).await?.burn,
			};
			let coldkey = ctx.coldkey()?;
			if !ctx.json {
				eprintln!(
					"  registering {hotkey} on subnet {netuid} for at most {}",
					format_tao(max_burn)
				);
			}
			let receipt =
				client.burned_register(&coldkey, netuid, &hotkey, max_burn, ctx.wait).await?;
			let uid = receipt
				.event::<taonet_sdk::chain::subnets::events::NeuronRegistered>()
				.map(|e| e.uid.0);
			let what = match uid {
				Some(uid) => format!("registered on subnet {netuid} as UID {uid}"),
				None => format!("registered on subnet {netuid}"),
			};
			done(ctx, &what, &receipt, json!({ "uid": uid }));
			Ok(())
		},
		NeuronCmd::Serve { netuid, ip, port, protocol, version } => {
			let hotkey = ctx.hotkey()?;
			let axon = AxonSpec { ip, port, protocol, version };
			let receipt = client.serve_axon(&hotkey, netuid, axon, ctx.wait).await?;
			done(ctx, &format!("axon {ip}:{port} served on subnet {netuid}"), &receipt, json!({}));
			Ok(())
		},
		NeuronCmd::Show { netuid, uid } => {
			let neuron = match uid {
				Some(uid) => client.neuron(netuid, uid).await?,
				None => {
					let hotkey = taonet_sdk::account_of(&ctx.hotkey()?);
					client.neuron_by_hotkey(netuid, &hotkey).await?
				},
			};
			print_json(&neuron)
		},
	}
}

async fn stake(ctx: &Ctx, cmd: StakeCmd) -> Result<(), Error> {
	let client = ctx.client().await?;
	match cmd {
		StakeCmd::Add(Amount { hotkey_address, amount }) => {
			let (hotkey, amount) = (ctx.hotkey_or(&hotkey_address)?, tao(&amount)?);
			let coldkey = ctx.coldkey()?;
			let receipt = client.add_stake(&coldkey, &hotkey, amount, ctx.wait).await?;
			done(ctx, &format!("staked {} to {hotkey}", format_tao(amount)), &receipt, json!({}));
			Ok(())
		},
		StakeCmd::Remove(Amount { hotkey_address, amount }) => {
			let (hotkey, amount) = (ctx.hotkey_or(&hotkey_address)?, tao(&amount)?);
			let coldkey = ctx.coldkey()?;
			let receipt = client.remove_stake(&coldkey, &hotkey, amount, ctx.wait).await?;
			done(
				ctx,
				&format!("unstaked {} from {hotkey}", format_tao(amount)),
				&receipt,
				json!({}),
			);
			Ok(())
		},
		StakeCmd::Move { from, to, amount } => {
			let (from, to, amount) = (parse_account(&from)?, parse_account(&to)?, tao(&amount)?);
			let coldkey = ctx.coldkey()?;
			let receipt = client.move_stake(&coldkey, &from, &to, amount, ctx.wait).await?;
			done(
				ctx,
				&format!("moved {} from {from} to {to}", format_tao(amount)),
				&receipt,
				json!({}),
			);
			Ok(())
		},
		StakeCmd::Transfer { to_coldkey, hotkey_address, amount } => {
			let to = parse_account(&to_coldkey)?;
			let (hotkey, amount) = (ctx.hotkey_or(&hotkey_address)?, tao(&amount)?);
			let coldkey = ctx.coldkey()?;
			let receipt = client.transfer_stake(&coldkey, &to, &hotkey, amount, ctx.wait).await?;
			let what = format!("gave {} of stake on {hotkey} to {to}", format_tao(amount));
			done(ctx, &what, &receipt, json!({}));
			Ok(())
		},
		StakeCmd::List { coldkey } => {
			let coldkey = match coldkey {
				Some(address) => parse_account(&address)?,
				None => ctx.wallets.coldkey_address(&ctx.wallet)?,
			};
			let stake = client.stake_of(&coldkey).await?;
			if ctx.json {
				return print_json(&stake);
			}
			let mut t = table::Table::new(&["hotkey", "owner", "stake"]);
			for p in stake.positions {
				t.row(vec![p.hotkey, p.hotkey_owner, format_tao(p.stake)]);
			}
			outp!("{t}");
			Ok(())
		},
	}
}

async fn delegate(ctx: &Ctx, cmd: DelegateCmd) -> Result<(), Error> {
	let client = ctx.client().await?;
	match cmd {
		DelegateCmd::Take { take } => {
			let raw = parse_fraction(&take)?;
			let hotkey = taonet_sdk::account_of(&ctx.hotkey()?);
			let current = client.take_of(&hotkey).await?;
			let coldkey = ctx.coldkey()?;
			let receipt = client.set_take(&coldkey, &hotkey, raw, current, ctx.wait).await?;
			done(
				ctx,
				&format!("take of {hotkey} set to {}", ratio(raw)),
				&receipt,
				json!({ "take": raw }),
			);
			Ok(())
		},
		DelegateCmd::List => {
			let delegates = client.delegates().await?;
			if ctx.json {
				return print_json(&delegates);
			}
			let mut t = table::Table::new(&["hotkey", "owner", "take", "stake", "nominators"]);
			for d in delegates {
				t.row(vec![
					d.hotkey,
					d.owner,
					ratio(d.take.raw),
					format_tao(d.total_stake),
					d.nominators.len().to_string(),
				]);
			}
			outp!("{t}");
			Ok(())
		},
	}
}

fn parse_fraction(text: &str) -> Result<u16, Error> {
	let rao = parse_tao(text)
		.map_err(|_| Error::Invalid(format!("{text:?} is not a fraction such as 0.18")))?;
	if rao > 1_000_000_000 {
		return Err(Error::Invalid(format!("{text} is more than 1")));
	}
	u16::try_from(rao * 65_535 / 1_000_000_000)
		.map_err(|_| Error::Invalid(format!("{text} is more than 1")))
}

async fn weights(ctx: &Ctx, cmd: WeightsCmd) -> Result<(), Error> {
	let client = ctx.client().await?;
	let version_of = |row: &Row| {
		let client = client.clone();
		let (netuid, given) = (row.netuid, row.version_key);
		async move {
			match given {
				Some(key) => Ok(key),
				None => Ok::<u64, Error>(
					client
						.hyperparams(netuid)
						.await?
						.get("weightsVersionKey")
						.and_then(Value::as_u64)
						.unwrap_or(0),
				),
			}
		}
	};
	match cmd {
		WeightsCmd::Set(row) => {
			let version = version_of(&row).await?;
			let hotkey = ctx.hotkey()?;
			let receipt = client
				.set_weights(&hotkey, row.netuid, &row.uids, &row.weights, version, ctx.wait)
				.await?;
			done(ctx, &format!("weights set on subnet {}", row.netuid), &receipt, json!({}));
			Ok(())
		},
		WeightsCmd::Commit { row, store } => {
			let version = version_of(&row).await?;
			let store = store.map(CommitStore::at).unwrap_or_default();
			let hotkey = ctx.hotkey()?;
			let (receipt, commit) = client
				.commit_weights(
					&hotkey,
					row.netuid,
					&row.uids,
					&row.weights,
					version,
					&store,
					ctx.wait,
				)
				.await?;
			let what = format!(
				"weights committed on subnet {}; reveal in epoch {} with `taonet weights reveal`",
				row.netuid, commit.reveal_epoch
			);
			done(ctx, &what, &receipt, json!({ "revealEpoch": commit.reveal_epoch }));
			Ok(())
		},
		WeightsCmd::Reveal { store, wait_secs } => {
			let store = store.map(CommitStore::at).unwrap_or_default();
			let hotkey = ctx.hotkey()?;
			let account = taonet_sdk::account_of(&hotkey).to_string();
			let deadline =
				std::time::Instant::now() + std::time::Duration::from_secs(wait_secs.unwrap_or(0));
			let mut revealed = Vec::new();
			loop {
				revealed.extend(client.reveal_due(&hotkey, &store, ctx.wait).await?);
				let left = store.load()?.into_iter().filter(|c| c.hotkey == account).count();
				if left == 0 || std::time::Instant::now() >= deadline {
					if ctx.json {
						print_json(&json!({ "revealed": revealed, "pending": left }))?;
					} else {
						out!(
							"revealed {} commit(s); {left} still waiting for their epoch",
							revealed.len()
						);
					}
					return Ok(());
				}
				tokio::time::sleep(std::time::Duration::from_secs(1)).await;
			}
		},
	}
}

async fn root(ctx: &Ctx, cmd: RootCmd) -> Result<(), Error> {
	let client = ctx.client().await?;
	match cmd {
		RootCmd::Register => {
			let hotkey = taonet_sdk::account_of(&ctx.hotkey()?);
			let coldkey = ctx.coldkey()?;
			let receipt = client.root_register(&coldkey, &hotkey, ctx.wait).await?;
			done(ctx, &format!("{hotkey} registered in the root network"), &receipt, json!({}));
			Ok(())
		},
		RootCmd::Weights { netuids, weights } => {
			let hotkey = ctx.hotkey()?;
			let receipt = client.set_root_weights(&hotkey, &netuids, &weights, ctx.wait).await?;
			done(ctx, "root weights set", &receipt, json!({}));
			Ok(())
		},
	}
}

async fn metagraph(ctx: &Ctx, netuid: u16) -> Result<(), Error> {
	let graph = ctx.client().await?.metagraph(netuid, ctx.json).await?;
	if ctx.json {
		return print_json(&graph);
	}
	out!("subnet {netuid} at block {}", graph.block);
	let mut t = table::Table::new(&[
		"uid",
		"stake",
		"vtrust",
		"trust",
		"consensus",
		"incentive",
		"dividends",
		"emission",
		"vpermit",
		"axon",
		"hotkey",
	]);
	for n in graph.neurons {
		t.row(vec![
			n.uid.to_string(),
			format_tao(n.stake),
			ratio(n.validator_trust.raw),
			ratio(n.trust.raw),
			ratio(n.consensus.raw),
			ratio(n.incentive.raw),
			ratio(n.dividends.raw),
			format_tao(n.emission),
			if n.validator_permit { "*".into() } else { String::new() },
			n.axon.map(|a| format!("{}:{}", a.ip, a.port)).unwrap_or_default(),
			n.hotkey,
		]);
	}
	outp!("{t}");
	Ok(())
}

fn request(ctx: &Ctx, cmd: RequestCmd) -> Result<(), Error> {
	let hotkey = ctx.hotkey()?;
	match cmd {
		RequestCmd::Sign { target: Target { method, path, body }, receiver, nonce } => {
			let receiver = parse_account(&receiver)?;
			let nonce = nonce.unwrap_or_else(auth::now_ns);
			let headers =
				auth::sign_request_at(&hotkey, &method, &path, body.as_bytes(), &receiver, nonce);
			let map: serde_json::Map<String, Value> =
				headers.into_iter().map(|(k, v)| (k.to_owned(), Value::String(v))).collect();
			print_json(&map)
		},
		RequestCmd::Verify { target: Target { method, path, body } } => {
			let mut input = String::new();
			std::io::Read::read_to_string(&mut std::io::stdin(), &mut input)
				.map_err(|e| Error::io("reading the headers from stdin", e))?;
			let map: serde_json::Map<String, Value> = serde_json::from_str(&input)
				.map_err(|e| Error::Invalid(format!("the headers are not a JSON object: {e}")))?;
			let headers: Vec<(String, String)> = map
				.into_iter()
				.map(|(k, v)| (k, v.as_str().map(str::to_owned).unwrap_or_else(|| v.to_string())))
				.collect();
			let verifier = auth::Verifier::new(&taonet_sdk::account_of(&hotkey));
			match verifier.verify(&headers, &method, &path, body.as_bytes()) {
				Ok(caller) => print_json(
					&json!({ "ok": true, "hotkey": caller.hotkey.to_string(), "nonce": caller.nonce.to_string() }),
				),
				Err(e) => Err(Error::Auth(format!("{e} (HTTP {}, {})", e.status(), e.code()))),
			}
		},
	}
}

/// What to do about an error, after what it is.
fn hint(error: &Error) -> Option<&'static str> {
	match error {
		Error::Dispatch { error, .. } if error.contains("Balance") || error.contains("Funds") => {
			Some("the coldkey needs more TAO: check `taonet wallet balance`")
		},
		Error::Dispatch { error, .. } if error.contains("NotRegistered") => {
			Some("register the hotkey first: `taonet neuron register <netuid>`")
		},
		Error::Read { method, .. } if method.contains("subnet") => {
			Some("list the subnets with `taonet subnet list`")
		},
		Error::Dispatch { error, .. } if error == "GovernanceOnly" => {
			Some("only governance may set it; on a development chain, add --sudo")
		},
		Error::Rejected(message) if message.contains("Inability to pay") => Some(
			"the signer cannot pay: a coldkey needs TAO for the fee; a hotkey (which signs \
			 weights and axons, fee-free) needs its account to exist, the existential deposit: \
			 send it 1 TAO with `taonet wallet transfer`",
		),
		Error::Wallet(message) if message.contains("password") => {
			Some("the password is the one given at `taonet wallet new` or `import`")
		},
		Error::Io { .. } => Some("list the wallets with `taonet wallet list`"),
		_ => None,
	}
}

#[tokio::main]
async fn main() -> ExitCode {
	let cli = Cli::parse();
	let json = cli.json;
	match run(cli).await {
		Ok(()) => ExitCode::SUCCESS,
		Err(error) => {
			let _ = std::io::stdout().flush();
			if json {
				out!("{}", json!({ "ok": false, "error": error.to_string() }));
			}
			eprintln!("error: {error}");
			if let Some(hint) = hint(&error) {
				eprintln!("  {hint}");
			}
			ExitCode::FAILURE
		},
	}
}
