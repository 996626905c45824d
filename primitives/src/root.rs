//! What other pallets may know about the root network: each subnet's share of block emission.
//!
//! The root pallet owns the shares (it computes them from the root validators' weights once per
//! root tempo); emission reads them to split each block's emission, and subnets reads them to
//! prune the subnet with the lowest share.

use crate::NetUid;

/// Each subnet's share of block emission, as the root network last computed it.
pub trait EmissionShares {
	/// The subnet's share weight, relative to the other subnets' (their sum is not fixed); 0
	/// for a subnet without a share yet, or for no subnet.
	fn share_of(netuid: NetUid) -> u64;
}

/// No root network: every subnet's share is 0 (emission then goes to the first subnet, and
/// pruning falls back to age). For test runtimes that do not need shares.
impl EmissionShares for () {
	fn share_of(_: NetUid) -> u64 {
		0
	}
}

/// Whether a subnet is active: its last epoch reached a consensus (some validator's weights on
/// some miner counted). The consensus pallet knows; the root network gives shares by it when
/// no root weights decide.
pub trait SubnetActivity {
	/// Whether `netuid`'s last epoch reached a consensus.
	fn is_active(netuid: NetUid) -> bool;
}
