//! What the emission pallet needs from staking: reading stake and paying rewards into it.

use crate::Balance;
use sp_runtime::DispatchError;
use sp_weights::Weight;

/// Stake as voting power and as the place rewards compound.
pub trait StakeInterface<AccountId> {
	/// A hotkey's total stake, in rao: its voting power on every subnet it is registered in.
	fn hotkey_stake(hotkey: &AccountId) -> Balance;
	/// What `coldkey`'s stake on `hotkey` is worth now, in rao (rewards released so far
	/// included).
	fn position_stake(hotkey: &AccountId, coldkey: &AccountId) -> Balance;
	/// All TAO staked, in rao.
	fn total_stake() -> Balance;
	/// Mints `amount` into `hotkey`'s pool: the owner's take first, to the owner's position,
	/// then the rest into the pool's share price (so that nominators compound), at a cost that
	/// does not depend on the number of nominators. All or nothing: on an error (unknown
	/// hotkey) nothing is minted and the caller keeps the amount.
	fn pay_hotkey(hotkey: &AccountId, amount: Balance) -> Result<(), DispatchError>;
	/// Mints `amount` straight into the `(hotkey, coldkey)` position, as if it were staked (the
	/// minimum stake does not apply to rewards), creating the position if needed. All or
	/// nothing, as `pay_hotkey`.
	fn pay_position(
		hotkey: &AccountId,
		coldkey: &AccountId,
		amount: Balance,
	) -> Result<(), DispatchError>;
	/// What one [`StakeInterface::pay_hotkey`] weighs, whatever the hotkey's nominators.
	fn pay_hotkey_weight() -> Weight;
	/// What one [`StakeInterface::pay_position`] weighs.
	fn pay_position_weight() -> Weight;
}
