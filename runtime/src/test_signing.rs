//! Signs calls for the runtime's tests exactly as a wallet does: the runtime's extensions, an
//! immortal era, no tip.

use crate::{AccountId, RuntimeCall, SignedPayload, TxExtension, UncheckedExtrinsic};
use codec::Encode;
use sp_runtime::{generic::Era, MultiAddress, MultiSignature};

/// `call` from `who` with `nonce`, signed by `sign` over the signed payload.
pub fn signed(
	who: AccountId,
	sign: impl Fn(&[u8]) -> MultiSignature,
	call: RuntimeCall,
	nonce: u32,
) -> UncheckedExtrinsic {
	let extension: TxExtension = (
		frame_system::CheckNonZeroSender::new(),
		frame_system::CheckSpecVersion::new(),
		frame_system::CheckTxVersion::new(),
		frame_system::CheckGenesis::new(),
		frame_system::CheckMortality::from(Era::Immortal),
		frame_system::CheckNonce::from(nonce),
		frame_system::CheckWeight::new(),
		pallet_transaction_payment::ChargeTransactionPayment::from(0),
		frame_metadata_hash_extension::CheckMetadataHash::new(false),
		pallet_consensus::CheckWeights::default(),
	);
	let payload = SignedPayload::new(call.clone(), extension.clone()).expect("implicit data");
	let signature = payload.using_encoded(|bytes| sign(bytes));
	UncheckedExtrinsic::new_signed(call, MultiAddress::Id(who), signature, extension)
}
