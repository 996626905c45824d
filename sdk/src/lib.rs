//! Taonet's client library, for miners, validators and tools.
//!
//! - [`Client`]: a connection to a node with a deadline on every call, a new websocket when
//!   the old one drops, account nonces that rapid calls do not collide on, and transactions
//!   awaited to inclusion or finality with a failure decoded into [`Error::Dispatch`].
//! - [`wallet`]: coldkeys encrypted at rest (scrypt and XChaCha20-Poly1305), hotkeys, both
//!   sr25519 with SS58 prefix 42, created or imported from a mnemonic, a seed or a dev URI.
//! - [`calls`]: every call of Taonet's pallets; [`reads`]: the `taonet_*` JSON-RPC reads.
//! - [`auth`]: Bittensor's `btauth/1` signed requests, and signed responses; [`axon`]: a
//!   miner's HTTP server that admits only permitted validators; [`dendrite`]: a validator's
//!   client for it.
//! - [`weights`]: commit-reveal with the salt kept on disk and revealed in its epoch.
//! - [`units`]: TAO amounts with decimals.

pub mod auth;
pub mod axon;
pub mod calls;
mod client;
pub mod dendrite;
mod error;
pub mod reads;
mod rpc;
pub mod units;
pub mod wallet;
pub mod weights;

pub use client::{Client, Progress, Receipt, TaonetConfig, Wait, DEFAULT_WAIT};
pub use error::{Error, Result};
pub use rpc::{Connection, DEFAULT_DEADLINE};
pub use subxt::utils::{AccountId32, H256};
pub use subxt_signer::sr25519::Keypair;

/// Types and calls generated from the runtime's metadata (`metadata/taonet.scale`, checked
/// against the runtime by this crate's tests).
#[subxt::subxt(
	runtime_metadata_path = "metadata/taonet.scale",
	derive_for_type(
		path = "taonet_primitives::hyperparams::SubnetParam",
		derive = "codec::Decode",
		recursive
	)
)]
pub mod chain {}

/// SS58 address format of Taonet accounts (Substrate's generic prefix, as Bittensor's).
pub const SS58_PREFIX: u16 = 42;

/// The account of a key pair.
pub fn account_of(key: &Keypair) -> AccountId32 {
	AccountId32(key.public_key().0)
}

/// Parses an SS58 address of Taonet's prefix 42.
pub fn parse_account(address: &str) -> Result<AccountId32> {
	let account: AccountId32 = address
		.parse()
		.map_err(|e| Error::Invalid(format!("{address:?} is not an SS58 address: {e}")))?;
	if account.to_string() != address {
		return Err(Error::Invalid(format!(
			"{address} is an address of another network; Taonet's addresses use SS58 prefix \
			 {SS58_PREFIX} (they start with 5)"
		)));
	}
	Ok(account)
}
