//! What clients read of the epoch (the runtime API's answers), from this pallet's storage: each
//! neuron's results of the last epoch and its last weights update, and the weight and bond rows.

use crate::{pallet::*, Config, Pallet};
use alloc::vec::Vec;
use taonet_primitives::{
	views::{Neuron, NeuronOutput},
	NetUid, Uid,
};

/// `(uid, [(target uid, value)])` rows of a subnet, the empty ones left out.
pub type Rows = Vec<(u16, Vec<(u16, u16)>)>;

impl<T: Config> Pallet<T> {
	/// Fills in each neuron's results from the subnet's last epoch and the block it last set
	/// weights (kept as its registration if it never did). A neuron that registered at or after
	/// the last epoch has no results yet: the stored ones, if any, were its predecessor's.
	pub fn fill_results<AccountId>(netuid: NetUid, neurons: &mut [Neuron<AccountId>]) {
		let outputs = Outputs::<T>::get(netuid);
		let last_epoch = BondsUpdatedAt::<T>::get(netuid);
		let key = Self::key(netuid);
		for neuron in neurons {
			let results = if neuron.registered_at >= last_epoch {
				NeuronOutput::default()
			} else {
				outputs.get(usize::from(neuron.uid)).copied().unwrap_or_default()
			};
			neuron.set_results(&results);
			if let Some(block) = LastUpdate::<T>::get(key, Uid(neuron.uid)) {
				neuron.last_update = block;
			}
		}
	}

	/// The weight rows of the subnet's `count` UIDs, as set (largest weight 65,535).
	pub fn weight_rows(netuid: NetUid, count: u16) -> Rows {
		let key = Self::key(netuid);
		Self::rows(count, |uid| Weights::<T>::get(key, uid).into_inner())
	}

	/// The bond rows of the subnet's `count` UIDs, from its last epoch.
	pub fn bond_rows(netuid: NetUid, count: u16) -> Rows {
		let key = Self::key(netuid);
		Self::rows(count, |uid| Bonds::<T>::get(key, uid).into_inner())
	}

	fn rows(count: u16, read: impl Fn(Uid) -> Vec<(u16, u16)>) -> Rows {
		(0..count).map(|uid| (uid, read(Uid(uid)))).filter(|(_, row)| !row.is_empty()).collect()
	}
}
