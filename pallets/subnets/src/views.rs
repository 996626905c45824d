//! What clients read of subnets and neurons (the runtime API's answers), from this pallet's
//! storage alone: the parts that other pallets own (stake, epoch results, emission) are theirs to
//! fill in, and the runtime puts them together.

use crate::{pallet::*, Config, Pallet};
use alloc::vec::Vec;
use taonet_primitives::{
	blocks_to_next_epoch,
	views::{Neuron, SubnetSummary},
	BlockNumber, NetUid, SubnetsInterface, Uid,
};

impl<T: Config> Pallet<T> {
	/// One subnet as the subnet list shows it. Its emission share and pending emission are
	/// zero here: the root and emission pallets own them.
	pub fn subnet_summary(netuid: NetUid) -> Option<SubnetSummary<T::AccountId>> {
		let info = Networks::<T>::get(netuid)?;
		let params = Hyperparams::<T>::get(netuid)?;
		Some(SubnetSummary {
			netuid,
			owner: info.owner,
			owner_hotkey: info.owner_hotkey,
			lock: info.lock,
			registered_at: info.registered_at,
			tempo: params.tempo,
			neurons: NeuronCount::<T>::get(netuid),
			max_uids: params.max_uids,
			burn: Self::current_burn(netuid),
			emission_share_ppb: 0,
			pending_emission: 0,
			blocks_to_next_epoch: blocks_to_next_epoch(netuid, params.tempo, Self::now()),
		})
	}

	/// Every subnet's summary, in netuid order.
	pub fn subnet_summaries() -> Vec<SubnetSummary<T::AccountId>> {
		Self::subnets().into_iter().filter_map(Self::subnet_summary).collect()
	}

	/// The neuron at `uid` as this pallet knows it: hotkey, owner, axon and registration block.
	/// Its stake and epoch results are zero here, and its last update is its registration: the
	/// stake and consensus pallets own those.
	pub fn neuron_view(netuid: NetUid, uid: Uid) -> Option<Neuron<T::AccountId>> {
		Self::neuron_at(netuid, uid, &RegisteredAt::<T>::get(netuid))
	}

	/// [`Self::neuron_view`] with the subnet's registration blocks read once by the caller.
	fn neuron_at(
		netuid: NetUid,
		uid: Uid,
		registered: &[BlockNumber],
	) -> Option<Neuron<T::AccountId>> {
		let hotkey = Keys::<T>::get(netuid, uid)?;
		let registered_at = registered.get(usize::from(uid.0)).copied().unwrap_or(0);
		Some(Neuron {
			uid: uid.0,
			coldkey: HotkeyOwner::<T>::get(&hotkey),
			stake: 0,
			axon: Axons::<T>::get(netuid, &hotkey),
			hotkey,
			active: false,
			validator_permit: false,
			validator_trust: 0,
			consensus: 0,
			rank: 0,
			trust: 0,
			incentive: 0,
			dividends: 0,
			emission: 0,
			last_update: registered_at,
			registered_at,
		})
	}

	/// Every neuron of the subnet, by UID, as [`Self::neuron_view`] gives them; `None` for an
	/// unknown subnet.
	pub fn neuron_views(netuid: NetUid) -> Option<Vec<Neuron<T::AccountId>>> {
		if !Networks::<T>::contains_key(netuid) {
			return None;
		}
		let count = NeuronCount::<T>::get(netuid);
		let registered = RegisteredAt::<T>::get(netuid);
		Some((0..count).filter_map(|uid| Self::neuron_at(netuid, Uid(uid), &registered)).collect())
	}
}
