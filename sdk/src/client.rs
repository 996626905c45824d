//! [`Client`]: one node connection, the account nonces it hands out, and submitting signed
//! transactions with their outcome decoded.

use std::{
	collections::HashMap,
	sync::Arc,
	time::{Duration, Instant},
};

use subxt::{
	backend::LegacyBackend,
	config::DefaultExtrinsicParamsBuilder,
	error::{DispatchError, TransactionEventsError},
	extrinsics::ExtrinsicEvents,
	transactions::{Payload, TransactionStatus},
	utils::{AccountId32, H256},
	OnlineClient, SubstrateConfig,
};
use subxt_rpcs::{rpc_params, RpcClient};
use subxt_signer::sr25519::Keypair;
use tokio::sync::Mutex;

use crate::{
	error::{Error, Result},
	rpc::{Connection, DEFAULT_DEADLINE},
};

/// The chain's client-side configuration: Taonet uses Substrate's account, signature, hash
/// and header types, and its transaction extensions are the standard ones plus ones that
/// carry no data, which subxt fills in by itself.
pub type TaonetConfig = SubstrateConfig;

/// How long a transaction may take to be included, or finalized, before [`Error::Timeout`].
pub const DEFAULT_WAIT: Duration = Duration::from_secs(120);

/// How far to wait after submitting a transaction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Wait {
	/// Until it is in a best block: the outcome is known, but a fork may still drop it.
	InBlock,
	/// Until its block is finalized.
	Finalized,
}

/// A step of a transaction on its way, for progress output.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Progress {
	/// In the node's pool.
	Submitted(H256),
	/// In a best block.
	InBlock(H256),
	/// In a finalized block.
	Finalized(H256),
}

/// A transaction that the chain ran successfully.
pub struct Receipt {
	/// The transaction's hash.
	pub tx: H256,
	/// The block it is in.
	pub block: H256,
	/// Its events.
	pub events: ExtrinsicEvents<TaonetConfig>,
}

impl Receipt {
	/// The first event of type `E` the transaction emitted, if any.
	pub fn event<E: subxt::events::DecodeAsEvent>(&self) -> Option<E> {
		self.events.find_first::<E>().and_then(|e| e.ok())
	}
}

type ProgressFn = Arc<dyn Fn(Progress) + Send + Sync>;

/// A connection to one node.
#[derive(Clone)]
pub struct Client {
	api: OnlineClient<TaonetConfig>,
	rpc: RpcClient,
	nonces: Arc<Mutex<HashMap<[u8; 32], u64>>>,
	wait: Duration,
	progress: Option<ProgressFn>,
}

impl Client {
	/// Connects to the node at `url` (e.g. `ws://127.0.0.1:9944`) with the default deadlines:
	/// 30 s for each RPC call, 120 s for a transaction to reach the stage it waits for.
	pub async fn connect(url: &str) -> Result<Self> {
		Self::connect_with(url, DEFAULT_DEADLINE, DEFAULT_WAIT).await
	}

	/// Connects with a deadline for each RPC call and one for each transaction.
	pub async fn connect_with(url: &str, deadline: Duration, wait: Duration) -> Result<Self> {
		let rpc = RpcClient::new(Connection::open(url, deadline).await?);
		let backend = LegacyBackend::<TaonetConfig>::builder().build(rpc.clone());
		let api = OnlineClient::from_backend(Arc::new(backend)).await?;
		Ok(Self { api, rpc, nonces: Default::default(), wait, progress: None })
	}

	/// Calls `report` at each step of every transaction this client submits.
	pub fn on_progress(mut self, report: impl Fn(Progress) + Send + Sync + 'static) -> Self {
		self.progress = Some(Arc::new(report));
		self
	}

	/// subxt's client, for what the SDK does not wrap.
	pub fn api(&self) -> &OnlineClient<TaonetConfig> {
		&self.api
	}

	/// The raw JSON-RPC client (with the connection's deadlines and reconnection).
	pub fn rpc(&self) -> &RpcClient {
		&self.rpc
	}

	/// The best block's number.
	pub async fn best_number(&self) -> Result<u64> {
		Ok(self.api.at_current_block().await?.block_number())
	}

