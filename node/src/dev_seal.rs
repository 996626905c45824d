//! Development sealing: fast blocks, finalized at once, on a single node.
//!
//! The runtime still lives in 12 s Aura slots: every block's timestamp is exactly one slot after
//! its parent's (or the wall clock's slot, when that is later, as on a fresh chain), and its Aura
//! pre-digest names that slot. So the chain's clock runs ahead of the wall clock while blocks come
//! faster than one per 12 s, and the runtime's slot and timestamp checks pass unchanged.

use std::{sync::Arc, time::Duration};

use futures::{channel::mpsc, stream, Stream, StreamExt};
use sc_consensus_manual_seal::EngineCommand;
use sc_transaction_pool_api::TransactionPool;
use sp_blockchain::HeaderBackend;
use sp_consensus_aura::{sr25519::AuthoritySignature, Slot, SlotDuration};
use taonet_runtime::{opaque::Block, Hash};

use crate::cli::Sealing;

/// The timestamp of the block built on `parent_slot`, at wall-clock time `now_millis`.
pub fn next_timestamp(parent_slot: Slot, now_millis: u64, slot_duration: SlotDuration) -> u64 {
	let slot_millis = slot_duration.as_millis().max(1);
	let wall_slot = now_millis / slot_millis;
	let next_slot = u64::from(parent_slot).saturating_add(1).max(wall_slot);
	next_slot.saturating_mul(slot_millis)
}

/// The timestamp inherent for a block on top of `parent`.
pub fn timestamp_provider<C>(
	client: &C,
	parent: Hash,
	slot_duration: SlotDuration,
) -> Result<sp_timestamp::InherentDataProvider, Box<dyn std::error::Error + Send + Sync>>
where
	C: HeaderBackend<Block>,
{
	let header = client
		.header(parent)?
		.ok_or_else(|| format!("the parent block {parent:?} is not in the database"))?;
	let parent_slot = sc_consensus_aura::find_pre_digest::<Block, AuthoritySignature>(&header)
		.map_err(|error| format!("the parent block has no Aura slot: {error}"))?;
	let now = sp_timestamp::Timestamp::current();
	Ok(sp_timestamp::InherentDataProvider::new(
		next_timestamp(parent_slot, now.as_millis(), slot_duration).into(),
	))
}

/// A command that seals one block and finalizes it.
fn seal_and_finalize(create_empty: bool) -> EngineCommand<Hash> {
	EngineCommand::SealNewBlock { create_empty, finalize: true, parent_hash: None, sender: None }
}

/// Every command the sealer obeys in `mode`: the RPC's always, plus a block per interval or per
/// transaction entering the pool.
pub fn commands<P>(
	mode: Sealing,
	pool: Arc<P>,
	rpc_commands: mpsc::Receiver<EngineCommand<Hash>>,
) -> impl Stream<Item = EngineCommand<Hash>> + Unpin
where
	P: TransactionPool + 'static,
{
	let mut sources: Vec<stream::BoxStream<'static, EngineCommand<Hash>>> =
		vec![rpc_commands.boxed()];
	match mode {
		Sealing::Aura | Sealing::Manual => {},
		Sealing::Instant => sources
			.push(pool.import_notification_stream().map(|_| seal_and_finalize(false)).boxed()),
		Sealing::Interval(millis) => {
			let period = Duration::from_millis(millis);
			let ticks = stream::unfold((), move |()| async move {
				tokio::time::sleep(period).await;
				Some((seal_and_finalize(true), ()))
			});
			sources.push(ticks.boxed());
		},
	}
	stream::select_all(sources)
}

#[cfg(test)]
mod tests {
	use super::*;

	const TWELVE_SECONDS: u64 = 12_000;

	fn slot_duration() -> SlotDuration {
		SlotDuration::from_millis(TWELVE_SECONDS)
	}

	#[test]
	fn each_block_is_one_slot_after_its_parent_while_ahead_of_the_wall_clock() {
		let wall = 1_000 * TWELVE_SECONDS + 5;
		assert_eq!(
			next_timestamp(Slot::from(2_000), wall, slot_duration()),
			2_001 * TWELVE_SECONDS
		);
		assert_eq!(
			next_timestamp(Slot::from(2_001), wall, slot_duration()),
			2_002 * TWELVE_SECONDS
		);
	}

	#[test]
	fn a_fresh_chain_starts_at_the_wall_clock_slot() {
		let wall = 1_000 * TWELVE_SECONDS + 7_000;
		assert_eq!(next_timestamp(Slot::from(0), wall, slot_duration()), 1_000 * TWELVE_SECONDS);
	}

	#[test]
	fn timestamps_always_land_on_slot_boundaries_and_increase() {
		let mut parent = Slot::from(0);
		let mut last = 0;
		for step in 0..50u64 {
			let ts = next_timestamp(parent, 777_777 + step * 3_000, slot_duration());
			assert_eq!(ts % TWELVE_SECONDS, 0);
			assert!(ts > last);
			last = ts;
			parent = Slot::from(ts / TWELVE_SECONDS);
		}
	}
}
