//! # Taonet runtime
//!
//! The runtime only composes: it wires FRAME pallets together, sets their parameters (one file per
//! concern under [`configs`]), exposes the runtime APIs ([`apis`]) and names the genesis presets
//! ([`genesis_config_presets`]). Business logic lives in the pallets.
//!
//! Pallet indexes are fixed forever: transactions and storage keys depend on them.

#![cfg_attr(not(feature = "std"), no_std)]
// Chain data never panics or overflows silently; tests may.
#![cfg_attr(
	not(test),
	deny(
		clippy::arithmetic_side_effects,
		clippy::indexing_slicing,
		clippy::unwrap_used,
		clippy::expect_used,
		clippy::float_arithmetic
	)
)]
// `construct_runtime` expands to large types.
#![recursion_limit = "256"]

#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

extern crate alloc;

pub mod apis;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarks;
pub mod configs;
pub mod genesis_config_presets;
#[cfg(test)]
mod governance_tests;
#[cfg(test)]
mod harness;
pub mod queries;
#[cfg(test)]
mod spam_tests;
#[cfg(test)]
mod test_signing;
#[cfg(test)]
mod tests;
pub mod weights;

use alloc::{borrow::Cow, vec::Vec};
use sp_runtime::{generic, impl_opaque_keys, traits::BlakeTwo256, MultiAddress};
use sp_version::RuntimeVersion;

pub use taonet_primitives::{
	AccountId, Balance, BlockNumber, Hash, Nonce, Signature, EXISTENTIAL_DEPOSIT, SLOT_DURATION,
	TAO,
};

pub use frame_system::Call as SystemCall;
pub use pallet_balances::Call as BalancesCall;
#[cfg(any(feature = "std", test))]
pub use sp_runtime::BuildStorage;

/// Types the node uses without knowing the runtime's extrinsic format, so that it keeps syncing
/// across runtime upgrades that change it.
pub mod opaque {
	use super::*;

	pub use sp_runtime::OpaqueExtrinsic as UncheckedExtrinsic;

	/// A block header.
	pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
	/// A block whose extrinsics are opaque bytes.
	pub type Block = generic::Block<Header, UncheckedExtrinsic>;
	/// A block hash.
	pub type Hash = <BlakeTwo256 as sp_runtime::traits::Hash>::Output;
}

impl_opaque_keys! {
	/// The session keys of an authority: Aura for authoring, GRANDPA for finality.
	pub struct SessionKeys {
		pub aura: Aura,
		pub grandpa: Grandpa,
	}
}

/// Declares [`VERSION`] with the given `spec_version` (the macro needs a literal).
macro_rules! runtime_version {
	($spec_version:tt) => {
		/// The runtime's version. Bump `spec_version` with every change of behaviour and
		/// `transaction_version` with every change of a call's index or arguments.
		#[sp_version::runtime_version]
		pub const VERSION: RuntimeVersion = RuntimeVersion {
			spec_name: Cow::Borrowed("taonet"),
			impl_name: Cow::Borrowed("taonet-node"),
			authoring_version: 1,
			spec_version: $spec_version,
			impl_version: 1,
			apis: apis::RUNTIME_API_VERSIONS,
			transaction_version: 3,
			system_version: 1,
		};
	};
}

#[cfg(not(feature = "upgrade-rehearsal"))]
runtime_version!(107);

// The upgrade rehearsal: this runtime as the next release, one `spec_version` ahead, with the
// migrations queued for it (see [`Migrations`]). Built only as Wasm for the upgrade test
// (`scripts/build-rehearsal-runtime.sh`); never a release.
#[cfg(feature = "upgrade-rehearsal")]
runtime_version!(108);

/// How a transaction names an account: an `AccountId` or an index.
pub type Address = MultiAddress<AccountId, ()>;

/// A block header.
pub type Header = generic::Header<BlockNumber, BlakeTwo256>;

/// A block.
pub type Block = generic::Block<Header, UncheckedExtrinsic>;

/// The transaction extensions, in the order polkadot.js and other signers expect them.
///
/// `CheckMetadataHash` lets offline signers verify the metadata they decode with; signers that do
/// not use it send mode `Disabled`, which costs nothing. `CheckWeights` comes last and encodes to
/// nothing, so clients sign without knowing it: it refuses free weight calls in the pool unless
/// the signer may make them.
pub type TxExtension = (
	frame_system::CheckNonZeroSender<Runtime>,
	frame_system::CheckSpecVersion<Runtime>,
	frame_system::CheckTxVersion<Runtime>,
	frame_system::CheckGenesis<Runtime>,
	frame_system::CheckMortality<Runtime>,
	frame_system::CheckNonce<Runtime>,
	frame_system::CheckWeight<Runtime>,
	pallet_transaction_payment::ChargeTransactionPayment<Runtime>,
	frame_metadata_hash_extension::CheckMetadataHash<Runtime>,
	pallet_consensus::CheckWeights<Runtime>,
);

/// The extensions a wallet signs with `nonce`, an immortal era, no tip and no metadata hash:
/// what the node's benchmarks and the runtime's tests sign with.
pub fn immortal_tx_extension(nonce: Nonce) -> TxExtension {
	(
		frame_system::CheckNonZeroSender::new(),
		frame_system::CheckSpecVersion::new(),
		frame_system::CheckTxVersion::new(),
		frame_system::CheckGenesis::new(),
		frame_system::CheckMortality::from(generic::Era::Immortal),
		frame_system::CheckNonce::from(nonce),
		frame_system::CheckWeight::new(),
		pallet_transaction_payment::ChargeTransactionPayment::from(0),
		frame_metadata_hash_extension::CheckMetadataHash::new(false),
		pallet_consensus::CheckWeights::default(),
	)
}

