//! [`CheckWeights`]: the transaction extension that keeps free weight calls from spamming the
//! pool. It encodes to zero bytes (no explicit or implicit data), so clients sign without any
//! configuration; it belongs after the standard extensions.

use crate::{Call, Config, Error, Pallet};
use codec::{Decode, DecodeWithMemTracking, Encode};
use core::marker::PhantomData;
use frame_support::{
	dispatch::DispatchInfo,
	pallet_prelude::{TransactionSource, TransactionValidityError},
	traits::{Get, IsSubType},
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
use taonet_primitives::NetUid;

/// Validates `set_weights`, `commit_weights` and `reveal_weights` in the transaction pool:
/// the subnet exists, the signer is a registered hotkey, holds a validator permit (or sets a
/// lone self-weight) and is past the weights rate limit. Other calls pass untouched.
///
/// Refusals are `InvalidTransaction::Custom(code)` with the code of the pallet's error:
/// 1 unknown subnet, 2 hotkey not registered, 3 no validator permit, 4 rate limit, 5 `uids`
/// and `weights` of different lengths, 6 a row longer than `MaxUids`.
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

/// The custom validity code of each refusal.
pub fn refusal_code<T: Config>(error: &Error<T>) -> u8 {
	match error {
		Error::<T>::SubnetNotFound => 1,
		Error::<T>::HotkeyNotRegistered => 2,
		Error::<T>::NoValidatorPermit => 3,
		Error::<T>::WeightsRateLimitExceeded => 4,
		Error::<T>::LengthMismatch => 5,
		Error::<T>::RowTooLong => 6,
		_ => 0,
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

	fn weight(&self, _: &T::RuntimeCall) -> Weight {
		// The subnet's parameters, the hotkey's UID, the permits and the last update.
		<T as frame_system::Config>::DbWeight::get().reads(4)
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
		let checked: Option<(NetUid, bool, &[u16], &[u16])> = match call.is_sub_type() {
			Some(Call::set_weights { netuid, uids, weights, .. }) => {
				Some((*netuid, true, uids, weights))
			},
			Some(Call::commit_weights { netuid, .. }) => Some((*netuid, true, &[0], &[1])),
			Some(Call::reveal_weights { netuid, uids, weights, .. }) => {
				Some((*netuid, false, uids, weights))
			},
			_ => None,
		};
		if let Some((netuid, rate_limited, uids, weights)) = checked {
			let refuse = |e: Error<T>| {
				TransactionValidityError::Invalid(InvalidTransaction::Custom(refusal_code(&e)))
			};
			if uids.len() != weights.len() {
				return Err(refuse(Error::<T>::LengthMismatch));
			}
			if u32::try_from(uids.len()).map_or(true, |len| len > T::MaxUids::get()) {
				return Err(refuse(Error::<T>::RowTooLong));
			}
			let who = origin.as_system_origin_signer().ok_or(InvalidTransaction::BadSigner)?;
			// A one-entry row may be a self-weight, which needs no permit; the call checks it is.
			Pallet::<T>::check_caller(netuid, who, rate_limited, uids.len() == 1)
				.map_err(refuse)?;
		}
		Ok((ValidTransaction::default(), (), origin))
	}

	impl_tx_ext_default!(T::RuntimeCall; prepare);
}
