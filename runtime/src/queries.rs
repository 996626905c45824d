//! The answers of [`taonet_runtime_api::TaonetApi`]: subnets, neurons and stake gathered from
//! the pallets' storage for clients. Read-only, and never panicking on an unknown subnet or
//! neuron (`None` instead).

use alloc::vec::Vec;
use taonet_primitives::{
	blocks_to_next_epoch, Balance, BlockNumber, NetUid, SubnetHyperparams, SubnetsInterface, Uid,
};
use taonet_runtime_api::{Delegate, Metagraph, Neuron, StakePosition, SubnetSummary};

use crate::{AccountId, Consensus, Runtime, Subnets, System};

fn now() -> BlockNumber {
	System::block_number()
}

/// Every subnet, in netuid order.
pub fn subnets() -> Vec<SubnetSummary<AccountId>> {
	let netuids = Subnets::subnets();
	let shares: Vec<u64> = netuids.iter().map(pallet_root::SubnetShares::<Runtime>::get).collect();
	let total: u128 = shares.iter().map(|&s| u128::from(s)).sum();
	netuids
		.into_iter()
		.zip(shares)
		.filter_map(|(netuid, share)| {
			let info = pallet_subnets::Networks::<Runtime>::get(netuid)?;
			let params = pallet_subnets::Hyperparams::<Runtime>::get(netuid)?;
			let ppb = u128::from(share)
				.saturating_mul(1_000_000_000)
				.checked_div(total)
				.and_then(|p| u32::try_from(p).ok())
				.unwrap_or(0);
			Some(SubnetSummary {
				netuid,
				owner: info.owner,
				owner_hotkey: info.owner_hotkey,
				lock: info.lock,
				registered_at: info.registered_at,
				tempo: params.tempo,
				neurons: pallet_subnets::NeuronCount::<Runtime>::get(netuid),
				max_uids: params.max_uids,
				burn: Subnets::current_burn(netuid),
				emission_share_ppb: ppb,
				pending_emission: pallet_emission::PendingEmission::<Runtime>::get(netuid),
				blocks_to_next_epoch: blocks_to_next_epoch(netuid, params.tempo, now()),
			})
		})
		.collect()
}

/// One subnet's hyperparameters.
pub fn subnet_hyperparams(netuid: NetUid) -> Option<SubnetHyperparams> {
	pallet_subnets::Hyperparams::<Runtime>::get(netuid)
}

/// What a neuron's answer is read from, once per subnet: its last epoch's outputs, the
/// registration blocks, and the block the last epoch ran.
struct SubnetView {
	netuid: NetUid,
	outputs: Vec<pallet_consensus::NeuronOutput>,
	registered_at: Vec<BlockNumber>,
	last_epoch: BlockNumber,
}

impl SubnetView {
	fn read(netuid: NetUid) -> Option<Self> {
		if !Subnets::is_subnet(netuid) {
			return None;
		}
		Some(Self {
			netuid,
			outputs: pallet_consensus::Outputs::<Runtime>::get(netuid).into_inner(),
			registered_at: pallet_subnets::RegisteredAt::<Runtime>::get(netuid).into_inner(),
			last_epoch: pallet_consensus::BondsUpdatedAt::<Runtime>::get(netuid),
		})
	}

	fn neuron(&self, uid: u16) -> Option<Neuron<AccountId>> {
		let netuid = self.netuid;
		let hotkey = pallet_subnets::Keys::<Runtime>::get(netuid, Uid(uid))?;
		let registered_at = self.registered_at.get(usize::from(uid)).copied().unwrap_or(0);
		// A neuron that registered at or after the last epoch has no results yet (the stored
		// ones, if any, were its predecessor's).
		let output = if registered_at >= self.last_epoch {
			pallet_consensus::NeuronOutput::default()
		} else {
			self.outputs.get(usize::from(uid)).cloned().unwrap_or_default()
		};
		let last_update =
			pallet_consensus::LastUpdate::<Runtime>::get(Consensus::key(netuid), Uid(uid))
				.unwrap_or(registered_at);
		let axon = pallet_subnets::Axons::<Runtime>::get(netuid, &hotkey);
		Some(Neuron {
			uid,
			coldkey: pallet_subnets::HotkeyOwner::<Runtime>::get(&hotkey),
			stake: pallet_stake::Pools::<Runtime>::get(&hotkey).total(),
			hotkey,
			active: output.active,
			validator_permit: output.validator_permit,
			validator_trust: output.validator_trust,
			consensus: output.consensus,
			rank: output.rank,
			trust: output.trust,
			incentive: output.incentive,
			dividends: output.dividends,
			emission: output.emission,
			axon,
			last_update,
			registered_at,
		})
	}
}

