//! # The baseline runtime
//!
//! A plain chain to measure Taonet against (`scripts/benchmark-performance.sh`): only the pallets
//! every FRAME solochain starts from (System, Timestamp, Aura, Grandpa, Balances,
//! TransactionPayment, Sudo), from the same polkadot-sdk crates as Taonet's runtime, with the same
//! block limits ([`taonet_primitives::BLOCK_REF_TIME_LIMIT`], [`taonet_primitives::BLOCK_LENGTH_LIMIT`],
//! [`taonet_primitives::NORMAL_DISPATCH_RATIO`]), slot duration, database weights, existential
//! deposit, fees and account types. What it lacks is all of Taonet: its pallets and their per-block
//! hooks, its fee routing to the block author and its `CheckWeights` transaction extension. A
//! transfer costs here what FRAME alone makes it cost, so Taonet's transfer throughput divided by
//! this chain's is what Taonet adds (or takes away).
//!
//! The taonet-node runs it from a chain spec whose `code` is this crate's Wasm (feature `wasm`);
//! it is never a network's runtime.

#![cfg_attr(not(feature = "std"), no_std)]
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
#![recursion_limit = "256"]

#[cfg(all(feature = "std", feature = "wasm"))]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

extern crate alloc;

use alloc::{borrow::Cow, vec, vec::Vec};
use frame_support::{
	derive_impl,
	dispatch::DispatchClass,
	genesis_builder_helper::{build_state, get_preset},
	parameter_types,
	traits::{ConstBool, ConstU32, ConstU64, ConstU8, VariantCountOf},
	weights::{constants::ParityDbWeight, ConstantMultiplier, Weight},
};
use frame_system::limits::{BlockLength, BlockWeights};
use pallet_transaction_payment::{ConstFeeMultiplier, FungibleAdapter, Multiplier};
use sp_api::impl_runtime_apis;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_core::{crypto::KeyTypeId, OpaqueMetadata};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};
use sp_runtime::{
	generic, impl_opaque_keys,
	traits::{BlakeTwo256, Block as BlockT, NumberFor, One},
	transaction_validity::{TransactionSource, TransactionValidity},
	ApplyExtrinsicResult, MultiAddress,
};
use sp_version::RuntimeVersion;

pub use taonet_primitives::{
	AccountId, Balance, BlockNumber, Hash, Nonce, Signature, BLOCK_LENGTH_LIMIT,
	BLOCK_REF_TIME_LIMIT, EXISTENTIAL_DEPOSIT, NORMAL_DISPATCH_RATIO, SLOT_DURATION, TAO,
};

/// The node's view of blocks, with extrinsics as opaque bytes.
pub mod opaque {
	use super::*;

	/// A block header.
	pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
	/// A block whose extrinsics are opaque bytes.
	pub type Block = generic::Block<Header, sp_runtime::OpaqueExtrinsic>;
}

impl_opaque_keys! {
	/// An authority's keys: Aura for authoring, GRANDPA for finality.
	pub struct SessionKeys {
		pub aura: Aura,
		pub grandpa: Grandpa,
	}
}

/// The baseline's version: its own spec name, so that no tool takes it for Taonet.
#[sp_version::runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: Cow::Borrowed("taonet-baseline"),
	impl_name: Cow::Borrowed("taonet-baseline"),
	authoring_version: 1,
	spec_version: 1,
	impl_version: 1,
	apis: RUNTIME_API_VERSIONS,
	transaction_version: 1,
	system_version: 1,
};

/// How a transaction names an account.
pub type Address = MultiAddress<AccountId, ()>;
/// A block header.
pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
/// A block.
pub type Block = generic::Block<Header, UncheckedExtrinsic>;

/// Taonet's transaction extensions without its own `CheckWeights`, in the same order.
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
);

/// An extrinsic as the runtime decodes it.
pub type UncheckedExtrinsic =
	generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;

/// Executes blocks.
pub type Executive = frame_executive::Executive<
	Runtime,
	Block,
	frame_system::ChainContext<Runtime>,
	Runtime,
	AllPalletsWithSystem,
>;

#[frame_support::runtime]
mod runtime {
	/// The baseline runtime.
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

	/// Accounts, blocks, events.
	#[runtime::pallet_index(0)]
	pub type System = frame_system;

	/// The block's time.
	#[runtime::pallet_index(1)]
	pub type Timestamp = pallet_timestamp;

	/// Block authoring in 12 s slots.
	#[runtime::pallet_index(2)]
	pub type Aura = pallet_aura;

	/// Finality.
	#[runtime::pallet_index(3)]
	pub type Grandpa = pallet_grandpa;

	/// Balances.
	#[runtime::pallet_index(4)]
	pub type Balances = pallet_balances;

