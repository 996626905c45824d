//! Root access.
//!
//! Development and test chains get a sudo key in their genesis preset; a production chain's spec
//! leaves it out (`Sudo::key` is `None`), so no account can act as root.

use crate::{Runtime, RuntimeCall, RuntimeEvent};

impl pallet_sudo::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type WeightInfo = pallet_sudo::weights::SubstrateWeight<Runtime>;
}
