//! What can go wrong, as one error type whose variants say what to do about it.

/// An SDK error.
#[derive(Debug, thiserror::Error)]
pub enum Error {
	/// The node could not be reached, or did not answer in time.
	#[error("node connection: {0}")]
	Rpc(#[from] subxt_rpcs::Error),
	/// subxt could not build, sign, submit or decode something.
	#[error("{0}")]
	Subxt(Box<subxt::Error>),
	/// The chain ran the call and it failed: `pallet`'s error `error`, with its docs.
	#[error("{pallet}.{error}: {docs}")]
	Dispatch {
		/// The pallet that refused the call.
		pallet: String,
		/// The error's name in the metadata, e.g. `NotEnoughBalance`.
		error: String,
		/// What the error means, from the metadata.
		docs: String,
	},
	/// The chain ran the call and it failed with an error of no pallet (bad origin, a
	/// token or arithmetic error, ...).
	#[error("the call failed: {0}")]
	DispatchOther(String),
	/// The transaction pool refused the transaction (bad nonce, too low a balance for the
	/// fee, a weight call that would fail, ...), or dropped it.
	#[error("the transaction was not included: {0}")]
	Rejected(String),
	/// Waiting for inclusion or finality took longer than the deadline.
	#[error("the transaction {tx} was not {stage} within {secs} s")]
	Timeout {
		/// The transaction's hash.
		tx: String,
		/// `included` or `finalized`.
		stage: &'static str,
		/// The deadline.
		secs: u64,
	},
	/// A `taonet_*` read failed, with the node's message (e.g. no subnet has that netuid).
	#[error("{method}: {message}")]
	Read {
		/// The JSON-RPC method.
		method: &'static str,
		/// The node's message.
		message: String,
	},
	/// A wallet could not be read, written or unlocked.
	#[error("wallet: {0}")]
	Wallet(String),
	/// An argument was malformed (an address, an amount, a weight vector, ...).
	#[error("{0}")]
	Invalid(String),
	/// Signing or verifying a request between neurons failed.
	#[error("request signature: {0}")]
	Auth(String),
	/// An I/O error (wallet files, the commit store).
	#[error("{context}: {source}")]
	Io {
		/// What was being done.
		context: String,
		/// The error.
		source: std::io::Error,
	},
}

impl From<subxt::Error> for Error {
	fn from(error: subxt::Error) -> Self {
		Error::Subxt(Box::new(error))
	}
}

macro_rules! from_subxt {
	($($ty:ty),*) => {
		$( impl From<$ty> for Error {
			fn from(error: $ty) -> Self {
				Error::from(subxt::Error::from(error))
			}
		} )*
	};
}
from_subxt!(
	subxt::error::OnlineClientError,
	subxt::error::OnlineClientAtBlockError,
	subxt::error::ExtrinsicError,
	subxt::error::StorageError,
	subxt::error::StorageValueError,
	subxt::error::TransactionProgressError,
	subxt::error::TransactionEventsError,
	subxt::error::RuntimeApiError,
	subxt::error::ConstantError,
	subxt::error::EventsError
);

impl Error {
	/// An I/O error while doing `context`.
	pub fn io(context: impl Into<String>, source: std::io::Error) -> Self {
		Error::Io { context: context.into(), source }
	}
}

/// The SDK's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
