//! Storage migrations of this pallet, in the pattern of every Taonet pallet (see
//! `pallet_governance::migrations`): an `UncheckedOnRuntimeUpgrade` does the work inside a
//! `VersionedMigration`, with `try-runtime` checks before and after.
//!
//! [`v1::MigrateV0ToV1`] moves a chain from storage version 0 (every position paid on each
//! reward, its stake written on it, `NominatorCount` per hotkey and a capped list of hotkeys per
//! coldkey) to version 1: share pools paid in O(1), with a reward account and a stream.

pub mod v1 {
	use crate::{Config, Pallet, Pool, Pools, Position, Positions, StakedHotkeys};
	use codec::Decode;
	use frame_support::{
		migrations::VersionedMigration,
		pallet_prelude::ValueQuery,
		traits::{
			fungible::{Inspect, Mutate},
			Get, UncheckedOnRuntimeUpgrade,
		},
		weights::Weight,
		Blake2_128Concat,
	};
	use taonet_primitives::Balance;

	/// A version-0 pool: its stake and shares.
	#[derive(Decode)]
	pub struct OldPool {
		/// Total stake, in rao.
		pub stake: Balance,
		/// Total shares.
		pub shares: u128,
	}

	/// A version-0 position: its stake, exactly what was held on the coldkey, and its shares.
	#[derive(Decode)]
	pub struct OldPosition {
		/// Stake in rao.
		pub stake: Balance,
		/// Shares.
		pub shares: u128,
	}

	/// Version 0's count of positions per hotkey, which version 1 does not keep.
	#[frame_support::storage_alias]
	pub type NominatorCount<T: Config> = StorageMap<
		Pallet<T>,
		Blake2_128Concat,
		<T as frame_system::Config>::AccountId,
		u32,
		ValueQuery,
	>;

	/// Told what the migration minted to seed the reward account, so that the runtime can add
	/// it to the books that track issuance (as the genesis seed is part of initial issuance).
	pub trait NoteSeed {
		/// `amount` rao were minted into the reward account.
		fn note_seed(amount: Balance);
	}

	impl NoteSeed for () {
		fn note_seed(_: Balance) {}
	}

	/// Rewrites pools and positions into version 1's layout without changing what anyone owns.
	///
	/// Each position keeps its hold (`held` = its version-0 stake) and gets the shares its stake
	/// buys in an empty pool (`stake * SHARES_PER_RAO`), so that it is worth exactly its stake; each pool keeps its stake,
	/// with the shares of its positions and nothing streaming. The coldkeys' hotkey lists become
	/// `StakedHotkeys` entries, rebuilt from the positions; `NominatorCount` goes. The reward
	/// account is seeded with the existential deposit if it has less, which `N` is told of.
	///
	/// One block: it reads and writes each position a few times, which suits the chains that
	/// version 0 ran (at most 512 positions a hotkey); a chain with far more would need a
	/// multi-block migration.
	pub struct ToSharePools<T, N>(core::marker::PhantomData<(T, N)>);

	impl<T: Config, N: NoteSeed> UncheckedOnRuntimeUpgrade for ToSharePools<T, N> {
		fn on_runtime_upgrade() -> Weight {
			let mut reads: u64 = 0;
			let mut writes: u64 = 0;
			// Both go whole: `StakedHotkeys` keeps its prefix under a new key layout.
			let counts = NominatorCount::<T>::clear(u32::MAX, None);
			let lists = StakedHotkeys::<T>::clear(u32::MAX, None);
			reads = reads.saturating_add(counts.loops.into()).saturating_add(lists.loops.into());
			writes =
				writes.saturating_add(counts.unique.into()).saturating_add(lists.unique.into());
			Pools::<T>::translate::<OldPool, _>(|_, old| {
				reads = reads.saturating_add(1);
				writes = writes.saturating_add(1);
				Some(Pool { stake: old.stake, ..Default::default() })
			});
			let mut touched: alloc::vec::Vec<(T::AccountId, T::AccountId, u128)> =
				alloc::vec::Vec::new();
			Positions::<T>::translate::<OldPosition, _>(|hotkey, coldkey, old| {
				// What the stake buys in an empty pool: every position at the same price.
				let shares = Pool::default().shares_for(old.stake);
				touched.push((hotkey, coldkey, shares));
				reads = reads.saturating_add(1);
				writes = writes.saturating_add(1);
				Some(Position { shares, held: old.stake })
			});
			for (hotkey, coldkey, shares) in touched {
				Pools::<T>::mutate(&hotkey, |pool| {
					pool.shares = pool.shares.saturating_add(shares)
				});
				StakedHotkeys::<T>::insert(&coldkey, &hotkey, ());
				reads = reads.saturating_add(1);
				writes = writes.saturating_add(2);
			}
			let account = Pallet::<T>::reward_account();
			let seed = T::Currency::minimum_balance();
			let have = T::Currency::balance(&account);
			reads = reads.saturating_add(1);
			if have < seed {
				let missing = seed.saturating_sub(have);
				match T::Currency::mint_into(&account, missing) {
					Ok(_) => {
						N::note_seed(missing);
						writes = writes.saturating_add(2);
					},
					Err(e) => log::error!(
						target: "runtime::stake",
						"the reward account could not be seeded: {e:?}"
					),
				}
			}
			log::info!(target: "runtime::stake", "moved stake to share pools (version 1)");
			T::DbWeight::get().reads_writes(reads, writes)
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<alloc::vec::Vec<u8>, sp_runtime::TryRuntimeError> {
			use codec::Encode;
			let positions = Positions::<T>::iter_keys().count() as u64;
			Ok((positions, crate::TotalStake::<T>::get()).encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			let (positions, total) = <(u64, Balance)>::decode(&mut &state[..])
				.map_err(|_| "the pre-upgrade state does not decode")?;
			frame_support::ensure!(
				Positions::<T>::iter_keys().count() as u64 == positions,
				"positions were lost or made"
			);
			frame_support::ensure!(
				StakedHotkeys::<T>::iter_keys().count() as u64 == positions,
				"a position has no StakedHotkeys entry"
			);
			frame_support::ensure!(crate::TotalStake::<T>::get() == total, "total stake changed");
			Pallet::<T>::do_try_state()
		}
	}

	/// [`ToSharePools`] from storage version 0 to 1.
	pub type MigrateV0ToV1<T, N> = VersionedMigration<
		0,
		1,
		ToSharePools<T, N>,
		Pallet<T>,
		<T as frame_system::Config>::DbWeight,
	>;
}
