//! Command-line interface.

use std::{fmt, str::FromStr};

/// How the node produces blocks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sealing {
	/// Aura slots of 12 s, finalized by GRANDPA: what every real network runs.
	#[default]
	Aura,
	/// A block (finalized at once) as soon as a transaction reaches the pool.
	Instant,
	/// A block (finalized at once) every so many milliseconds, with or without transactions.
	Interval(u64),
	/// Blocks only when asked through the `engine_createBlock` RPC.
	Manual,
}

impl Sealing {
	/// Whether this mode replaces Aura and GRANDPA with the development sealer.
	pub fn is_dev(self) -> bool {
		self != Sealing::Aura
	}
}

impl FromStr for Sealing {
	type Err = String;

	fn from_str(value: &str) -> Result<Self, Self::Err> {
		match value {
			"aura" => Ok(Sealing::Aura),
			"instant" => Ok(Sealing::Instant),
			"manual" => Ok(Sealing::Manual),
			millis => match millis.parse::<u64>() {
				Ok(0) => Err("a sealing interval must be at least 1 ms".into()),
				Ok(ms) => Ok(Sealing::Interval(ms)),
				Err(_) => Err(format!(
					"unknown sealing mode `{value}`: expected `aura`, `instant`, `manual` or a \
					 number of milliseconds"
				)),
			},
		}
	}
}

impl fmt::Display for Sealing {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		match self {
			Sealing::Aura => f.write_str("aura"),
			Sealing::Instant => f.write_str("instant"),
			Sealing::Manual => f.write_str("manual"),
			Sealing::Interval(ms) => write!(f, "{ms}"),
		}
	}
}

/// Options of a running node, beyond Substrate's own.
#[derive(Debug, clap::Parser)]
pub struct NodeCmd {
	#[allow(missing_docs)]
	#[clap(flatten)]
	pub base: sc_cli::RunCmd,

	/// How to produce blocks: `aura` (default: 12 s slots and GRANDPA finality, as on every real
	/// network), `instant` (a block per transaction), `manual` (a block per `engine_createBlock`
	/// RPC call) or a number of milliseconds (a block every so often). Every mode but `aura` is
	/// for development chains only, finalizes each block at once, and still gives the runtime
	/// 12 s slots: each block's timestamp is one slot after its parent's. Use it with `--tmp`:
	/// the chain's clock runs ahead of the wall clock, so the same chain restarted under Aura
	/// waits for the wall clock to catch up.
	#[arg(long, value_name = "MODE", default_value_t = Sealing::Aura)]
	pub sealing: Sealing,
}

/// The `taonet-node` command line.
#[derive(Debug, clap::Parser)]
pub struct Cli {
	#[command(subcommand)]
	pub subcommand: Option<Subcommand>,

	#[clap(flatten)]
	pub run: NodeCmd,
}

/// Stands in for `benchmark` in a node built without `runtime-benchmarks`: it takes any
/// arguments and explains how to get the real command.
#[derive(Debug, clap::Args)]
pub struct BenchmarksNotBuilt {
	/// The arguments the benchmark command would take.
	#[arg(trailing_var_arg = true, allow_hyphen_values = true, hide = true)]
	pub args: Vec<String>,
}

/// Subcommands besides running the node.
#[derive(Debug, clap::Subcommand)]
#[allow(clippy::large_enum_variant)]
pub enum Subcommand {
	/// Key management: generate, inspect and insert keys.
	#[command(subcommand)]
	Key(sc_cli::KeySubcommand),

	/// Build a chain specification (deprecated upstream in favour of `export-chain-spec`).
	BuildSpec(sc_cli::BuildSpecCmd),

	/// Export a chain specification.
	ExportChainSpec(sc_cli::ExportChainSpecCmd),

	/// Validate blocks.
	CheckBlock(sc_cli::CheckBlockCmd),

	/// Export blocks.
	ExportBlocks(sc_cli::ExportBlocksCmd),

	/// Export the state of a given block into a chain spec.
	ExportState(sc_cli::ExportStateCmd),

	/// Import blocks.
	ImportBlocks(sc_cli::ImportBlocksCmd),

	/// Remove the whole chain.
	PurgeChain(sc_cli::PurgeChainCmd),

	/// Revert the chain to a previous state.
	Revert(sc_cli::RevertCmd),

	/// Benchmarks: `benchmark pallet` measures the runtime's weights.
	#[cfg(feature = "runtime-benchmarks")]
	#[command(subcommand)]
	Benchmark(frame_benchmarking_cli::BenchmarkCmd),

	/// Benchmarks (`benchmark pallet`, `block`, `machine`, ...): this node was built without
	/// them; rebuild it with `--features runtime-benchmarks`.
	#[cfg(not(feature = "runtime-benchmarks"))]
	Benchmark(BenchmarksNotBuilt),

	/// Database metadata.
	ChainInfo(sc_cli::ChainInfoCmd),
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn sealing_modes_parse_and_print_back() {
		for (text, mode) in [
			("aura", Sealing::Aura),
			("instant", Sealing::Instant),
			("manual", Sealing::Manual),
			("250", Sealing::Interval(250)),
		] {
			assert_eq!(text.parse::<Sealing>(), Ok(mode));
			assert_eq!(mode.to_string(), text);
		}
		assert!(!Sealing::Aura.is_dev());
		assert!(Sealing::Interval(1).is_dev());
	}

	#[test]
	fn the_command_line_is_well_formed() {
		use clap::CommandFactory;
		Cli::command().debug_assert();
	}

	#[test]
	fn dev_sealing_is_an_option_of_the_node() {
		use clap::Parser;
		let cli =
			Cli::try_parse_from(["taonet-node", "--dev", "--sealing", "300"]).expect("parses");
		assert_eq!(cli.run.sealing, Sealing::Interval(300));
		assert!(cli.run.base.shared_params.dev);
		let cli = Cli::try_parse_from(["taonet-node", "--dev"]).expect("parses");
		assert_eq!(cli.run.sealing, Sealing::Aura);
		assert!(Cli::try_parse_from(["taonet-node", "--sealing", "soon"]).is_err());
	}

	#[cfg(not(feature = "runtime-benchmarks"))]
	#[test]
	fn benchmark_is_a_subcommand_even_without_the_benchmarks_built_in() {
		use clap::Parser;
		let cli = Cli::try_parse_from(["taonet-node", "benchmark", "pallet", "--pallet", "x"])
			.expect("parses");
		match cli.subcommand {
			Some(Subcommand::Benchmark(BenchmarksNotBuilt { args })) => {
				assert_eq!(args, ["pallet", "--pallet", "x"])
			},
			other => panic!("expected the benchmark stand-in, got {other:?}"),
		}
	}

	#[test]
	fn the_operator_subcommands_are_there() {
		use clap::Parser;
		for args in [
			&["taonet-node", "key", "generate", "--scheme", "sr25519"][..],
			&["taonet-node", "purge-chain", "--dev", "-y"],
			&["taonet-node", "build-spec", "--chain", "local", "--raw"],
			&["taonet-node", "export-chain-spec", "--chain", "dev"],
		] {
			let cli = Cli::try_parse_from(args).unwrap_or_else(|e| panic!("{args:?}: {e}"));
			assert!(cli.subcommand.is_some(), "{args:?}");
		}
	}

	#[test]
	fn bad_sealing_modes_are_refused_with_the_reason() {
		assert!("0".parse::<Sealing>().unwrap_err().contains("at least 1 ms"));
		assert!("fast".parse::<Sealing>().unwrap_err().contains("unknown sealing mode `fast`"));
	}
}