	/// The next nonce to sign `account`'s transaction with.
	///
	/// The node's `system_accountNextIndex` counts the account's transactions in the pool, so
	/// a transaction submitted a moment ago is counted; the client also remembers what it
	/// handed out, so calls made faster than the pool takes them still get distinct nonces
	/// (Bittensor's users see "priority too low" when two of theirs share one).
	pub async fn next_nonce(&self, account: &AccountId32) -> Result<u64> {
		let chain: u64 =
			self.rpc.request("system_accountNextIndex", rpc_params![account.to_string()]).await?;
		let mut nonces = self.nonces.lock().await;
		let next = nonces.get(&account.0).map_or(chain, |&local| local.max(chain));
		nonces.insert(account.0, next.saturating_add(1));
		Ok(next)
	}

	/// Forgets the nonces handed out to `account`: after a refused transaction, the next
	/// one asks the node again.
	async fn forget_nonce(&self, account: &AccountId32) {
		self.nonces.lock().await.remove(&account.0);
	}

	fn report(&self, step: Progress) {
		if let Some(report) = &self.progress {
			report(step);
		}
	}

	/// Signs `call` with `signer`, submits it and waits for `wait`; a failed call comes
	/// back as [`Error::Dispatch`] with the pallet's error name.
	pub async fn submit<Call: Payload>(
		&self,
		call: &Call,
		signer: &Keypair,
		wait: Wait,
	) -> Result<Receipt> {
		let account = AccountId32(signer.public_key().0);
		let nonce = self.next_nonce(&account).await?;
		let outcome = self.sign_and_watch(call, signer, nonce, wait).await;
		if matches!(outcome, Err(Error::Rejected(_)) | Err(Error::Timeout { .. })) {
			self.forget_nonce(&account).await;
		}
		outcome
	}

	async fn sign_and_watch<Call: Payload>(
		&self,
		call: &Call,
		signer: &Keypair,
		nonce: u64,
		wait: Wait,
	) -> Result<Receipt> {
		let params = DefaultExtrinsicParamsBuilder::<TaonetConfig>::new().nonce(nonce).build();
		let at = self.api.at_current_block().await?;
		let signed = at.transactions().create_signed(call, signer, params).await?;
		let tx = signed.hash();
		let mut progress = match signed.submit_and_watch().await {
			Ok(progress) => progress,
			Err(e) => return Err(Error::Rejected(e.to_string())),
		};
		self.report(Progress::Submitted(tx));
		let started = Instant::now();
		let timeout =
			|stage| Error::Timeout { tx: format!("{tx:?}"), stage, secs: self.wait.as_secs() };
		let mut included = false;
		loop {
			let remaining = self.wait.saturating_sub(started.elapsed());
			let stage = if included { "finalized" } else { "included" };
			let status = match tokio::time::timeout(remaining, progress.next()).await {
				Err(_) => return Err(timeout(stage)),
				Ok(None) => {
					return Err(Error::Rejected(format!("the node stopped reporting on {tx:?}")))
				},
				Ok(Some(status)) => status?,
			};
			match status {
				TransactionStatus::InBestBlock(in_block) => {
					included = true;
					self.report(Progress::InBlock(in_block.block_hash()));
					if wait == Wait::InBlock {
						let events = in_block.wait_for_success().await.map_err(dispatch_error)?;
						return Ok(Receipt { tx, block: in_block.block_hash(), events });
					}
				},
				TransactionStatus::InFinalizedBlock(in_block) => {
					self.report(Progress::Finalized(in_block.block_hash()));
					let events = in_block.wait_for_success().await.map_err(dispatch_error)?;
					return Ok(Receipt { tx, block: in_block.block_hash(), events });
				},
				TransactionStatus::Invalid { message } | TransactionStatus::Dropped { message } => {
					return Err(Error::Rejected(message))
				},
				TransactionStatus::Error { message } => return Err(Error::Rejected(message)),
				TransactionStatus::Validated
				| TransactionStatus::Broadcasted
				| TransactionStatus::NoLongerInBestBlock => {},
			}
		}
	}
}

/// The chain's failure, as the SDK's error: a pallet error by its metadata name and docs.
fn dispatch_error(error: TransactionEventsError) -> Error {
	match error {
		TransactionEventsError::ExtrinsicFailed(DispatchError::Module(module)) => {
			match module.details() {
				Ok(details) => Error::Dispatch {
					pallet: details.pallet.name().to_owned(),
					error: details.variant.name.clone(),
					docs: details.variant.docs.join(" "),
				},
				Err(_) => Error::DispatchOther(module.to_string()),
			}
		},
		TransactionEventsError::ExtrinsicFailed(other) => Error::DispatchOther(other.to_string()),
		other => Error::from(other),
	}
}
