//! The answers of [`taonet_runtime_api::TaonetApi`], put together from the pallets' views:
//! subnets gives the subnets and neurons, stake their stake, consensus the epoch's results and
//! rows, root the emission shares, emission what is pending. No storage is read here and no rule
//! applied; each pallet answers for its own facts. Read-only, and `None` for an unknown subnet or
//! neuron.

use alloc::vec::Vec;
use taonet_primitives::{NetUid, SubnetsInterface, Uid};
use taonet_runtime_api::{Metagraph, Neuron, SubnetSummary};

use crate::{AccountId, Consensus, Emission, Root, Stake, Subnets, System};

/// Every subnet, in netuid order, with its emission share and pending emission.
pub fn subnets() -> Vec<SubnetSummary<AccountId>> {
	let shares = Root::shares_ppb();
	let mut subnets = Subnets::subnet_summaries();
	for subnet in &mut subnets {
		subnet.emission_share_ppb = shares.get(&subnet.netuid).copied().unwrap_or(0);
		subnet.pending_emission = Emission::pending_emission(subnet.netuid);
	}
	subnets
}

/// One neuron by UID, with its stake and results.
pub fn neuron(netuid: NetUid, uid: u16) -> Option<Neuron<AccountId>> {
	let mut neuron = Subnets::neuron_view(netuid, Uid(uid))?;
	neuron.stake = Stake::hotkey_stake(&neuron.hotkey);
	Consensus::fill_results(netuid, core::slice::from_mut(&mut neuron));
	Some(neuron)
}

/// One neuron by hotkey.
pub fn neuron_by_hotkey(netuid: NetUid, hotkey: AccountId) -> Option<Neuron<AccountId>> {
	neuron(netuid, Subnets::uid_of(netuid, &hotkey)?.0)
}

/// A subnet's metagraph; the weight and bond rows only `with_rows`.
pub fn metagraph(netuid: NetUid, with_rows: bool) -> Option<Metagraph<AccountId>> {
	let mut neurons = Subnets::neuron_views(netuid)?;
	for neuron in &mut neurons {
		neuron.stake = Stake::hotkey_stake(&neuron.hotkey);
	}
	Consensus::fill_results(netuid, &mut neurons);
	let count = Subnets::neuron_count(netuid);
	let (weights, bonds) = if with_rows {
		(Consensus::weight_rows(netuid, count), Consensus::bond_rows(netuid, count))
	} else {
		(Vec::new(), Vec::new())
	};
	Some(Metagraph { netuid, block: System::block_number(), neurons, weights, bonds })
}
