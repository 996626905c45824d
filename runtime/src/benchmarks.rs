//! Which pallets `benchmark pallet` can measure, and how the runtime API serves them.

use alloc::{string::String, vec::Vec};
use frame_benchmarking::{BenchmarkBatch, BenchmarkConfig, BenchmarkList};
use frame_support::traits::{StorageInfo, WhitelistedStorageKeys};

use crate::{
	AllPalletsWithSystem, Balances, Consensus, Council, Emission, Preimage, Referenda, Root,
	Runtime, Scheduler, Stake, Subnets, Sudo, Timestamp, Utility,
};

type SystemBench = frame_system_benchmarking::Pallet<Runtime>;

impl frame_system_benchmarking::Config for Runtime {}

frame_benchmarking::define_benchmarks!(
	[frame_system, SystemBench]
	[pallet_balances, Balances]
	[pallet_timestamp, Timestamp]
	[pallet_sudo, Sudo]
	[pallet_utility, Utility]
	[pallet_subnets, Subnets]
	[pallet_stake, Stake]
	[pallet_consensus, Consensus]
	[pallet_emission, Emission]
	[pallet_root, Root]
	[pallet_preimage, Preimage]
	[pallet_scheduler, Scheduler]
	[pallet_ranked_collective, Council]
	[pallet_referenda, Referenda]
);

/// The benchmarks this runtime has, for `benchmark pallet --list`.
pub fn metadata(extra: bool) -> (Vec<BenchmarkList>, Vec<StorageInfo>) {
	use frame_support::traits::StorageInfoTrait;

	let mut list = Vec::<BenchmarkList>::new();
	list_benchmarks!(list, extra);
	(list, AllPalletsWithSystem::storage_info())
}

/// Runs the benchmarks that `config` names.
pub fn dispatch(config: BenchmarkConfig) -> Result<Vec<BenchmarkBatch>, String> {
	use sp_storage::TrackedStorageKey;

	let whitelist: Vec<TrackedStorageKey> = AllPalletsWithSystem::whitelisted_storage_keys();
	let mut batches = Vec::<BenchmarkBatch>::new();
	let params = (&config, &whitelist);
	add_benchmarks!(params, batches);
	Ok(batches)
}
