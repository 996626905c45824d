//! What clients read of stake (the runtime API's answers), from this pallet's storage: hotkeys'
//! totals, a coldkey's positions and the delegates.

use crate::{pallet::*, Config, Pallet};
use alloc::vec::Vec;
use taonet_primitives::{
	views::{Delegate, StakePosition},
	Balance, HotkeyOwnership,
};

impl<T: Config> Pallet<T> {
	/// The hotkey's total stake, in rao: its positions and the rewards still streaming to them.
	pub fn hotkey_stake(hotkey: &T::AccountId) -> Balance {
		Pools::<T>::get(hotkey).total()
	}

	/// A coldkey's stake positions, each at what it is worth now.
	pub fn stake_positions(coldkey: &T::AccountId) -> Vec<StakePosition<T::AccountId>> {
		StakedHotkeys::<T>::iter_key_prefix(coldkey)
			.map(|hotkey| StakePosition {
				hotkey_owner: T::Hotkeys::hotkey_owner(&hotkey),
				stake: Self::position_value(&hotkey, coldkey),
				hotkey,
			})
			.collect()
	}

	/// Every hotkey with stake, most stake first (ties by hotkey), with each nominator's
	/// position at what it is worth now.
	pub fn delegates() -> Vec<Delegate<T::AccountId>> {
		let mut delegates: Vec<Delegate<T::AccountId>> = Pools::<T>::iter()
			.map(|(hotkey, pool)| {
				let total_stake = pool.total();
				let now = pool.at(Self::now());
				Delegate {
					owner: T::Hotkeys::hotkey_owner(&hotkey),
					take: Takes::<T>::get(&hotkey),
					total_stake,
					nominators: Positions::<T>::iter_prefix(&hotkey)
						.map(|(coldkey, position)| (coldkey, now.value_of(position.shares)))
						.collect(),
					hotkey,
				}
			})
			.collect();
		delegates.sort_by(|a, b| b.total_stake.cmp(&a.total_stake).then(a.hotkey.cmp(&b.hotkey)));
		delegates
	}
}
