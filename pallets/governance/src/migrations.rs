//! Storage migrations of this pallet.
//!
//! The pattern every Taonet pallet follows: a migration is an `UncheckedOnRuntimeUpgrade` that
//! does the work, wrapped in `frame_support::migrations::VersionedMigration<FROM, TO, ..>` so
//! that it runs only while the on-chain storage version is `FROM` and then sets it to `TO`. Under
//! the `try-runtime` feature, `pre_upgrade` records what the migration must keep and
//! `post_upgrade` checks it. The runtime lists pending migrations in its `Migrations` type.
//!
//! [`v1::MigrateV0ToV1`] belongs to the next release (feature `next-release`): it renames
//! `PeriodDivisor` to `TrackPeriodDivisor`. The runtime's upgrade rehearsal enacts it on a live
//! chain, so the migration path is exercised end to end before a release needs it.

#[cfg(feature = "next-release")]
pub mod v1 {
	use crate::{Config, Pallet, TrackPeriodDivisor};
	use frame_support::{
		migrations::VersionedMigration,
		pallet_prelude::OptionQuery,
		traits::{Get, UncheckedOnRuntimeUpgrade},
		weights::Weight,
	};

	/// The divisor under its version-0 name.
	#[frame_support::storage_alias]
	pub type PeriodDivisor<T: Config> = StorageValue<Pallet<T>, u32, OptionQuery>;

	/// Moves the period divisor from `PeriodDivisor` to `TrackPeriodDivisor`.
	pub struct RenamePeriodDivisor<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for RenamePeriodDivisor<T> {
		fn on_runtime_upgrade() -> Weight {
			let db = T::DbWeight::get();
			match PeriodDivisor::<T>::take() {
				Some(divisor) => {
					TrackPeriodDivisor::<T>::put(divisor);
					log::info!(target: "runtime::governance", "moved the period divisor ({divisor}) to TrackPeriodDivisor");
					db.reads_writes(1, 2)
				},
				None => db.reads(1),
			}
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<alloc::vec::Vec<u8>, sp_runtime::TryRuntimeError> {
			use codec::Encode;
			Ok(PeriodDivisor::<T>::get().encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			use codec::Decode;
			let before = Option::<u32>::decode(&mut &state[..])
				.map_err(|_| "the pre-upgrade state does not decode")?;
			frame_support::ensure!(
				!PeriodDivisor::<T>::exists(),
				"the old key still holds a value"
			);
			if let Some(divisor) = before {
				frame_support::ensure!(
					TrackPeriodDivisor::<T>::get() == divisor,
					"the divisor changed in the move"
				);
			}
			Ok(())
		}
	}

	/// [`RenamePeriodDivisor`] from storage version 0 to 1.
	pub type MigrateV0ToV1<T> = VersionedMigration<
		0,
		1,
		RenamePeriodDivisor<T>,
		Pallet<T>,
		<T as frame_system::Config>::DbWeight,
	>;
}
