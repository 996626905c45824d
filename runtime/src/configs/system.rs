//! `frame_system` and `pallet_utility`.

use frame_support::{
	derive_impl,
	dispatch::DispatchClass,
	parameter_types,
	weights::{constants::ParityDbWeight, Weight},
};
use frame_system::limits::{BlockLength, BlockWeights};
use sp_version::RuntimeVersion;
use taonet_primitives::{BLOCK_LENGTH_LIMIT, BLOCK_REF_TIME_LIMIT, NORMAL_DISPATCH_RATIO};

use crate::{
	AccountId, Balance, Block, BlockNumber, Hash, Nonce, OriginCaller, PalletInfo, Runtime,
	RuntimeCall, RuntimeEvent, RuntimeOrigin, RuntimeTask, VERSION,
};

parameter_types! {
	/// Block hashes kept for mortality checks: a little over 8 hours of blocks.
	pub const BlockHashCount: BlockNumber = 2_400;
	/// The runtime version, as checked by `CheckSpecVersion` and `CheckTxVersion`.
	pub const Version: RuntimeVersion = VERSION;
	/// Weight limits of a block. A solochain keeps no proof-size limit.
	pub RuntimeBlockWeights: BlockWeights = BlockWeights::with_sensible_defaults(
		Weight::from_parts(BLOCK_REF_TIME_LIMIT, u64::MAX),
		NORMAL_DISPATCH_RATIO,
	);
	/// Length limits of a block.
	pub RuntimeBlockLength: BlockLength = BlockLength::builder()
		.max_length(BLOCK_LENGTH_LIMIT)
		.modify_max_length_for_class(DispatchClass::Normal, |max| {
			*max = NORMAL_DISPATCH_RATIO.mul_floor(*max)
		})
		.build();
	/// SS58 address format.
	pub const SS58Prefix: u16 = taonet_primitives::SS58_PREFIX;
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
	/// The node stores state in ParityDB only (RocksDB is not compiled in), so reads and writes
	/// are charged at ParityDB's reference costs.
	type DbWeight = ParityDbWeight;
	type Version = Version;
	type AccountData = pallet_balances::AccountData<Balance>;
	type SS58Prefix = SS58Prefix;
	type MaxConsumers = frame_support::traits::ConstU32<16>;
}

impl pallet_utility::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type PalletsOrigin = OriginCaller;
	type WeightInfo = pallet_utility::weights::SubstrateWeight<Runtime>;
}
