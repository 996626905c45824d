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
/// 1 unknown subnet, 2 hotkey not registered, 3 no validator permit, 4 rate limit.
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
		let checked: Option<(NetUid, bool, bool)> = match call.is_sub_type() {
			Some(Call::set_weights { netuid, uids, .. }) => Some((*netuid, true, single(uids))),
			Some(Call::commit_weights { netuid, .. }) => Some((*netuid, true, true)),
			Some(Call::reveal_weights { netuid, uids, .. }) => Some((*netuid, false, single(uids))),
			_ => None,
		};
		if let Some((netuid, rate_limited, may_lack_permit)) = checked {
			let who = origin.as_system_origin_signer().ok_or(InvalidTransaction::BadSigner)?;
			Pallet::<T>::check_caller(netuid, who, rate_limited, may_lack_permit).map_err(|e| {
				TransactionValidityError::Invalid(InvalidTransaction::Custom(refusal_code(&e)))
			})?;
		}
		Ok((ValidTransaction::default(), (), origin))
	}

	impl_tx_ext_default!(T::RuntimeCall; prepare);
}

/// A one-entry row may be a self-weight, which needs no permit; the call checks it is.
fn single(uids: &[u16]) -> bool {
	uids.len() == 1
}
