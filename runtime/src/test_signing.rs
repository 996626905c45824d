//! Signs calls for the runtime's tests exactly as a wallet does: the runtime's extensions, an
//! immortal era, no tip.

use crate::{AccountId, RuntimeCall, SignedPayload, UncheckedExtrinsic};
use codec::Encode;
use sp_runtime::{MultiAddress, MultiSignature};

/// `call` from `who` with `nonce`, signed by `sign` over the signed payload.
pub fn signed(
	who: AccountId,
	sign: impl Fn(&[u8]) -> MultiSignature,
	call: RuntimeCall,
	nonce: u32,
) -> UncheckedExtrinsic {
	let extension = crate::immortal_tx_extension(nonce);
	let payload = SignedPayload::new(call.clone(), extension.clone()).expect("implicit data");
	let signature = payload.using_encoded(|bytes| sign(bytes));
	UncheckedExtrinsic::new_signed(call, MultiAddress::Id(who), signature, extension)
}