/// One neuron by UID.
pub fn neuron(netuid: NetUid, uid: u16) -> Option<Neuron<AccountId>> {
	SubnetView::read(netuid)?.neuron(uid)
}

/// One neuron by hotkey.
pub fn neuron_by_hotkey(netuid: NetUid, hotkey: AccountId) -> Option<Neuron<AccountId>> {
	let uid = pallet_subnets::Uids::<Runtime>::get(netuid, hotkey)?;
	neuron(netuid, uid.0)
}

/// A subnet's metagraph; the weight and bond rows only `with_rows`.
pub fn metagraph(netuid: NetUid, with_rows: bool) -> Option<Metagraph<AccountId>> {
	let view = SubnetView::read(netuid)?;
	let count = pallet_subnets::NeuronCount::<Runtime>::get(netuid);
	let neurons = (0..count).filter_map(|uid| view.neuron(uid)).collect();
	let rows = |read: fn(NetUid, u16) -> Vec<(u16, u16)>| -> Vec<(u16, Vec<(u16, u16)>)> {
		if !with_rows {
			return Vec::new();
		}
		(0..count).map(|uid| (uid, read(netuid, uid))).filter(|(_, row)| !row.is_empty()).collect()
	};
	let weights = rows(|netuid, uid| {
		pallet_consensus::Weights::<Runtime>::get(Consensus::key(netuid), Uid(uid)).into_inner()
	});
	let bonds = rows(|netuid, uid| {
		pallet_consensus::Bonds::<Runtime>::get(Consensus::key(netuid), Uid(uid)).into_inner()
	});
	Some(Metagraph { netuid, block: now(), neurons, weights, bonds })
}

/// A coldkey's stake positions, each at what it is worth now.
pub fn stake_positions(coldkey: AccountId) -> Vec<StakePosition<AccountId>> {
	pallet_stake::StakedHotkeys::<Runtime>::iter_key_prefix(&coldkey)
		.map(|hotkey| StakePosition {
			hotkey_owner: pallet_subnets::HotkeyOwner::<Runtime>::get(&hotkey),
			stake: pallet_stake::Pallet::<Runtime>::position_value(&hotkey, &coldkey),
			hotkey,
		})
		.collect()
}

/// Every hotkey with stake, most stake first, with each nominator's position at its worth now.
pub fn delegates() -> Vec<Delegate<AccountId>> {
	let mut delegates: Vec<Delegate<AccountId>> = pallet_stake::Pools::<Runtime>::iter()
		.map(|(hotkey, pool)| {
			let total_stake = pool.total();
			let now = pool.at(frame_system::Pallet::<Runtime>::block_number());
			Delegate {
				owner: pallet_subnets::HotkeyOwner::<Runtime>::get(&hotkey),
				take: pallet_stake::Takes::<Runtime>::get(&hotkey),
				total_stake,
				nominators: pallet_stake::Positions::<Runtime>::iter_prefix(&hotkey)
					.map(|(coldkey, position)| (coldkey, now.value_of(position.shares)))
					.collect(),
				hotkey,
			}
		})
		.collect();
	delegates.sort_by(|a, b| b.total_stake.cmp(&a.total_stake).then(a.hotkey.cmp(&b.hotkey)));
	delegates
}

/// What registering a subnet locks now.
pub fn lock_cost() -> Balance {
	Subnets::lock_cost()
}
