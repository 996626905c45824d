//! `taonet-node`: the Taonet full node.

mod chain_spec;
mod cli;
mod command;
mod dev_seal;
mod rpc;
mod service;

fn main() -> sc_cli::Result<()> {
	command::run()
}
