//! `taonet-node`: the Taonet full node.

// `sc_cli::Error`, which the command API returns, is a large enum.
#![allow(clippy::result_large_err)]

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod chain_spec;
mod cli;
mod command;
mod dev_seal;
mod rpc;
mod service;
mod taonet_rpc;

fn main() -> sc_cli::Result<()> {
	command::run()
}
