//! [`CheckWeights`]: the transaction extension that keeps free weight calls from spamming the
//! pool. It encodes to zero bytes (no explicit or implicit data), so clients sign without any
//! configuration; it belongs after the standard extensions.

use crate::{row_len, Call, Config, Error, Pallet, WeightInfo, WEIGHTS_PRIORITY};
use codec::{Decode, DecodeWithMemTracking, Encode};
use core::marker::PhantomData;
use frame_support::{
	dispatch::DispatchInfo,
	pallet_prelude::{TransactionSource, TransactionValidityError},
	traits::IsSubType,
	weights::Weight,
};
use scale_info::TypeInfo;
use sp_runtime::{
	impl_tx_ext_default,
	traits::{
		AsSystemOriginSigner, DispatchInfoOf, DispatchOriginOf, Dispatchable, Implication,
		TransactionExtension, ValidateResult,
	},
	transaction_validity::{InvalidTransaction, ValidTransaction},
};

/// Validates `set_weights`, `commit_weights` and `reveal_weights`: runs every check the call
/// makes ([`Pallet::check_set_weights`], [`Pallet::check_commit`], [`Pallet::check_reveal`]) and
/// refuses the transaction when one fails. `validate` runs in the pool and again when a block
/// applies the transaction, so a free weight call that would fail never reaches a block. A
/// valid weight call gets [`WEIGHTS_PRIORITY`] and provides the tag `(hotkey, netuid)`, so the
/// pool holds one weight call per hotkey and subnet at a time. Other calls pass untouched.
///
/// Refusals are `InvalidTransaction::Custom(code)` with the code of the pallet's error
/// ([`refusal_code`]): 1 unknown subnet, 2 hotkey not registered, 3 no validator permit, 4 rate
/// limit, 5 `uids` and `weights` of different lengths, 6 a row longer than `MaxUids`, 7 unknown
/// UID, 8 duplicate UID, 9 too few weights, 10 a weight above the limit, 11 all weights zero,
/// 12 outdated version key, 13 commit-reveal on (commit instead), 14 commit-reveal off, 15 no
/// commit, 16 reveal mismatch, 17 reveal too early, 18 reveal too late, 19 a commit pending.
#[derive(Encode, Decode, DecodeWithMemTracking, Clone, Eq, PartialEq, TypeInfo)]
#[scale_info(skip_type_params(T))]
pub struct CheckWeights<T>(PhantomData<T>);

impl<T> Default for CheckWeights<T> {
	fn default() -> Self {
		Self(PhantomData)
	}
}

impl<T> core::fmt::Debug for CheckWeights<T> {
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		write!(f, "CheckWeights")
	}
}

/// The custom validity code of each refusal: every error of the pallet has its own.
pub fn refusal_code<T: Config>(error: &Error<T>) -> u8 {
	match error {
		Error::<T>::SubnetNotFound => 1,
		Error::<T>::HotkeyNotRegistered => 2,
		Error::<T>::NoValidatorPermit => 3,
		Error::<T>::WeightsRateLimitExceeded => 4,
		Error::<T>::LengthMismatch => 5,
		Error::<T>::RowTooLong => 6,
		Error::<T>::UnknownUid => 7,
		Error::<T>::DuplicateUid => 8,
		Error::<T>::TooFewWeights => 9,
		Error::<T>::WeightAboveLimit => 10,
		Error::<T>::AllWeightsZero => 11,
		Error::<T>::OutdatedVersionKey => 12,
		Error::<T>::CommitRevealEnabled => 13,
		Error::<T>::CommitRevealDisabled => 14,
		Error::<T>::NoCommit => 15,
		Error::<T>::RevealMismatch => 16,
		Error::<T>::RevealTooEarly => 17,
		Error::<T>::RevealTooLate => 18,
		Error::<T>::CommitPending => 19,
		Error::<T>::__Ignore(..) => 0,
	}
}

impl<T> TransactionExtension<T::RuntimeCall> for CheckWeights<T>
where
	T: Config + Send + Sync,
	T::RuntimeCall: Dispatchable<Info = DispatchInfo> + IsSubType<Call<T>>,
	<T::RuntimeCall as Dispatchable>::RuntimeOrigin: AsSystemOriginSigner<T::AccountId> + Clone,
{
	const IDENTIFIER: &'static str = "CheckWeights";
	type Implicit = ();
	type Val = ();
	type Pre = ();

	/// The checks read what the call reads and do what it does short of writing, so the call's
	/// own benchmarked weight bounds them.
	fn weight(&self, call: &T::RuntimeCall) -> Weight {
		match call.is_sub_type() {
			Some(Call::set_weights { uids, .. }) => T::WeightInfo::set_weights(row_len::<T>(uids)),
			Some(Call::commit_weights { .. }) => T::WeightInfo::commit_weights(),
			Some(Call::reveal_weights { uids, .. }) => {
				T::WeightInfo::reveal_weights(row_len::<T>(uids))
			},
			_ => Weight::zero(),
		}
	}

	fn validate(
		&self,
		origin: DispatchOriginOf<T::RuntimeCall>,
		call: &T::RuntimeCall,
		_info: &DispatchInfoOf<T::RuntimeCall>,
		_len: usize,
		_self_implicit: Self::Implicit,
		_inherited_implication: &impl Implication,
		_source: TransactionSource,
	) -> ValidateResult<Self::Val, T::RuntimeCall> {
		let Some(call) = call.is_sub_type() else {
			return Ok((ValidTransaction::default(), (), origin));
		};
		let who = origin.as_system_origin_signer().ok_or(InvalidTransaction::BadSigner)?;
		let (netuid, checked) = match call {
			Call::set_weights { netuid, uids, weights, version_key } => (
				*netuid,
				Pallet::<T>::check_set_weights(*netuid, who, uids, weights, *version_key)
					.map(|_| ()),
			),
			Call::commit_weights { netuid, .. } => {
				(*netuid, Pallet::<T>::check_commit(*netuid, who).map(|_| ()))
			},
			Call::reveal_weights { netuid, uids, weights, salt, version_key } => (
				*netuid,
				Pallet::<T>::check_reveal(*netuid, who, uids, weights, salt, *version_key)
					.map(|_| ()),
			),
			_ => return Ok((ValidTransaction::default(), (), origin)),
		};
		checked.map_err(|e| {
			TransactionValidityError::Invalid(InvalidTransaction::Custom(refusal_code(&e)))
		})?;
		let valid = ValidTransaction::with_tag_prefix("TaonetWeights")
			.priority(WEIGHTS_PRIORITY)
			.and_provides((who, netuid))
			.into();
		Ok((valid, (), origin))
	}

	impl_tx_ext_default!(T::RuntimeCall; prepare);
}
