//! What `benchmark overhead` and `benchmark extrinsic` need from the node: the inherents of a
//! block and signed extrinsics built as a wallet builds them
//! ([`taonet_runtime::immortal_tx_extension`]), from the dev account Alice.

use std::sync::Arc;

use codec::Encode;
use frame_benchmarking_cli::ExtrinsicBuilder;
use sc_client_api::UsageProvider;
use sp_core::Pair;
use sp_keyring::Sr25519Keyring;
use sp_runtime::OpaqueExtrinsic;
use taonet_runtime::{BalancesCall, RuntimeCall, SignedPayload, SystemCall, UncheckedExtrinsic};

use crate::service::FullClient;

/// Builds `System::remark` with an empty remark: what `benchmark overhead` measures a
/// transaction's base cost with.
pub struct RemarkBuilder {
	client: Arc<FullClient>,
}

impl RemarkBuilder {
	/// A builder of remarks against `client`'s genesis.
	pub fn new(client: Arc<FullClient>) -> Self {
		Self { client }
	}
}

impl ExtrinsicBuilder for RemarkBuilder {
	fn pallet(&self) -> &str {
		"system"
	}

	fn extrinsic(&self) -> &str {
		"remark"
	}

	fn build(&self, nonce: u32) -> Result<OpaqueExtrinsic, &'static str> {
		let call = RuntimeCall::System(SystemCall::remark { remark: Vec::new() });
		signed_by_alice(&self.client, call, nonce)
	}
}

/// Builds `Balances::transfer_keep_alive` of `value` rao to `dest`.
pub struct TransferKeepAliveBuilder {
	client: Arc<FullClient>,
	dest: taonet_runtime::AccountId,
	value: taonet_runtime::Balance,
}

impl TransferKeepAliveBuilder {
	/// A builder of transfers against `client`'s genesis.
	pub fn new(
		client: Arc<FullClient>,
		dest: taonet_runtime::AccountId,
		value: taonet_runtime::Balance,
	) -> Self {
		Self { client, dest, value }
	}
}

impl ExtrinsicBuilder for TransferKeepAliveBuilder {
	fn pallet(&self) -> &str {
		"balances"
	}

	fn extrinsic(&self) -> &str {
		"transfer_keep_alive"
	}

	fn build(&self, nonce: u32) -> Result<OpaqueExtrinsic, &'static str> {
		let call = RuntimeCall::Balances(BalancesCall::transfer_keep_alive {
			dest: self.dest.clone().into(),
			value: self.value,
		});
		signed_by_alice(&self.client, call, nonce)
	}
}

/// `call` signed by Alice with `nonce`, for the chain of `client`.
fn signed_by_alice(
	client: &FullClient,
	call: RuntimeCall,
	nonce: u32,
) -> Result<OpaqueExtrinsic, &'static str> {
	let genesis = client.usage_info().chain.genesis_hash;
	let extension = taonet_runtime::immortal_tx_extension(nonce);
	let implicit = taonet_runtime::immortal_tx_implicit(genesis);
	let payload = SignedPayload::from_raw(call.clone(), extension.clone(), implicit);
	let alice = Sr25519Keyring::Alice.pair();
	let signature = payload.using_encoded(|bytes| alice.sign(bytes));
	let extrinsic = UncheckedExtrinsic::new_signed(
		call,
		sp_runtime::MultiAddress::Id(Sr25519Keyring::Alice.to_account_id()),
		sp_runtime::MultiSignature::Sr25519(signature),
		extension,
	);
	OpaqueExtrinsic::try_from_encoded_extrinsic(&extrinsic.encode())
		.map_err(|_| "a signed extrinsic did not decode as opaque bytes")
}

/// The inherents of a benchmarked block: the timestamp of slot 0, which needs no Aura
/// pre-digest to match it, on top of genesis.
pub fn inherent_data() -> sc_cli::Result<sp_inherents::InherentData> {
	let mut data = sp_inherents::InherentData::new();
	let timestamp = sp_timestamp::InherentDataProvider::new(0u64.into());
	futures::executor::block_on(sp_inherents::InherentDataProvider::provide_inherent_data(
		&timestamp, &mut data,
	))
	.map_err(|error| {
		sc_cli::Error::from(format!("the benchmark block's timestamp inherent: {error}").as_str())
	})?;
	Ok(data)
}