/// What [`immortal_tx_extension`] adds to the signed payload from the chain's state, for signers
/// outside the runtime: the versions and the genesis hash (as the genesis and as the immortal
/// era's block).
pub fn immortal_tx_implicit(
	genesis: Hash,
) -> <TxExtension as sp_runtime::traits::TransactionExtension<RuntimeCall>>::Implicit {
	((), VERSION.spec_version, VERSION.transaction_version, genesis, genesis, (), (), (), None, ())
}

/// An extrinsic as the runtime decodes it.
pub type UncheckedExtrinsic =
	generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;

/// What a signer signs.
pub type SignedPayload = generic::SignedPayload<RuntimeCall, TxExtension>;

/// Storage migrations run on the next runtime upgrade, beyond the pallets' own. Each is a
/// `VersionedMigration`, so it runs once, at the storage version it was written for: on a chain
/// started from this runtime's genesis, where every pallet is at its current version, none runs.
#[cfg(not(feature = "upgrade-rehearsal"))]
type Migrations = (StakeToSharePools,);

/// The next release's migrations, which the upgrade rehearsal runs on a live chain.
#[cfg(feature = "upgrade-rehearsal")]
type Migrations = (StakeToSharePools, pallet_governance::migrations::v1::MigrateV0ToV1<Runtime>);

/// Stake from version 0 (positions paid one by one) to share pools (spec 103).
type StakeToSharePools = pallet_stake::migrations::v1::MigrateV0ToV1<Runtime, SeedInIssuanceBooks>;

/// The reward account's seed, minted by the stake migration, joins the issuance the emission
/// pallet's invariant starts from, as the genesis seed does on a new chain.
pub struct SeedInIssuanceBooks;
impl pallet_stake::migrations::v1::NoteSeed for SeedInIssuanceBooks {
	fn note_seed(amount: Balance) {
		pallet_emission::InitialIssuance::<Runtime>::mutate(|initial| {
			if let Some(initial) = initial {
				*initial = initial.saturating_add(amount);
			}
		});
	}
}

/// Dispatches blocks and transactions to the pallets.
pub type Executive = frame_executive::Executive<
	Runtime,
	Block,
	frame_system::ChainContext<Runtime>,
	Runtime,
	AllPalletsWithSystem,
	Migrations,
>;

#[frame_support::runtime]
mod runtime {
	/// The Taonet runtime.
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Runtime;

	/// Accounts, blocks, events, runtime upgrades.
	#[runtime::pallet_index(0)]
	pub type System = frame_system;

	/// The block's time, set by an inherent.
	#[runtime::pallet_index(1)]
	pub type Timestamp = pallet_timestamp;

	/// Block authoring in 12 s slots.
	#[runtime::pallet_index(2)]
	pub type Aura = pallet_aura;

	/// Finality.
	#[runtime::pallet_index(3)]
	pub type Grandpa = pallet_grandpa;

	/// TAO balances, holds and transfers.
	#[runtime::pallet_index(4)]
	pub type Balances = pallet_balances;

	/// Transaction fees, paid to the block author.
	#[runtime::pallet_index(5)]
	pub type TransactionPayment = pallet_transaction_payment;

	/// Batches and other dispatch helpers.
	#[runtime::pallet_index(6)]
	pub type Utility = pallet_utility;

	/// A superuser for development chains; production chains start without a sudo key.
	#[runtime::pallet_index(7)]
	pub type Sudo = pallet_sudo;

	/// Subnets and their neurons: owners, locks, hyperparameters, registration, endpoints.
	#[runtime::pallet_index(8)]
	pub type Subnets = pallet_subnets;

	/// Stake and delegation: TAO held on coldkeys, share pools per hotkey, takes.
	#[runtime::pallet_index(9)]
	pub type Stake = pallet_stake;

	/// Weights (set, or committed and revealed) and each subnet's Yuma epoch.
	#[runtime::pallet_index(10)]
	pub type Consensus = pallet_consensus;

	/// The root network: root validators' weights over subnets and the subnets' emission
	/// shares. Its index is below emission's, so that its hook runs first (hooks run in index
	/// order): a block's emission is split by the shares computed in it.
	#[runtime::pallet_index(11)]
	pub type Root = pallet_root;

	/// Block emission with halvings, accrued by the subnets' shares; epoch payouts.
	#[runtime::pallet_index(12)]
	pub type Emission = pallet_emission;

	/// Proposals too large to put in a referendum, stored by hash.
	#[runtime::pallet_index(13)]
	pub type Preimage = pallet_preimage;

	/// Calls dispatched at a later block: the enactment of passed referenda.
	#[runtime::pallet_index(14)]
	pub type Scheduler = pallet_scheduler;

	/// The council: a ranked collective whose members vote on referenda.
	#[runtime::pallet_index(15)]
	pub type Council = pallet_ranked_collective;

	/// Referenda on the root, admin and emergency tracks, decided by the council.
	#[runtime::pallet_index(16)]
	pub type Referenda = pallet_referenda;

	/// Taonet's governance origins and tracks, and the council at genesis.
	#[runtime::pallet_index(17)]
	pub type Governance = pallet_governance;
}