	/// Fees.
	#[runtime::pallet_index(5)]
	pub type TransactionPayment = pallet_transaction_payment;

	/// A superuser key.
	#[runtime::pallet_index(6)]
	pub type Sudo = pallet_sudo;
}

parameter_types! {
	/// Block hashes kept for mortality checks, as on Taonet.
	pub const BlockHashCount: BlockNumber = 2_400;
	/// The runtime version.
	pub const Version: RuntimeVersion = VERSION;
	/// Taonet's block weight limits.
	pub RuntimeBlockWeights: BlockWeights = BlockWeights::with_sensible_defaults(
		Weight::from_parts(BLOCK_REF_TIME_LIMIT, u64::MAX),
		NORMAL_DISPATCH_RATIO,
	);
	/// Taonet's block length limits.
	pub RuntimeBlockLength: BlockLength = BlockLength::builder()
		.max_length(BLOCK_LENGTH_LIMIT)
		.modify_max_length_for_class(DispatchClass::Normal, |max| {
			*max = NORMAL_DISPATCH_RATIO.mul_floor(*max)
		})
		.build();
	/// The existential deposit, as on Taonet.
	pub const ExistentialDeposit: Balance = EXISTENTIAL_DEPOSIT;
	/// Fees stay flat.
	pub FeeMultiplier: Multiplier = Multiplier::one();
}

#[derive_impl(frame_system::config_preludes::SolochainDefaultConfig)]
impl frame_system::Config for Runtime {
	type Block = Block;
	type BlockWeights = RuntimeBlockWeights;
	type BlockLength = RuntimeBlockLength;
	type AccountId = AccountId;
	type Nonce = Nonce;
	type Hash = Hash;
	type BlockHashCount = BlockHashCount;
	type DbWeight = ParityDbWeight;
	type Version = Version;
	type AccountData = pallet_balances::AccountData<Balance>;
	type SS58Prefix = ConstU16Prefix;
	type MaxConsumers = ConstU32<16>;
}

/// Taonet's SS58 prefix.
pub type ConstU16Prefix = frame_support::traits::ConstU16<{ taonet_primitives::SS58_PREFIX }>;

impl pallet_timestamp::Config for Runtime {
	type Moment = u64;
	type OnTimestampSet = Aura;
	type MinimumPeriod = ConstU64<{ SLOT_DURATION / 2 }>;
	type WeightInfo = pallet_timestamp::weights::SubstrateWeight<Runtime>;
}

impl pallet_aura::Config for Runtime {
	type AuthorityId = AuraId;
	type DisabledValidators = ();
	type MaxAuthorities = ConstU32<32>;
	type AllowMultipleBlocksPerSlot = ConstBool<false>;
	type SlotDuration = pallet_aura::MinimumPeriodTimesTwo<Runtime>;
}

impl pallet_grandpa::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type MaxAuthorities = ConstU32<32>;
	type MaxNominators = ConstU32<0>;
	type MaxSetIdSessionEntries = ConstU64<0>;
	type KeyOwnerProof = sp_core::Void;
	type EquivocationReportSystem = ();
}

impl pallet_balances::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type WeightInfo = pallet_balances::weights::SubstrateWeight<Runtime>;
	type Balance = Balance;
	type DustRemoval = ();
	type ExistentialDeposit = ExistentialDeposit;
	type AccountStore = System;
	type ReserveIdentifier = [u8; 8];
	type FreezeIdentifier = RuntimeFreezeReason;
	type MaxLocks = ConstU32<50>;
	type MaxReserves = ConstU32<50>;
	type MaxFreezes = VariantCountOf<RuntimeFreezeReason>;
	type DoneSlashHandler = ();
}

impl pallet_transaction_payment::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	/// Fees leave issuance, as in the solochain template.
	type OnChargeTransaction = FungibleAdapter<Balances, ()>;
	type WeightToFee = taonet_primitives::WeightToFee;
	type LengthToFee = ConstantMultiplier<Balance, ConstU64<{ taonet_primitives::FEE_PER_BYTE }>>;
	type FeeMultiplierUpdate = ConstFeeMultiplier<FeeMultiplier>;
	type OperationalFeeMultiplier = ConstU8<5>;
	type WeightInfo = pallet_transaction_payment::weights::SubstrateWeight<Runtime>;
}

impl pallet_sudo::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type WeightInfo = pallet_sudo::weights::SubstrateWeight<Runtime>;
}

/// What each development account starts with, as on Taonet's development chain.
pub const DEV_ENDOWMENT: Balance = 100_000 * TAO;

