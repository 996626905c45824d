//! What the emission pallet needs from staking: reading stake and paying rewards into it.

use crate::Balance;
use sp_runtime::DispatchError;
use sp_weights::Weight;

/// Stake as voting power and as the place rewards compound.
pub trait StakeInterface<AccountId> {
	/// A hotkey's total stake, in rao: its voting power on every subnet it is registered in.
	fn hotkey_stake(hotkey: &AccountId) -> Balance;
	/// What `coldkey` has staked to `hotkey`, in rao (rewards included).
	fn position_stake(hotkey: &AccountId, coldkey: &AccountId) -> Balance;
	/// All TAO staked, in rao.
	fn total_stake() -> Balance;
	/// Mints `amount` into `hotkey`'s pool: the owner's take first, to the owner's position,
	/// then the rest pro rata to every position (so that nominators compound). All or nothing:
	/// on an error (unknown hotkey, the owner's coldkey staked to too many hotkeys) nothing is
	/// minted and the caller keeps the amount.
	fn pay_hotkey(hotkey: &AccountId, amount: Balance) -> Result<(), DispatchError>;
	/// Mints `amount` straight into the `(hotkey, coldkey)` position, as if it were staked (the
	/// minimum stake does not apply to rewards). All or nothing, as `pay_hotkey`; the coldkey
	/// must exist.
	fn pay_position(
		hotkey: &AccountId,
		coldkey: &AccountId,
		amount: Balance,
	) -> Result<(), DispatchError>;
	/// What paying `hotkey` with [`StakeInterface::pay_hotkey`] weighs now (it touches every
	/// position on the hotkey).
	fn pay_hotkey_weight(hotkey: &AccountId) -> Weight;
	/// What one [`StakeInterface::pay_position`] weighs.
	fn pay_position_weight() -> Weight;
}
