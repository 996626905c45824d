//! The node's JSON-RPC methods beyond Substrate's standard set.
//!
//! - `system_accountNextIndex`: an account's next nonce, counting its transactions in the pool.
//! - `payment_queryInfo`, `payment_queryFeeDetails`: what a transaction will pay.
//! - `engine_createBlock`, `engine_finalizeBlock`: only with a development `--sealing` mode.
//! - `taonet_*`: subnets, hyperparameters, metagraphs, neurons, stake, delegates, lock cost and
//!   the emission schedule as JSON objects ([`crate::taonet_rpc`], `docs/rpc.md`).

use std::sync::Arc;

use futures::channel::mpsc;
use jsonrpsee::RpcModule;
use sc_consensus_manual_seal::{
	rpc::{ManualSeal, ManualSealApiServer},
	EngineCommand,
};
use sc_transaction_pool_api::TransactionPool;
use sp_api::ProvideRuntimeApi;
use sp_block_builder::BlockBuilder;
use sp_blockchain::{Error as BlockChainError, HeaderBackend, HeaderMetadata};
use taonet_runtime::{opaque::Block, AccountId, Balance, Hash, Nonce};

/// What the RPC methods need.
pub struct FullDeps<C, P> {
	/// The client.
	pub client: Arc<C>,
	/// The transaction pool.
	pub pool: Arc<P>,
	/// The development sealer's command channel, when a development sealing mode runs.
	pub seal_commands: Option<mpsc::Sender<EngineCommand<Hash>>>,
}

/// All of the node's extra RPC methods in one module.
pub fn create_full<C, P>(
	deps: FullDeps<C, P>,
) -> Result<RpcModule<()>, Box<dyn std::error::Error + Send + Sync>>
where
	C: ProvideRuntimeApi<Block>
		+ HeaderBackend<Block>
		+ HeaderMetadata<Block, Error = BlockChainError>
		+ Send
		+ Sync
		+ 'static,
	C::Api: substrate_frame_rpc_system::AccountNonceApi<Block, AccountId, Nonce>
		+ pallet_transaction_payment_rpc::TransactionPaymentRuntimeApi<Block, Balance>
		+ BlockBuilder<Block>
		+ taonet_runtime_api::TaonetApi<Block, AccountId>
		+ taonet_runtime_api::EmissionApi<Block>,
	P: TransactionPool + 'static,
{
	use pallet_transaction_payment_rpc::{TransactionPayment, TransactionPaymentApiServer};
	use substrate_frame_rpc_system::{System, SystemApiServer};

	let mut module = RpcModule::new(());
	let FullDeps { client, pool, seal_commands } = deps;

	module.merge(System::new(client.clone(), pool).into_rpc())?;
	module.merge(TransactionPayment::new(client.clone()).into_rpc())?;
	module.merge(crate::taonet_rpc::module(client)?)?;
	if let Some(commands) = seal_commands {
		module.merge(ManualSeal::new(commands).into_rpc())?;
	}

	Ok(module)
}