/// The `development` preset: Alice is the one authority and the sudo key; Alice, Bob, Charlie,
/// Dave, Eve and Ferdie are endowed.
pub fn development_genesis() -> serde_json::Value {
	let endowed: Vec<(AccountId, Balance)> = [
		Sr25519Keyring::Alice,
		Sr25519Keyring::Bob,
		Sr25519Keyring::Charlie,
		Sr25519Keyring::Dave,
		Sr25519Keyring::Eve,
		Sr25519Keyring::Ferdie,
	]
	.into_iter()
	.map(|key| (key.to_account_id(), DEV_ENDOWMENT))
	.collect();
	let aura: AuraId = Sr25519Keyring::Alice.public().into();
	let grandpa: sp_consensus_grandpa::AuthorityId = Ed25519Keyring::Alice.public().into();
	serde_json::json!({
		"balances": { "balances": endowed },
		"aura": { "authorities": [aura] },
		"grandpa": { "authorities": [(grandpa, 1u64)] },
		"sudo": { "key": Some(Sr25519Keyring::Alice.to_account_id()) },
	})
}

/// The preset named `id`: only `development` exists.
fn preset(id: &sp_genesis_builder::PresetId) -> Option<Vec<u8>> {
	let genesis = match id.as_ref() {
		sp_genesis_builder::DEV_RUNTIME_PRESET => development_genesis(),
		_ => return None,
	};
	serde_json::to_vec(&genesis).ok()
}

impl_runtime_apis! {
	impl sp_api::Core<Block> for Runtime {
		fn version() -> RuntimeVersion {
			VERSION
		}

		fn execute_block(block: <Block as BlockT>::LazyBlock) {
			Executive::execute_block(block);
		}

		fn initialize_block(header: &<Block as BlockT>::Header) -> sp_runtime::ExtrinsicInclusionMode {
			Executive::initialize_block(header)
		}
	}

	impl sp_api::Metadata<Block> for Runtime {
		fn metadata() -> OpaqueMetadata {
			OpaqueMetadata::new(Runtime::metadata().into())
		}

		fn metadata_at_version(version: u32) -> Option<OpaqueMetadata> {
			Runtime::metadata_at_version(version)
		}

		fn metadata_versions() -> Vec<u32> {
			Runtime::metadata_versions()
		}
	}

	impl sp_block_builder::BlockBuilder<Block> for Runtime {
		fn apply_extrinsic(extrinsic: <Block as BlockT>::Extrinsic) -> ApplyExtrinsicResult {
			Executive::apply_extrinsic(extrinsic)
		}

		fn finalize_block() -> <Block as BlockT>::Header {
			Executive::finalize_block()
		}

		fn inherent_extrinsics(data: sp_inherents::InherentData) -> Vec<<Block as BlockT>::Extrinsic> {
			data.create_extrinsics()
		}

		fn check_inherents(
			block: <Block as BlockT>::LazyBlock,
			data: sp_inherents::InherentData,
		) -> sp_inherents::CheckInherentsResult {
			data.check_extrinsics(&block)
		}
	}

	impl sp_transaction_pool::runtime_api::TaggedTransactionQueue<Block> for Runtime {
		fn validate_transaction(
			source: TransactionSource,
			tx: <Block as BlockT>::Extrinsic,
			block_hash: <Block as BlockT>::Hash,
		) -> TransactionValidity {
			Executive::validate_transaction(source, tx, block_hash)
		}
	}

	impl sp_offchain::OffchainWorkerApi<Block> for Runtime {
		fn offchain_worker(header: &<Block as BlockT>::Header) {
			Executive::offchain_worker(header)
		}
	}

	impl sp_consensus_aura::AuraApi<Block, AuraId> for Runtime {
		fn slot_duration() -> sp_consensus_aura::SlotDuration {
			sp_consensus_aura::SlotDuration::from_millis(Aura::slot_duration())
		}

		fn authorities() -> Vec<AuraId> {
			pallet_aura::Authorities::<Runtime>::get().into_inner()
		}
	}

	impl sp_session::SessionKeys<Block> for Runtime {
		fn generate_session_keys(
			owner: Vec<u8>,
			seed: Option<Vec<u8>>,
		) -> sp_session::OpaqueGeneratedSessionKeys {
			SessionKeys::generate(&owner, seed).into()
		}

		fn decode_session_keys(encoded: Vec<u8>) -> Option<Vec<(Vec<u8>, KeyTypeId)>> {
			SessionKeys::decode_into_raw_public_keys(&encoded)
		}
	}

	impl sp_consensus_grandpa::GrandpaApi<Block> for Runtime {
		fn grandpa_authorities() -> sp_consensus_grandpa::AuthorityList {
			Grandpa::grandpa_authorities()
		}

		fn current_set_id() -> sp_consensus_grandpa::SetId {
			Grandpa::current_set_id()
		}

		fn submit_report_equivocation_unsigned_extrinsic(
			_equivocation_proof: sp_consensus_grandpa::EquivocationProof<
				<Block as BlockT>::Hash,
				NumberFor<Block>,
			>,
			_key_owner_proof: sp_consensus_grandpa::OpaqueKeyOwnershipProof,
		) -> Option<()> {
			None
		}

		fn generate_key_ownership_proof(
			_set_id: sp_consensus_grandpa::SetId,
			_authority_id: sp_consensus_grandpa::AuthorityId,
		) -> Option<sp_consensus_grandpa::OpaqueKeyOwnershipProof> {
			None
		}
	}

	impl frame_system_rpc_runtime_api::AccountNonceApi<Block, AccountId, Nonce> for Runtime {
		fn account_nonce(account: AccountId) -> Nonce {
			System::account_nonce(account)
		}
	}

	impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentApi<Block, Balance> for Runtime {
		fn query_info(
			uxt: <Block as BlockT>::Extrinsic,
			len: u32,
		) -> pallet_transaction_payment_rpc_runtime_api::RuntimeDispatchInfo<Balance> {
			TransactionPayment::query_info(uxt, len)
		}

		fn query_fee_details(
			uxt: <Block as BlockT>::Extrinsic,
			len: u32,
		) -> pallet_transaction_payment::FeeDetails<Balance> {
			TransactionPayment::query_fee_details(uxt, len)
		}

		fn query_weight_to_fee(weight: Weight) -> Balance {
			TransactionPayment::weight_to_fee(weight)
		}

		fn query_length_to_fee(length: u32) -> Balance {
			TransactionPayment::length_to_fee(length)
		}
	}

	impl sp_genesis_builder::GenesisBuilder<Block> for Runtime {
		fn build_state(config: Vec<u8>) -> sp_genesis_builder::Result {
			build_state::<RuntimeGenesisConfig>(config)
		}

		fn get_preset(id: &Option<sp_genesis_builder::PresetId>) -> Option<Vec<u8>> {
			get_preset::<RuntimeGenesisConfig>(id, preset)
		}

		fn preset_names() -> Vec<sp_genesis_builder::PresetId> {
			vec![sp_genesis_builder::PresetId::from(sp_genesis_builder::DEV_RUNTIME_PRESET)]
		}
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use sp_runtime::BuildStorage;

	/// The baseline is worth comparing only while its block limits are Taonet's.
	#[test]
	fn block_limits_are_taonets() {
		let weights: BlockWeights = RuntimeBlockWeights::get();
		assert_eq!(weights.max_block.ref_time(), BLOCK_REF_TIME_LIMIT);
		assert_eq!(*RuntimeBlockLength::get().max.get(DispatchClass::Normal), {
			NORMAL_DISPATCH_RATIO.mul_floor(BLOCK_LENGTH_LIMIT)
		});
		assert_eq!(<Runtime as frame_system::Config>::DbWeight::get(), ParityDbWeight::get());
		assert_eq!(Aura::slot_duration(), SLOT_DURATION);
	}

	/// The development preset builds a genesis with Alice endowed, as an authority and as sudo.
	#[test]
	fn development_preset_builds() {
		let json =
			preset(&sp_genesis_builder::PresetId::from(sp_genesis_builder::DEV_RUNTIME_PRESET))
				.expect("the development preset exists");
		let mut config = RuntimeGenesisConfig::default();
		let patch: serde_json::Value = serde_json::from_slice(&json).expect("valid JSON");
		let mut base = serde_json::to_value(&config).expect("serializable");
		json_merge(&mut base, patch);
		config = serde_json::from_value(base).expect("a genesis config");
		let storage = config.build_storage().expect("genesis builds");
		sp_io::TestExternalities::new(storage).execute_with(|| {
			let alice = Sr25519Keyring::Alice.to_account_id();
			assert_eq!(Balances::free_balance(&alice), DEV_ENDOWMENT);
			assert_eq!(pallet_sudo::Key::<Runtime>::get(), Some(alice));
			assert_eq!(pallet_aura::Authorities::<Runtime>::get().len(), 1);
		});
		assert!(preset(&sp_genesis_builder::PresetId::from("local_testnet")).is_none());
	}

	/// Merges `patch` into `base`, objects key by key.
	fn json_merge(base: &mut serde_json::Value, patch: serde_json::Value) {
		match (base, patch) {
			(serde_json::Value::Object(base), serde_json::Value::Object(patch)) => {
				for (key, value) in patch {
					json_merge(base.entry(key).or_insert(serde_json::Value::Null), value);
				}
			},
			(base, patch) => *base = patch,
		}
	}
}
